import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { toBase64 } from '../../artifact/src/image/load.js';

/** The editor's base64 for masks and pictures: the browser's native encoder where it has one, else chunks of btoa. */
describe('editor toBase64', () => {
  it.each([0, 1, 2, 3, 0x8000 - 1, 0x8000, 0x8000 + 1, 3 * 0x8000 + 7, 1600 * 1600])(
    'without a native encoder, %i bytes match Node',
    (n) => {
      const bytes = new Uint8Array(randomBytes(n));
      expect((bytes as Uint8Array & { toBase64?: unknown }).toBase64).toBeUndefined();
      expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    },
  );

  it('uses the native encoder when the browser has one', () => {
    const bytes = new Uint8Array([1, 2, 3]);
    Object.defineProperty(bytes, 'toBase64', { value: () => 'native' });
    expect(toBase64(bytes)).toBe('native');
  });

  it('encodes a subarray by its own bytes only', () => {
    const all = new Uint8Array(randomBytes(100));
    const part = all.subarray(10, 50);
    expect(toBase64(part)).toBe(Buffer.from(part).toString('base64'));
  });
});
