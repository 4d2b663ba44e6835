import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyResultImage } from '../../src/images/verify-result.js';
import { testImage } from '../support/images.js';

/** A result is kept only when it decodes as a PNG, JPEG or WebP of a sane size, whatever its name or type said. */
let png: Buffer;
beforeAll(async () => {
  png = await testImage(64, 48);
});

describe('verifyResultImage', () => {
  it.each([
    ['png', 'image/png'],
    ['jpeg', 'image/jpeg'],
    ['webp', 'image/webp'],
  ] as const)('accepts a real %s and reports its decoded type', async (format, mime) => {
    const bytes = await sharp(png).toFormat(format).toBuffer();
    expect(await verifyResultImage(bytes)).toEqual({ mime, width: 64, height: 48 });
  });

  it.each([
    [
      'an SVG with a script',
      Buffer.from(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script><rect width="10" height="10"/></svg>',
      ),
      'a file of type SVG',
    ],
    [
      'an HTML page',
      Buffer.from('<!DOCTYPE html><html><body><script>fetch("/api/v1/users")</script></body></html>'),
      'data that is no picture',
    ],
    [
      'random bytes',
      Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)),
      'data that is no picture',
    ],
    ['nothing', Buffer.alloc(0), 'data that is no picture'],
  ])('refuses %s', async (_what, bytes, said) => {
    const err = await verifyResultImage(bytes).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'result_not_image', status: 502 });
    expect((err as Error).message).toContain(`sent ${said} instead of a PNG, JPEG or WebP picture`);
  });

  it('refuses a GIF: a picture, but not a type FLUX returns or the sidecar serves', async () => {
    const gif = await sharp(png).gif().toBuffer();
    await expect(verifyResultImage(gif)).rejects.toMatchObject({
      code: 'result_not_image',
      message: expect.stringContaining('a file of type GIF'),
    });
  });

  it('refuses a PNG cut off half-way: its header alone is not enough', async () => {
    const big = await testImage(512, 512);
    await expect(verifyResultImage(big.subarray(0, Math.floor(big.length / 2)))).rejects.toMatchObject({
      code: 'result_not_image',
      message: expect.stringContaining('a broken PNG file'),
    });
  });

  it('refuses a picture above the pixel limit before decoding it', async () => {
    await expect(verifyResultImage(png, 1000)).rejects.toMatchObject({
      code: 'result_too_large',
      message: expect.stringContaining('64x48 pixels'),
    });
  });

  it('refuses a decompression bomb: a small PNG whose header declares 30,000 x 30,000 pixels', async () => {
    const bomb = Buffer.from(png);
    // IHDR's width and height sit at bytes 16..24, its checksum over type and data at 29..33.
    bomb.writeUInt32BE(30_000, 16);
    bomb.writeUInt32BE(30_000, 20);
    bomb.writeUInt32BE(crc32(bomb.subarray(12, 29)), 29);
    await expect(verifyResultImage(bomb)).rejects.toMatchObject({
      code: 'result_too_large',
      message: expect.stringContaining('30000x30000'),
    });
  });
});
