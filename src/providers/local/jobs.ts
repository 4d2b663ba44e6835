import { blendByMask } from '../../images/blend.js';
import { decodePadded } from './codec.js';
import type { ExpandSides } from './expand.js';
import { inpaintTelea } from './telea.js';

/** Pixel work a worker thread does; buffers travel by transfer, not by copy. */
export type LocalJob =
  | { op: 'fill'; rgb: Uint8Array; mask: Uint8Array; width: number; height: number; radius: number }
  /** The encoded picture: the worker decodes it onto the larger canvas itself. */
  | { op: 'expand'; image: Uint8Array; sides: ExpandSides; radius: number };

export type WorkerReply =
  | { type: 'progress'; fraction: number }
  | { type: 'done'; pixels: Uint8Array }
  | { type: 'error'; message: string };

/** Runs one job; the worker thread calls this so the HTTP server's event loop stays free. */
export async function runJob(job: LocalJob, onProgress: (fraction: number) => void): Promise<Uint8Array> {
  switch (job.op) {
    case 'fill':
      return fill(job.rgb, job.mask, job.width, job.height, job.radius, onProgress);
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
