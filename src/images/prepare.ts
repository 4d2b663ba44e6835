import sharp, { type Metadata } from './vips.js';
import { AppError, appError } from '../errors.js';
import type { ErrorKey } from '../i18n/errors/index.js';
import type { Crop } from '../wire/editor.js';

const ACCEPTED_FORMATS = new Set(['png', 'jpeg', 'webp']);

export interface ImageLimits {
  maxImageBytes: number;
  maxImagePixels: number;
}

export interface ImageInfo {
  /** Size as displayed, after the EXIF orientation is applied (phones store many photos rotated). */
  width: number;
  height: number;
  format: string;
  orientation: number;
}

/** Crop rectangle as fractions (0..1) of the source image. */
export type { Crop };

/** Which picture a message is about: each has its own sentence in every language (a noun cannot be swapped in). */
export type ImageRole = 'image' | 'mask' | `reference image ${number}`;

/** Reads an image's size and format, refusing what FLUX and this sidecar cannot handle. */
export async function inspectImage(bytes: Buffer, limits: ImageLimits, what: ImageRole = 'image'): Promise<ImageInfo> {
  if (bytes.length === 0) throw roleError('image_empty', what);
  if (bytes.length > limits.maxImageBytes) {
    throw roleError('image_too_large', what, { size: mb(bytes.length), limit: mb(limits.maxImageBytes) });
  }
  let meta: Metadata;
  try {
    // limitInputPixels guards against decompression bombs before any pixel is decoded.
    meta = await sharp(bytes, { limitInputPixels: limits.maxImagePixels }).metadata();
  } catch (err) {
    const text = (err as Error).message ?? '';
    if (/pixel limit/i.test(text)) throw tooManyPixels(what, limits);
    throw roleError('image_unreadable', what, {}, err);
  }
  const { width, height, format } = meta;
  if (!width || !height || !format || !ACCEPTED_FORMATS.has(format)) {
    throw roleError('image_unsupported', what, { format: format ?? '?' });
  }
  if (width * height > limits.maxImagePixels) throw tooManyPixels(what, limits);
  const orientation = meta.orientation ?? 1;
  const swapped = orientation >= 5;
  return { width: swapped ? height : width, height: swapped ? width : height, format, orientation };
}

/**
 * A mask as the editor paints it, decoded from the wire's RawMask: one byte per pixel (0 keep .. 255 repaint),
 * no image format around it.
 */
export interface MaskPixels {
  width: number;
  height: number;
  data: Buffer;
}

export interface PreparedInputs {
  image: Buffer;
  mask?: Buffer;
  width: number;
  height: number;
}

/**
 * Applies the editor's crop at full resolution and scales the mask (painted on a preview) to the exact size
 * of the image FLUX receives. The mask must have the crop's aspect ratio: a mismatch means the editor and
 * the server disagree about the picture, and guessing would repaint the wrong area.
 */
export async function prepareInputs(opts: {
  image: Buffer;
  info: ImageInfo;
  mask?: Buffer | MaskPixels | undefined;
  crop?: Crop | undefined;
  requireMask: boolean;
  limits: ImageLimits;
}): Promise<PreparedInputs> {
  if (!opts.mask && opts.requireMask) {
    throw appError('mask_required');
  }
  // The picture and the mask are independent until the mask is scaled to the picture's final size.
  const raw = opts.mask && !Buffer.isBuffer(opts.mask) ? opts.mask : undefined;
  const encoded = Buffer.isBuffer(opts.mask) ? opts.mask : undefined;
  const [picture, maskInfo] = await Promise.all([
    preparePicture(opts),
    raw ?? (encoded && inspectImage(encoded, opts.limits, 'mask')),
  ]);
  if (!opts.mask || !maskInfo) return picture;
  const { width, height } = picture;
  const aspectImage = width / height;
  const aspectMask = maskInfo.width / maskInfo.height;
  // One preview pixel of rounding on either side is fine; anything more is a different picture.
  const tolerance = 1.5 / Math.min(maskInfo.width, maskInfo.height) + 0.01;
  if (Math.abs(aspectMask / aspectImage - 1) > tolerance) {
    throw appError('mask_aspect_mismatch', {
      mask: `${maskInfo.width}x${maskInfo.height}`,
      image: `${width}x${height}`,
    });
  }
  // Emptiness is decided on the mask as painted: scaling up cannot paint pixels. The full-size copy is then
  // made from those decoded pixels, straight to PNG.
  const { data, info: small } = raw
    ? { data: raw.data, info: { width: raw.width, height: raw.height, channels: 1 as const } }
    : await sharp(encoded).flatten({ background: '#000000' }).greyscale().raw().toBuffer({ resolveWithObject: true });
  let painted = false;
  for (let i = 0; i < data.length && !painted; i += small.channels) painted = data[i]! > 0;
  if (!painted && opts.requireMask) {
    throw appError('mask_empty');
  }
  // An unpainted mask on a model that doesn't need one means "the whole picture".
  if (!painted) return picture;
  const mask = await sharp(data, { raw: { width: small.width, height: small.height, channels: small.channels } })
    .resize(width, height, { fit: 'fill', kernel: 'linear' })
    .png()
    .toBuffer();
  return { ...picture, mask };
}

/** A reference image for the instruction models: checked like the picture, and turned upright (FLUX ignores EXIF). */
export async function prepareReference(bytes: Buffer, limits: ImageLimits, what: ImageRole): Promise<Buffer> {
  const info = await inspectImage(bytes, limits, what);
  if (info.orientation <= 1) return bytes;
  return sharp(bytes, { limitInputPixels: limits.maxImagePixels }).rotate().png().toBuffer();
}

/** The picture as FLUX must see it: upright (FLUX ignores EXIF orientation) and cropped as the editor asked. */
async function preparePicture(opts: {
  image: Buffer;
  info: ImageInfo;
  crop?: Crop | undefined;
  limits: ImageLimits;
}): Promise<PreparedInputs> {
  const { info } = opts;
  const decode = () => sharp(opts.image, { limitInputPixels: opts.limits.maxImagePixels }).rotate();
  if (opts.crop && !isFullCrop(opts.crop)) {
    const rect = cropRect(opts.crop, info);
    return { image: await decode().extract(rect).png().toBuffer(), width: rect.width, height: rect.height };
  }
  const image = info.orientation > 1 ? await decode().png().toBuffer() : opts.image;
  return { image, width: info.width, height: info.height };
}

function isFullCrop(c: Crop): boolean {
  return c.x <= 0 && c.y <= 0 && c.width >= 1 && c.height >= 1;
}

function cropRect(c: Crop, info: { width: number; height: number }) {
  const left = Math.round(clamp01(c.x) * info.width);
  const top = Math.round(clamp01(c.y) * info.height);
  const width = Math.min(info.width - left, Math.round(clamp01(c.width) * info.width));
  const height = Math.min(info.height - top, Math.round(clamp01(c.height) * info.height));
  if (width < 16 || height < 16) {
    throw appError('crop_too_small');
  }
  return { left, top, width, height };
}

function clamp01(v: number): number {
  return Math.min(1, Math.max(0, v));
}

function tooManyPixels(what: ImageRole, limits: ImageLimits): AppError {
  return roleError('image_too_many_pixels', what, { mp: Math.round(limits.maxImagePixels / 1e6) });
}

type RoleCode = 'image_empty' | 'image_too_large' | 'image_too_many_pixels' | 'image_unreadable' | 'image_unsupported';

/** The message of `code` for the picture `what` names: `code`, `code.mask` or `code.reference` (with its number). */
function roleError(
  code: RoleCode,
  what: ImageRole,
  params: Record<string, string | number> = {},
  cause?: unknown,
): AppError {
  const reference = /^reference image (\d+)$/.exec(what);
  const key = (what === 'image' ? code : reference ? `${code}.reference` : `${code}.mask`) as ErrorKey;
  const all = reference ? { ...params, n: Number(reference[1]) } : params;
  return new AppError(code, { key, params: all }, cause === undefined ? {} : { cause });
}

function mb(bytes: number): number {
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}
