import { describe, expect, it } from 'vitest';
import { KeyedLimiter } from '../../src/util/limiter.js';
import { DurationStats, MIN_POLL_MS, nextPollDelay } from '../../src/providers/bfl/poller.js';
import { backoffMs } from '../../src/util/time.js';

describe('adaptive polling', () => {
  it('polls at the base interval when nothing is known', () => {
    expect(nextPollDelay({ baseMs: 2000, elapsedMs: 0, progress: null })).toBe(2000);
  });

  it('sleeps longer early in a long task and polls densely near its end', () => {
    const early = nextPollDelay({ baseMs: 2000, elapsedMs: 2000, progress: 0.1 });
    const late = nextPollDelay({ baseMs: 2000, elapsedMs: 20_000, progress: 0.98 });
    expect(early).toBe(5000);
    expect(late).toBeLessThan(500);
    expect(late).toBeGreaterThanOrEqual(MIN_POLL_MS);
  });

  it('close to the estimated end, polls just after it instead of shortly before it', () => {
    // 3 s in at 90 %: about 333 ms left, less than two and a half short polls.
    const d = nextPollDelay({ baseMs: 2000, elapsedMs: 3000, progress: 0.9 });
    expect(d).toBeGreaterThan(3000 / 9);
    expect(d).toBeLessThan(3000 / 9 + 100);
    // Never sooner than the shortest gap, however close the estimate says the end is.
    expect(nextPollDelay({ baseMs: 2000, elapsedMs: 10_000, progress: 0.999 })).toBe(MIN_POLL_MS);
  });

  it('uses the typical duration of earlier tasks when there is no progress', () => {
    const d = nextPollDelay({ baseMs: 2000, elapsedMs: 9000, progress: null, typicalMs: 10_000 });
    expect(d).toBe(800);
  });

  it('DurationStats needs a few samples and returns a low quantile', () => {
    const s = new DurationStats();
    s.record('fill', 10_000);
    s.record('fill', 12_000);
    expect(s.typical('fill')).toBeUndefined();
    s.record('fill', 20_000);
    s.record('fill', 30_000);
    expect(s.typical('fill')).toBe(12_000);
  });

  it('backoff grows, is jittered and capped', () => {
    expect(backoffMs(0, 500, 15_000, () => 0)).toBe(250);
    expect(backoffMs(0, 500, 15_000, () => 1)).toBe(500);
    expect(backoffMs(3, 500, 15_000, () => 1)).toBe(4000);
    expect(backoffMs(20, 500, 15_000, () => 1)).toBe(15_000);
  });
});

describe('KeyedLimiter', () => {
  it('never lets more than max run per key, in FIFO order', async () => {
    const limiter = new KeyedLimiter(2);
    const order: number[] = [];
    let running = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        const release = await limiter.acquire('k');
        order.push(i);
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, 5));
        running--;
        release();
      }),
    );
    expect(peak).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(limiter.activeCount('k')).toBe(0);
  });

  it('a newcomer cannot overtake a waiter when a slot frees', async () => {
    const limiter = new KeyedLimiter(1);
    const r1 = await limiter.acquire('k');
    const waiter = limiter.acquire('k');
    r1();
    const newcomer = limiter.acquire('k');
    const r2 = await waiter;
    expect(limiter.activeCount('k')).toBe(1);
    r2();
    (await newcomer)();
    expect(limiter.peakActive()).toBe(1);
  });

  it('keys are independent; force takes a slot over the limit; abort leaves the queue', async () => {
    const limiter = new KeyedLimiter(1);
    const a = await limiter.acquire('a');
    const b = await limiter.acquire('b');
    const forced = await limiter.acquire('a', { force: true });
    expect(limiter.activeCount('a')).toBe(2);
    const ctrl = new AbortController();
    const waiting = limiter.acquire('a', { signal: ctrl.signal });
    expect(limiter.queuedCount('a')).toBe(1);
    ctrl.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    expect(limiter.queuedCount('a')).toBe(0);
    a();
    forced();
    b();
    expect(limiter.activeCount('a')).toBe(0);
  });
});
