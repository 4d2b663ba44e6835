/**
 * Every failure a user can cause or meet carries a stable code (for programs and tests), an HTTP status
 * (for the API) and a message that says what happened and what to do (for people).
 */
export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  /** Seconds the caller should wait before trying again, when the failure is temporary. */
  readonly retryAfter: number | undefined;
  /** True when trying the same thing again later may succeed (network faults, 5xx, 429). */
  readonly transient: boolean;

  constructor(
    code: string,
    message: string,
    opts: { status?: number; retryAfter?: number; transient?: boolean; cause?: unknown } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = opts.status ?? 500;
    this.retryAfter = opts.retryAfter;
    this.transient = opts.transient ?? false;
  }

  toJSON(): { code: string; message: string } {
    return { code: this.code, message: this.message };
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}

/** Wraps anything thrown into an AppError without losing the original as `cause`. */
export function toAppError(err: unknown, fallbackCode = 'internal_error'): AppError {
  if (err instanceof AppError) return err;
  const detail = err instanceof Error ? err.message : String(err);
  return new AppError(fallbackCode, `Unexpected error: ${detail}`, { status: 500, cause: err });
}
