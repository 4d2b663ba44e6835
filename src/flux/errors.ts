import { AppError } from '../errors.js';

export const DASHBOARD_URL = 'https://dashboard.bfl.ai/';

interface ValidationDetail {
  loc?: unknown[];
  msg?: string;
}

/** Turns FLUX's 422 `detail` list (or a plain `detail` string) into one readable sentence. */
export function describeDetail(body: unknown): string | undefined {
  if (!body || typeof body !== 'object' || !('detail' in body)) return undefined;
  const detail = (body as { detail: unknown }).detail;
  if (typeof detail === 'string') return detail;
  if (Array.isArray(detail)) {
    const parts = detail.map((d: ValidationDetail) => {
      const loc = Array.isArray(d?.loc) ? d.loc.filter((p) => p !== 'body').join('.') : '';
      return loc ? `${loc}: ${d?.msg ?? 'invalid'}` : (d?.msg ?? 'invalid');
    });
    return parts.join('; ');
  }
  return undefined;
}

export function parseRetryAfter(header: string | string[] | undefined, fallbackSeconds: number): number {
  const raw = Array.isArray(header) ? header[0] : header;
  if (!raw) return fallbackSeconds;
  const secs = Number(raw);
  if (Number.isFinite(secs) && secs >= 0) return Math.min(secs, 300);
  const date = Date.parse(raw);
  if (Number.isFinite(date)) return Math.max(0, Math.min(300, (date - Date.now()) / 1000));
  return fallbackSeconds;
}

/** Maps an HTTP error answer from a FLUX model or polling endpoint to an error a user can act on. */
export function fluxHttpError(
  status: number,
  body: unknown,
  ctx: { model?: string; url: string; retryAfterHeader?: string | string[] | undefined },
): AppError {
  const detail = describeDetail(body);
  const suffix = detail ? `: ${detail}` : '';
  switch (status) {
    case 400:
      return new AppError('flux_bad_request', `FLUX rejected the request (400)${suffix}. Check the prompt and the parameters.`, { status: 400 });
    case 401:
    case 403:
      return new AppError(
        'flux_forbidden',
        `FLUX refused the API key (${status}): check FLUX_API_KEY, or create a key at ${DASHBOARD_URL}`,
        { status: 403 },
      );
    case 402:
      return new AppError('flux_out_of_credits', `FLUX account is out of credits (402): top up at ${DASHBOARD_URL} and send again.`, { status: 402 });
    case 404:
      return new AppError(
        'flux_model_unavailable',
        `FLUX has no ${ctx.model ? `"${ctx.model}" ` : ''}endpoint at ${ctx.url} (404): the API may have retired this model. Use Fill or Expand, or check FLUX_API_URL.`,
        { status: 422 },
      );
    case 422:
      return new AppError('flux_validation', `FLUX rejected the parameters (422)${suffix}.`, { status: 422 });
    case 429: {
      const retryAfter = parseRetryAfter(ctx.retryAfterHeader, 5);
      return new AppError(
        'flux_rate_limited',
        `FLUX has too many active tasks for this API key (429); waiting ${Math.ceil(retryAfter)} s before trying again.`,
        { status: 429, retryAfter, transient: true },
      );
    }
    default:
      if (status >= 500) {
        return new AppError('flux_server_error', `FLUX had a server error (${status}). Try again in a minute.`, {
          status: 502,
          transient: true,
        });
      }
      return new AppError('flux_http_error', `FLUX answered HTTP ${status}${suffix}.`, { status: 502 });
  }
}

/** Terminal task statuses other than Ready, each with what the user can do about it. */
export function fluxTaskError(status: string, details: unknown): AppError {
  const extra = details && typeof details === 'object' ? JSON.stringify(details).slice(0, 300) : details ? String(details).slice(0, 300) : '';
  switch (status) {
    case 'Request Moderated':
      return new AppError(
        'flux_request_moderated',
        'FLUX refused the input image or prompt (Request Moderated); you were not charged. Change the prompt or the image, or raise SAFETY_TOLERANCE (0 strictest, 6 most permissive).',
        { status: 422 },
      );
    case 'Content Moderated':
      return new AppError(
        'flux_content_moderated',
        'FLUX generated an image but withheld it (Content Moderated); you were not charged. Try a different prompt, or raise SAFETY_TOLERANCE (0 strictest, 6 most permissive).',
        { status: 422 },
      );
    case 'Task not found':
      return new AppError(
        'flux_task_not_found',
        'FLUX no longer knows this task (Task not found); it may have expired. Send the edit again.',
        { status: 502 },
      );
    default:
      return new AppError('flux_task_error', `FLUX failed to generate the image (${status})${extra ? `: ${extra}` : ''}. Send the edit again.`, {
        status: 502,
      });
  }
}

/** Statuses after which polling stops. Anything else (Pending, Reasoning, Generating, new ones) is running. */
export const TERMINAL_FAILURES = new Set(['Request Moderated', 'Content Moderated', 'Error', 'Failed', 'Task not found']);
