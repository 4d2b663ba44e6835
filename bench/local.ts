/**
 * The local provider's Fill on photo-like pictures (test/support/photo.ts) of 1 MP and 12 MP with a round mask
 * over 10 % of each, side by side with OpenCV.js's own cv.inpaint (INPAINT_TELEA, radius 5) on the same pixels
 * in the same run: times as ratios, and the fill's quality by the measures the tests use. The model fill runs
 * with a tiny model built here (its time is the plumbing's: crop, scale, tensors, blend), and with the model in
 * FLUX_INPAINT_LOCAL_MODEL when that is set. Run alone: npx tsx bench/local.ts
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { createLocalProvider } from '../src/providers/local/provider.js';
import { inpaintTelea } from '../src/providers/local/telea.js';
import { strictContext } from '../test/support/run-context.js';
import { changedOutside, meanDifference, openCv, openCvTelea, outsideRingRange } from '../test/support/fill-measure.js';
import { tinyInpaintModel } from '../test/support/onnx-model.js';
import { photo } from '../test/support/photo.js';
import { atMost, info, round, type Result } from './result.js';

/** The classical fill may take this many times OpenCV's time for the same pixels, in the same thread. */
const MAX_TIME_RATIO = 3;
/** The test suite's bound (test/unit/local-fill-photo.test.ts) on the colours beyond the ring around the hole. */
const MAX_BEYOND_RING = 2;
const ARTIFACTS = fileURLToPath(new URL('../test/.artifacts/bench/', import.meta.url));

const context = strictContext();

function disc(width: number, height: number, fraction: number): Uint8Array {
  const mask = new Uint8Array(width * height);
  const r = Math.sqrt((fraction * width * height) / Math.PI);
  // Off-centre, over sky, horizon and the sign: the hard case of the picture.
  const cx = 0.58 * width;
  const cy = 0.45 * height;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) if (Math.hypot(x - cx, y - cy) <= r) mask[y * width + x] = 255;
  return mask;
}

async function timed<T>(step: () => T | Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await step();
  return { value, ms: performance.now() - started };
}

/** Fill through the provider (worker thread, JPEG in, PNG out), as a job runs it. */
async function providerFill(
  provider: ReturnType<typeof createLocalProvider>,
  jpeg: Buffer,
  mask: Uint8Array,
  width: number,
  height: number,
): Promise<Uint8Array> {
  const maskPng = await sharp(mask, { raw: { width, height, channels: 1 } })
    .png()
    .toBuffer();
  const result = await provider.run(
    { model: 'fill', prompt: '', image: jpeg, mask: maskPng, params: {}, outputFormat: 'png' },
    context,
  );
  return new Uint8Array(await sharp(result.bytes).removeAlpha().raw().toBuffer());
}

export async function benchLocal(): Promise<Result[]> {
  await mkdir(ARTIFACTS, { recursive: true });
  const tiny = `${ARTIFACTS}tiny-model.onnx`;
  await writeFile(
    tiny,
    tinyInpaintModel({ type: 'float32', size: [512, 512], colour: [40, 90, 200], outputBytes: true }),
  );
  const classical = createLocalProvider({ workers: 1 });
  const modelled = createLocalProvider({ workers: 1, model: { path: tiny, timeoutMs: 600_000 } });
  const real = process.env.FLUX_INPAINT_LOCAL_MODEL;
  const realProvider = real
    ? createLocalProvider({ workers: 1, model: { path: real, timeoutMs: 600_000 } })
    : undefined;
  const results: Result[] = [];
  try {
    await openCv();
    for (const [label, width, height] of [
      ['1 MP', 1024, 1024],
      ['12 MP', 4000, 3000],
    ] as const) {
      const picture = await photo(width, height);
      const mask = disc(width, height, 0.1);
      const name = (what: string) => `local fill ${label}, 10 %: ${what}`;
      // Same thread, same pixels: the ratio is the algorithms', not the machine's or the codecs'.
      const ours = await timed(() => inpaintTelea(picture.rgb, mask, width, height, { radius: 5 }));
      const reference = await timed(() => openCvTelea(picture.rgb, mask, width, height));
      const ratio = ours.ms / reference.ms;
      results.push(
        info(name('classical fill'), Math.round(ours.ms), 'ms', 'telea.ts in the main thread'),
        info(name('OpenCV.js cv.inpaint'), Math.round(reference.ms), 'ms', 'INPAINT_TELEA, radius 5, same thread'),
        atMost(name('time, classical / OpenCV'), round(ratio, 2), 'x', MAX_TIME_RATIO),
        info(
          name('mean difference from OpenCV'),
          round(meanDifference(ours.value, reference.value, mask).absolute, 2),
          'levels',
          `OpenCV minus ours on average: ${round(meanDifference(reference.value, ours.value, mask).signed, 2)}; wide holes differ where the fronts meet`,
        ),
        atMost(
          name('beyond the ring colour range'),
          outsideRingRange(picture.rgb, ours.value, mask, width, height).worst,
          'levels',
          MAX_BEYOND_RING,
          `OpenCV: ${outsideRingRange(picture.rgb, reference.value, mask, width, height).worst} levels`,
        ),
      );
      const job = await timed(() => providerFill(classical, picture.jpeg, mask, width, height));
      results.push(
        info(
          name('classical, whole job'),
          Math.round(job.ms),
          'ms',
          `worker thread, JPEG in, PNG out; ${round(job.ms / reference.ms, 2)}x OpenCV's inpaint alone`,
        ),
        atMost(name('classical, pixels changed outside the mask'), changedOutside(picture.rgb, job.value, mask), '', 0),
      );
      const model = await timed(() => providerFill(modelled, picture.jpeg, mask, width, height));
      results.push(
        info(
          name('model fill, tiny test model'),
          Math.round(model.ms),
          'ms',
          `the plumbing (crop, 512 x 512, tensors, blend): ${round(model.ms / job.ms, 2)}x the classical job`,
        ),
        atMost(
          name('model fill, pixels changed outside the mask'),
          changedOutside(picture.rgb, model.value, mask),
          '',
          0,
        ),
      );
      if (realProvider) {
        const run = await timed(() => providerFill(realProvider, picture.jpeg, mask, width, height));
        results.push(
          info(
            name(`model fill, ${real}`),
            Math.round(run.ms),
            'ms',
            `${round(run.ms / job.ms, 2)}x the classical job, first run includes loading the model`,
          ),
          info(
            name('model fill, beyond the ring colour range'),
            outsideRingRange(picture.rgb, run.value, mask, width, height).worst,
            'levels',
          ),
        );
      }
    }
  } finally {
    await Promise.all([classical.close(), modelled.close(), realProvider?.close()]);
  }
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const r of await benchLocal())
    console.log(
      `${r.name}: ${r.value} ${r.unit} (${r.target}) ${r.pass ? 'PASS' : 'FAIL'}${r.note ? ` - ${r.note}` : ''}`,
    );
}
