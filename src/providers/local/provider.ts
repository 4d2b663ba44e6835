import type { Logger } from 'pino';
import { type AppError, appError, isAppError } from '../../errors.js';
import { CATALOGUE, MODEL_INFO, type ModelName } from '../../catalogue/models.js';
import { LOCAL_MODELS } from '../../wire/editor.js';
import type { Provider, ProviderInput, ProviderResult, RunContext } from '../provider.js';
import { decodeGrey, decodeRgb, encode, imageSize } from './codec.js';
import { dilate } from '../../masks/filters.js';
import { expandSides, outpaintSides } from './expand.js';
import type { LocalJob } from './jobs.js';
import { isModelError } from './model-io.js';
import { WorkerPool } from './pool.js';

const ERASE_DILATE = CATALOGUE.erase.ranges.dilate_pixels;

/** Telea's neighbourhood radius: large enough to carry gradients, small enough to keep detail. */
const TELEA_RADIUS = 5;
/** Expanded canvases above this size would take minutes and hundreds of megabytes in the worker. */
const DEFAULT_MAX_PIXELS = 40_000_000;

interface LocalProviderOptions {
  /** Worker threads, i.e. jobs that can run at the same time. */
  workers: number;
  /** Largest canvas an expand may produce, in pixels. */
  maxPixels?: number;
  /** An ONNX inpainting model (LaMa, MI-GAN) for Fill, and the time one run may take. */
  model?: { path: string; timeoutMs: number } | undefined;
  /** Where a model that cannot be used is reported for the admin. */
  logger?: Logger | undefined;
}

type LocalProvider = Provider & { close(): Promise<void> };

/**
 * Image editing without an API key: Fill and Erase with an inpainting model when one is set, else (and
 * whenever the model cannot be used) with classical Telea inpainting; Expand and Outpaint (around the whole
 * picture) with Telea. It does not read the prompt, so the instruction models, which only follow a prompt, are
 * refused.
 */
export function createLocalProvider(options: LocalProviderOptions): LocalProvider {
  const pool = new WorkerPool(Math.max(1, Math.floor(options.workers)));
  pool.warm();
  const maxPixels = options.maxPixels ?? DEFAULT_MAX_PIXELS;

  /** Runs one job in the pool, reporting its progress under `status`. */
  const work = (job: LocalJob, transfer: ArrayBuffer[], ctx: RunContext, status: string): Promise<Uint8Array> => {
    const report = (progress: number): void => ctx.progress({ status, progress, phase: 'running' });
    report(0);
    return pool.run(job, transfer, { signal: ctx.signal, onProgress: report });
  };

  const fill = async (input: ProviderInput, ctx: RunContext): Promise<ProviderResult> => {
    if (!input.mask) throw appError('mask_required');
    const [image, painted] = await Promise.all([decodeRgb(input.image), decodeGrey(input.mask)]);
    if (image.width !== painted.width || image.height !== painted.height) {
      throw appError('invalid_mask.size', {
        mask: `${painted.width}x${painted.height}`,
        image: `${image.width}x${image.height}`,
      });
    }
    // Erase grows the mask by dilate_pixels first, as FLUX's Erase does, to take in the object's edge.
    const grow = typeof input.params.dilate_pixels === 'number' ? input.params.dilate_pixels : ERASE_DILATE.default;
    const mask =
      input.model === 'erase' && grow > 0
        ? { ...painted, data: dilate(painted.data, painted.width, painted.height, grow) }
        : painted;
    checkCoverage(mask.data);
    if (options.model) {
      try {
        return await modelFill(image, mask.data, options.model, input, ctx);
      } catch (err) {
        if (!isAppError(err) || !isModelError(err.code)) throw err;
        options.logger?.warn({ code: err.code, err: err.message }, 'model fill failed; using the classical fill');
        // The model's own message says why, and that unsetting it means the classical fill, which made this one.
        ctx.warn(err);
      }
    }
    const job: LocalJob = {
      op: 'fill',
      rgb: image.data,
      mask: mask.data,
      width: image.width,
      height: image.height,
      radius: TELEA_RADIUS,
    };
    const pixels = await work(
      job,
      [image.data.buffer as ArrayBuffer, mask.data.buffer as ArrayBuffer],
      ctx,
      'Inpainting',
    );
    return encode({ ...image, data: pixels }, input.outputFormat);
  };

  /** Runs the model in the pool within its time budget; the buffers are copied, as the classical fill may follow. */
  const modelFill = async (
    image: { data: Uint8Array; width: number; height: number },
    mask: Uint8Array,
    model: { path: string; timeoutMs: number },
    input: ProviderInput,
    ctx: RunContext,
  ): Promise<ProviderResult> => {
    const rgb = image.data.slice();
    const hole = mask.slice();
    const job: LocalJob = {
      op: 'model-fill',
      rgb,
      mask: hole,
      width: image.width,
      height: image.height,
      model: model.path,
    };
    const budget = AbortSignal.timeout(model.timeoutMs);
    const signal = AbortSignal.any([ctx.signal, budget]);
    try {
      const pixels = await work(
        job,
        [rgb.buffer as ArrayBuffer, hole.buffer as ArrayBuffer],
        { ...ctx, signal },
        'Inpainting',
      );
      return await encode({ ...image, data: pixels, channels: 3 }, input.outputFormat);
    } catch (err) {
      if (!budget.aborted || ctx.signal.aborted) throw err;
      throw appError('local_model_timeout', { file: model.path, seconds: model.timeoutMs / 1000 });
    }
  };

  const expand = async (input: ProviderInput, ctx: RunContext): Promise<ProviderResult> => {
    const original = await imageSize(input.image);
    const sides = input.model === 'outpaint' ? outpaintSides(input.params, original) : expandSides(input.params);
    const width = original.width + sides.left + sides.right;
    const height = original.height + sides.top + sides.bottom;
    if (width * height > maxPixels) {
      throw appError('expand_too_large.local', {
        size: `${width}x${height}`,
        mp: Math.round((width * height) / 1e5) / 10,
        max: Math.round(maxPixels / 1e6),
      });
    }
    // A copy of the encoded bytes (small) is handed over, so the decoded canvas (large) never has to be.
    const image = new Uint8Array(input.image);
    const job: LocalJob = { op: 'expand', image, sides, radius: TELEA_RADIUS };
    const pixels = await work(job, [image.buffer as ArrayBuffer], ctx, 'Expanding');
    return encode({ data: pixels, width, height, channels: 3 }, input.outputFormat);
  };

  return {
    name: 'local',
    async run(input: ProviderInput, ctx: RunContext): Promise<ProviderResult> {
      ctx.signal.throwIfAborted();
      if (!LOCAL_MODELS.includes(input.model)) throw unsupported(input.model);
      return MODEL_INFO[input.model].needsMask ? fill(input, ctx) : expand(input, ctx);
    },
    close: () => pool.close(),
  };
}

function unsupported(model: ModelName): AppError {
  return appError('unsupported.local', { model: MODEL_INFO[model].label });
}

/** Telea needs something to paint and something to paint from. */
function checkCoverage(mask: Uint8Array): void {
  let painted = 0;
  for (const v of mask) if (v !== 0) painted++;
  if (painted === 0) {
    throw appError('mask_empty');
  }
  if (painted === mask.length) {
    throw appError('mask_full');
  }
}
