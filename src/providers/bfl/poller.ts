/**
 * How long to wait before the next poll. FLUX reports progress for running tasks; from it the remaining time
 * can be estimated, so the poller sleeps through most of a long generation and polls densely near its end.
 * That finds a finished image sooner than fixed polling while sending about as many requests.
 */
interface PollTiming {
  /** POLL_INTERVAL: the normal gap between polls. */
  baseMs: number;
  /** Time since the task was submitted. */
  elapsedMs: number;
  /** Latest reported progress 0..1, or null when FLUX gives none. */
  progress: number | null;
  /** Typical duration of recent tasks of the same model, if any finished yet. */
  typicalMs?: number | undefined;
}

export const MIN_POLL_MS = 200;
/** How many short polls away from the estimated end count as close to it. */
const NEAR_END_POLLS = 4;
/** How long after the estimated end to poll: enough for FLUX to have stored the image. */
const END_MARGIN_MS = 15;

export function nextPollDelay(t: PollTiming): number {
  const floor = Math.min(MIN_POLL_MS, t.baseMs);
  const ceiling = t.baseMs * 2.5;
  let remaining: number | undefined;
  if (t.progress !== null && t.progress > 0.02 && t.progress < 1) {
    remaining = (t.elapsedMs * (1 - t.progress)) / t.progress;
  } else if (t.typicalMs !== undefined && t.elapsedMs < t.typicalMs) {
    remaining = t.typicalMs - t.elapsedMs;
  }
  if (remaining === undefined) return t.baseMs;
  // Close to the estimated end, a poll before it would be a wasted request and the one after it would come
  // a whole short interval late: aim just past the end instead.
  if (remaining <= floor * NEAR_END_POLLS) return Math.max(floor, remaining + END_MARGIN_MS);
  // Further away, wake a little before the estimate: estimates are noisy and a late poll costs the user time.
  return Math.min(remaining * 0.8, ceiling);
}

/** Keeps recent task durations per model to estimate how long the next one takes. */
export class DurationStats {
  private readonly samples = new Map<string, number[]>();

  constructor(private readonly keep = 20) {}

  record(model: string, ms: number): void {
    const list = this.samples.get(model) ?? [];
    list.push(ms);
    if (list.length > this.keep) list.shift();
    this.samples.set(model, list);
  }

  /** A low quantile, so the poller wakes before most tasks finish rather than after. */
  typical(model: string): number | undefined {
    const list = this.samples.get(model);
    if (!list || list.length < 3) return undefined;
    const sorted = [...list].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length * 0.25)];
  }
}
