/** The smallest rectangle holding every painted pixel of a mask, edges inclusive. */
export interface PaintedBounds {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * Where a mask (one byte per pixel, white = change) is painted: the pixels at `threshold` or above. Undefined
 * when nothing is.
 */
export function paintedBounds(
  mask: Uint8Array,
  width: number,
  height: number,
  threshold: number,
): PaintedBounds | undefined {
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if (mask[row + x]! < threshold) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  return x1 < 0 ? undefined : { x0, y0, x1, y1 };
}
