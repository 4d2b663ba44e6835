import type { Dispatcher } from 'undici';

/**
 * Drops a response body that will not be read. Destroying an undici body emits an AbortError, which would
 * crash the process as an unhandled 'error' event: the caller has already decided what went wrong.
 */
export function discardBody(body: Dispatcher.ResponseData['body']): void {
  body.on('error', () => undefined);
  body.destroy();
}
