/**
 * The fake FLUX server in this process and the sidecar as its own process, started the way users run it
 * (`node --import tsx src/main.ts`), so that what is measured in the sidecar (memory, CPU, event loop) is not
 * mixed with the load generator's. A slow start is waited for much longer than in the tests: a busy machine is
 * no reason to lose a run.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeFlux, type FakeFlux } from '../test/fake-flux/server.js';
import { spawnSidecar, type SidecarProcess } from '../test/support/process.js';

export const BENCH_TOKEN = 'bench-token-0123456789abcdef';
export const BENCH_FLUX_KEY = 'bench-flux-key-0123456789';
const START_TIMEOUT_MS = 120_000;

export interface Stack {
  fake: FakeFlux;
  /** The sidecar's base URL. */
  url: string;
  pid: number;
  close(): Promise<void>;
}

export async function startStack(latencyMs: number, env: Record<string, string> = {}): Promise<Stack> {
  const fake = await startFakeFlux({ latencyMs, apiKey: BENCH_FLUX_KEY });
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
