import type { FastifyPluginAsync } from 'fastify';
import { editorBundle } from '../../editor/bundle.js';
import { standalonePage } from '../../editor/page.js';
import type { Config } from '../../config.js';
import { EDITOR_DEFAULTS, editorInit } from '../../editor/service.js';
import type { ProviderName } from '../../providers/provider.js';
import type { EditorInit } from '../../wire/editor.js';
import { editorInitQuery } from '../schemas.js';

interface EditorRoutesOptions {
  config: Config;
  providers: ProviderName[];
}

const FAVICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path fill="#6d5dfc" d="M3 17.25V21h3.75L17.8 9.94l-3.75-3.75z"/><path fill="#6d5dfc" d="M20.7 7.04a1 1 0 0 0 0-1.41l-2.34-2.34a1 1 0 0 0-1.41 0l-1.83 1.83 3.75 3.75z"/></svg>`;

/** The standalone editor: the page, its bundle, and what it needs to start. */
export const editorRoutes: FastifyPluginAsync<EditorRoutesOptions> = async (app, opts) => {
  const security = {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
  };

  app.get('/', async (_request, reply) =>
    reply
      .headers(security)
      .header('content-type', 'text/html; charset=utf-8')
      .header(
        'content-security-policy',
        "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; connect-src 'self'",
      )
      .send(standalonePage()),
  );

  app.get('/editor.js', async (_request, reply) =>
    reply
      .headers(security)
      .header('content-type', 'text/javascript; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(await editorBundle()),
  );

  app.get('/favicon.svg', async (_request, reply) => reply.header('content-type', 'image/svg+xml').send(FAVICON));

  app.get(
    '/v1/editor/init',
    { schema: { querystring: editorInitQuery } },
    async (request): Promise<EditorInit> =>
      editorInit({
        mode: 'standalone',
        defaults: EDITOR_DEFAULTS,
        providers: opts.providers,
        limits: opts.config.limits,
        browserLocale: (request.query as { locale?: string }).locale,
      }),
  );
};
