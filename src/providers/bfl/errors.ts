import { AppError, appError } from '../../errors.js';

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

/**
 * A 422's refused fields as FLUX names them, e.g. `"dilate_pixels" (Input should be less than or equal to 25)`;
 * undefined when its `detail` names no field. FLUX's own reason stays in FLUX's words (English).
 */
function refusedFields(body: unknown): string | undefined {
  const detail = body && typeof body === 'object' ? (body as { detail?: unknown }).detail : undefined;
  if (!Array.isArray(detail)) return undefined;
  const fields = (detail as ValidationDetail[]).flatMap((d) => {
    const loc = Array.isArray(d?.loc) ? d.loc.filter((p) => p !== 'body').join('.') : '';
    return loc ? [`"${loc}" (${d?.msg ?? 'invalid'})`] : [];
  });
  return fields.length ? fields.join(', ') : undefined;
}

/** Shortest wait after a 429, whatever Retry-After says: "0" would otherwise make every job spin on FLUX. */
export const MIN_RETRY_AFTER_S = 1;
/** Longer than any job's budget: the budget check, not this cap, decides that a wait is too long. */
const MAX_RETRY_AFTER_S = 86_400;

/** Retry-After in seconds (a number or an HTTP date), floored at MIN_RETRY_AFTER_S. */
export function parseRetryAfter(header: string | string[] | undefined, fallbackSeconds: number): number {
  const raw = Array.isArray(header) ? header[0] : header;
  const secs = raw ? Number(raw) : NaN;
  const date = raw && !Number.isFinite(secs) ? Date.parse(raw) : NaN;
  const asked = Number.isFinite(secs) ? secs : Number.isFinite(date) ? (date - Date.now()) / 1000 : fallbackSeconds;
  return Math.min(MAX_RETRY_AFTER_S, Math.max(MIN_RETRY_AFTER_S, asked));
}

/**
 * A submit that FLUX may have accepted (a 502/504, a connection cut after the body was sent, a garbled
 * answer): it is never sent again, since every accepted submit is charged. The engine adds the job's details.
 */
export function outcomeUnknown(reason: string, cause?: unknown): AppError {
  return new AppError('submit_outcome_unknown', reason, cause === undefined ? {} : { cause });
}

/** The full message of a job whose submit outcome is unknown: what happened, the job, where to look. */
export function outcomeUnknownMessage(
  reason: string,
  job: { id: string; label: string; prompt: string; createdAt: string; apiUrl?: string | undefined },
): string {
  const prompt = job.prompt.length > 60 ? `${job.prompt.slice(0, 57)}...` : job.prompt;
  const where = job.apiUrl ? ` to ${safeOriginOf(job.apiUrl)}` : '';
  return (
    `${reason} FLUX may have accepted this job and charged for it, so it was not sent again (that could charge twice). ` +
    `Job ${job.id}: ${job.label}, "${prompt}", created ${job.createdAt}, sent${where}. ` +
    `Check your usage at ${DASHBOARD_URL} before sending it again.`
  );
}

function safeOriginOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

/** A 429 (or several) asked to wait longer than the job may still take: said plainly, with what to do. */
export function rateLimitGaveUp(waitS: number, budgetS: number, phase: 'submit' | 'poll'): AppError {
  const values = { wait: String(Math.ceil(waitS)), budget: String(Math.round(budgetS)) };
  return phase === 'submit'
    ? appError('flux_rate_limited.gave_up_unsent', values)
    : appError('flux_rate_limited.gave_up_sent', values);
}

/** Maps an HTTP error answer from a FLUX model or polling endpoint to an error a user can act on. */
export function fluxHttpError(
  status: number,
  body: unknown,
  ctx: {
    model?: string | undefined;
    url: string;
    phase?: 'submit' | 'poll' | 'credits';
    retryAfterHeader?: string | string[] | undefined;
  },
): AppError {
  const detail = describeDetail(body);
  const suffix = detail ? `: ${detail}` : '';
  if (ctx.phase === 'submit' && (status === 502 || status === 504)) {
    // A gateway error says nothing about whether FLUX behind it created the task.
    return outcomeUnknown(
      `FLUX answered the job with HTTP ${status} (a gateway error), which does not say whether it was accepted.`,
    );
  }
  if (ctx.phase === 'poll' && status === 404) return taskNotFound();
  switch (status) {
    case 400:
      return appError('flux_bad_request', { detail: suffix });
    case 401:
    case 403:
      return appError('flux_forbidden', { status: String(status), dashboard: DASHBOARD_URL });
    case 402:
      return appError('flux_out_of_credits', { dashboard: DASHBOARD_URL });
    case 404:
      return ctx.model
        ? appError('flux_model_unavailable.model', { model: ctx.model, url: ctx.url })
        : appError('flux_model_unavailable.url', { url: ctx.url });
    case 422: {
      const fields = refusedFields(body);
      return fields ? appError('flux_validation.fields', { fields }) : appError('flux_validation', { detail: suffix });
    }
    case 429: {
      const retryAfter = parseRetryAfter(ctx.retryAfterHeader, 5);
      return appError(
        'flux_rate_limited.retrying',
        { seconds: Math.ceil(retryAfter) },
        { retryAfter, transient: true },
      );
    }
    default:
      if (status >= 500) {
        return appError('flux_server_error', { status: String(status) }, { transient: true });
      }
      return appError('flux_http_error', { status: String(status), detail: suffix });
  }
}

/** A task FLUX does not know (a 404 or "Task not found" while polling). */
function taskNotFound(): AppError {
  return new AppError('flux_task_not_found');
}

/** FLUX's moderation reasons from `details`, when it gives any. */
function moderationReasons(details: unknown): string | undefined {
  if (!details || typeof details !== 'object')
    return typeof details === 'string' && details ? details.slice(0, 300) : undefined;
  const reasons = (details as Record<string, unknown>)['Moderation Reasons'];
  if (Array.isArray(reasons) && reasons.length) return reasons.map(String).join(', ').slice(0, 300);
  return JSON.stringify(details).slice(0, 300);
}

/** Terminal task statuses other than Ready, each with what the user can do about it. */
export function fluxTaskError(status: string, details: unknown): AppError {
  const reasons = moderationReasons(details);
  // BFL does not document whether a moderated task is charged: the messages do not promise either way.
  const dashboard = DASHBOARD_URL;
  switch (status) {
    case 'Request Moderated':
      return reasons
        ? appError('flux_request_moderated.reasons', { reasons, dashboard })
        : appError('flux_request_moderated', { dashboard });
    case 'Content Moderated':
      return reasons
        ? appError('flux_content_moderated.reasons', { reasons, dashboard })
        : appError('flux_content_moderated', { dashboard });
    case 'Task not found':
      return taskNotFound();
    default:
      return reasons
        ? appError('flux_task_error.reasons', { status, reasons })
        : appError('flux_task_error', { status });
  }
}

/** Statuses after which polling stops. Anything else (Pending, Reasoning, Generating, new ones) is running. */
export const TERMINAL_FAILURES = new Set([
  'Request Moderated',
  'Content Moderated',
  'Error',
  'Failed',
  'Task not found',
]);
