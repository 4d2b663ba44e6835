/**
 * One signal for an outbound request that ends at whichever comes first: the total deadline or one of the
 * callers' signals (the session ended, the sidecar is stopping). Listeners and the timer are removed by
 * dispose(), so long-lived signals do not collect a listener per request.
 */
interface Deadline {
  signal: AbortSignal;
  /** True when the deadline, not a caller, ended the request. */
  readonly expired: boolean;
  /** The reason of the caller's signal that ended the request, if one did. */
  readonly cancelled: { reason: unknown } | undefined;
  dispose(): void;
}

export function deadline(timeoutMs: number, signals: ReadonlyArray<AbortSignal | undefined>): Deadline {
  const controller = new AbortController();
  let expired = false;
  let cancelled: { reason: unknown } | undefined;
  const timer = setTimeout(() => {
    if (controller.signal.aborted) return;
    expired = true;
    controller.abort(new Error(`deadline of ${timeoutMs} ms reached`));
  }, timeoutMs);
  const linked = signals.filter((s): s is AbortSignal => s !== undefined);
  const onAbort = (s: AbortSignal) => () => {
    if (controller.signal.aborted) return;
    cancelled = { reason: s.reason };
    controller.abort(s.reason);
  };
  const listeners = linked.map((s) => {
    const listener = onAbort(s);
    if (s.aborted) listener();
    else s.addEventListener('abort', listener, { once: true });
    return [s, listener] as const;
  });
  return {
    signal: controller.signal,
    get expired() {
      return expired;
    },
    get cancelled() {
      return cancelled;
    },
    dispose() {
      clearTimeout(timer);
      for (const [s, l] of listeners) s.removeEventListener('abort', l);
    },
  };
}
