import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Streams server-sent events from an async iterable. Heartbeat comments keep proxies from closing an idle
 * stream; the stream stops when the client goes away or the iterable ends.
 */
export async function sendSse<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  source: (signal: AbortSignal) => AsyncIterable<T>,
  opts: { event: string; heartbeatMs?: number; stop?: AbortSignal },
): Promise<void> {
  const controller = new AbortController();
  const raw = reply.raw;
  reply.hijack();
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  const onClose = () => controller.abort();
  request.raw.on('close', onClose);
  // A shutting-down server must not wait for streams that would run until their job ends.
  opts.stop?.addEventListener('abort', onClose);
  const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), opts.heartbeatMs ?? 15_000);
  try {
    for await (const item of source(controller.signal)) {
      if (controller.signal.aborted) break;
      raw.write(`event: ${opts.event}\ndata: ${JSON.stringify(item)}\n\n`);
    }
  } catch (err) {
    if (!controller.signal.aborted) request.log.error({ err }, 'event stream failed');
  } finally {
    clearInterval(heartbeat);
    request.raw.off('close', onClose);
    opts.stop?.removeEventListener('abort', onClose);
    raw.end();
  }
}
