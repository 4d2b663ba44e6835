import type { FastifyPluginAsync } from 'fastify';
import { appError } from '../../errors.js';
import type { JobEngine } from '../../jobs/engine.js';
import type { ProviderName } from '../../providers/provider.js';
import { open, type FileHandle } from 'node:fs/promises';
import type { ImageSource, JobRequest, ReferenceSource } from '../../jobs/request.js';
import { httpJobRequestSchema, jobIdParams, listQuery } from '../schemas.js';
import { sendSse } from '../sse.js';
import { sendToJob } from '../../editor/service.js';
import type { ZodTypeProvider } from '../../util/zod.js';

interface JobsRoutesOptions {
  engine: JobEngine;
  /** Providers this sidecar can use, the default first. */
  providers: ProviderName[];
  /** Aborted when the sidecar shuts down: open event streams end. */
  closing: AbortSignal;
  flux: { apiUrl: string; apiKey: string | undefined };
}

/** The standalone jobs API: the editor served at / and scripts use it directly. */
export const jobsRoutes: FastifyPluginAsync<JobsRoutesOptions> = async (app, opts) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { engine } = opts;

  r.post('/v1/jobs', { schema: { body: httpJobRequestSchema } }, async (request, reply) => {
    const req: JobRequest = request.body;
    const provider = pickProvider(req.provider, opts.providers);
    const view = await engine.create(
      await sendToJob(req, (source, field) => sourceImage(engine, source, field), {
        provider,
        flux:
          provider === 'bfl' && opts.flux.apiKey ? { apiUrl: opts.flux.apiUrl, apiKey: opts.flux.apiKey } : undefined,
        owner: 'standalone',
      }),
    );
    return reply.status(202).header('location', `/v1/jobs/${view.id}`).send(view);
  });

  r.get('/v1/jobs', { schema: { querystring: listQuery } }, async (request) => ({
    jobs: engine.list({ limit: request.query.limit }),
  }));

  r.get('/v1/jobs/:id', { schema: { params: jobIdParams } }, async (request) => engine.view(request.params.id));

  r.get('/v1/jobs/:id/events', { schema: { params: jobIdParams } }, async (request, reply) => {
    engine.view(request.params.id); // 404 before the stream starts, not inside it
    await sendSse(request, reply, (signal) => engine.watch(request.params.id, signal), {
      event: 'job',
      stop: opts.closing,
    });
  });

  r.get('/v1/jobs/:id/result', { schema: { params: jobIdParams } }, async (request, reply) => {
    const { handle, path, mime } = await openResult(engine, request.params.id);
    const inline = INLINE_TYPES.has(mime);
    const ext = path.split('.').pop();
    return reply
      .header('content-type', inline ? mime : 'application/octet-stream')
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, max-age=86400, immutable')
      .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename="flux-${request.params.id}.${ext}"`)
      .send(handle.createReadStream());
  });

  /** Cancels a running job; deletes a finished one and its result. */
  r.delete('/v1/jobs/:id', { schema: { params: jobIdParams } }, async (request, reply) => {
    const job = engine.get(request.params.id);
    if (job && ['done', 'failed', 'cancelled'].includes(job.state)) {
      await engine.remove(request.params.id);
      return reply.status(204).send();
    }
    return engine.cancel(request.params.id);
  });
};

function pickProvider(asked: ProviderName | undefined, available: ProviderName[]): ProviderName {
  if (asked === undefined) return available[0]!;
  if (!available.includes(asked)) {
    throw asked === 'bfl'
      ? appError('provider_unavailable.flux')
      : appError('provider_unavailable.disabled', { provider: asked });
  }
  return asked;
}

/** The bytes of an image the request names: sent along, or a previous result ("edit this result"). */
async function sourceImage(engine: JobEngine, source: ImageSource | ReferenceSource, field: string): Promise<Buffer> {
  if ('data' in source) return source.data;
  if ('job' in source) {
    const { handle } = await openResult(engine, source.job);
    try {
      return await handle.readFile();
    } finally {
      await handle.close();
    }
  }
  throw appError('invalid_request.ref', { field });
}

/**
 * Types a result is shown as. Results are verified to be one of them before they are kept (see
 * images/verify-result.ts); anything else, such as a result kept by an older version, is only offered as a file.
 */
const INLINE_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp']);

/** Opens a job's result file before anything is sent, so a missing file is a clear 410, never a cached 500. */
async function openResult(engine: JobEngine, id: string): Promise<{ handle: FileHandle; path: string; mime: string }> {
  const { path, mime } = engine.resultPath(id);
  try {
    return { handle: await open(path, 'r'), path, mime };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    throw appError('result_gone.deleted', { id }, { cause: err });
  }
}
