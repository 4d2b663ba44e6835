/**
 * Image handling on a large picture (4096x4096, what an upscaled generation gives): the steps the sidecar runs
 * before FLUX sees anything, each timed as the median of 3 runs after a warm-up, plus the local provider's Fill
 * (bench/local.ts).
 */
import sharp from 'sharp';
import { expandSides } from '../src/providers/local/expand.js';
import { decodePadded } from '../src/providers/local/codec.js';
import { inspectImage, prepareInputs, type ImageInfo, type ImageLimits } from '../src/images/prepare.js';
import { testImage, testMask } from '../test/support/images.js';
import { benchLocal } from './local.js';
import { atMost, quantile, type Result } from './result.js';

const SIZE = 4096;
const TARGET_MS = 300;
const RUNS = 3;
/** The sidecar's defaults (FLUX_INPAINT_MAX_IMAGE_MB, FLUX_INPAINT_MAX_IMAGE_MP). */
const LIMITS: ImageLimits = { maxImageBytes: 20 * 1024 * 1024, maxImagePixels: 40_000_000 };

async function medianMs(step: () => Promise<unknown>): Promise<number> {
  await step();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await step();
    times.push(performance.now() - started);
  }
  return Math.round(quantile(times, 0.5));
}

export async function benchImages(): Promise<Result[]> {
  // Repeating an operation on the same buffer would hit libvips' operation cache, which real requests never do.
  sharp.cache(false);
  try {
    return await measureAll();
  } finally {
    sharp.cache(true);
  }
}

async function measureAll(): Promise<Result[]> {
  const image = await testImage(SIZE, SIZE);
  const mask = await testMask(1024, 1024);
  const info: ImageInfo = await inspectImage(image, LIMITS);
  const label = `${SIZE}x${SIZE}`;

  const upscale = await medianMs(() => prepareInputs({ image, info, mask, requireMask: true, limits: LIMITS }));
  const crop = await medianMs(() =>
    prepareInputs({
      image,
      info,
      crop: { x: 0.1, y: 0.1, width: 0.8, height: 0.8 },
      requireMask: false,
      limits: LIMITS,
    }),
  );
  const sides = expandSides({ top: 256, bottom: 256, left: 256, right: 256 });
  const expand = await medianMs(() => decodePadded(image, sides));
  const local = await benchLocal();
  return [
    atMost(`images: mask 1024 -> ${label} upscale`, upscale, 'ms', TARGET_MS, `median of ${RUNS}, prepareInputs`),
    atMost(`images: crop 80 % of ${label}`, crop, 'ms', TARGET_MS, `median of ${RUNS}, prepareInputs, PNG out`),
    atMost(
      `images: expand canvas ${label} +256 each side`,
      expand,
      'ms',
      TARGET_MS,
      `median of ${RUNS}, decode + pad + border mask, as the local provider's worker does`,
    ),
    ...local,
  ];
}
