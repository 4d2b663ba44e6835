/**
 * Open WebUI's event-loop lag while 10 Inpaint clicks run at once (bench/loop_lag.py does the measuring in
 * Python, where Open WebUI runs), against a naive implementation of the same FLUX jobs in the same run.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BENCH_FLUX_KEY, BENCH_TOKEN, startStack } from './stack.js';
import { below, info, round, type Result } from './result.js';

const CLICKS = 10;
const LATENCY_MS = 3_000;
const SCRIPT = fileURLToPath(new URL('./loop_lag.py', import.meta.url));

interface Lag {
  max_ms: number;
  p99_ms: number;
  /** Most CPU time the loop thread spent within one probe interval. */
  busy_max_ms: number;
  samples: number;
  completed: number;
  wall_s: number;
}

function runPython(args: string[]): Promise<{ shim: Lag; baseline: Lag }> {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', [SCRIPT, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', (e) =>
      reject(new Error(`could not run python3 (needed for the event-loop benchmark): ${e.message}`)),
    );
    child.on('exit', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0) return reject(new Error(`loop_lag.py exited with ${code}:\n${err.slice(-2000)}`));
      try {
        resolve(JSON.parse(last) as { shim: Lag; baseline: Lag });
      } catch {
        reject(new Error(`loop_lag.py printed no result:\n${out.slice(-2000)}\n${err.slice(-2000)}`));
      }
    });
  });
}

export async function benchLoopLag(): Promise<Result[]> {
  const stack = await startStack(LATENCY_MS, { FLUX_INPAINT_RATE_LIMIT: '0' });
  let lag: { shim: Lag; baseline: Lag };
  try {
    lag = await runPython([
      '--sidecar',
      stack.url,
      '--token',
      BENCH_TOKEN,
      '--flux',
      stack.fake.url,
      '--key',
      BENCH_FLUX_KEY,
      '--clicks',
      String(CLICKS),
    ]);
  } finally {
    await stack.close();
  }
  const { shim, baseline } = lag;
  const shimNote = `${shim.completed}/${CLICKS} clicks got their result, ${round(shim.wall_s)} s, ${shim.samples} probes`;
  const baseNote = `${baseline.completed}/${CLICKS} jobs, ${round(baseline.wall_s)} s (they run one after another)`;
  const allDone = shim.completed === CLICKS;
  const max = below('loop lag: function, max', round(shim.max_ms), 'ms', 20, shimNote);
  return [
    { ...max, pass: max.pass && allDone },
    info('loop lag: function, p99', round(shim.p99_ms), 'ms'),
    info(
      'loop lag: function, max loop-thread CPU in one probe',
      round(shim.busy_max_ms),
      'ms',
      'stall from work on the loop, not from a busy machine',
    ),
    info('loop lag: naive blocking baseline, max', round(baseline.max_ms), 'ms', baseNote),
    info('loop lag: baseline / function (max)', round(baseline.max_ms / Math.max(shim.max_ms, 0.1), 0), 'x'),
  ];
}
