import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { BuildOptions } from 'esbuild';
import { AppError, appError } from '../../errors.js';
import { prebuilt } from '../../prebuilt.js';
import type { LocalJob, WorkerReply } from './jobs.js';

interface Task {
  job: LocalJob;
  transfer: ArrayBuffer[];
  signal: AbortSignal;
  onProgress: (fraction: number) => void;
  resolve: (pixels: Uint8Array) => void;
  reject: (reason: unknown) => void;
  onAbort: () => void;
}

interface Slot {
  worker: Worker;
  task: Task | undefined;
}

export const WORKER_FILE = 'worker.cjs';

/** worker.ts and the pixel modules it imports as one CommonJS script. */
export const WORKER_BUILD = {
  entryPoints: [fileURLToPath(new URL('./worker.ts', import.meta.url))],
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // Loaded from node_modules at run time: a native addon cannot be bundled.
  external: ['sharp', 'onnxruntime-node'],
  logLevel: 'silent',
} satisfies BuildOptions;

/** The worker script built from the sources, once per process. */
let workerScript: string | undefined;

/**
 * Starts a worker thread for pixel work: the script `npm run build` wrote, or, when the sources run directly,
 * worker.ts bundled on first use. A worker cannot load TypeScript itself: Node 20 does not apply the hooks
 * of a worker's own `--import tsx` to its entry module, and loading tsx inside each worker takes seconds on a
 * busy machine, while bundling takes milliseconds.
 */
export function spawnLocalWorker(): Worker {
  const file = prebuilt(WORKER_FILE);
  if (file) return new Worker(file);
  // Required here, not imported: the sidecar bundle has the prebuilt script and must not load esbuild.
  const { buildSync } = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
  workerScript ??= buildSync({ ...WORKER_BUILD, write: false }).outputFiles[0]!.text;
  return new Worker(workerScript, { eval: true });
}

/**
 * Up to `size` worker threads for CPU-bound pixel work, started on demand; an aborted task's
 * worker is terminated (a synchronous loop cannot be interrupted any other way) and replaced on demand.
 */
export class WorkerPool {
  private readonly slots = new Set<Slot>();
  private readonly queue: Task[] = [];
  private closed = false;

  constructor(
    private readonly size: number,
    private readonly spawn: () => Worker = spawnLocalWorker,
  ) {}

  run(
    job: LocalJob,
    transfer: ArrayBuffer[],
    opts: { signal: AbortSignal; onProgress: (fraction: number) => void },
  ): Promise<Uint8Array> {
    if (this.closed) return Promise.reject(shuttingDown());
    if (opts.signal.aborted) return Promise.reject(opts.signal.reason);
    return new Promise<Uint8Array>((resolve, reject) => {
      const task: Task = { job, transfer, ...opts, resolve, reject, onAbort: () => this.abort(task) };
      opts.signal.addEventListener('abort', task.onAbort, { once: true });
      this.queue.push(task);
      this.dispatch();
    });
  }

  /** Terminates all workers; queued and running tasks fail. */
  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) this.settle(task, shuttingDown());
    const slots = [...this.slots];
    this.slots.clear();
    for (const slot of slots) if (slot.task) this.settle(slot.task, shuttingDown());
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  // The local_failed texts below stay English: they report a fault in the sidecar or the machine (a thread that
  // cannot start or dies, a bug in the fill), which the log and a bug report need verbatim, not a user's action.
  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot: Slot | undefined;
      try {
        slot = this.idleSlot();
      } catch (err) {
        const detail = err instanceof Error ? err.message : String(err);
        this.settle(
          this.queue.shift()!,
          new AppError('local_failed', `The local provider could not start a worker thread: ${detail}`, { cause: err }),
        );
        continue;
      }
      if (!slot) return;
      const task = this.queue.shift()!;
      slot.task = task;
      // A busy worker keeps the process alive until its result arrives; an idle one must not.
      slot.worker.ref();
      slot.worker.postMessage(task.job, task.transfer);
    }
  }

  /** Starts one worker ahead of the first job, so that job does not wait for a thread to boot. */
  warm(): void {
    if (this.closed || this.slots.size > 0) return;
    try {
      this.addSlot();
    } catch {
      // Nothing to report to yet: the first job retries the start and fails with the reason.
    }
  }

  private idleSlot(): Slot | undefined {
    for (const slot of this.slots) if (!slot.task) return slot;
    return this.slots.size < this.size ? this.addSlot() : undefined;
  }

  private addSlot(): Slot {
    const slot: Slot = { worker: this.spawn(), task: undefined };
    slot.worker.unref();
    slot.worker.on('message', (msg: WorkerReply) => this.onMessage(slot, msg));
    slot.worker.on('error', (err) =>
      this.retire(slot, new AppError('local_failed', `The local provider failed: ${err.message}`, { cause: err })),
    );
    slot.worker.on('exit', (code) =>
      this.retire(slot, new AppError('local_failed', `The local provider's worker stopped (exit code ${code}).`)),
    );
    this.slots.add(slot);
    return slot;
  }

  private onMessage(slot: Slot, msg: WorkerReply): void {
    const task = slot.task;
    if (!task) return;
    if (msg.type === 'progress') {
      task.onProgress(msg.fraction);
      return;
    }
    slot.task = undefined;
    slot.worker.unref();
    if (msg.type === 'done') this.settle(task, undefined, msg.pixels);
    else if (msg.raised) this.settle(task, new AppError(msg.raised.code, msg.raised.text));
    else this.settle(task, new AppError('local_failed', `The local provider failed: ${msg.message}`));
    this.dispatch();
  }

  private abort(task: Task): void {
    const queued = this.queue.indexOf(task);
    if (queued >= 0) this.queue.splice(queued, 1);
    for (const slot of this.slots) {
      if (slot.task !== task) continue;
      // Progress messages already in flight must not reach a task that has ended.
      slot.task = undefined;
      this.slots.delete(slot);
      void slot.worker.terminate();
    }
    this.settle(task, task.signal.reason);
    this.dispatch();
  }

  /** Drops a worker that crashed or exited, failing the task it was running. */
  private retire(slot: Slot, error: AppError): void {
    if (!this.slots.delete(slot)) return;
    if (slot.task) this.settle(slot.task, error);
    this.dispatch();
  }

  private settle(task: Task, error: unknown, pixels?: Uint8Array): void {
    task.signal.removeEventListener('abort', task.onAbort);
    if (pixels) task.resolve(pixels);
    else task.reject(error);
  }
}

function shuttingDown(): AppError {
  return appError('shutting_down', undefined, { transient: true });
}
