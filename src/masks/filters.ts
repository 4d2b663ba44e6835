/**
 * Whole-mask operations on a greyscale buffer (0 = keep, 255 = repaint), for the editor's mask tools and the
 * local provider's Erase. Pure functions: they return a new buffer so the caller can record the change for undo.
 */
export function invert(src: Uint8Array): Uint8Array {
  const out = new Uint8Array(src.length);
  for (let i = 0; i < src.length; i++) out[i] = 255 - src[i]!;
  return out;
}

/** Grows painted areas by `radius` pixels (greyscale dilation with a square, applied per axis). */
export function dilate(src: Uint8Array, width: number, height: number, radius: number): Uint8Array {
  return separable(src, width, height, radius, Math.max, 0);
}

/** Shrinks painted areas by `radius` pixels (greyscale erosion). Outside the image counts as painted so edges stay. */
export function erode(src: Uint8Array, width: number, height: number, radius: number): Uint8Array {
  return separable(src, width, height, radius, Math.min, 255);
}

/** Softens the mask edge: three box blurs approximate a Gaussian of about `radius` pixels. */
export function blur(src: Uint8Array, width: number, height: number, radius: number): Uint8Array {
  const r = Math.max(1, Math.round(radius / 2));
  let out = src;
  for (let pass = 0; pass < 3; pass++) out = boxBlur(out, width, height, r);
  return out;
}

type Reduce = (a: number, b: number) => number;

function separable(
  src: Uint8Array,
  width: number,
  height: number,
  radius: number,
  pick: Reduce,
  outside: number,
): Uint8Array {
  const r = Math.max(0, Math.round(radius));
  if (r === 0) return src.slice();
  const tmp = new Uint8Array(src.length);
  const out = new Uint8Array(src.length);
  for (let y = 0; y < height; y++) window1d(src, tmp, y * width, 1, width, r, pick, outside);
  for (let x = 0; x < width; x++) window1d(tmp, out, x, width, height, r, pick, outside);
  return out;
}

/** Max or min over a sliding window along one row or column (O(n·r), fine for the radii a mask needs). */
function window1d(
  src: Uint8Array,
  dst: Uint8Array,
  start: number,
  stride: number,
  n: number,
  r: number,
  pick: Reduce,
  outside: number,
): void {
  for (let i = 0; i < n; i++) {
    let acc = i - r < 0 || i + r >= n ? outside : src[start + i * stride]!;
    const lo = Math.max(0, i - r);
    const hi = Math.min(n - 1, i + r);
    for (let j = lo; j <= hi; j++) acc = pick(acc, src[start + j * stride]!);
    dst[start + i * stride] = acc;
  }
}

function boxBlur(src: Uint8Array, width: number, height: number, r: number): Uint8Array {
  const tmp = new Uint8Array(src.length);
  const out = new Uint8Array(src.length);
  for (let y = 0; y < height; y++) box1d(src, tmp, y * width, 1, width, r);
  for (let x = 0; x < width; x++) box1d(tmp, out, x, width, height, r);
  return out;
}

/** Running-sum box filter; the edge pixel repeats outside the image. */
function box1d(src: Uint8Array, dst: Uint8Array, start: number, stride: number, n: number, r: number): void {
  const at = (i: number) => src[start + Math.min(n - 1, Math.max(0, i)) * stride]!;
  const size = 2 * r + 1;
  let sum = 0;
  for (let j = -r; j <= r; j++) sum += at(j);
  for (let i = 0; i < n; i++) {
    dst[start + i * stride] = Math.round(sum / size);
    sum += at(i + r + 1) - at(i - r);
  }
}
