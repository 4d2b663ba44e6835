import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seal, unseal } from '../../src/owui/seal.js';

const { vectors } = JSON.parse(readFileSync(new URL('../vectors/seal.json', import.meta.url), 'utf8')) as {
  vectors: Array<{ key: string; iv: string; label: string; plain: string; sealed: string }>;
};

describe('sealed fields of a session opening', () => {
  it.each(vectors)('the fixed vector for $plain.length characters, which the function must produce too', (v) => {
    const key = Buffer.from(v.key, 'hex');
    expect(seal(key, v.label, v.plain, Buffer.from(v.iv, 'hex'))).toBe(v.sealed);
    expect(unseal(key, v.label, v.sealed)).toBe(v.plain);
  });

  it('opens nothing altered, moved to another field, sealed with another key, or not sealed at all', () => {
    const v = vectors[1]!;
    const key = Buffer.from(v.key, 'hex');
    const raw = Buffer.from(v.sealed, 'base64url');
    for (const at of [0, 16, raw.length - 1]) {
      const altered = Buffer.from(raw);
      altered[at]! ^= 1;
      expect(unseal(key, v.label, altered.toString('base64url'))).toBeUndefined();
    }
    expect(unseal(key, 'STEPS', v.sealed)).toBeUndefined();
    expect(unseal(Buffer.alloc(32, 7), v.label, v.sealed)).toBeUndefined();
    expect(unseal(key, v.label, v.sealed.slice(0, 40))).toBeUndefined();
    expect(unseal(key, v.label, v.plain)).toBeUndefined();
  });

  it('never shows the plain text, and two seals of the same key differ', () => {
    const key = Buffer.alloc(32, 1);
    const a = seal(key, 'FLUX_API_KEY', 'bfl-secret-key-0123456789');
    const b = seal(key, 'FLUX_API_KEY', 'bfl-secret-key-0123456789');
    expect(a).not.toBe(b);
    expect(Buffer.from(a, 'base64url').includes('bfl-secret')).toBe(false);
    expect([unseal(key, 'FLUX_API_KEY', a), unseal(key, 'FLUX_API_KEY', b)]).toEqual([
      'bfl-secret-key-0123456789',
      'bfl-secret-key-0123456789',
    ]);
  });
});
