import { blendByMask } from './blend.js';
import { cannyEdges } from './canny.js';
import { inpaintTelea } from './telea.js';

/** Pixel work a worker thread does; buffers travel by transfer, not by copy. */
export type LocalJob =
  | { op: 'fill'; rgb: Uint8Array; mask: Uint8Array; width: number; height: number; radius: number }
  | { op: 'canny'; gray: Uint8Array; width: number; height: number; low: number; high: number };

export type WorkerReply =
  | { type: 'progress'; fraction: number }
  | { type: 'done'; pixels: Uint8Array }
  | { type: 'error'; message: string };

/** Runs one job synchronously; the worker thread calls this so the HTTP server's event loop stays free. */
export function runJob(job: LocalJob, onProgress: (fraction: number) => void): Uint8Array {
  switch (job.op) {
    case 'fill': {
      const inpainted = inpaintTelea(job.rgb, job.mask, job.width, job.height, { radius: job.radius, onProgress });
      return blendByMask(job.rgb, inpainted, job.mask);
    }
    case 'canny':
      return cannyEdges(job.gray, job.width, job.height, job.low, job.high);
  }
}
