import type { ErrorCode } from '../errors.js';

/** How every error leaves the sidecar, whichever route or session answers. */
export interface ErrorBody {
  error: { code: string; message: string };
}

export function errorBody(code: ErrorCode, message: string): ErrorBody {
  return { error: { code, message } };
}
