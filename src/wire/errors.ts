import type { StoredError } from '../errors.js';

/**
 * How every error leaves the sidecar, whichever route or session answers: `code` and the English `message` for
 * programs, the Open WebUI function and the logs; `key` and `params` (when the message is in the catalogue,
 * src/i18n/errors) let a reader such as the editor say it in its own language.
 */
export interface WireError {
  code: string;
  message: string;
  key?: string | undefined;
  params?: Record<string, string | number> | undefined;
}

export interface ErrorBody {
  error: WireError;
}

export function errorBody(err: StoredError | { toStored(): StoredError }): ErrorBody {
  const { code, message, key, params } = 'toStored' in err ? err.toStored() : err;
  return { error: { code, message, ...(key ? { key } : {}), ...(params ? { params } : {}) } };
}
