import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { type AppError, appError, type ErrorCode, isAppError, isExpected, type StoredError } from '../errors.js';
import { zodRequestError } from '../util/zod.js';
import { errorBody } from '../wire/errors.js';

/** A failure the sidecar raised, or one fastify worded itself (see frameworkText). */
type Refusal = AppError | (StoredError & { status: number });

/** Answers with the error's status (the catalogue's, unless fastify already knows a more precise one). */
function sendError(reply: FastifyReply, err: Refusal, status: number = err.status): FastifyReply {
  return reply.status(status).send(errorBody(err));
}

/**
 * Every error leaves as `{error: {code, message, key?, params?}}` (src/wire/errors.ts) with the right status. Messages of expected errors go to
 * the client verbatim; unexpected ones are logged in full and reach the client as one line without a stack.
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setSchemaErrorFormatter((errors, dataVar) => {
    const first = errors[0] as unknown as { params?: { issues?: unknown } } | undefined;
    const err = new Error(`${dataVar} is invalid`) as Error & { validationContext: string };
    err.validationContext = dataVar;
    return Object.assign(err, { zod: first?.params?.issues });
  });

  app.setErrorHandler((err: FastifyError & { validationContext?: string; zod?: unknown }, request, reply) => {
    if (isAppError(err)) {
      if (!isExpected(err)) request.log.error({ err }, 'request failed');
      if (err.retryAfter !== undefined) void reply.header('retry-after', String(Math.ceil(err.retryAfter)));
      return sendError(reply, err);
    }
    if (err instanceof ZodError) return sendError(reply, zodRequestError(err, ''));
    if (err.validation) {
      const zodError = (err.validation as unknown as ZodError).issues
        ? (err.validation as unknown as ZodError)
        : undefined;
      if (zodError) return sendError(reply, zodRequestError(zodError, err.validationContext ?? ''));
      return sendError(reply, frameworkText('invalid_request', err, 400));
    }
    const known = knownFastifyError(err);
    if (known) return sendError(reply, known.error, known.status);
    // The multipart parser reports broken bodies as plain errors without a status.
    if (request.isMultipart()) return sendError(reply, appError('invalid_request.multipart', { detail: err.message }));
    request.log.error({ err }, 'unhandled error');
    return sendError(reply, appError('internal_error.sidecar'));
  });

  const routes = routeTable(app);
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!;
    const allowed = routes.methodsFor(path);
    if (allowed.length) {
      void reply.header('allow', allowed.join(', '));
      return sendError(
        reply,
        appError('method_not_allowed', { path, method: request.method, allowed: allowed.join(', ') }),
      );
    }
    return sendError(reply, appError('not_found', { method: request.method, path }));
  });
}

/**
 * Every route's pattern and methods, so a known path asked with the wrong method is told which methods it
 * has (405) instead of being told it does not exist (fastify answers 404 for both).
 */
function routeTable(app: FastifyInstance): { methodsFor(path: string): string[] } {
  const table: Array<{ pattern: RegExp; methods: string[] }> = [];
  app.addHook('onRoute', (route) => {
    const source = route.url
      .split('/')
      .map((part) =>
        part.startsWith(':') ? '[^/]+' : part === '*' ? '.*' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
      )
      .join('/');
    table.push({ pattern: new RegExp(`^${source}$`), methods: [route.method].flat() });
  });
  return {
    methodsFor: (path) => [...new Set(table.filter((r) => r.pattern.test(path)).flatMap((r) => r.methods))].sort(),
  };
}

/** Errors fastify raises before a route is found (too long a URL or parameter), in the same shape as the rest. */
export function frameworkErrors(err: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 400;
  void reply.status(status).send(errorBody(appError('invalid_request.url', { reason: err.code ?? 'bad request' })));
}

/**
 * A refusal fastify words itself, for an error outside the catalogue's known cases: its text is passed on as
 * is (no key, so every reader sees the framework's English) rather than guessed at.
 */
function frameworkText(code: ErrorCode, err: FastifyError, status: number): Refusal {
  return { code, message: err.message, status };
}

function knownFastifyError(err: FastifyError): { status?: number; error: Refusal } | undefined {
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
      return { error: appError('request_too_large') };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { error: appError('unsupported_media_type') };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { error: appError('invalid_request.empty_body') };
    default:
      if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
        const json = err instanceof SyntaxError || err.code === 'FST_ERR_CTP_INVALID_JSON_BODY';
        return {
          status: err.statusCode,
          error: json
            ? appError('invalid_json.detail', { detail: err.message })
            : frameworkText('invalid_request', err, err.statusCode),
        };
      }
      return undefined;
  }
}
