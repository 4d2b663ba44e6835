import type { FastifyPluginAsync } from 'fastify';
import { nanoid } from 'nanoid';
import type { Logger } from 'pino';
import { AppError } from '../errors.js';
import { errorBody } from '../http/errors.js';
import type { ZodTypeProvider } from '../http/zod.js';
import { OpChannel } from './channel.js';
import { SessionRegistry } from './registry.js';
import { replyParams, replySchema, sessionOpenSchema } from './schemas.js';
import { OwuiSession, type SessionDeps } from './session.js';

export interface BridgeRoutesOptions {
  deps: Omit<SessionDeps, 'logger'>;
  registry: SessionRegistry;
  pingMs?: number;
  /** Aborted when the sidecar shuts down: open sessions are dropped so the shutdown does not wait for them. */
  closing: AbortSignal;
}

/** The Open WebUI function's entry: one streamed session per click, replies posted back per op. */
export const bridgeRoutes: FastifyPluginAsync<BridgeRoutesOptions> = async (app, opts) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { registry } = opts;

  r.post('/v1/sessions', { schema: { body: sessionOpenSchema } }, async (request, reply) => {
    const open = request.body;
    reply.hijack();
    reply.raw.writeHead(200, {
      'content-type': 'application/x-ndjson; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
    });
    const channel = new OpChannel(reply.raw, nanoid(12), opts.pingMs === undefined ? {} : { pingMs: opts.pingMs });
    const session = new OwuiSession(channel, open, { ...opts.deps, logger: request.log as unknown as Logger });
    registry.add(channel);
    const onClosing = () =>
      channel.abort(new AppError('sidecar_stopping', 'The sidecar is shutting down; running jobs resume when it starts again.', { status: 503 }));
    opts.closing.addEventListener('abort', onClosing);
    channel.send({ op: 'hello', session: channel.session, protocol: 1 });
    request.log.info({ session: channel.session, user: open.user.id, chat: open.body.chat_id }, 'inpaint session opened');
    try {
      const result = await session.run();
      channel.end({ op: 'done', ok: result.ok, message: result.message });
    } finally {
      opts.closing.removeEventListener('abort', onClosing);
      registry.delete(channel.session);
    }
  });

  r.post('/v1/sessions/:sid/replies/:opId', { schema: { params: replyParams, body: replySchema } }, async (request, reply) => {
    const channel = registry.get(request.params.sid);
    if (!channel) throw new AppError('session_not_found', `No open session "${request.params.sid}" (it ended or the sidecar restarted).`, { status: 404 });
    const delivered = channel.deliver(request.params.opId, request.body as Parameters<OpChannel['deliver']>[1]);
    if (!delivered) return reply.status(404).send(errorBody('op_not_found', `Session ${request.params.sid} is not waiting for op ${request.params.opId}.`));
    return reply.status(204).send();
  });
};
