/**
 * The ops the sidecar sends the Open WebUI function down a session's stream, and the replies the function
 * posts back (src/owui/PROTOCOL.md says what the function does with each). One definition, used by the
 * channel that writes them and by every part of the session that sends them.
 */
export const BRIDGE_PROTOCOL = 3;

/** The function's nonce for a challenge: url-safe characters. */
export const NONCE_PATTERN = /^[\w-]{16,128}$/;

/** An event as Open WebUI's `__event_emitter__` / `__event_call__` take it. */
export interface OwuiEvent {
  type: string;
  data: unknown;
}

/** Ops that need no answer. */
export type NoticeOp =
  | { op: 'hello'; session: string; protocol: typeof BRIDGE_PROTOCOL; proof: string }
  | { op: 'ping' }
  /**
   * `restore`: the event that undoes this one, emitted by the function if the session breaks off before
   * `done` (null: nothing to undo any more; absent: as before).
   */
  | { op: 'emit'; event: OwuiEvent; restore?: OwuiEvent | null }
  /** `message`: what a Tool answers the chat model now, while the job goes on (tool sessions only). */
  | { op: 'detach'; message?: string }
  | { op: 'done'; ok: boolean; message: string };

/** Ops the function answers; the channel gives each an `id`. */
export type RequestOp =
  | { op: 'call'; event: OwuiEvent; timeout_ms: number }
  | { op: 'read_image'; url: string }
  | { op: 'save_image'; mime: string; data: string; filename: string }
  | { op: 'complete'; model: string; messages: Array<{ role: 'system' | 'user' | 'assistant'; content: string }> }
  | { op: 'add_message'; parent_id: string; message: { id: string; role: 'assistant'; content: string; model: string } }
  | { op: 'remove_message'; message_id: string };

export type SidecarOp = NoticeOp | (RequestOp & { id: string });

/** The error codes a function's reply may carry (PROTOCOL.md, "Ops"). */
export const REPLY_ERROR_CODES = [
  'not_found',
  'forbidden',
  'invalid',
  'unsupported',
  'failed',
  'timeout',
  'unknown_op',
] as const;
export type ReplyErrorCode = (typeof REPLY_ERROR_CODES)[number];

export interface ReplyOk {
  ok: true;
  [field: string]: unknown;
}

export interface ReplyError {
  ok: false;
  /**
   * `reason` names the failure within its code: the sidecar says it from its catalogue entry
   * `owui_<code>.<reason>` (test/vectors/bridge-wire.json lists every one the function sends).
   */
  error: { code: string; reason?: string; message: string };
}

export type Reply = ReplyOk | ReplyError;
