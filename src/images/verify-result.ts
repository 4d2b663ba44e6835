import sharp from './vips.js';
import { appError } from '../errors.js';

/** The only types a result is kept and served as: pictures a browser shows and never runs. */
const RESULT_TYPES: Record<string, string> = { png: 'image/png', jpeg: 'image/jpeg', webp: 'image/webp' };

/** FLUX's largest outputs are about 4 megapixels; far more is a decompression bomb, not a picture. */
const MAX_RESULT_PIXELS = 50_000_000;

interface VerifiedResult {
  /** The type the bytes decode as, whatever the server's content-type said. */
  mime: string;
  width: number;
  height: number;
}

/**
 * Decodes a downloaded result before it is kept: a result host could send an SVG with a script or an HTML
 * page named .png, which Open WebUI and the gallery would then show as the user's picture.
 */
export async function verifyResultImage(bytes: Buffer, maxPixels = MAX_RESULT_PIXELS): Promise<VerifiedResult> {
  let format: string | undefined;
  let width = 0;
  let height = 0;
  try {
    const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
    ({ format, width = 0, height = 0 } = meta);
  } catch (err) {
    throw appError('result_not_image.data', undefined, { cause: err });
  }
  const mime = format ? RESULT_TYPES[format] : undefined;
  if (!mime) {
    throw format
      ? appError('result_not_image.format', { format: format.toUpperCase() })
      : appError('result_not_image.data');
  }
  if (width * height > maxPixels) {
    throw appError('result_too_large.pixels', { size: `${width}x${height}`, mp: Math.round(maxPixels / 1e6) });
  }
  try {
    // The header alone does not prove the rest is a picture: decode every pixel once, streamed, not kept.
    await sharp(bytes, { limitInputPixels: maxPixels, failOn: 'error', sequentialRead: true }).stats();
  } catch (err) {
    throw appError('result_not_image.broken', { format: format!.toUpperCase() }, { cause: err });
  }
  return { mime, width, height };
}
