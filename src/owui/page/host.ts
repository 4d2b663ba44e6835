import type { RelayArgs } from './host-script.js';
import { pageScript } from './scripts.js';

export type { HostReply } from './host-script.js';

/**
 * What the sidecar sends Open WebUI's page with `execute` event calls: the host script (host-script.ts), then
 * one call of it. Open WebUI runs the code with `new Function` inside an async wrapper and waits for its value;
 * a thrown error would leave the caller waiting for ever, so everything is caught and returned.
 */
export interface HostCall {
  session: string;
  nonce: string;
  /** Messages for the editor, posted in order. */
  outbox: unknown[];
  /** The editor bundle, sent on the first call and again when the page lost it (reload). */
  bundle?: string | undefined;
  waitMs: number;
  /** Last call of the session: tell the editor it ended and remove the listener. */
  end?: { message: string } | undefined;
  /**
   * Start watching for the page's own save of this chat (Chat.svelte saves its copy with a request to
   * `/api/v1/chats/{id}` when an action returns): resource timing entries appear once the save has landed.
   */
  watchSave?: string | undefined;
  /** Wait at most this long for the watched save; the reply's `saved` says whether it was seen. */
  awaitSave?: number | undefined;
  /** The clicked message, when the loader arrives there as an html block the page must not show. */
  coverIn?: string | undefined;
}

/** The code of one relay call: the host script (defined anew, it is small) and the call with its arguments. */
export async function hostCode(call: HostCall): Promise<string> {
  const args: RelayArgs = {
    sid: call.session,
    nonce: call.nonce,
    outbox: call.outbox,
    bundle: call.bundle ?? null,
    waitMs: Math.max(0, Math.min(call.waitMs, 45_000)),
    end: call.end ?? null,
    watchSave: call.watchSave ?? null,
    awaitSave: call.awaitSave === undefined ? null : Math.max(0, Math.min(call.awaitSave, 45_000)),
    coverIn: call.coverIn ?? null,
  };
  return withHost(`relay(${JSON.stringify(args)})`);
}

/** The code that asks the page, within `waitMs`, whether it shows a message; the probe ties the answer to the ask. */
export function shownCheckCode(messageId: string, probe: string, waitMs: number): Promise<string> {
  return withHost(`shows(${JSON.stringify(messageId)}, ${JSON.stringify(probe)}, ${Math.max(0, waitMs)})`);
}

async function withHost(call: string): Promise<string> {
  return `try {
${await pageScript('host')}
return await window.__fluxInpaintHost.${call};
} catch (err) {
return { ok: false, error: String((err && err.message) || err) };
}`;
}
