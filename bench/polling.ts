/**
 * Simulated time: the sidecar's adaptive poller against fixed 2 s polling, over job lengths FLUX could take.
 * The loop repeats BflProvider.pollUntilDone step by step (delay from nextPollDelay, progress kept when a poll
 * brings none, the duration recorded once Ready was seen) and FLUX answers as the fake server does: no
 * progress while Pending (the first 20 % of the job), then elapsed / length, Ready from the job's length on.
 */
import { DurationStats, nextPollDelay } from '../src/providers/bfl/poller.js';
import { atMost, below, info, quantile, round, type Result } from './result.js';

const JOBS = 200;
const MIN_MS = 5_000;
const MAX_MS = 30_000;
const BASE_MS = 2_000;
const SEED = 0x5eed;

interface Detection {
  /** Time from Ready to the poll that saw it. */
  delayMs: number;
  requests: number;
}

/** mulberry32: a small seeded generator, so every run simulates the same jobs. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What a poll at `elapsedMs` into a job of `lengthMs` answers, as the fake FLUX server computes it. */
function answer(elapsedMs: number, lengthMs: number): { ready: boolean; progress: number | null } {
  if (elapsedMs >= lengthMs) return { ready: true, progress: 1 };
  const progress = Math.min(0.99, elapsedMs / lengthMs);
  return { ready: false, progress: progress < 0.2 ? null : progress };
}

function adaptive(lengthMs: number, durations: DurationStats): Detection {
  let now = 0;
  let progress: number | null = null;
  for (let requests = 1; ; requests++) {
    now += nextPollDelay({ baseMs: BASE_MS, elapsedMs: now, progress, typicalMs: durations.typical('fill') });
    const r = answer(now, lengthMs);
    if (r.ready) {
      durations.record('fill', now);
      return { delayMs: now - lengthMs, requests };
    }
    progress = r.progress ?? progress;
  }
}

function fixed(lengthMs: number): Detection {
  const requests = Math.ceil(lengthMs / BASE_MS);
  return { delayMs: requests * BASE_MS - lengthMs, requests };
}

export async function benchPolling(): Promise<Result[]> {
  const random = prng(SEED);
  const lengths = Array.from({ length: JOBS }, () => MIN_MS + random() * (MAX_MS - MIN_MS));
  const durations = new DurationStats();
  const smart = lengths.map((l) => adaptive(l, durations));
  const plain = lengths.map(fixed);
  const sum = (ds: Detection[]) => ds.reduce((s, d) => s + d.requests, 0);
  const delays = (ds: Detection[]) => ds.map((d) => d.delayMs / 1000);
  const note = `${JOBS} simulated jobs of 5-30 s, POLL_INTERVAL 2 s`;
  return [
    below('polling: detection delay p50, adaptive', round(quantile(delays(smart), 0.5), 2), 's', 0.5, note),
    info('polling: detection delay p95, adaptive', round(quantile(delays(smart), 0.95), 2), 's'),
    info('polling: detection delay p50, fixed 2 s', round(quantile(delays(plain), 0.5), 2), 's'),
    atMost(
      'polling: requests adaptive / fixed',
      round(sum(smart) / sum(plain), 2),
      'x',
      1.0,
      `${sum(smart)} vs ${sum(plain)} polls`,
    ),
  ];
}
