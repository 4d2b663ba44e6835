import { isIP, type LookupFunction } from 'node:net';
import { Agent, request, type Dispatcher } from 'undici';
import { z } from 'zod';
import { AppError, appError } from '../../errors.js';
import { MODEL_INFO, type ModelName } from '../../catalogue/models.js';
import { DASHBOARD_URL, fluxHttpError, outcomeUnknown } from './errors.js';

const optionalNumber = z.number().nullable().optional();
const submitResponse = z.object({
  id: z.string().min(1),
  polling_url: z.string().optional(),
  cost: optionalNumber,
  input_mp: optionalNumber,
  output_mp: optionalNumber,
});

const pollResponse = z.object({
  id: z.string().optional(),
  status: z.string(),
  result: z.object({ sample: z.string().optional(), seed: z.number().optional() }).passthrough().nullable().optional(),
  progress: z.number().nullable().optional(),
  details: z.unknown().optional(),
});

export type PollResponse = z.infer<typeof pollResponse>;

interface SubmitResult {
  id: string;
  pollingUrl: string;
  /** Credits charged, and megapixels in and out, when FLUX says. */
  cost?: number | undefined;
  inputMp?: number | undefined;
  outputMp?: number | undefined;
}

/** Errors raised before any byte reached the server: a retry cannot create a second (paid) task. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_CONNECT_TIMEOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

export function networkError(err: unknown, url: string, phase: 'submit' | 'poll' | 'credits'): AppError {
  if (err instanceof AppError) return err;
  const code = (err as { code?: string })?.code ?? '';
  const reason = (err as Error)?.message ?? String(err);
  const origin = safeOrigin(url);
  if (NOT_SENT_CODES.has(code)) {
    return appError('flux_unreachable', { origin, reason: code }, { transient: true, cause: err });
  }
  // Only a poll or a download may safely be repeated after a broken connection: the submit may have arrived.
  if (phase === 'submit')
    return outcomeUnknown(`The connection to FLUX at ${origin} broke while sending the job (${code || reason}).`, err);
  return appError('flux_connection_lost', { origin, reason: code || reason }, { transient: true, cause: err });
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
 * host of the same domain is fine: api.bfl.ai hands out api.us1.bfl.ai), over a connection at least as safe.
 */
export function assertPollingUrlTrusted(pollingUrl: string, apiUrl: string): void {
  let p: URL;
  try {
    p = new URL(pollingUrl);
  } catch {
    throw appError('flux_untrusted_polling_url.not_url', { url: pollingUrl.slice(0, 100) });
  }
  const a = new URL(apiUrl);
  if (p.origin === a.origin) return;
  const apiDomain = a.hostname.split('.').slice(-2).join('.');
  const sameDomain = p.hostname === apiDomain || p.hostname.endsWith(`.${apiDomain}`);
  const safeEnough = p.protocol === 'https:' || p.protocol === a.protocol;
  // An address has no domain: only a name like api.bfl.ai has regional siblings.
  if (safeEnough && sameDomain && a.hostname.includes('.') && isIP(a.hostname) === 0) return;
  throw appError('flux_untrusted_polling_url', { origin: p.origin, api: a.origin });
}

interface FluxClientOptions {
  dispatcher?: Dispatcher;
  /** Name resolution for the connections (tests map FLUX's regional host names to a local fake). */
  lookup?: LookupFunction | undefined;
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
        connect: { timeout: opts.connectTimeoutMs ?? 10_000, ...(opts.lookup ? { lookup: opts.lookup } : {}) },
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
    endpoint = MODEL_INFO[model].endpoint,
  ): Promise<SubmitResult> {
    const url = `${apiUrl}/${endpoint}`;
    const json = await this.call('POST', url, apiKey, 'submit', { model, body, signal });
    const parsed = submitResponse.safeParse(json);
    if (!parsed.success)
      throw outcomeUnknown(`FLUX at ${safeOrigin(url)} answered the job with something that is not the expected JSON.`);
    const { id, polling_url: pollingUrl } = parsed.data;
    // The polling URL names the region that holds the task: a URL built here could ask the wrong one.
    if (!pollingUrl) {
      throw appError('flux_no_polling_url', { id, dashboard: DASHBOARD_URL });
    }
    assertPollingUrlTrusted(pollingUrl, apiUrl);
    return {
      id,
      pollingUrl,
      cost: parsed.data.cost ?? undefined,
      inputMp: parsed.data.input_mp ?? undefined,
      outputMp: parsed.data.output_mp ?? undefined,
    };
  }

  async poll(pollingUrl: string, apiKey: string, signal?: AbortSignal): Promise<PollResponse> {
    const json = await this.call('GET', pollingUrl, apiKey, 'poll', { signal });
    const parsed = pollResponse.safeParse(json);
    if (!parsed.success) throw badResponse(pollingUrl);
    return parsed.data;
  }

  async credits(apiUrl: string, apiKey: string, signal?: AbortSignal): Promise<number> {
    const url = `${apiUrl}/credits`;
    const json = await this.call('GET', url, apiKey, 'credits', { signal });
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
    phase: 'submit' | 'poll' | 'credits',
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
        phase,
        retryAfterHeader: res.headers['retry-after'],
      });
    }
    // A garbled answer to a submit may still stand for a created (paid) task: only polls are repeated.
    if (json === undefined) {
      if (phase === 'submit')
        throw outcomeUnknown(`FLUX at ${safeOrigin(url)} answered the job with something that is not JSON.`);
      throw badResponse(url);
    }
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

function badResponse(url: string): AppError {
  return appError('flux_bad_response.not_json', { origin: safeOrigin(url) }, { transient: true });
}
