import type { Rect } from '../canvas/view.js';
import { toBase64 } from './load.js';

/**
 * Encodes (part of) the mask as a greyscale-looking PNG: white = repaint, black = keep, grey = blend.
 * With a crop, only the cropped area is sent: the server crops the image first and expects the mask to have
 * the crop's aspect ratio, then scales it to the cropped image's size.
 */
export async function maskToPng(mask: Uint8Array, maskWidth: number, area: Rect): Promise<string> {
  const canvas = document.createElement('canvas');
  canvas.width = area.width;
  canvas.height = area.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw on a canvas.');
  const img = ctx.createImageData(area.width, area.height);
  const px = img.data;
  for (let y = 0; y < area.height; y++) {
    for (let x = 0; x < area.width; x++) {
      const v = mask[(area.y + y) * maskWidth + area.x + x]!;
      const o = (y * area.width + x) * 4;
      px[o] = v;
      px[o + 1] = v;
      px[o + 2] = v;
      px[o + 3] = 255;
    }
  }
  ctx.putImageData(img, 0, 0);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('The browser could not encode the mask as PNG.');
  return toBase64(new Uint8Array(await blob.arrayBuffer()));
}
