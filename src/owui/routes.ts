import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { nanoid } from 'nanoid';
import type { Logger } from 'pino';
import { type AppError, appError } from '../errors.js';
import type { ZodTypeProvider } from '../util/zod.js';
import { BRIDGE_PROTOCOL } from '../wire/bridge.js';
import { replyMacMatches, SessionAuth } from './auth.js';
import { helloProof } from './derivations.js';
import { OpChannel } from './channel.js';
import type { SessionRegistry } from './registry.js';
import { challengeRequestSchema, replyParams, replySchema, sessionOpenSchema } from './schemas.js';
import { unseal } from './seal.js';
import { OwuiSession, type SessionDeps } from './session.js';
import { ToolSession } from './tool-session.js';

interface BridgeRoutesOptions {
  deps: Omit<SessionDeps, 'logger'>;
  registry: SessionRegistry;
  token: string;
  pingMs?: number;
  /** Aborted when the sidecar shuts down: open sessions are dropped so the shutdown does not wait for them. */
  closing: AbortSignal;
}

declare module 'fastify' {
  interface FastifyRequest {
    rawBody?: Buffer;
    sessionKey?: Buffer;
  }
}

/**
 * The Open WebUI function's entry: one streamed session per click, replies posted back per op. These routes
 * authenticate themselves with HMACs (auth.ts) instead of the bearer token the rest of the API uses.
 */
export const bridgeRoutes: FastifyPluginAsync<BridgeRoutesOptions> = async (app, opts) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { registry } = opts;
  const auth = new SessionAuth(opts.token);

  // The MACs cover the exact bytes sent, so the raw body is kept next to the parsed one (this plugin only). An
  // opening is verified right here, before the rate limit counts it against a user and before its schema is
  // checked, so nobody without the token can spend a user's budget or learn how a valid body looks.
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request: FastifyRequest, body: Buffer, done) => {
    request.rawBody = body;
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      return done(appError('invalid_json'), undefined);
    }
    try {
      if (request.routeOptions.url === '/v1/sessions') request.sessionKey = verifyOpening(request, body, parsed);
      done(null, parsed);
    } catch (err) {
      done(err as AppError, undefined);
    }
  });

  function verifyOpening(request: FastifyRequest, body: Buffer, parsed: unknown): Buffer {
    const header = request.headers['x-flux-inpaint-auth'];
    const protocol = (parsed as { protocol?: unknown } | null)?.protocol;
    // An older function (bearer token: protocol 1; the key in clear: 2) is told what to update, whatever it sent.
    if ((!header && request.headers.authorization) || (typeof protocol === 'number' && protocol !== BRIDGE_PROTOCOL)) {
      throw appError('protocol_mismatch', { protocol: BRIDGE_PROTOCOL });
    }
    return auth.verifyOpen(Array.isArray(header) ? header[0] : header, body);
  }

  // Anyone may ask: a small body only, so a flood costs little to refuse.
  r.post('/v1/sessions/challenge', { bodyLimit: 1024, schema: { body: challengeRequestSchema } }, async (request) =>
    auth.issue(request.body?.nonce),
  );

  r.post(
    '/v1/sessions',
    {
      // A body that is not JSON never reaches the parser above: it has no key, so it is refused here.
      preValidation: async (request) => {
        if (!request.sessionKey) request.sessionKey = verifyOpening(request, request.rawBody ?? Buffer.alloc(0), null);
      },
      schema: { body: sessionOpenSchema },
    },
    async (request, reply) => {
      const key = request.sessionKey!;
      // Sealed by the function with the session key (PROTOCOL.md, "Sealed fields"): the key never travels in clear.
      const apiKey = unseal(key, 'FLUX_API_KEY', request.body.valves.FLUX_API_KEY);
      if (apiKey === undefined) {
        throw appError('invalid_request.key_not_sealed');
      }
      const open = { ...request.body, valves: { ...request.body.valves, FLUX_API_KEY: apiKey } };
      reply.hijack();
      reply.raw.writeHead(200, {
        'content-type': 'application/x-ndjson; charset=utf-8',
        'cache-control': 'no-store',
        'x-accel-buffering': 'no',
      });
      const channel = new OpChannel(
        reply.raw,
        nanoid(12),
        key,
        opts.pingMs === undefined ? {} : { pingMs: opts.pingMs },
      );
      const deps = { ...opts.deps, logger: request.log as unknown as Logger };
      const session = open.tool
        ? new ToolSession(channel, open, open.tool, deps)
        : new OwuiSession(channel, open, deps);
      registry.add(channel);
      const onClosing = () => channel.abort(appError('shutting_down'));
      opts.closing.addEventListener('abort', onClosing);
      channel.send({
        op: 'hello',
        session: channel.session,
        protocol: BRIDGE_PROTOCOL,
        proof: helloProof(key, channel.session),
      });
      request.log.info(
        { session: channel.session, user: open.user.id, chat: open.body.chat_id, owui: open.owui?.version },
        'inpaint session opened',
      );
      try {
        const result = await session.run();
        channel.end({ op: 'done', ok: result.ok, message: result.message });
      } finally {
        opts.closing.removeEventListener('abort', onClosing);
        registry.delete(channel.session);
      }
    },
  );

  r.post(
    '/v1/sessions/:sid/replies/:opId',
    { schema: { params: replyParams, body: replySchema } },
    async (request, reply) => {
      const { sid, opId } = request.params;
      const channel = registry.get(sid);
      if (!channel) throw appError('session_not_found', { session: sid });
      const mac = request.headers['x-flux-inpaint-mac'];
      if (
        !replyMacMatches(channel.key, sid, opId, request.rawBody ?? Buffer.alloc(0), Array.isArray(mac) ? mac[0] : mac)
      ) {
        throw appError('unauthorized.reply_mac');
      }
      const delivered = channel.deliver(opId, request.body as Parameters<OpChannel['deliver']>[1]);
      if (!delivered) throw appError('op_not_found', { session: sid, op: opId });
      return reply.status(204).send();
    },
  );
};
