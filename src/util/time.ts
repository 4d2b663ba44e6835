import { setTimeout as delay } from 'node:timers/promises';

/** Sleeps, waking early (with the signal's reason) when the signal aborts. */
export async function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  try {
    await delay(Math.max(0, ms), undefined, { signal });
  } catch (err) {
    if (signal?.aborted) throw signal.reason ?? err;
    throw err;
  }
}

/** Exponential backoff with full jitter (AWS style): spreads retries of many jobs apart after a FLUX outage. */
export function backoffMs(attempt: number, baseMs = 500, capMs = 15_000, random: () => number = Math.random): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * Milliseconds on a clock that only moves forward, for every deadline and time-to-live inside one run: a jump
 * of the wall clock (NTP, a suspended VM, an admin) neither ends nor stretches them.
 */
export function monotonicMs(): number {
  return performance.now();
}
