import { request, type Dispatcher } from 'undici';
import { AppError, appError } from '../../errors.js';
import { discardBody } from '../../net/body.js';
import { safeOrigin } from './client.js';
import { isAllowedHost } from '../../net/allowlist.js';
import { verifyResultImage } from '../../images/verify-result.js';

/**
 * Where results may come from. By default any https URL FLUX hands out, on a public address (BFL moves its
 * delivery hosts without notice, and a result refused after it was paid for is money lost). `strictHosts`
 * (FLUX_INPAINT_RESULT_HOSTS) narrows that to a list of hosts trusted as named; `privateOrigins`
 * (FLUX_INPAINT_PRIVATE_ORIGINS) are origins on private addresses the operator trusts, such as a local FLUX stand-in.
 */
export interface ResultHostPolicy {
  strictHosts: readonly string[];
  privateOrigins: readonly string[];
  /** Refuses to connect to private addresses (the SSRF guard of src/net/ssrf.ts). */
  guarded: Dispatcher;
  /** For the private origins only. */
  plain: Dispatcher;
}

interface DownloadOptions {
  policy: ResultHostPolicy;
  maxBytes: number;
  signal?: AbortSignal | undefined;
  /** Aborts a download that stalls or crawls: the signed URL expires in minutes, and the job has a budget. */
  timeoutMs?: number;
}

interface Downloaded {
  bytes: Buffer;
  mime: string;
}

/**
 * Downloads a FLUX result at once (its signed URL expires in about ten minutes), streamed with a byte cap.
 * No API key is sent: the URL is signed, and the host may not be FLUX's own.
 */
export async function downloadResult(url: string, opts: DownloadOptions): Promise<Downloaded> {
  const dispatcher = pickDispatcher(url, opts.policy);
  const timeoutMs = opts.timeoutMs ?? 120_000;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
  let res: Dispatcher.ResponseData;
  try {
    // undici's request() does not follow redirects, so an allowed host cannot bounce us elsewhere.
    res = await request(url, { method: 'GET', dispatcher, signal });
  } catch (err) {
    if (isPrivateRefusal(err)) {
      throw refused(url, 'private');
    }
    throw abortOr(err, opts.signal, timeout, url, timeoutMs);
  }
  try {
    if (res.statusCode === 403 || res.statusCode === 404 || res.statusCode === 410) {
      throw appError('result_expired', { status: String(res.statusCode) });
    }
    if (res.statusCode !== 200) {
      throw appError(
        'result_download_failed.http',
        { status: String(res.statusCode) },
        { transient: res.statusCode >= 500 },
      );
    }
    const mime = String(res.headers['content-type'] ?? '')
      .split(';')[0]!
      .trim()
      .toLowerCase();
    if (!mime.startsWith('image/')) {
      throw appError('result_not_image.type', { type: mime || '-' });
    }
    const declared = Number(res.headers['content-length'] ?? NaN);
    if (Number.isFinite(declared) && declared > opts.maxBytes) throw tooLarge(opts.maxBytes);
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of res.body) {
      total += (chunk as Buffer).length;
      if (total > opts.maxBytes) throw tooLarge(opts.maxBytes);
      chunks.push(chunk as Buffer);
    }
    if (Number.isFinite(declared) && total !== declared) {
      throw appError('result_truncated', { received: String(total), declared: String(declared) }, { transient: true });
    }
    const bytes = Buffer.concat(chunks);
    return { bytes, mime: (await verifyResultImage(bytes)).mime };
  } catch (err) {
    discardBody(res.body);
    throw abortOr(err, opts.signal, timeout, url, timeoutMs);
  }
}

/** Checks the URL against the policy and returns the connection pool that may fetch it. */
export function pickDispatcher(url: string, policy: ResultHostPolicy): Dispatcher {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw refused(url, 'not_url');
  }
  if (u.username || u.password) throw refused(url, 'credentials');
  if (policy.strictHosts.length > 0) {
    // A host the operator listed by name is trusted as listed, scheme and all (e.g. a local stand-in for FLUX).
    if (isAllowedHost(url, policy.strictHosts)) return policy.plain;
    throw refused(url, 'not_listed');
  }
  if (policy.privateOrigins.includes(u.origin)) return policy.plain;
  if (u.protocol !== 'https:') throw refused(url, 'not_https');
  return policy.guarded;
}

function refused(url: string, why: 'private' | 'not_url' | 'credentials' | 'not_listed' | 'not_https'): AppError {
  return appError(`result_host_refused.${why}`, { origin: safeOrigin(url) });
}

function isPrivateRefusal(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } } | undefined;
  return e?.code === 'EPRIVATE' || e?.cause?.code === 'EPRIVATE';
}

function tooLarge(max: number): AppError {
  return appError('result_too_large', { mb: Math.round(max / 1024 / 1024) });
}

/** The download's failure in words that name the result host: it is not FLUX's API, and may be down alone. */
function abortOr(
  err: unknown,
  user: AbortSignal | undefined,
  timeout: AbortSignal,
  url: string,
  timeoutMs: number,
): unknown {
  if (user?.aborted) return user.reason ?? err;
  if (timeout.aborted) {
    return appError(
      'result_download_timeout.host',
      { origin: safeOrigin(url), seconds: Math.round(timeoutMs / 100) / 10 },
      { transient: true },
    );
  }
  if (err instanceof AppError) return err;
  const reason = (err as { code?: string })?.code || (err as Error)?.message || String(err);
  return appError(
    'result_download_failed.network',
    { origin: safeOrigin(url), reason },
    { transient: true, cause: err },
  );
}
