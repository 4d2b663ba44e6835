/**
 * 50 jobs at once through the jobs API against FLUX taking 3 s per task, with 24 tasks allowed at a time (BFL's
 * limit): how close the sidecar gets to the ideal makespan, and what it costs in memory and CPU.
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { lastJobEvent } from '../test/support/events.js';
import { testImage, testMask } from '../test/support/images.js';
import { atLeast, below, info, quantile, round, type Result } from './result.js';
import { BENCH_TOKEN, startStack, type Stack } from './stack.js';

const JOBS = 50;
const SLOTS = 24;
const LATENCY_MS = 3_000;

function clockTicksPerSecond(): number {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
}

/** utime + stime of the process, in ms. */
async function cpuMs(pid: number, ticksPerSecond: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // The command name may contain spaces; the fields after it are fixed.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}

/** A memory figure of the process from /proc/<pid>/status (VmHWM: peak resident set, VmRSS: current), in MB. */
async function memoryMb(pid: number, field: 'VmHWM' | 'VmRSS'): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1];
  if (!kb) throw new Error(`no ${field} in /proc/${pid}/status: this benchmark needs Linux`);
  return Number(kb) / 1024;
}

/** Submits one job and follows its event stream to the end; resolves with its final state. */
async function runJob(stack: Stack, body: string): Promise<string> {
  const auth = { authorization: `Bearer ${BENCH_TOKEN}` };
  const res = await fetch(`${stack.url}/v1/jobs`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body,
  });
  if (res.status !== 202) throw new Error(`POST /v1/jobs answered ${res.status}: ${await res.text()}`);
  const { id } = (await res.json()) as { id: string };
  const last = await lastJobEvent(await fetch(`${stack.url}/v1/jobs/${id}/events`, { headers: auth })).catch(() => ({
    state: 'no events',
  }));
  return String(last.state);
}

export async function benchThroughput(): Promise<Result[]> {
  const stack = await startStack(LATENCY_MS, {
    FLUX_INPAINT_MAX_ACTIVE_TASKS: String(SLOTS),
    FLUX_INPAINT_RATE_LIMIT: '0',
    FLUX_INPAINT_POLL_INTERVAL_S: '2',
  });
  const ticks = clockTicksPerSecond();
  let states: string[];
  let wallMs: number;
  let cpu: number;
  let rss: number;
  let idleRss: number;
  let detection: number[];
  let firstSubmitMs: number;
  try {
    // A small picture keeps the fake FLUX server's own rendering (its process shares the two cores) out of the makespan.
    const body = JSON.stringify({
      model: 'fill',
      prompt: 'throughput',
      image: (await testImage(256, 256)).toString('base64'),
      mask: (await testMask(256, 256)).toString('base64'),
      params: { steps: 20 },
      output_format: 'jpeg',
      provider: 'bfl',
    });
    // A sidecar runs for days: one job first, so that start-up work (JIT, libvips threads, connections) is not
    // counted as the cost of the load.
    const warmUp = await runJob(stack, body);
    if (warmUp !== 'done') throw new Error(`the warm-up job ended ${warmUp}; is the fake FLUX server reachable?`);
    idleRss = await memoryMb(stack.pid, 'VmRSS');
    const cpuBefore = await cpuMs(stack.pid, ticks);
    const started = performance.now();
    const startedAt = Date.now();
    states = await Promise.all(Array.from({ length: JOBS }, () => runJob(stack, body)));
    wallMs = performance.now() - started;
    cpu = (await cpuMs(stack.pid, ticks)) - cpuBefore;
    rss = await memoryMb(stack.pid, 'VmHWM');
    const load = (await stack.fake.tasks()).slice(1);
    detection = load.map((t) => (t.readyServedAt ?? Number.NaN) - t.readyAt);
    firstSubmitMs = Math.min(...load.map((t) => t.createdAt)) - startedAt;
  } finally {
    await stack.close();
  }
  const done = states.filter((s) => s === 'done').length;
  const idealMs = Math.ceil(JOBS / SLOTS) * LATENCY_MS;
  const ratio = atLeast(
    'throughput: ideal / achieved makespan',
    round(idealMs / wallMs, 2),
    'x',
    0.95,
    `${done}/${JOBS} done in ${round(wallMs / 1000)} s, ideal ${idealMs / 1000} s`,
  );
  return [
    { ...ratio, pass: ratio.pass && done === JOBS },
    below(
      'throughput: sidecar peak RSS',
      Math.round(rss),
      'MB',
      200,
      `VmHWM; ${Math.round(idleRss)} MB after one job, before the load`,
    ),
    info(
      'throughput: first FLUX task created after',
      firstSubmitMs,
      'ms',
      'time the sidecar takes to accept the burst before FLUX sees a job',
    ),
    info(
      'throughput: Ready detection delay p50',
      Math.round(quantile(detection, 0.5)),
      'ms',
      `max ${Math.round(Math.max(...detection))} ms: from FLUX being ready to the poll that saw it`,
    ),
    info('throughput: sidecar CPU per job', Math.round(cpu / JOBS), 'ms', 'utime + stime'),
  ];
}
