/**
 * Canny edge detection with the conventions of OpenCV's cv2.Canny (3x3 Sobel, L1 gradient magnitude, no
 * pre-blur), because FLUX Canny's thresholds are documented in those units: the same low/high values give
 * edge maps of the same density.
 */

/** tan(22.5 deg) and tan(67.5 deg): borders between the four gradient direction sectors. */
const TAN_22_5 = Math.SQRT2 - 1;
const TAN_67_5 = Math.SQRT2 + 1;

/**
 * @param gray one byte of luminance per pixel
 * @returns one byte per pixel: 255 on edges, 0 elsewhere
 */
export function cannyEdges(gray: Uint8Array, width: number, height: number, low: number, high: number): Uint8Array {
  const n = width * height;
  if (gray.length !== n) throw new RangeError(`Expected ${n} grey bytes, got ${gray.length}`);
  // cv2.Canny swaps thresholds given in the wrong order rather than failing; users type them by hand.
  const lo = Math.min(low, high);
  const hi = Math.max(low, high);

  const gx = new Int16Array(n);
  const gy = new Int16Array(n);
  const mag = new Int32Array(n);
  sobel(gray, width, height, gx, gy, mag);

  // 0 = no edge, 1 = weak candidate, 2 = strong edge.
  const state = new Uint8Array(n);
  const stack = new Int32Array(n);
  let top = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const p = y * width + x;
      const m = mag[p]!;
      if (m <= lo || !isLocalMaximum(p, width, gx[p]!, gy[p]!, m, mag)) continue;
      if (m > hi) {
        state[p] = 2;
        stack[top++] = p;
      } else {
        state[p] = 1;
      }
    }
  }

  // Hysteresis: weak candidates survive only when 8-connected to a strong edge.
  while (top > 0) {
    const p = stack[--top]!;
    for (let dy = -width; dy <= width; dy += width) {
      for (let dx = -1; dx <= 1; dx++) {
        const q = p + dy + dx;
        if (state[q] === 1) {
          state[q] = 2;
          stack[top++] = q;
        }
      }
    }
  }

  const out = new Uint8Array(n);
  for (let p = 0; p < n; p++) if (state[p] === 2) out[p] = 255;
  return out;
}

/** 3x3 Sobel derivatives with replicated borders, and |gx| + |gy| as magnitude. */
function sobel(
  gray: Uint8Array,
  width: number,
  height: number,
  gx: Int16Array,
  gy: Int16Array,
  mag: Int32Array,
): void {
  for (let y = 0; y < height; y++) {
    const up = Math.max(0, y - 1) * width;
    const mid = y * width;
    const down = Math.min(height - 1, y + 1) * width;
    for (let x = 0; x < width; x++) {
      const l = Math.max(0, x - 1);
      const r = Math.min(width - 1, x + 1);
      const dx =
        gray[up + r]! - gray[up + l]! + 2 * (gray[mid + r]! - gray[mid + l]!) + gray[down + r]! - gray[down + l]!;
      const dy =
        gray[down + l]! - gray[up + l]! + 2 * (gray[down + x]! - gray[up + x]!) + gray[down + r]! - gray[up + r]!;
      const p = mid + x;
      gx[p] = dx;
      gy[p] = dy;
      mag[p] = Math.abs(dx) + Math.abs(dy);
    }
  }
}

/**
 * Non-maximum suppression across the gradient direction. The comparison is strict on one side only, so a
 * ridge two pixels wide with equal magnitudes keeps exactly one of them (as in OpenCV).
 */
function isLocalMaximum(p: number, width: number, dx: number, dy: number, m: number, mag: Int32Array): boolean {
  const ax = Math.abs(dx);
  const ay = Math.abs(dy);
  let before: number;
  let after: number;
  if (ay <= ax * TAN_22_5) {
    before = p - 1;
    after = p + 1;
  } else if (ay > ax * TAN_67_5) {
    before = p - width;
    after = p + width;
  } else if ((dx < 0) === (dy < 0)) {
    before = p - width - 1;
    after = p + width + 1;
  } else {
    before = p - width + 1;
    after = p + width - 1;
  }
  return m > mag[before]! && m >= mag[after]!;
}
