import { Agent, request, type Dispatcher } from 'undici';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { MODEL_ENDPOINTS, type ModelName } from './ranges.js';
import { fluxHttpError } from './errors.js';

const submitResponse = z.object({ id: z.string().min(1), polling_url: z.string().url().optional() });

const pollResponse = z.object({
  id: z.string().optional(),
  status: z.string(),
  result: z
    .object({ sample: z.string().optional(), seed: z.number().optional() })
    .passthrough()
    .nullable()
    .optional(),
  progress: z.number().nullable().optional(),
  details: z.unknown().optional(),
});

export type PollResponse = z.infer<typeof pollResponse>;

export interface SubmitResult {
  id: string;
  pollingUrl: string;
}

/** Errors raised before any byte reached the server: a retry cannot create a second (paid) task. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT', 'EHOSTUNREACH', 'ENETUNREACH']);

export function networkError(err: unknown, url: string, phase: 'submit' | 'poll' | 'download'): AppError {
  if (err instanceof AppError) return err;
  const code = (err as { code?: string })?.code ?? '';
  const reason = (err as Error)?.message ?? String(err);
  const origin = safeOrigin(url);
  if (NOT_SENT_CODES.has(code)) {
    return new AppError('flux_unreachable', `Cannot reach FLUX at ${origin} (${code}): check the network and FLUX_API_URL.`, {
      status: 502,
      transient: true,
      cause: err,
    });
  }
  return new AppError(
    'flux_connection_lost',
    phase === 'submit'
      ? `The connection to FLUX at ${origin} broke while sending the job (${code || reason}); it was not retried, to avoid paying twice. Send again.`
      : `The connection to FLUX at ${origin} broke (${code || reason}).`,
    // Only a poll or a download may safely be repeated after a broken connection.
    { status: 502, transient: phase !== 'submit', cause: err },
  );
}

export function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '(invalid URL)';
  }
}

/**
 * The API key goes to the polling URL too, so that URL must belong to the API we submitted to (a regional
 * host of the same domain is fine: api.bfl.ai hands out api.eu.bfl.ai).
 */
export function assertPollingUrlTrusted(pollingUrl: string, apiUrl: string): void {
  const p = new URL(pollingUrl);
  const a = new URL(apiUrl);
  if (p.origin === a.origin) return;
  const apiDomain = a.hostname.split('.').slice(-2).join('.');
  const sameDomain = p.hostname === apiDomain || p.hostname.endsWith(`.${apiDomain}`);
  if (p.protocol === 'https:' && sameDomain && a.hostname.includes('.')) return;
  throw new AppError(
    'flux_untrusted_polling_url',
    `FLUX returned a polling URL on ${p.origin}, which is not part of ${a.origin}; refusing to send the API key there.`,
    { status: 502 },
  );
}

export interface FluxClientOptions {
  dispatcher?: Dispatcher;
  connectTimeoutMs?: number;
  headersTimeoutMs?: number;
  bodyTimeoutMs?: number;
}

/** Thin typed client for the FLUX REST API; knows HTTP and JSON, not jobs or retries. */
export class FluxClient {
  readonly dispatcher: Dispatcher;

  constructor(opts: FluxClientOptions = {}) {
    this.dispatcher =
      opts.dispatcher ??
      new Agent({
        keepAliveTimeout: 30_000,
        connections: 32,
        connect: { timeout: opts.connectTimeoutMs ?? 10_000 },
        headersTimeout: opts.headersTimeoutMs ?? 60_000,
        bodyTimeout: opts.bodyTimeoutMs ?? 60_000,
      });
  }

  async submit(
    apiUrl: string,
    apiKey: string,
    model: ModelName,
    body: Record<string, unknown>,
    signal?: AbortSignal,
  ): Promise<SubmitResult> {
    const url = `${apiUrl}/${MODEL_ENDPOINTS[model]}`;
    const json = await this.call('POST', url, apiKey, 'submit', { model, body, signal });
    const parsed = submitResponse.safeParse(json);
    if (!parsed.success) throw badResponse(url, false);
    const pollingUrl = parsed.data.polling_url ?? `${apiUrl}/get_result?id=${encodeURIComponent(parsed.data.id)}`;
    assertPollingUrlTrusted(pollingUrl, apiUrl);
    return { id: parsed.data.id, pollingUrl };
  }

  async poll(pollingUrl: string, apiKey: string, signal?: AbortSignal): Promise<PollResponse> {
    const json = await this.call('GET', pollingUrl, apiKey, 'poll', { signal });
    const parsed = pollResponse.safeParse(json);
    if (!parsed.success) throw badResponse(pollingUrl);
    return parsed.data;
  }

  async credits(apiUrl: string, apiKey: string, signal?: AbortSignal): Promise<number> {
    const url = `${apiUrl}/credits`;
    const json = await this.call('GET', url, apiKey, 'poll', { signal });
    const credits = (json as { credits?: unknown })?.credits;
    if (typeof credits !== 'number') throw badResponse(url);
    return credits;
  }

  async close(): Promise<void> {
    await this.dispatcher.close();
  }

  private async call(
    method: 'GET' | 'POST',
    url: string,
    apiKey: string,
    phase: 'submit' | 'poll',
    opts: { model?: ModelName; body?: Record<string, unknown>; signal?: AbortSignal | undefined },
  ): Promise<unknown> {
    let res: Dispatcher.ResponseData;
    try {
      res = await request(url, {
        method,
        dispatcher: this.dispatcher,
        headers: {
          'x-key': apiKey,
          accept: 'application/json',
          ...(opts.body ? { 'content-type': 'application/json' } : {}),
        },
        body: opts.body ? JSON.stringify(opts.body) : null,
        signal: opts.signal ?? null,
      });
    } catch (err) {
      if (opts.signal?.aborted) throw opts.signal.reason ?? err;
      throw networkError(err, url, phase);
    }
    let text: string;
    try {
      text = await res.body.text();
    } catch (err) {
      if (opts.signal?.aborted) throw opts.signal.reason ?? err;
      // The answer to a submit was lost, but the request did arrive: never resend it blindly.
      throw networkError(err, url, phase);
    }
    const json = parseJson(text);
    if (res.statusCode >= 400) {
      throw fluxHttpError(res.statusCode, json, {
        model: opts.model,
        url,
        retryAfterHeader: res.headers['retry-after'],
      });
    }
    // A garbled answer to a submit may still stand for a created (paid) task: only polls are repeated.
    if (json === undefined) throw badResponse(url, phase !== 'submit');
    return json;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function badResponse(url: string, transient = true): AppError {
  return new AppError('flux_bad_response', `FLUX at ${safeOrigin(url)} answered with something that is not the expected JSON; try again.`, {
    status: 502,
    transient,
  });
}
