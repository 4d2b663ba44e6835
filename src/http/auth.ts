import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { appError } from '../errors.js';
import { errorBody } from '../wire/errors.js';

/** Paths anyone may load: they carry no data and no secrets (the editor asks for the token itself). */
const PUBLIC_PATHS = new Set(['/healthz', '/', '/editor.js', '/favicon.svg']);
/** The Open WebUI bridge proves itself with HMACs instead (src/owui/auth.ts): the token never crosses the wire. */
const SELF_AUTHENTICATED = /^\/v1\/sessions(\/|$)/;

function digest(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}

/** Compares digests, so neither the content nor the length of the token leaks through timing. */
function tokenMatches(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

export function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const m = /^Bearer\s+(.+)$/i.exec(header.trim());
  return m?.[1];
}

export function registerAuth(app: FastifyInstance, token: string): void {
  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0]!;
    if (PUBLIC_PATHS.has(path) || SELF_AUTHENTICATED.test(path)) return;
    const given = bearer(request);
    if (!given || !tokenMatches(given, token)) {
      return reply
        .status(401)
        .header('www-authenticate', 'Bearer')
        .send(errorBody(appError(given ? 'unauthorized.wrong_token' : 'unauthorized.missing_token')));
    }
  });
}
