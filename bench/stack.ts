/**
 * The three parties of a benchmark in three processes, as in real use: the fake FLUX server (FLUX is its own
 * machine), the sidecar started the way users run it, and the load generator (this process). So what is
 * measured in the sidecar (memory, CPU, event loop) is neither mixed with nor held up by the others' work.
 * A slow start is waited for much longer than in the tests: a busy machine is no reason to lose a run.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSidecar, type SidecarProcess } from '../test/support/process.js';
import type { FakeFluxReady, FakeTaskTiming } from './fake-flux-child.js';

export const BENCH_TOKEN = 'bench-token-0123456789abcdef';
export const BENCH_FLUX_KEY = 'bench-flux-key-0123456789';
const START_TIMEOUT_MS = 120_000;

export interface FakeFluxProcess extends FakeFluxReady {
  /** The tasks the fake server has seen so far, with their timings. */
  tasks(): Promise<FakeTaskTiming[]>;
  close(): Promise<void>;
}

export interface Stack {
  fake: FakeFluxProcess;
  /** The sidecar's base URL. */
  url: string;
  pid: number;
  close(): Promise<void>;
}

function nextMessage<T>(child: ChildProcess): Promise<T> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`the fake FLUX process exited with ${code}`));
    child.once('exit', onExit);
    child.once('message', (msg) => {
      child.off('exit', onExit);
      resolve(msg as T);
    });
  });
}

async function startFakeFluxProcess(latencyMs: number): Promise<FakeFluxProcess> {
  const child = fork(
    fileURLToPath(new URL('./fake-flux-child.ts', import.meta.url)),
    [String(latencyMs), BENCH_FLUX_KEY],
    {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  const ready = await Promise.race([
    nextMessage<FakeFluxReady>(child),
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('the fake FLUX process did not start')), START_TIMEOUT_MS).unref(),
    ),
  ]).catch((err: unknown) => {
    child.kill();
    throw err;
  });
  return {
    ...ready,
    tasks: () => {
      const answer = nextMessage<FakeTaskTiming[]>(child);
      child.send('tasks');
      return answer;
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.send('close');
      }),
  };
}

export async function startStack(latencyMs: number, env: Record<string, string> = {}): Promise<Stack> {
  const fake = await startFakeFluxProcess(latencyMs);
  const dataDir = await mkdtemp(join(tmpdir(), 'flux-inpaint-bench-'));
  const cleanUp = async () => {
    await fake.close();
    await rm(dataDir, { recursive: true, force: true });
  };
  let sidecar: SidecarProcess;
  try {
    sidecar = await spawnSidecar(
      {
        FLUX_INPAINT_PORT: '0',
        FLUX_INPAINT_DATA_DIR: dataDir,
        FLUX_INPAINT_TOKEN: BENCH_TOKEN,
        FLUX_INPAINT_RESULT_HOSTS: fake.origin,
        FLUX_API_URL: fake.url,
        FLUX_API_KEY: BENCH_FLUX_KEY,
        ...env,
      },
      [],
      { startTimeoutMs: START_TIMEOUT_MS },
    );
  } catch (err) {
    await cleanUp();
    throw err;
  }
  return {
    fake,
    url: sidecar.url,
    pid: sidecar.child.pid!,
    close: async () => {
      await sidecar.kill();
      await cleanUp();
    },
  };
}
