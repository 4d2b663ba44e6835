import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import type { JobEngine } from '../jobs/engine.js';
import type { ProviderName } from '../providers/provider.js';
import { registerAuth } from './auth.js';
import { frameworkErrors, registerErrorHandling } from './errors.js';
import { healthRoutes } from './routes/health.js';
import { jobsRoutes } from './routes/jobs.js';
import { editorRoutes } from './routes/editor.js';
import { bridgeRoutes } from '../bridge/routes.js';
import { SessionRegistry } from '../bridge/registry.js';
import { editorBundle } from '../artifact/bundle.js';
import { fetchExternalImage, guardedDispatcher } from '../net/ssrf.js';
import { Agent } from 'undici';
import { useZod } from './zod.js';

export interface AppDeps {
  config: Config;
  token: string;
  engine: JobEngine;
  /** Providers for standalone jobs, the default first. */
  providers: ProviderName[];
  logger: Logger;
  version: string;
}

/** Builds the sidecar's HTTP server: one plugin per area, every route validated with zod. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  // Base64 inflates an image by a third; leave room for the mask and the JSON around them.
  const bodyLimit = Math.ceil(config.limits.maxImageBytes * 1.4 * 2) + 1024 * 1024;
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    bodyLimit,
    frameworkErrors,
    requestIdHeader: false,
    // Errors are answered by registerErrorHandling; fastify must not print stacks to clients.
    return503OnClosing: true,
  });
  useZod(app);
  registerErrorHandling(app);
  registerAuth(app, deps.token);
  const closing = new AbortController();
  app.addHook('preClose', async () => closing.abort());
  if (config.limits.ratePerMinute > 0) {
    await app.register(rateLimit, {
      max: config.limits.ratePerMinute,
      timeWindow: '1 minute',
      // After parsing, so an Open WebUI session counts against its user, not against the one Open WebUI server;
      // before validation, so invalid attempts count too.
      hook: 'preValidation',
      allowList: (request) => !(request.method === 'POST' && (request.url === '/v1/jobs' || request.url === '/v1/sessions')),
      keyGenerator: (request) => {
        const user = (request.body as { user?: { id?: unknown } } | undefined)?.user?.id;
        return typeof user === 'string' ? `owui:${user}` : `ip:${request.ip}`;
      },
      errorResponseBuilder: (_request, context) =>
        new AppError(
          'rate_limited',
          `Too many new jobs: at most ${context.max} a minute (FLUX_INPAINT_RATE_LIMIT). Try again in ${Math.ceil(context.ttl / 1000)} s.`,
          { status: 429, retryAfter: context.ttl / 1000 },
        ),
    });
  }
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    limits: { fileSize: config.limits.maxImageBytes, files: 2, fields: 20, fieldSize: 64 * 1024 },
  });
  await app.register(healthRoutes, { version: deps.version });
  await app.register(jobsRoutes, {
    engine: deps.engine,
    providers: deps.providers,
    flux: config.flux,
    closing: closing.signal,
  });
  await app.register(editorRoutes, { config, providers: deps.providers });
  const guarded = guardedDispatcher();
  const plain = new Agent({ connect: { timeout: 10_000 }, headersTimeout: 30_000, bodyTimeout: 30_000 });
  app.addHook('onClose', async () => {
    await Promise.all([guarded.close(), plain.close()]);
  });
  await app.register(bridgeRoutes, {
    registry: new SessionRegistry(),
    token: deps.token,
    closing: closing.signal,
    deps: {
      engine: deps.engine,
      config,
      editorBundle,
      fetchExternal: (url) =>
        fetchExternalImage(url, { guarded, plain, allow: config.privateOrigins, maxBytes: config.limits.maxImageBytes }),
    },
  });
  return app;
}
