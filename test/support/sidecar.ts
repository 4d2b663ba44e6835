import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { loadConfig } from '../../src/config.js';
import { loggerOptions } from '../../src/log.js';
import { startSidecar, type Sidecar, type SidecarHooks } from '../../src/server.js';
import { type FakeFlux, type FakeFluxOptions, startFakeFlux } from '../fake-flux/server.js';

export const TEST_TOKEN = 'test-token-0123456789abcdef';

export interface TestSidecar extends Sidecar {
  dataDir: string;
  /** Every log line the sidecar wrote, for tests that assert what must never be logged. */
  logs: string[];
  /** fetch() with the token. */
  api(path: string, init?: RequestInit): Promise<Response>;
}

/** Starts a real sidecar on 127.0.0.1:0 with its own data dir (hooks: e.g. name resolution for a fake FLUX). */
export async function startTestSidecar(
  env: Record<string, string> = {},
  dataDir?: string,
  hooks: SidecarHooks = {},
): Promise<TestSidecar> {
  const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'flux-inpaint-')));
  const config = loadConfig({
    FLUX_INPAINT_PORT: '0',
    FLUX_INPAINT_DATA_DIR: dir,
    FLUX_INPAINT_TOKEN: TEST_TOKEN,
    LOG_LEVEL: 'debug',
    // Tests send bursts of jobs; the limit has a test of its own.
    FLUX_INPAINT_RATE_LIMIT: '0',
    FLUX_INPAINT_CHALLENGE_LIMIT: '0',
    ...env,
  });
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      logs.push(String(chunk));
      cb();
    },
  });
  const logger = pino(loggerOptions('debug'), sink);
  const sidecar = await startSidecar(config, logger, hooks);
  return Object.assign(sidecar, {
    dataDir: dir,
    logs,
    api: (path: string, init: RequestInit = {}) =>
      fetch(`${sidecar.url}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${TEST_TOKEN}`, ...(init.headers as Record<string, string> | undefined) },
      }),
  });
}

/**
 * A fake FLUX with its own key and a sidecar that uses it (results from the fake's host, polled every 0.1 s
 * unless `env` says otherwise): what a test of a whole FLUX job starts with.
 */
export async function startFluxSidecar(
  key: string,
  flux: Partial<FakeFluxOptions> = {},
  env: Record<string, string> = {},
): Promise<{ fake: FakeFlux; sidecar: TestSidecar }> {
  const fake = await startFakeFlux({ latencyMs: 200, ...flux, apiKey: key });
  const sidecar = await startTestSidecar({
    FLUX_API_KEY: key,
    FLUX_API_URL: fake.url,
    FLUX_INPAINT_RESULT_HOSTS: fake.origin,
    FLUX_INPAINT_POLL_INTERVAL_S: '0.1',
    ...env,
  });
  return { fake, sidecar };
}
