import { isIP } from 'node:net';
import { Agent, request, type Dispatcher } from 'undici';
import { type AppError, appError } from '../errors.js';
import { discardBody } from './body.js';
import { deadline } from './deadline.js';
import { guardedDispatcher, isPrivateAddress, isPrivateError } from './ssrf.js';

/** How long loading one image linked in a chat may take in total, redirects and body included. */
const EXTERNAL_IMAGE_DEADLINE_MS = 60_000;

interface ExternalImage {
  bytes: Buffer;
  mime: string;
}

/** Loads an image linked in a chat; `signal` is the session's, so a closed session stops its downloads. */
export type FetchExternal = (url: string, signal?: AbortSignal) => Promise<ExternalImage>;

interface FetchExternalOptions {
  /** Connects only to public addresses (see guardedDispatcher). */
  guarded: Dispatcher;
  /** For the private origins the operator allowed. */
  plain: Dispatcher;
  /** Origins exempt from the private-address check (FLUX_INPAINT_PRIVATE_ORIGINS). */
  allow: readonly string[];
  maxBytes: number;
  timeoutMs?: number;
  /** The caller's signal (the session's). */
  signal?: AbortSignal | undefined;
  /** Aborted when the sidecar stops. */
  stop?: AbortSignal | undefined;
}

/**
 * Fetches an external image with the SSRF guard, following at most three redirects, each checked again,
 * within one total deadline: a server that trickles bytes must not hold a session (or shutdown) forever.
 */
export async function fetchExternalImage(rawUrl: string, opts: FetchExternalOptions): Promise<ExternalImage> {
  const timeoutMs = opts.timeoutMs ?? EXTERNAL_IMAGE_DEADLINE_MS;
  const limit = deadline(timeoutMs, [opts.signal, opts.stop]);
  let url = parseLink(rawUrl);
  try {
    for (let hop = 0; hop <= 3; hop++) {
      const res = await requestOnce(url, opts, limit.signal);
      if (res.statusCode >= 300 && res.statusCode < 400 && res.headers.location) {
        discardBody(res.body);
        url = parseLink(String(res.headers.location), url);
        continue;
      }
      return await readImage(url, res, opts.maxBytes);
    }
    throw appError('image_fetch_failed.redirects');
  } catch (err) {
    if (limit.cancelled) throw limit.cancelled.reason;
    if (limit.expired) {
      throw appError(
        'image_fetch_timeout',
        { host: url.host, seconds: Math.round(timeoutMs / 100) / 10 },
        { cause: err },
      );
    }
    throw err;
  } finally {
    limit.dispose();
  }
}

async function requestOnce(
  url: URL,
  opts: FetchExternalOptions,
  signal: AbortSignal,
): Promise<Dispatcher.ResponseData> {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw refused(url, 'scheme');
  if (url.username || url.password) throw refused(url, 'credentials');
  const exempt = opts.allow.includes(url.origin);
  // An address in the URL is connected to without a DNS lookup, so the lookup hook never sees it.
  const literal = url.hostname.replace(/^\[|\]$/g, '');
  if (!exempt && isIP(literal) && isPrivateAddress(literal)) throw refused(url, 'private');
  try {
    return await request(url, {
      dispatcher: exempt ? opts.plain : opts.guarded,
      headers: { accept: 'image/*' },
      signal,
    });
  } catch (err) {
    if (isPrivateError(err)) throw refused(url, 'private');
    if (signal.aborted) throw err;
    throw appError('image_fetch_failed.network', { host: url.host, reason: (err as Error).message }, { cause: err });
  }
}

async function readImage(url: URL, res: Dispatcher.ResponseData, maxBytes: number): Promise<ExternalImage> {
  if (res.statusCode !== 200) {
    discardBody(res.body);
    throw appError('image_fetch_failed.http', { host: url.host, status: String(res.statusCode) });
  }
  const mime = String(res.headers['content-type'] ?? '')
    .split(';')[0]!
    .trim();
  if (!mime.startsWith('image/')) {
    discardBody(res.body);
    throw appError('image_unsupported.link', { host: url.host, type: mime || '-' });
  }
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of res.body) {
      total += (chunk as Buffer).length;
      if (total > maxBytes) {
        throw appError('image_too_large.link', { host: url.host });
      }
      chunks.push(chunk as Buffer);
    }
  } catch (err) {
    discardBody(res.body);
    throw err;
  }
  return { bytes: Buffer.concat(chunks), mime };
}

function parseLink(link: string, base?: URL): URL {
  try {
    return new URL(link, base);
  } catch (err) {
    const shown = link.slice(0, 100);
    throw base
      ? appError('image_url_refused.redirect', { host: base.host, link: shown }, { cause: err })
      : appError('image_url_refused.invalid', { link: shown }, { cause: err });
  }
}

function refused(url: URL, why: 'scheme' | 'credentials' | 'private'): AppError {
  return appError(`image_url_refused.${why}`, { origin: url.origin });
}

interface ExternalFetcher {
  fetchExternal: FetchExternal;
  /** Stops every download in flight and closes the connections. */
  close(): Promise<void>;
}

/** The sidecar's one way to load chat images from the web; `stop` aborts all of them when it shuts down. */
export function createExternalFetcher(opts: {
  allow: readonly string[];
  maxBytes: number;
  timeoutMs?: number;
  stop: AbortSignal;
}): ExternalFetcher {
  const guarded = guardedDispatcher();
  const plain = new Agent({ connect: { timeout: 10_000 }, headersTimeout: 30_000, bodyTimeout: 30_000 });
  return {
    fetchExternal: (url, signal) =>
      fetchExternalImage(url, {
        guarded,
        plain,
        allow: opts.allow,
        maxBytes: opts.maxBytes,
        timeoutMs: opts.timeoutMs,
        signal,
        stop: opts.stop,
      }),
    async close() {
      await Promise.all([guarded.destroy(), plain.destroy()]);
    },
  };
}
