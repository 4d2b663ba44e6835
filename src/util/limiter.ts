/**
 * FIFO semaphore per key. FLUX accepts a limited number of active tasks per API key (24 by default), and
 * every task over the limit costs a 429 round trip; queuing here keeps each key below it.
 */
export class KeyedLimiter {
  private readonly active = new Map<string, number>();
  private readonly waiting = new Map<string, Array<(release: () => void) => void>>();
  private peak = 0;

  constructor(private readonly max: number) {}

  /**
   * Resolves with a release function once a slot is free. `force` takes a slot at once even over the
   * limit: a task resumed after a restart is already running at FLUX, so waiting would only lose its result.
   */
  acquire(key: string, opts: { signal?: AbortSignal | undefined; force?: boolean } = {}): Promise<() => void> {
    if (opts.force || (this.active.get(key) ?? 0) < this.max) {
      this.adjust(key, +1);
      return Promise.resolve(this.releaser(key));
    }
    return new Promise((resolve, reject) => {
      const queue = this.waiting.get(key) ?? [];
      const onAbort = () => {
        const i = queue.indexOf(grant);
        if (i >= 0) queue.splice(i, 1);
        reject(opts.signal?.reason);
      };
      const grant = (release: () => void) => {
        opts.signal?.removeEventListener('abort', onAbort);
        resolve(release);
      };
      queue.push(grant);
      this.waiting.set(key, queue);
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      if (opts.signal?.aborted) onAbort();
    });
  }

  activeCount(key: string): number {
    return this.active.get(key) ?? 0;
  }

  queuedCount(key: string): number {
    return this.waiting.get(key)?.length ?? 0;
  }

  peakActive(): number {
    return this.peak;
  }

  private releaser(key: string): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.get(key)?.shift();
      // Hand the slot straight to the next in line, so no newcomer can slip in between and exceed the limit.
      if (next) next(this.releaser(key));
      else this.adjust(key, -1);
    };
  }

  private adjust(key: string, delta: number): void {
    const n = (this.active.get(key) ?? 0) + delta;
    if (n <= 0) this.active.delete(key);
    else this.active.set(key, n);
    this.peak = Math.max(this.peak, n);
  }
}
