import sharp, { type Sharp } from '../../images/vips.js';
import { appError } from '../../errors.js';
import type { OutputFormat } from '../../catalogue/models.js';
import { borderMask, type ExpandSides } from './expand.js';

interface RawImage {
  /** Interleaved samples, `channels` per pixel, in a buffer of its own so it can be transferred to a worker. */
  data: Uint8Array;
  width: number;
  height: number;
  channels: number;
}

/** Decodes to 8-bit RGB (alpha dropped: the result is always opaque, as FLUX's is). */
export async function decodeRgb(bytes: Buffer): Promise<RawImage> {
  return decode(sharp(bytes).removeAlpha().toColourspace('srgb'), 3);
}

/**
 * The canvas of an Expand and the area to fill on it: the picture decoded to 8-bit RGB on a larger black
 * canvas (padded natively, in the same pass), and a mask of the added border. Runs in the worker thread that
 * fills the border, so the 16-megapixel-and-more canvas is never copied between threads.
 */
export async function decodePadded(
  bytes: Uint8Array,
  sides: ExpandSides,
): Promise<{ canvas: RawImage; mask: Uint8Array }> {
  const pipeline = sharp(bytes)
    .removeAlpha()
    .toColourspace('srgb')
    .extend({ ...sides, background: '#000000' });
  const { data, info } = await pipeline.raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
  const canvas = { data, width: info.width, height: info.height, channels: info.channels };
  return { canvas, mask: borderMask(info.width, info.height, sides) };
}

/** Width and height, from the header only. */
export async function imageSize(bytes: Buffer): Promise<{ width: number; height: number }> {
  const { width, height } = await sharp(bytes).metadata();
  return { width: width ?? 0, height: height ?? 0 };
}

/** Decodes to 8-bit luminance. */
export async function decodeGrey(bytes: Buffer): Promise<RawImage> {
  return decode(sharp(bytes).removeAlpha().toColourspace('b-w'), 1);
}

async function decode(pipeline: Sharp, channels: number): Promise<RawImage> {
  const { data, info } = await pipeline.raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
  if (info.channels !== channels) {
    throw appError('invalid_image.channels', { expected: channels, got: info.channels });
  }
  // A copy, because sharp's buffers may not be transferable between threads.
  return { data: new Uint8Array(data), width: info.width, height: info.height, channels };
}

export async function encode(image: RawImage, format: OutputFormat): Promise<{ bytes: Buffer; mime: string }> {
  const { data, width, height, channels } = image;
  const pipeline = sharp(data, { raw: { width, height, channels: channels as 1 | 3 } });
  if (format === 'jpeg') return { bytes: await pipeline.jpeg({ quality: 92 }).toBuffer(), mime: 'image/jpeg' };
  return { bytes: await pipeline.png().toBuffer(), mime: 'image/png' };
}
