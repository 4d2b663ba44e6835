import { createRequire } from 'node:module';

/**
 * Measures of a fill's plausibility, for the tests and the benchmark: OpenCV's own Telea as the reference, the
 * colour range of the ring around the hole, and the pixels outside the hole that changed. One byte per pixel in
 * a mask, non-zero = filled; images are interleaved RGB.
 */

interface CvMat {
  data: Uint8Array;
  delete(): void;
}
interface OpenCv {
  Mat: new () => CvMat;
  CV_8UC1: number;
  CV_8UC3: number;
  INPAINT_TELEA: number;
  matFromArray(rows: number, cols: number, type: number, data: ArrayLike<number>): CvMat;
  inpaint(src: CvMat, mask: CvMat, dst: CvMat, radius: number, flags: number): void;
  onRuntimeInitialized?: () => void;
}

let loaded: Promise<OpenCv> | undefined;

/**
 * OpenCV.js (WebAssembly), loaded once per process: about 0.3 s and 85 MB. The Emscripten module is a thenable
 * whose `then` hands back the module itself, so a promise resolved with it never settles: its `then` goes
 * once the runtime is up.
 */
export function openCv(): Promise<OpenCv> {
  loaded ??= new Promise((resolve) => {
    const cv = createRequire(import.meta.url)('@techstark/opencv-js') as OpenCv & { then?: unknown };
    const ready = () => {
      delete cv.then;
      resolve(cv);
    };
    if (typeof cv.Mat === 'function') ready();
    else cv.onRuntimeInitialized = ready;
  });
  return loaded;
}

/** `cv.inpaint(src, mask, dst, radius, INPAINT_TELEA)` on the same pixels. */
export async function openCvTelea(rgb: Uint8Array, mask: Uint8Array, width: number, height: number, radius = 5) {
  const cv = await openCv();
  const src = cv.matFromArray(height, width, cv.CV_8UC3, rgb);
  const m = cv.matFromArray(height, width, cv.CV_8UC1, mask);
  const dst = new cv.Mat();
  try {
    cv.inpaint(src, m, dst, radius, cv.INPAINT_TELEA);
    return new Uint8Array(dst.data);
  } finally {
    src.delete();
    m.delete();
    dst.delete();
  }
}

/** Known pixels within `width` pixels (chessboard distance) of the hole. */
export function ring(mask: Uint8Array, w: number, h: number, width: number): Uint8Array {
  // Two separable passes of a max filter dilate the hole by `width`; the ring is the dilation minus the hole.
  const rows = new Uint8Array(mask.length);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let on = 0;
      for (let k = Math.max(0, x - width); k <= Math.min(w - 1, x + width) && !on; k++) on = mask[y * w + k]!;
      rows[y * w + x] = on ? 1 : 0;
    }
  }
  const out = new Uint8Array(mask.length);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let on = 0;
      for (let k = Math.max(0, y - width); k <= Math.min(h - 1, y + width) && !on; k++) on = rows[k * w + x]!;
      out[y * w + x] = on && mask[y * w + x] === 0 ? 1 : 0;
    }
  }
  return out;
}

/**
 * How far the filled pixels stray outside the per-channel colour range of the ring around the hole: the largest
 * distance in levels (0 = all within), and the share of filled samples more than `tolerance` outside.
 */
export function outsideRingRange(
  original: Uint8Array,
  result: Uint8Array,
  mask: Uint8Array,
  w: number,
  h: number,
  opts: { ringWidth?: number; tolerance?: number } = {},
): { worst: number; share: number } {
  const band = ring(mask, w, h, opts.ringWidth ?? 6);
  const lo = [255, 255, 255];
  const hi = [0, 0, 0];
  for (let p = 0; p < band.length; p++) {
    if (!band[p]) continue;
    for (let c = 0; c < 3; c++) {
      const v = original[p * 3 + c]!;
      if (v < lo[c]!) lo[c] = v;
      if (v > hi[c]!) hi[c] = v;
    }
  }
  let worst = 0;
  let outside = 0;
  let samples = 0;
  const tolerance = opts.tolerance ?? 0;
  for (let p = 0; p < mask.length; p++) {
    if (!mask[p]) continue;
    for (let c = 0; c < 3; c++) {
      const v = result[p * 3 + c]!;
      const d = Math.max(lo[c]! - v, v - hi[c]!, 0);
      if (d > worst) worst = d;
      if (d > tolerance) outside++;
      samples++;
    }
  }
  return { worst, share: outside / samples };
}

/** Mean difference per sample inside the hole, absolute and signed (a minus b), of two results. */
export function meanDifference(a: Uint8Array, b: Uint8Array, mask: Uint8Array): { absolute: number; signed: number } {
  let absolute = 0;
  let signed = 0;
  let samples = 0;
  for (let p = 0; p < mask.length; p++) {
    if (!mask[p]) continue;
    for (let c = 0; c < 3; c++) {
      const d = a[p * 3 + c]! - b[p * 3 + c]!;
      absolute += Math.abs(d);
      signed += d;
    }
    samples += 3;
  }
  return { absolute: absolute / samples, signed: signed / samples };
}

/** Samples outside the hole that differ between the original and the result (0 for a correct fill). */
export function changedOutside(original: Uint8Array, result: Uint8Array, mask: Uint8Array): number {
  let changed = 0;
  for (let p = 0; p < mask.length; p++) {
    if (mask[p]) continue;
    for (let c = 0; c < 3; c++) if (original[p * 3 + c] !== result[p * 3 + c]) changed++;
  }
  return changed;
}

/**
 * How busy a region is: the mean difference per sample between neighbouring pixels (right and below) that both
 * lie in it. A starburst (streaks of far colours meeting in a point) scores far above a photo's own texture;
 * the classical fill, being smooth, scores below the texture around it.
 */
export function gradientEnergy(rgb: Uint8Array, region: Uint8Array, w: number, h: number): number {
  let sum = 0;
  let samples = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const p = y * w + x;
      if (!region[p]) continue;
      for (const q of [x + 1 < w ? p + 1 : -1, y + 1 < h ? p + w : -1]) {
        if (q < 0 || !region[q]) continue;
        for (let c = 0; c < 3; c++) sum += Math.abs(rgb[p * 3 + c]! - rgb[q * 3 + c]!);
        samples += 3;
      }
    }
  }
  return sum / samples;
}
