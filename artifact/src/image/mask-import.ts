import { fmt, t } from '../i18n.js';
import { decode, LoadError, sniff, TYPES } from './load.js';

export interface ImportedMask {
  /** One byte per pixel at the mask's size: 0 keep, 255 repaint. */
  values: Uint8Array;
  sourceWidth: number;
  sourceHeight: number;
  /** The file's proportions differ from the picture's by more than a pixel's worth: it was stretched. */
  stretched: boolean;
}

/**
 * Reads a mask made elsewhere. A picture with transparency is read by its alpha (opaque = repaint, as a painted
 * layer exported on its own); one without is read by its brightness (white = repaint, as FLUX's own masks).
 * It is scaled to the painting's size, whatever its own.
 */
export async function importMask(
  file: Blob,
  name: string,
  maxBytes: number,
  width: number,
  height: number,
): Promise<ImportedMask> {
  if (file.size > maxBytes)
    throw new LoadError(t('load.too_large', { name, size: fmt().bytes(file.size), limit: fmt().bytes(maxBytes) }));
  const bytes = new Uint8Array(await file.arrayBuffer());
  const kind = sniff(bytes);
  if (!kind) throw new LoadError(t('load.not_image', { name }));
  // Exact values: no colour management and no premultiplication, so a grey of 128 stays 128.
  const bitmap = await decode(new Blob([bytes], { type: TYPES[kind] }), name, {
    premultiplyAlpha: 'none',
    colorSpaceConversion: 'none',
  });
  const { width: sw, height: sh } = bitmap;
  try {
    const alpha = kind !== 'jpeg' && hasTransparency(bitmap);
    const px = draw(bitmap, width, height);
    const values = new Uint8Array(width * height);
    for (let i = 0, o = 0; i < values.length; i++, o += 4) {
      values[i] = alpha ? px[o + 3]! : Math.round(0.299 * px[o]! + 0.587 * px[o + 1]! + 0.114 * px[o + 2]!);
    }
    const stretched = Math.abs(sw / sh - width / height) > 1 / Math.min(width, height) + 0.005;
    return { values, sourceWidth: sw, sourceHeight: sh, stretched };
  } finally {
    bitmap.close();
  }
}

function context(width: number, height: number): CanvasRenderingContext2D {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new LoadError(t('load.no_canvas'));
  return ctx;
}

function draw(bitmap: ImageBitmap, width: number, height: number): Uint8ClampedArray {
  const ctx = context(width, height);
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(bitmap, 0, 0, width, height);
  return ctx.getImageData(0, 0, width, height).data;
}

/** Read at the file's own size: scaling could blur an opaque picture's edge into partial alpha. */
function hasTransparency(bitmap: ImageBitmap): boolean {
  const px = draw(bitmap, bitmap.width, bitmap.height);
  for (let o = 3; o < px.length; o += 4) if (px[o]! < 255) return true;
  return false;
}
