import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64 } from '../../src/util/base64.js';

/** What strict base64 means here, spelled out the slow way. */
function reference(text: string): Buffer | undefined {
  const compact = text.replace(/\s+/g, '');
  const m = /^[A-Za-z0-9+/_-]*(={0,2})$/.exec(compact);
  if (!m || compact.length === m[1]!.length) return undefined;
  const data = compact.length - m[1]!.length;
  if ((m[1]!.length > 0 && compact.length % 4 !== 0) || data % 4 === 1) return undefined;
  return Buffer.from(compact, 'base64');
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

describe('decodeBase64', () => {
  it('round-trips any bytes, padded, unpadded, URL-safe or wrapped at 76 columns', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 300 }), (raw) => {
        const bytes = Buffer.from(raw);
        const text = bytes.toString('base64');
        expect(decodeBase64(text)).toEqual(bytes);
        expect(decodeBase64(text.replace(/=+$/, ''))).toEqual(bytes);
        expect(decodeBase64(bytes.toString('base64url'))).toEqual(bytes);
        expect(decodeBase64(text.replace(/.{76}/g, '$&\n'))).toEqual(bytes);
      }),
    );
  });

  it('rejects a text with one foreign character anywhere', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 200 }),
        fc.nat(),
        fc.constantFrom('!', '*', '.', ':', 'é', '\u0000', '"', '=', '%'),
        (raw, at, bad) => {
          const text = Buffer.from(raw).toString('base64').replace(/=+$/, '');
          // An '=' at the very end can be valid padding; anywhere else it is foreign.
          const i = at % (bad === '=' ? text.length : text.length + 1);
          expect(decodeBase64(text.slice(0, i) + bad + text.slice(i))).toBeUndefined();
        },
      ),
    );
  });

  it('agrees with the slow definition on arbitrary near-base64 text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...ALPHABET, '=', ' ', '\n', '!', '-', '_'), maxLength: 40 }),
        (text) => {
          expect(decodeBase64(text)).toEqual(reference(text));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('rejects empty text and misplaced padding', () => {
    for (const text of ['', '=', '==', 'QQ=', 'QUJDRA=', 'QU=DRA==', 'QUJDR===', 'Q'])
      expect(decodeBase64(text), text).toBeUndefined();
  });
});
