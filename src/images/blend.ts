import sharp, { type Sharp } from './vips.js';
import type { OutputFormat } from '../catalogue/models.js';

/**
 * Mixes an edited picture into the original by the mask's grey level, so that a feathered brush edge fades in,
 * and pixels the user did not paint (mask 0) stay byte-identical to the input.
 * @param original interleaved pixels, `channels` bytes each
 * @param edited interleaved pixels of the same size and layout
 * @param mask one byte per pixel: 0 = keep original, 255 = take edited
 */
export function blendByMask(original: Uint8Array, edited: Uint8Array, mask: Uint8Array, channels = 3): Uint8Array {
  if (original.length !== edited.length || original.length !== mask.length * channels) {
    throw new RangeError('blendByMask: image and mask sizes differ');
  }
  const out = new Uint8Array(original.length);
  for (let p = 0; p < mask.length; p++) {
    const m = mask[p]!;
    const i = p * channels;
    if (m === 0) {
      for (let c = i; c < i + channels; c++) out[c] = original[c]!;
    } else if (m === 255) {
      for (let c = i; c < i + channels; c++) out[c] = edited[c]!;
    } else {
      for (let c = i; c < i + channels; c++) out[c] = Math.round((m * edited[c]! + (255 - m) * original[c]!) / 255);
    }
  }
  return out;
}

/**
 * "Only the painted area" for the instruction models (Kontext, FLUX.2), which edit the whole picture and may
 * answer at another size: their result is scaled back to the original's size and blended into it through
 * the soft mask. Unpainted pixels come out exactly as they went in (with a lossless format: png).
 * @param original the picture FLUX was given (encoded)
 * @param result FLUX's answer (encoded)
 * @param mask greyscale PNG of the original's size: white = take the result
 */
export async function blendIntoOriginal(
  original: Buffer,
  result: Buffer,
  mask: Buffer,
  format: OutputFormat,
): Promise<{ bytes: Buffer; mime: string }> {
  const base = await sharp(original)
    .toColourspace('srgb')
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  const { width, height, channels } = base.info;
  const alpha = channels === 4;
  const edited = sharp(result).resize(width, height, { fit: 'fill' }).toColourspace('srgb');
  const [top, weights] = await Promise.all([
    (alpha ? edited.ensureAlpha() : edited.removeAlpha()).raw({ depth: 'uchar' }).toBuffer(),
    sharp(mask)
      .flatten({ background: '#000000' })
      .greyscale()
      .resize(width, height, { fit: 'fill' })
      .raw({ depth: 'uchar' })
      .toBuffer(),
  ]);
  const pixels = blendByMask(base.data, top, weights, channels);
  const out = sharp(pixels, { raw: { width, height, channels: channels as 3 | 4 } });
  return encodeAs(out, format);
}

/**
 * A picture in the format the person chose, at the sidecar's one quality (92) for the lossy ones. JPEG has no
 * alpha: transparent parts become white, not black.
 */
export async function encodeAs(image: Sharp, format: OutputFormat): Promise<{ bytes: Buffer; mime: string }> {
  switch (format) {
    case 'png':
      return { bytes: await image.png().toBuffer(), mime: 'image/png' };
    case 'webp':
      return { bytes: await image.webp({ quality: 92 }).toBuffer(), mime: 'image/webp' };
    default:
      return {
        bytes: await image.flatten({ background: '#ffffff' }).jpeg({ quality: 92 }).toBuffer(),
        mime: 'image/jpeg',
      };
  }
}
