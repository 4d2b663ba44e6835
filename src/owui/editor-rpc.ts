import { type AppError, appError, toAppError } from '../errors.js';
import { errorBody } from '../wire/errors.js';
import type { EditorInit } from '../wire/editor.js';
import { monotonicMs } from '../util/time.js';
import type { EditorMessage, EditorRelay } from './relay.js';

/** What the session does for each of the editor's requests (PROTOCOL.md, "Editor messages"). */
export interface EditorHandlers {
  init: () => Promise<EditorInit>;
  saveSettings: (params: unknown) => Promise<void>;
  /** Creates the job; the editor then shows its id and view. */
  submit: (params: unknown) => Promise<{ job: { id: string }; meta: Record<string, unknown> }>;
}

export type EditorOutcome =
  | { kind: 'submitted'; job: string; meta: Record<string, unknown> }
  | { kind: 'closed' }
  | { kind: 'expired' };

/** Serves the editor's requests over the relay until it sends, closes, or `deadlineMs` (monotonic) passes. */
export async function serveEditor(
  relay: EditorRelay,
  handlers: EditorHandlers,
  deadlineMs: number,
): Promise<EditorOutcome> {
  while (monotonicMs() < deadlineMs) {
    const messages = await relay.exchange(deadlineMs - monotonicMs());
    for (const m of messages) {
      const outcome = await answer(relay, handlers, m);
      if (outcome) return outcome;
    }
  }
  return { kind: 'expired' };
}

async function answer(
  relay: EditorRelay,
  handlers: EditorHandlers,
  m: EditorMessage,
): Promise<EditorOutcome | undefined> {
  if (m.type !== 'request') return undefined;
  const rid = m.rid;
  const respond = (value: unknown) => relay.post({ type: 'response', rid, ok: true, value });
  const fail = (e: AppError) => relay.post({ type: 'response', rid, ok: false, error: errorBody(e).error });
  try {
    switch (m.method) {
      case 'init':
        respond(await handlers.init());
        return undefined;
      case 'save_settings':
        await handlers.saveSettings(m.params);
        respond(null);
        return undefined;
      case 'submit': {
        const { job, meta } = await handlers.submit(m.params);
        respond({ id: job.id });
        relay.post({ type: 'job', job });
        return { kind: 'submitted', job: job.id, meta };
      }
      case 'cancel':
        respond(null);
        return { kind: 'closed' };
      default:
        fail(appError('unknown_method', { method: String(m.method) }));
        return undefined;
    }
  } catch (err) {
    fail(toAppError(err));
    return undefined;
  }
}
