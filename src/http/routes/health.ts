import type { FastifyPluginAsync } from 'fastify';

export const healthRoutes: FastifyPluginAsync<{ version: string }> = async (app, opts) => {
  app.get('/healthz', async () => ({ ok: true, version: opts.version }));
};
