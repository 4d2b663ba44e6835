import { blendByMask } from '../../images/blend.js';
import { decodePadded } from './codec.js';
import type { ExpandSides } from './expand.js';
import { modelFill } from './model.js';
import type { ErrorCode, ErrorText } from '../../errors.js';
import { inpaintTelea } from './telea.js';

/** Pixel work a worker thread does; buffers travel by transfer, not by copy. */
export type LocalJob =
  | { op: 'fill'; rgb: Uint8Array; mask: Uint8Array; width: number; height: number; radius: number }
  /** Fill with the inpainting model in `model` (an ONNX file) instead of Telea. */
  | { op: 'model-fill'; rgb: Uint8Array; mask: Uint8Array; width: number; height: number; model: string }
  /** The encoded picture: the worker decodes it onto the larger canvas itself. */
  | { op: 'expand'; image: Uint8Array; sides: ExpandSides; radius: number };

export type WorkerReply =
  | { type: 'progress'; fraction: number }
  | { type: 'done'; pixels: Uint8Array }
  /** `raised`: an error from the catalogue (a model file that is missing, damaged, of the wrong shape...), kept whole. */
  | { type: 'error'; message: string; raised?: { code: ErrorCode; text: ErrorText } | undefined };

/** Runs one job; the worker thread calls this so the HTTP server's event loop stays free. */
export async function runJob(job: LocalJob, onProgress: (fraction: number) => void): Promise<Uint8Array> {
  switch (job.op) {
    case 'fill':
      return fill(job.rgb, job.mask, job.width, job.height, job.radius, onProgress);
    case 'model-fill': {
      const filled = await modelFill(job.rgb, job.mask, job.width, job.height, job.model, onProgress);
      return blendByMask(job.rgb, filled, job.mask);
    }
    case 'expand': {
      const { canvas, mask } = await decodePadded(job.image, job.sides);
      return fill(canvas.data, mask, canvas.width, canvas.height, job.radius, onProgress);
    }
  }
}

function fill(
  rgb: Uint8Array,
  mask: Uint8Array,
  width: number,
  height: number,
  radius: number,
  onProgress: (fraction: number) => void,
): Uint8Array {
  const inpainted = inpaintTelea(rgb, mask, width, height, { radius, onProgress });
  return blendByMask(rgb, inpainted, mask);
}
