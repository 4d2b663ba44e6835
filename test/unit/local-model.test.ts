import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AppError } from '../../src/errors.js';
import { createLocalProvider } from '../../src/providers/local/provider.js';
import { runContext } from '../support/run-context.js';
import { changedOutside } from '../support/fill-measure.js';
import { tinyInpaintModel } from '../support/onnx-model.js';
import { photo, type Photo } from '../support/photo.js';

const SLOW = { timeout: 120_000 };
const DIR = fileURLToPath(new URL('../.artifacts/models/', import.meta.url));
const COLOUR: [number, number, number] = [40, 90, 200];
const W = 1024;
const H = 768;

let picture: Photo;
const providers: Array<{ close(): Promise<void> }> = [];
beforeAll(async () => {
  await mkdir(DIR, { recursive: true });
  picture = await photo(W, H);
});
afterAll(() => Promise.all(providers.map((p) => p.close())));

async function modelFile(name: string, bytes: Uint8Array): Promise<string> {
  const file = `${DIR}${name}`;
  await writeFile(file, bytes);
  return file;
}

async function fill(model: string | undefined, mask: Uint8Array, timeoutMs = 60_000) {
  const provider = createLocalProvider({ workers: 1, model: model ? { path: model, timeoutMs } : undefined });
  providers.push(provider);
  const warnings: AppError[] = [];
  const ctx = runContext((note) => warnings.push(note));
  const maskPng = await sharp(mask, { raw: { width: W, height: H, channels: 1 } })
    .png()
    .toBuffer();
  const result = await provider.run(
    { model: 'fill', prompt: '', image: picture.jpeg, mask: maskPng, params: {}, outputFormat: 'png' },
    ctx,
  );
  const rgb = new Uint8Array(await sharp(result.bytes).removeAlpha().raw().toBuffer());
  return { rgb, warnings };
}

/** Share of the hole's pixels, at least `inset` pixels inside it, that are within 3 levels of `colour`. */
function shareOfColour(rgb: Uint8Array, mask: Uint8Array, colour: number[], inset: number): number {
  let inside = 0;
  let matching = 0;
  for (let y = inset; y < H - inset; y++) {
    for (let x = inset; x < W - inset; x++) {
      const deep =
        mask[y * W + x] &&
        mask[(y - inset) * W + x] &&
        mask[(y + inset) * W + x] &&
        mask[y * W + x - inset] &&
        mask[y * W + x + inset];
      if (!deep) continue;
      inside++;
      const p = (y * W + x) * 3;
      if (colour.every((c, i) => Math.abs(rgb[p + i]! - c) <= 3)) matching++;
    }
  }
  return matching / inside;
}

describe('local provider: model fill', SLOW, () => {
  test.each([
    [
      'a LaMa-style float model of fixed size with output in 0..255',
      { type: 'float32', size: [64, 64], outputBytes: true },
    ],
    ['a LaMa-style float model of free size with output in 0..1', { type: 'float32', size: ['height', 'width'] }],
    ['an MI-GAN-style uint8 model', { type: 'uint8', size: [96, 128] }],
  ] as const)('runs %s on the crop around the mask and pastes it back', async (_, shape) => {
    const file = await modelFile(
      `${shape.type}-${shape.size.join('x')}.onnx`,
      tinyInpaintModel({ ...shape, colour: COLOUR }),
    );
    const mask = picture.masks.ball;
    const { rgb, warnings } = await fill(file, mask);
    expect(warnings).toEqual([]);
    expect(changedOutside(picture.rgb, rgb, mask)).toBe(0);
    // Scaled down to the model and back, the hole's edge is soft; well inside, the model's colour is exact.
    expect(shareOfColour(rgb, mask, COLOUR, 8)).toBeGreaterThan(0.97);
  });

  test('a soft mask blends the model fill and the picture by its grey level', async () => {
    const file = await modelFile('soft.onnx', tinyInpaintModel({ type: 'float32', size: [64, 64], colour: COLOUR }));
    const half = picture.masks.ball.map((v) => (v ? 128 : 0));
    const { rgb } = await fill(file, half);
    expect(changedOutside(picture.rgb, rgb, half)).toBe(0);
    // The model is told to fill where the mask is at least half, so the ball becomes the colour, blended 50 %.
    let blended = 0;
    let deep = 0;
    for (let p = 0; p < half.length; p++) {
      if (!half[p] || !half[p - 8 * W] || !half[p + 8 * W] || !half[p - 8] || !half[p + 8]) continue;
      deep++;
      const ok = COLOUR.every(
        (c, i) => Math.abs(rgb[p * 3 + i]! - Math.round((128 * c + 127 * picture.rgb[p * 3 + i]!) / 255)) <= 2,
      );
      if (ok) blended++;
    }
    expect(blended / deep).toBeGreaterThan(0.97);
  });

  describe('a model that cannot be used leaves the classical fill, with a message naming the setting', () => {
    let classical: Uint8Array;
    beforeAll(async () => {
      classical = (await fill(undefined, picture.masks.ball)).rgb;
    });

    test.each([
      ['missing', async () => `${DIR}no-such-model.onnx`, 'local_model_missing'],
      [
        'damaged',
        () =>
          modelFile(
            'damaged.onnx',
            new Uint8Array(4096).map((_, i) => (i * 37) % 256),
          ),
        'local_model_invalid',
      ],
      [
        'of the wrong shape',
        () =>
          modelFile(
            'wrong.onnx',
            tinyInpaintModel({ type: 'float32', size: [64, 64], colour: COLOUR, maskChannels: 3 }),
          ),
        'local_model_unsupported',
      ],
    ])('%s', async (_, file, code) => {
      const { rgb, warnings } = await fill(await file(), picture.masks.ball);
      expect(warnings).toHaveLength(1);
      // The model's own error, from the catalogue: said in each reader's language.
      expect(warnings[0]!.code).toBe(code);
      expect(warnings[0]!.message).toContain('FLUX_INPAINT_LOCAL_MODEL=');
      expect(warnings[0]!.text?.key).toMatch(new RegExp(`^${code}`));
      expect(Buffer.from(rgb).equals(Buffer.from(classical))).toBe(true);
    });

    test('slower than its time budget', async () => {
      const slow = tinyInpaintModel({ type: 'float32', size: [1024, 1024], colour: COLOUR, convolutions: 30 });
      const { rgb, warnings } = await fill(await modelFile('slow.onnx', slow), picture.masks.ball, 1);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]!.code).toBe('local_model_timeout');
      expect(warnings[0]!.message).toContain('FLUX_INPAINT_MODEL_TIMEOUT_S');
      expect(Buffer.from(rgb).equals(Buffer.from(classical))).toBe(true);
    });
  });
});
