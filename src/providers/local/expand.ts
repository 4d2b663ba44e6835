import { AppError } from '../../errors.js';

export interface ExpandSides {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface PaddedImage {
  rgb: Uint8Array;
  /** 255 on the new border that still has to be painted, 0 on the original picture. */
  mask: Uint8Array;
  width: number;
  height: number;
}

/** Reads the expand sides from validated request parameters; missing sides count as 0. */
export function expandSides(params: Record<string, number | boolean | string | undefined>): ExpandSides {
  const side = (name: keyof ExpandSides): number => {
    const v = params[name];
    return typeof v === 'number' && Number.isFinite(v) ? Math.max(0, Math.round(v)) : 0;
  };
  const sides = { top: side('top'), bottom: side('bottom'), left: side('left'), right: side('right') };
  if (sides.top + sides.bottom + sides.left + sides.right === 0) {
    throw new AppError('invalid_request', 'Expand needs at least one side > 0', { status: 400 });
  }
  return sides;
}

/** Places the picture on a larger black canvas and marks the added border as the area to fill. */
export function padForExpand(rgb: Uint8Array, width: number, height: number, sides: ExpandSides): PaddedImage {
  const outW = width + sides.left + sides.right;
  const outH = height + sides.top + sides.bottom;
  const out = new Uint8Array(outW * outH * 3);
  const mask = new Uint8Array(outW * outH).fill(255);
  for (let y = 0; y < height; y++) {
    const row = (y + sides.top) * outW + sides.left;
    out.set(rgb.subarray(y * width * 3, (y + 1) * width * 3), row * 3);
    mask.fill(0, row, row + width);
  }
  return { rgb: out, mask, width: outW, height: outH };
}
