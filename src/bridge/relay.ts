import { AppError } from '../errors.js';
import { hostCode, type HostReply } from '../artifact/host.js';
import type { OpChannel } from './channel.js';

/** How long one `execute` call may wait for the editor. Older Open WebUI gives up on event calls after 60 s. */
export const SLICE_MS = 40_000;
/** Extra time for the page and the socket to answer, on top of the slice. */
const CALL_GRACE_MS = 20_000;

export type EditorMessage = Record<string, unknown> & { type?: unknown };

/**
 * Talks to the editor iframe through the host script in Open WebUI's page: one `execute` event call at a
 * time (Open WebUI cannot run two at once), each delivering the outbox and returning the editor's messages.
 */
export class EditorRelay {
  private outbox: unknown[] = [];
  private needBundle = true;
  private ended = false;

  constructor(
    private readonly channel: OpChannel,
    private readonly session: string,
    private readonly nonce: string,
    private readonly bundle: () => Promise<string>,
  ) {}

  post(message: unknown): void {
    this.outbox.push(message);
  }

  /** One long-poll slice: returns what the editor sent, possibly nothing. */
  async exchange(waitMs = SLICE_MS): Promise<EditorMessage[]> {
    const reply = await this.call({ waitMs: this.outbox.length ? 0 : waitMs });
    return reply.inbox ?? [];
  }

  /** Tells the editor the session is over and removes the host script's listener. */
  async end(message: string): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    await this.call({ waitMs: 0, end: { message } }).catch(() => undefined);
  }

  private async call(opts: { waitMs: number; end?: { message: string } }): Promise<HostReply> {
    const outbox = this.outbox;
    this.outbox = [];
    const code = hostCode({
      session: this.session,
      nonce: this.nonce,
      outbox,
      bundle: this.needBundle ? await this.bundle() : undefined,
      waitMs: opts.waitMs,
      end: opts.end,
    });
    const timeout = opts.waitMs + CALL_GRACE_MS;
    let reply;
    try {
      reply = await this.channel.request({ op: 'call', event: { type: 'execute', data: { code } }, timeout_ms: timeout }, timeout + 5_000);
    } catch (err) {
      // Undelivered messages go out with the next call.
      this.outbox = [...outbox, ...this.outbox];
      if (err instanceof AppError && (err.code === 'owui_timeout' || err.code === 'bridge_timeout')) {
        throw new AppError('page_gone', 'The Open WebUI page stopped answering (tab closed or reloaded).', { status: 410, cause: err });
      }
      throw err;
    }
    const value = reply.value as HostReply | undefined;
    if (!value || typeof value !== 'object' || value.ok !== true) {
      throw new AppError('host_script_failed', `The editor relay failed in the Open WebUI page: ${value?.error ?? 'no answer'}.`, { status: 502 });
    }
    this.needBundle = value.needBundle === true;
    return value;
  }
}
