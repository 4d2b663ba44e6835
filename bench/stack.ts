/**
 * The fake FLUX server in this process and the sidecar as its own process, started the way users run it
 * (`node --import tsx src/main.ts`), so that what is measured in the sidecar (memory, CPU, event loop) is not
 * mixed with the load generator's. Unlike the tests' spawner, a slow start is waited for much longer (a busy
 * machine is no reason to lose a run), and a sidecar that fails to start is still killed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeFlux, type FakeFlux } from '../test/fake-flux/server.js';

export const BENCH_TOKEN = 'bench-token-0123456789abcdef';
export const BENCH_FLUX_KEY = 'bench-flux-key-0123456789';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const START_TIMEOUT_MS = 120_000;

export interface Stack {
  fake: FakeFlux;
  /** The sidecar's base URL. */
  url: string;
  pid: number;
  close(): Promise<void>;
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function spawnSidecar(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'main.ts')], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the sidecar did not start within ${START_TIMEOUT_MS / 1000} s:\n${out}`)), START_TIMEOUT_MS);
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /^flux-inpaint (http:\/\/\S+)/m.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the sidecar exited with ${code}:\n${out}`));
      });
    });
    return { child, url };
  } catch (err) {
    await stop(child);
    throw err;
  }
}

export async function startStack(latencyMs: number, env: Record<string, string> = {}): Promise<Stack> {
  const fake = await startFakeFlux({ latencyMs, apiKey: BENCH_FLUX_KEY });
  const dataDir = await mkdtemp(join(tmpdir(), 'flux-inpaint-bench-'));
  const cleanUp = async () => {
    await fake.close();
    await rm(dataDir, { recursive: true, force: true });
  };
  let sidecar: { child: ChildProcess; url: string };
  try {
    sidecar = await spawnSidecar({
      FLUX_INPAINT_PORT: '0',
      FLUX_INPAINT_DATA_DIR: dataDir,
      FLUX_INPAINT_TOKEN: BENCH_TOKEN,
      FLUX_INPAINT_RESULT_HOSTS: fake.origin,
      FLUX_API_URL: fake.url,
      FLUX_API_KEY: BENCH_FLUX_KEY,
      ...env,
    });
  } catch (err) {
    await cleanUp();
    throw err;
  }
  return {
    fake,
    url: sidecar.url,
    pid: sidecar.child.pid!,
    close: async () => {
      await stop(sidecar.child);
      await cleanUp();
    },
  };
}
