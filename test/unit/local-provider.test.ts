import fc from 'fast-check';
import { Worker } from 'node:worker_threads';
import sharp from 'sharp';
import { afterAll, describe, expect, test } from 'vitest';
import type { ModelName } from '../../src/catalogue/models.js';
import { createLocalProvider } from '../../src/providers/local/provider.js';
import { WorkerPool, spawnLocalWorker } from '../../src/providers/local/pool.js';
import { inpaintTelea } from '../../src/providers/local/telea.js';
import type { ProgressUpdate, RunContext } from '../../src/providers/provider.js';
import { circleMask, smoothImage, testImage, testMask } from '../support/images.js';

// Pixel work in worker threads: generous limits, because CI machines run other test files alongside.
const SLOW = { timeout: 120_000 };
const W = 256;
const H = 192;

const provider = createLocalProvider({ workers: 1 });
afterAll(() => provider.close());

function context(signal = new AbortController().signal, updates: ProgressUpdate[] = []): RunContext {
  return {
    signal,
    progress: (u) => updates.push(u),
    submitting: async () => {},
    notSent: async () => {},
    warn: () => {},
    checkpoint: async () => {},
    resume: undefined,
  };
}

function run(
  model: ModelName,
  image: Buffer,
  opts: { mask?: Buffer; params?: Record<string, number>; format?: 'png' | 'jpeg'; ctx?: RunContext } = {},
) {
  const input = {
    model,
    prompt: 'ignored offline',
    image,
    mask: opts.mask,
    params: opts.params ?? {},
    outputFormat: opts.format ?? 'png',
  } as const;
  return provider.run(input, opts.ctx ?? context());
}

async function raw(bytes: Buffer, channels: 1 | 3 = 3) {
  const pipeline = channels === 1 ? sharp(bytes).toColourspace('b-w') : sharp(bytes).removeAlpha();
  const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

async function maskPng(width: number, height: number, value: (x: number, y: number) => number): Promise<Buffer> {
  const data = Buffer.alloc(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = value(x, y);
  return sharp(data, { raw: { width, height, channels: 1 } })
    .png()
    .toBuffer();
}

/** Mean absolute error inside the mask of the result and of a flat fill with the unmasked mean colour. */
function errors(original: Uint8Array, result: Uint8Array, mask: Uint8Array): { fill: number; meanColour: number } {
  const mean = [0, 0, 0];
  let known = 0;
  for (let p = 0; p < mask.length; p++) {
    if (mask[p] !== 0) continue;
    known++;
    for (let c = 0; c < 3; c++) mean[c]! += original[p * 3 + c]!;
  }
  let fill = 0;
  let meanColour = 0;
  let samples = 0;
  for (let p = 0; p < mask.length; p++) {
    if (mask[p] === 0) continue;
    for (let c = 0; c < 3; c++) {
      const o = original[p * 3 + c]!;
      fill += Math.abs(result[p * 3 + c]! - o);
      meanColour += Math.abs(mean[c]! / known - o);
      samples++;
    }
  }
  return { fill: fill / samples, meanColour: meanColour / samples };
}

function expectUnmaskedIdentical(original: Uint8Array, result: Uint8Array, mask: Uint8Array): void {
  let differing = 0;
  for (let p = 0; p < mask.length; p++) {
    if (mask[p] !== 0) continue;
    for (let c = 0; c < 3; c++) if (original[p * 3 + c] !== result[p * 3 + c]) differing++;
  }
  expect(differing).toBe(0);
}

describe('local provider: fill', SLOW, () => {
  test.each([
    ['rectangle', () => testMask(W, H, { x: 0.3, y: 0.3, w: 0.35, h: 0.3 })],
    ['circle', () => circleMask(W, H, 0.12, 0.4, 0.55)],
  ])('reconstructs a %s of a smooth picture far better than its mean colour', async (_, makeMask) => {
    const image = await smoothImage(W, H);
    const mask = await makeMask();
    const updates: ProgressUpdate[] = [];
    const result = await run('fill', image, { mask, ctx: context(undefined, updates) });
    expect(result.mime).toBe('image/png');
    const [orig, out, m] = await Promise.all([raw(image), raw(result.bytes), raw(mask, 1)]);
    expect([out.width, out.height]).toEqual([W, H]);
    const mae = errors(orig.data, out.data, m.data);
    // Measured ratios are 0.08 (rectangle) and 0.13 (circle): the bound leaves a wide margin.
    expect(mae.fill / mae.meanColour).toBeLessThanOrEqual(0.6);
    expectUnmaskedIdentical(orig.data, out.data, m.data);
    expect(updates.length).toBeGreaterThan(2);
    expect(updates.every((u) => u.status === 'Inpainting' && u.phase === 'running')).toBe(true);
    expect(updates.at(-1)!.progress).toBeGreaterThan(0.8);
  });

  test('a soft mask blends the inpainted and the original colours by its grey level', async () => {
    const image = await testImage(W, H);
    const inRect = (x: number, y: number) => x >= 80 && x < 160 && y >= 60 && y < 120;
    const [hard, soft] = await Promise.all([
      maskPng(W, H, (x, y) => (inRect(x, y) ? 255 : 0)),
      maskPng(W, H, (x, y) => (inRect(x, y) ? 128 : 0)),
    ]);
    const [hardOut, softOut, orig] = await Promise.all([
      run('fill', image, { mask: hard }).then((r) => raw(r.bytes)),
      run('fill', image, { mask: soft }).then((r) => raw(r.bytes)),
      raw(image),
    ]);
    let blended = 0;
    let changed = 0;
    for (let y = 60; y < 120; y++) {
      for (let x = 80; x < 160; x++) {
        for (let c = 0; c < 3; c++) {
          const i = (y * W + x) * 3 + c;
          const expected = Math.round((128 * hardOut.data[i]! + 127 * orig.data[i]!) / 255);
          if (Math.abs(softOut.data[i]! - expected) <= 1) blended++;
          if (softOut.data[i] !== orig.data[i]) changed++;
        }
      }
    }
    expect(blended).toBe(80 * 60 * 3);
    expect(changed).toBeGreaterThan(80 * 60);
  });

  test('an empty mask is refused with a clear error', async () => {
    const image = await testImage(W, H);
    const mask = await maskPng(W, H, () => 0);
    await expect(run('fill', image, { mask })).rejects.toMatchObject({
      code: 'mask_empty',
      status: 400,
      message: expect.stringMatching(/mask is empty/),
    });
  });

  test('a mask over the whole image is refused: nothing to fill from', async () => {
    const image = await testImage(W, H);
    const mask = await maskPng(W, H, () => 255);
    await expect(run('fill', image, { mask })).rejects.toMatchObject({ code: 'mask_full', status: 400 });
  });

  test('jpeg output', async () => {
    const result = await run('fill', await smoothImage(64, 48), {
      mask: await circleMask(64, 48, 0.1),
      format: 'jpeg',
    });
    expect(result.mime).toBe('image/jpeg');
    expect((await sharp(result.bytes).metadata()).format).toBe('jpeg');
  });
});

describe('local provider: expand', SLOW, () => {
  test('pads by the requested sides, keeps the centre and continues the picture into the border', async () => {
    const image = await smoothImage(W, H);
    const sides = { top: 10, bottom: 20, left: 30, right: 0 };
    const result = await run('expand', image, { params: sides });
    const [orig, out] = await Promise.all([raw(image), raw(result.bytes)]);
    expect([out.width, out.height]).toEqual([W + 30, H + 30]);
    let differing = 0;
    for (let y = 0; y < H; y++) {
      const a = orig.data.subarray(y * W * 3, (y + 1) * W * 3);
      const start = ((y + sides.top) * out.width + sides.left) * 3;
      if (Buffer.compare(a, out.data.subarray(start, start + W * 3)) !== 0) differing++;
    }
    expect(differing).toBe(0);
    // Two rows above the original, the smooth picture continues with nearly its top row's colours.
    for (const x of [0, 100, 200, W - 1]) {
      for (let c = 0; c < 3; c++) {
        const border = out.data[((sides.top - 2) * out.width + sides.left + x) * 3 + c]!;
        expect(Math.abs(border - orig.data[x * 3 + c]!)).toBeLessThan(12);
      }
    }
  });

  test('all sides zero is refused', async () => {
    await expect(run('expand', await testImage(64, 48), { params: { top: 0 } })).rejects.toMatchObject({
      code: 'invalid_request',
      status: 400,
      message: 'Expand needs at least one side larger than 0.',
    });
  });
});

describe('local provider: Erase and Outpaint', SLOW, () => {
  test('Erase fills the painted area grown by dilate_pixels, and keeps everything beyond it', async () => {
    const image = await testImage(W, H);
    // A 20x20 square at (100, 80).
    const mask = await maskPng(W, H, (x, y) => (x >= 100 && x < 120 && y >= 80 && y < 100 ? 255 : 0));
    const [orig, out] = await Promise.all([
      raw(image),
      run('erase', image, { mask, params: { dilate_pixels: 6 } }).then((r) => raw(r.bytes)),
    ]);
    const differs = (x: number, y: number) => {
      const i = (y * W + x) * 3;
      return (
        out.data[i] !== orig.data[i] || out.data[i + 1] !== orig.data[i + 1] || out.data[i + 2] !== orig.data[i + 2]
      );
    };
    let grownChanged = 0;
    for (let x = 94; x < 100; x++) if (differs(x, 90)) grownChanged++;
    // The grown ring is filled too (most of its pixels change), the picture 8 px beyond it never.
    expect(grownChanged).toBeGreaterThan(3);
    for (let x = 0; x < W; x++) for (const y of [0, 71, 108, H - 1]) expect(differs(x, y)).toBe(false);
  });

  test("Outpaint adds the frame's canvas around the picture, where the offsets put it", async () => {
    const image = await smoothImage(W, H);
    const result = await run('outpaint', image, {
      params: { width: W + 100, height: H, reference_offset_x: 0, reference_offset_y: 0 },
    });
    const [orig, out] = await Promise.all([raw(image), raw(result.bytes)]);
    expect([out.width, out.height]).toEqual([W + 100, H]);
    expect(Buffer.compare(orig.data.subarray(0, W * 3), out.data.subarray(0, W * 3))).toBe(0);
  });

  test('Outpaint offline refuses a frame that cuts the picture off, saying what to do', async () => {
    await expect(
      run('outpaint', await testImage(64, 48), { params: { width: 64, height: 48, reference_offset_x: -8 } }),
    ).rejects.toMatchObject({ code: 'invalid_request', message: expect.stringContaining('holds all of it') });
  });
});

describe('local provider: unsupported models, abort, pool', SLOW, () => {
  test.each(['kontext-pro', 'flux-2-pro'] as const)('%s (an instruction model) is refused honestly', async (model) => {
    await expect(run(model, await testImage(64, 48))).rejects.toMatchObject({
      code: 'unsupported',
      status: 400,
      message: `The local provider cannot do ${model === 'kontext-pro' ? 'FLUX.1 Kontext [pro]' : 'FLUX.2 [pro]'}; set FLUX_API_KEY to use FLUX.`,
    });
  });

  test('abort rejects with the reason, stops progress, and the next job still runs', async () => {
    const image = await smoothImage(512, 512);
    const mask = await circleMask(512, 512, 0.5);
    const controller = new AbortController();
    const reason = new Error('user cancelled');
    const updates: ProgressUpdate[] = [];
    const ctx = context(controller.signal);
    ctx.progress = (u) => {
      updates.push(u);
      if ((u.progress ?? 0) > 0) controller.abort(reason);
    };
    await expect(run('fill', image, { mask, ctx })).rejects.toBe(reason);
    const seen = updates.length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(updates.length).toBe(seen);
    const small = await run('fill', await smoothImage(64, 48), { mask: await circleMask(64, 48, 0.1) });
    expect(small.mime).toBe('image/png');
  });

  test('an already aborted signal rejects at once', async () => {
    const controller = new AbortController();
    controller.abort(new Error('gone'));
    await expect(
      run('expand', await testImage(64, 48), { params: { top: 8 }, ctx: context(controller.signal) }),
    ).rejects.toThrow('gone');
  });

  test('a worker that dies fails its job with a clear error, and the pool recovers', async () => {
    let spawned = 0;
    const pool = new WorkerPool(1, () =>
      ++spawned === 1 ? new Worker('process.exit(3)', { eval: true }) : spawnLocalWorker(),
    );
    const job = {
      op: 'fill',
      rgb: new Uint8Array(8 * 8 * 3),
      mask: new Uint8Array(64),
      width: 8,
      height: 8,
      radius: 2,
    } as const;
    const opts = { signal: new AbortController().signal, onProgress: () => {} };
    try {
      await expect(pool.run(job, [], opts)).rejects.toMatchObject({
        code: 'local_failed',
        message: expect.stringMatching(/exit code 3/),
      });
      expect(await pool.run(job, [], opts)).toHaveLength(8 * 8 * 3);
    } finally {
      await pool.close();
    }
  });

  test('two workers run two jobs at the same time', async () => {
    const pair = createLocalProvider({ workers: 2 });
    try {
      const image = await smoothImage(384, 384);
      const mask = await circleMask(384, 384, 0.4);
      const events: string[] = [];
      const tracked = (name: string) => {
        const ctx = context();
        let first = true;
        ctx.progress = (u) => {
          if ((u.progress ?? 0) > 0 && first) {
            first = false;
            events.push(`${name} running`);
          }
        };
        return pair
          .run({ model: 'fill', prompt: '', image, mask, params: {}, outputFormat: 'png' }, ctx)
          .then(() => events.push(`${name} done`));
      };
      // Both threads booted first: the claim is about running together, not about how fast a thread starts.
      const warmUp = () =>
        pair.run({ model: 'fill', prompt: '', image, mask, params: {}, outputFormat: 'png' }, context());
      await Promise.all([warmUp(), warmUp()]);
      await Promise.all([tracked('a'), tracked('b')]);
      // With one worker, b could only start after a is done.
      expect(events.indexOf('b running')).toBeLessThan(events.indexOf('a done'));
      expect(events.indexOf('a running')).toBeLessThan(events.indexOf('b done'));
    } finally {
      await pair.close();
    }
  });
});

describe('telea (pure)', SLOW, () => {
  const picture = fc
    .record({ width: fc.integer({ min: 2, max: 24 }), height: fc.integer({ min: 2, max: 24 }) })
    .chain(({ width, height }) =>
      fc.record({
        width: fc.constant(width),
        height: fc.constant(height),
        mask: fc.uint8Array({ minLength: width * height, maxLength: width * height }),
        rgb: fc.uint8Array({ minLength: width * height * 3, maxLength: width * height * 3 }),
        colour: fc.tuple(
          fc.integer({ min: 0, max: 255 }),
          fc.integer({ min: 0, max: 255 }),
          fc.integer({ min: 0, max: 255 }),
        ),
      }),
    )
    .filter(({ mask }) => mask.some((v) => v === 0) && mask.some((v) => v !== 0));

  test('a constant-colour picture is filled with exactly that colour', () => {
    fc.assert(
      fc.property(picture, ({ width, height, mask, colour }) => {
        const rgb = new Uint8Array(width * height * 3);
        for (let p = 0; p < width * height; p++) rgb.set(colour, p * 3);
        // Scribble over the masked pixels so that the result cannot come from the input.
        for (let p = 0; p < mask.length; p++) if (mask[p] !== 0) rgb.set([255 - colour[0], 7, 250], p * 3);
        const out = inpaintTelea(rgb, mask, width, height, { radius: 3 });
        for (let p = 0; p < width * height; p++) expect([...out.subarray(p * 3, p * 3 + 3)]).toEqual(colour);
      }),
    );
  });

  test('unmasked pixels are never changed', () => {
    fc.assert(
      fc.property(picture, ({ width, height, mask, rgb }) => {
        const out = inpaintTelea(rgb, mask, width, height);
        for (let p = 0; p < mask.length; p++) {
          if (mask[p] === 0) expect([...out.subarray(p * 3, p * 3 + 3)]).toEqual([...rgb.subarray(p * 3, p * 3 + 3)]);
        }
      }),
    );
  });
});
