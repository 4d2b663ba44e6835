import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { ERRORS, type ErrorCode, isAppError, isExpected } from '../errors.js';
import { describeZodError } from '../util/zod.js';
import { errorBody } from '../wire/errors.js';

/** Answers with the code's status from the catalogue, unless fastify already knows a more precise one. */
function sendError(
  reply: FastifyReply,
  code: ErrorCode,
  message: string,
  status: number = ERRORS[code].status,
): FastifyReply {
  return reply.status(status).send(errorBody(code, message));
}

/**
 * Every error leaves as `{error: {code, message}}` with the right status. Messages of expected errors go to
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
      return sendError(reply, err.code, err.message, err.status);
    }
    if (err instanceof ZodError) {
      return sendError(reply, 'invalid_request', describeZodError(err, ''));
    }
    if (err.validation) {
      const zodError = (err.validation as unknown as ZodError).issues
        ? (err.validation as unknown as ZodError)
        : undefined;
      const message = zodError ? describeZodError(zodError, err.validationContext ?? '') : err.message;
      return sendError(reply, 'invalid_request', message);
    }
    const known = knownFastifyError(err);
    if (known) return sendError(reply, known.code, known.message, known.status);
    // The multipart parser reports broken bodies as plain errors without a status.
    if (request.isMultipart()) {
      return sendError(
        reply,
        'invalid_request',
        `The multipart body is malformed (${err.message}): send the fields again.`,
      );
    }
    request.log.error({ err }, 'unhandled error');
    return sendError(reply, 'internal_error', 'Unexpected error in the sidecar; its log has the details.');
  });

  const routes = routeTable(app);
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!;
    const allowed = routes.methodsFor(path);
    if (allowed.length) {
      void reply.header('allow', allowed.join(', '));
      return sendError(
        reply,
        'method_not_allowed',
        `${path} does not accept ${request.method}; it accepts ${allowed.join(', ')}.`,
      );
    }
    return sendError(reply, 'not_found', `No route ${request.method} ${path}.`);
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
  void reply
    .status(status)
    .send(errorBody('invalid_request', `The request URL or headers are invalid (${err.code ?? 'bad request'}).`));
}

function knownFastifyError(err: FastifyError): { status?: number; code: ErrorCode; message: string } | undefined {
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
      return {
        code: 'request_too_large',
        message: 'The request is too large: use a smaller image (FLUX_INPAINT_MAX_IMAGE_MB).',
      };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { code: 'unsupported_media_type', message: 'Send JSON (application/json) or multipart/form-data.' };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { code: 'invalid_request', message: 'The request body is empty or its length is wrong.' };
    default:
      if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
        const code: ErrorCode =
          err instanceof SyntaxError || err.code === 'FST_ERR_CTP_INVALID_JSON_BODY'
            ? 'invalid_json'
            : 'invalid_request';
        return {
          status: err.statusCode,
          code,
          message: code === 'invalid_json' ? `The body is not valid JSON: ${err.message}` : err.message,
        };
      }
      return undefined;
  }
}
