import { fmt, t } from '../i18n.js';
import type { EditorInit, SubmitRequest } from '../transport/types.js';

/** Long side of the picture the user paints on; the server scales the mask to the full image. */
export const PREVIEW_MAX = 1600;

export interface Source {
  image: SubmitRequest['image'];
  label: string;
  /** What is shown and painted on, at most PREVIEW_MAX on the long side. */
  preview: HTMLCanvasElement;
  /** Full-resolution size: crop and expand are stated in these pixels. */
  fullWidth: number;
  fullHeight: number;
}

export const TYPES: Record<string, string> = { png: 'image/png', jpeg: 'image/jpeg', webp: 'image/webp' };

/** An error the user caused and can fix; the message says how. */
export class LoadError extends Error {}

/** Checks a file the user loaded (button, drop or paste) against what the server accepts, then decodes it. */
export async function loadFile(file: Blob, name: string, limits: EditorInit['limits']): Promise<Source> {
  if (file.size === 0) throw new LoadError(t('load.empty', { name }));
  if (file.size > limits.maxImageBytes) {
    throw new LoadError(
      t('load.too_large', { name, size: fmt().bytes(file.size), limit: fmt().bytes(limits.maxImageBytes) }),
    );
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const kind = sniff(bytes);
  if (!kind) throw new LoadError(t('load.not_image', { name }));
  // The header states the size: a picture too large is refused before the browser decodes all of it.
  const stated = headerSize(bytes, kind);
  if (stated) checkPixels(stated, name, limits);
  const bitmap = await decode(new Blob([bytes], { type: TYPES[kind] }), name);
  const { width, height } = bitmap; // read before downscale() closes the bitmap
  try {
    checkPixels({ width, height }, name, limits);
  } catch (err) {
    bitmap.close();
    throw err;
  }
  return {
    image: { data: toBase64(bytes), mime: TYPES[kind]! },
    label: name,
    preview: downscale(bitmap),
    fullWidth: width,
    fullHeight: height,
  };
}

/** A picture given as a data: URL (from Open WebUI) or a blob (a previous result). */
export async function loadPreview(
  from: string | Blob,
  image: Source['image'],
  label: string,
  full?: { width: number; height: number },
): Promise<Source> {
  const bitmap = typeof from === 'string' ? await decodeUrl(from, label) : await decode(from, label);
  const fullWidth = full?.width ?? bitmap.width;
  const fullHeight = full?.height ?? bitmap.height;
  return { image, label, preview: downscale(bitmap), fullWidth, fullHeight };
}

export async function decode(blob: Blob, name: string, options: ImageBitmapOptions = {}): Promise<ImageBitmap> {
  try {
    // EXIF orientation is applied, as the server does before cropping and sending to FLUX.
    return await createImageBitmap(blob, { imageOrientation: 'from-image', ...options });
  } catch {
    throw new LoadError(t('load.damaged', { name }));
  }
}

/** Through an <img>, not fetch: the standalone page's CSP allows data: images but not data: connections. */
async function decodeUrl(url: string, name: string): Promise<ImageBitmap> {
  const img = new Image();
  img.src = url;
  try {
    await img.decode();
    return await createImageBitmap(img);
  } catch {
    throw new LoadError(t('load.damaged', { name }));
  }
}

function downscale(bitmap: ImageBitmap): HTMLCanvasElement {
  const k = Math.min(1, PREVIEW_MAX / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * k));
  canvas.height = Math.max(1, Math.round(bitmap.height * k));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new LoadError(t('load.no_canvas'));
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return canvas;
}

function checkPixels(size: { width: number; height: number }, name: string, limits: EditorInit['limits']): void {
  if (size.width * size.height <= limits.maxImagePixels) return;
  const megapixels = Math.round(limits.maxImagePixels / 1e6);
  throw new LoadError(
    t('load.too_many_pixels', { name, width: String(size.width), height: String(size.height), megapixels }),
  );
}

/**
 * Width and height as the file's header states them (PNG IHDR, JPEG SOFn, WebP VP8/VP8L/VP8X), without
 * decoding; undefined where the header is not where it should be (the decoder then has the last word).
 */
export function headerSize(b: Uint8Array, kind: keyof typeof TYPES): { width: number; height: number } | undefined {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const fits = (offset: number, length: number) => offset + length <= b.length;
  if (kind === 'png') return fits(16, 8) ? { width: view.getUint32(16), height: view.getUint32(20) } : undefined;
  if (kind === 'webp') {
    const chunk = fits(12, 4) ? String.fromCharCode(...b.subarray(12, 16)) : '';
    if (chunk === 'VP8X' && fits(24, 6))
      return { width: 1 + (view.getUint32(24, true) & 0xffffff), height: 1 + (view.getUint32(27, true) & 0xffffff) };
    if (chunk === 'VP8L' && fits(21, 4)) {
      const bits = view.getUint32(21, true);
      return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >> 14) & 0x3fff) };
    }
    if (chunk === 'VP8 ' && fits(26, 4))
      return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
    return undefined;
  }
  // JPEG: walk the segments to the first start-of-frame marker.
  let i = 2;
  while (fits(i, 4) && b[i] === 0xff) {
    const marker = b[i + 1]!;
    const length = view.getUint16(i + 2);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) return fits(i + 5, 4) ? { width: view.getUint16(i + 7), height: view.getUint16(i + 5) } : undefined;
    i += 2 + length;
  }
  return undefined;
}

export function sniff(b: Uint8Array): keyof typeof TYPES | undefined {
  const ascii = (from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
  if (b[0] === 0x89 && ascii(1, 4) === 'PNG') return 'png';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  return undefined;
}

export function toBase64(bytes: Uint8Array): string {
  // Native where the browser has it (Chrome 140+, Firefox 133+, Safari 18.2+): about ten times faster.
  const native = (bytes as Uint8Array & { toBase64?: () => string }).toBase64;
  if (typeof native === 'function') return native.call(bytes);
  let bin = '';
  // Chunks keep String.fromCharCode under the argument-count limit.
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}
