import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { appError } from '../errors.js';
import type { JobEngine } from '../jobs/engine.js';
import type { SettingsStore } from '../settings/store.js';
import type { ProviderName } from '../providers/provider.js';
import { registerAuth } from './auth.js';
import { frameworkErrors, registerErrorHandling } from './errors.js';
import { healthRoutes } from './routes/health.js';
import { jobsRoutes } from './routes/jobs.js';
import { editorRoutes } from './routes/editor.js';
import { bridgeRoutes } from '../owui/routes.js';
import { SessionRegistry } from '../owui/registry.js';
import { editorBundle } from '../editor/bundle.js';
import { createExternalFetcher } from '../net/external.js';
import { useZod } from '../util/zod.js';

/** Routes that start paid or heavy work, and the challenge route anyone may call; reading and replying are never limited. */
function limitOf(route: string, config: Config): number {
  if (route === 'POST /v1/sessions/challenge') return config.limits.challengesPerMinute;
  return route === 'POST /v1/jobs' || route === 'POST /v1/sessions' ? config.limits.ratePerMinute : 0;
}

function routeOf(request: FastifyRequest): string {
  return `${request.method} ${request.routeOptions.url ?? ''}`;
}

/**
 * Open WebUI's user for its sessions; everything else comes from whoever holds the sidecar's one token. The
 * challenge route has no user yet: it counts per client address.
 */
function callerOf(request: FastifyRequest): string {
  if (request.routeOptions.url === '/v1/sessions/challenge') return `address:${request.ip}`;
  const user = (request.body as { user?: { id?: unknown } } | undefined)?.user?.id;
  return typeof user === 'string' ? `owui:${user}` : 'token';
}

interface AppDeps {
  config: Config;
  token: string;
  engine: JobEngine;
  /** Editor settings of Open WebUI users. */
  settings: SettingsStore;
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
  // The API reads JSON and multipart only; fastify's text parser would hand a string to the schemas.
  app.removeContentTypeParser('text/plain');
  registerErrorHandling(app);
  registerAuth(app, deps.token);
  const closing = new AbortController();
  app.addHook('preClose', async () => closing.abort());
  if (config.limits.ratePerMinute > 0 || config.limits.challengesPerMinute > 0) {
    await app.register(rateLimit, {
      max: (request) => limitOf(routeOf(request), config),
      timeWindow: '1 minute',
      // After parsing, so an Open WebUI session counts against its user, not against the one Open WebUI server;
      // before validation, so invalid attempts count too.
      hook: 'preValidation',
      // Keyed on the route's pattern, never the raw URL: `POST /v1/jobs?x=1` is the same route, not a new bucket.
      allowList: (request) => limitOf(routeOf(request), config) === 0,
      keyGenerator: (request) => `${callerOf(request)} ${routeOf(request)}`,
      errorResponseBuilder: (request, context) => {
        const wait = { max: context.max, seconds: Math.ceil(context.ttl / 1000) };
        const opts = { retryAfter: context.ttl / 1000 };
        const url = request.routeOptions.url;
        if (url === '/v1/sessions/challenge')
          return appError('rate_limited.challenges', { ...wait, ip: request.ip }, opts);
        return appError(url === '/v1/sessions' ? 'rate_limited.sessions' : 'rate_limited.jobs', wait, opts);
      },
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
  const external = createExternalFetcher({
    allow: config.privateOrigins,
    maxBytes: config.limits.maxImageBytes,
    stop: closing.signal,
  });
  app.addHook('onClose', () => external.close());
  await app.register(bridgeRoutes, {
    registry: new SessionRegistry(),
    token: deps.token,
    closing: closing.signal,
    deps: {
      engine: deps.engine,
      settings: deps.settings,
      config,
      editorBundle,
      fetchExternal: external.fetchExternal,
    },
  });
  return app;
}
