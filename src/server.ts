import { createRequire } from 'node:module';
import type { LookupFunction } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import { FluxClient } from './providers/bfl/client.js';
import { buildApp } from './http/app.js';
import { JobEngine } from './jobs/engine.js';
import { guardedDispatcher, resolverFrom } from './net/ssrf.js';
import { assertWritable } from './util/files.js';
import { type DataDirLock, lockDataDir } from './jobs/lock.js';
import { BflProvider } from './providers/bfl/provider.js';
import { createLocalProvider } from './providers/local/provider.js';
import type { Provider, ProviderName } from './providers/provider.js';
import { SettingsStore } from './settings/store.js';
import { resolveToken } from './token.js';

const pkg = createRequire(import.meta.url)('../package.json') as { version: string };
const VERSION = pkg.version;

export interface Sidecar {
  app: FastifyInstance;
  engine: JobEngine;
  url: string;
  token: string;
  tokenGenerated: boolean;
  /** Standalone providers, the default first. */
  providers: ProviderName[];
  close(): Promise<void>;
}

/** Which providers standalone jobs may use: FLUX needs a key in the environment, local always works. */
function standaloneProviders(config: Config): ProviderName[] {
  const hasKey = Boolean(config.flux.apiKey);
  switch (config.provider) {
    case 'bfl':
      return ['bfl'];
    case 'local':
      return ['local'];
    default:
      return hasKey ? ['bfl', 'local'] : ['local'];
  }
}

export interface SidecarHooks {
  /** Name resolution for FLUX and its result hosts (tests map regional host names to a local fake). */
  lookup?: LookupFunction | undefined;
}

/** Wires config, providers, job engine and HTTP server together, and starts listening. */
export async function startSidecar(config: Config, logger: Logger, hooks: SidecarHooks = {}): Promise<Sidecar> {
  await assertWritable(config.dataDir);
  const lock = await lockDataDir(config.dataDir);
  try {
    return await startLocked(config, logger, hooks, lock);
  } catch (err) {
    await lock.release();
    throw err;
  }
}

async function startLocked(config: Config, logger: Logger, hooks: SidecarHooks, lock: DataDirLock): Promise<Sidecar> {
  const { token, generated } = await resolveToken(config.token, config.dataDir);
  const client = new FluxClient({ lookup: hooks.lookup });
  const resultsGuarded = guardedDispatcher(resolverFrom(hooks.lookup));
  const local = createLocalProvider({
    workers: config.localWorkers,
    maxPixels: config.limits.maxImagePixels,
    model: config.localModel,
    logger,
  });
  // The FLUX provider is always on: Open WebUI sessions bring their own key in the valves.
  const providerMap: Partial<Record<ProviderName, Provider>> = {
    bfl: new BflProvider({
      client,
      results: {
        strictHosts: config.resultHosts,
        privateOrigins: config.privateOrigins,
        guarded: resultsGuarded,
        plain: client.dispatcher,
      },
      logger,
      maxResultBytes: config.limits.maxResultBytes,
      maxActiveTasks: config.limits.maxActiveTasks,
      polling: config.polling,
      retryBaseMs: config.retryBaseMs,
    }),
    local,
  };
  const engine = await JobEngine.open({
    dataDir: config.dataDir,
    logger,
    providers: providerMap,
    limits: config.limits,
    keepResultsDays: config.keepResultsDays,
  });
  const providers = standaloneProviders(config);
  const settings = await SettingsStore.open(config.dataDir, logger);
  const app = await buildApp({ config, token, engine, settings, providers, logger, version: VERSION });
  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (err) {
    await engine.close();
    await local.close();
    throw err;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    app,
    engine,
    url: `http://${host}:${port}`,
    token,
    tokenGenerated: generated,
    providers,
    async close() {
      await app.close();
      await engine.close();
      await local.close();
      await client.close();
      await resultsGuarded.close();
      await lock.release();
    },
  };
}
