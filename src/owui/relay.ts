import { AppError, appError } from '../errors.js';
import { hostCode, type HostCall, type HostReply } from './page/host.js';
import { PART_BYTES, type PartMessage } from './page/parts.js';
import type { OpChannel } from './channel.js';

export type EditorMessage = Record<string, unknown> & { type?: unknown };

/** How long `execute` calls may take: sized so that Open WebUI's own event-call timeout is never reached. */
export interface CallTiming {
  /** The longest a long-poll slice waits in the page for the editor. */
  sliceMs: number;
  /** How long the function waits for one call's answer. */
  callTimeoutMs: number;
}

/**
 * Open WebUI gives up on an event call after WEBSOCKET_EVENT_CALLER_TIMEOUT (socket.io's 60 s before 0.8.8,
 * unset by default since), and on 0.11 a call that timed out also ends the page's socket session for every later
 * call. So each slice returns well before the admin's timeout, with room for the page and the socket to answer.
 */
export function callTiming(timeoutS: number | null | undefined, version: string | null | undefined): CallTiming {
  const limitMs = timeoutS ? timeoutS * 1000 : olderThan(version, [0, 8, 8]) ? 60_000 : undefined;
  if (limitMs === undefined) return { sliceMs: 40_000, callTimeoutMs: 60_000 };
  const sliceMs = Math.max(500, Math.min(40_000, limitMs - Math.max(5_000, limitMs / 3)));
  return { sliceMs, callTimeoutMs: limitMs + 5_000 };
}

/** True when `version` is known and older than `than`; an unknown version is not "older". */
export function olderThan(version: string | null | undefined, than: number[]): boolean {
  const parsed = parseVersion(version);
  if (!parsed) return false;
  for (let i = 0; i < than.length; i++) {
    const a = parsed[i] ?? 0;
    if (a !== than[i]) return a < than[i]!;
  }
  return false;
}

/** True when `version` is known and `than` or newer; an unknown version is not "at least" anything. */
export function atLeast(version: string | null | undefined, than: number[]): boolean {
  return parseVersion(version) !== undefined && !olderThan(version, than);
}

export function parseVersion(version: string | null | undefined): number[] | undefined {
  const m = /^v?(\d+)\.(\d+)(?:\.(\d+))?/.exec(version ?? '');
  return m ? [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)] : undefined;
}

/**
 * Talks to the editor iframe through the host script in Open WebUI's page: one `execute` event call at a
 * time (Open WebUI cannot run two at once), each delivering the outbox and returning the editor's messages.
 */
export class EditorRelay {
  private outbox: unknown[] = [];
  /** Large editor messages arriving in parts (host-script.ts cuts them to fit Open WebUI's socket). */
  private readonly parts = new Map<string, string[]>();
  private needBundle = true;
  private ended = false;
  /** Open WebUI's interface language, as the page reported it. */
  locale: string | undefined;

  constructor(
    private readonly channel: OpChannel,
    private readonly session: string,
    private readonly nonce: string,
    private readonly bundle: () => Promise<string>,
    private readonly timing: CallTiming,
    /** The largest editor message accepted, joined from its parts (a Send with the biggest pictures allowed). */
    private readonly maxMessageBytes: number,
    /** The clicked message, where the page must hide the loader's html block (versions without embeds). */
    private readonly coverIn?: string,
  ) {}

  post(message: unknown): void {
    this.outbox.push(message);
  }

  /** One long-poll slice: returns what the editor sent, possibly nothing. */
  async exchange(waitMs = this.timing.sliceMs): Promise<EditorMessage[]> {
    const reply = await this.call({ waitMs: this.outbox.length ? 0 : Math.min(waitMs, this.timing.sliceMs) });
    const messages: EditorMessage[] = [];
    for (const m of reply.inbox ?? []) {
      if (m.type !== 'part') messages.push(m);
      else {
        const joined = this.join(m);
        if (joined) messages.push(joined);
      }
    }
    return messages;
  }

  /** Keeps one part; returns the whole message once its last part has come. */
  private join(m: EditorMessage): EditorMessage | undefined {
    const { pid, seq, count, data } = m as Partial<PartMessage>;
    // A part holds at least PART_BYTES / 6 characters: JSON writes none in more than six bytes (\u001f).
    const maxParts = Math.ceil(this.maxMessageBytes / (PART_BYTES / 6)) + 1;
    if (
      typeof pid !== 'string' ||
      pid.length > 32 ||
      !Number.isInteger(count) ||
      !Number.isInteger(seq) ||
      typeof data !== 'string' ||
      count! < 1 ||
      count! > maxParts ||
      seq! < 0 ||
      seq! >= count!
    ) {
      throw appError('invalid_request.editor_part');
    }
    let chunks = this.parts.get(pid);
    if (!chunks) {
      chunks = new Array<string>(count!);
      this.parts.set(pid, chunks);
    }
    if (chunks.length !== count) {
      throw appError('invalid_request.editor_parts');
    }
    chunks[seq!] = data;
    const size = chunks.reduce((n, c) => n + (c?.length ?? 0), 0);
    if (size > this.maxMessageBytes) {
      this.parts.delete(pid);
      throw appError('request_too_large.editor', { mb: Math.round(this.maxMessageBytes / 2 ** 20) });
    }
    for (let i = 0; i < count!; i++) if (chunks[i] === undefined) return undefined;
    this.parts.delete(pid);
    try {
      const whole: unknown = JSON.parse(chunks.join(''));
      if (whole && typeof whole === 'object' && !Array.isArray(whole)) return whole as EditorMessage;
    } catch {}
    throw appError('invalid_request.editor_message');
  }

  /** Asks the page for its language without waiting for the editor. */
  async probe(): Promise<void> {
    await this.call({ waitMs: 0, bundle: false });
  }

  /**
   * Tells the editor the session is over and removes the host script's listener. With `watchSave`, the page
   * starts watching for its own save of that chat, which Open WebUI makes once the action returns.
   */
  async end(message: string, watchSave?: string): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    await this.call({ waitMs: 0, end: { message }, watchSave, bundle: false }).catch(() => undefined);
  }

  /** Waits until the page's watched save has landed: true when seen, false when not in time, undefined when unknown. */
  async awaitSave(maxMs: number): Promise<boolean | undefined> {
    try {
      const reply = await this.call({ waitMs: 0, awaitSave: Math.min(maxMs, this.timing.sliceMs), bundle: false });
      return typeof reply.saved === 'boolean' ? reply.saved : undefined;
    } catch {
      return undefined;
    }
  }

  private async call(
    opts: { waitMs: number; bundle?: boolean } & Pick<HostCall, 'end' | 'watchSave' | 'awaitSave'>,
  ): Promise<HostReply> {
    const outbox = this.outbox;
    this.outbox = [];
    const withBundle = opts.bundle !== false && this.needBundle;
    const code = await hostCode({
      session: this.session,
      nonce: this.nonce,
      outbox,
      bundle: withBundle ? await this.bundle() : undefined,
      waitMs: opts.waitMs,
      end: opts.end,
      watchSave: opts.watchSave,
      awaitSave: opts.awaitSave,
      coverIn: this.coverIn,
    });
    const timeout = this.timing.callTimeoutMs;
    let reply: Awaited<ReturnType<OpChannel['request']>>;
    try {
      reply = await this.channel.request(
        { op: 'call', event: { type: 'execute', data: { code } }, timeout_ms: timeout },
        timeout + 5_000,
      );
    } catch (err) {
      // Undelivered messages go out with the next call.
      this.outbox = [...outbox, ...this.outbox];
      if (err instanceof AppError && (err.code === 'owui_timeout' || err.code === 'bridge_timeout')) {
        throw appError('page_gone', undefined, { cause: err });
      }
      throw err;
    }
    const value = reply.value as Partial<HostReply> | undefined;
    // Open WebUI's own answer when the page's socket is gone (0.10+: `Client session disconnected.`, or a
    // timed-out call): the host script always says `ok`.
    if (value && typeof value === 'object' && value.ok === undefined && typeof value.error === 'string') {
      throw appError('page_gone');
    }
    if (!value || typeof value !== 'object' || value.ok !== true) {
      throw value?.error
        ? appError('host_script_failed', { reason: String(value.error) })
        : appError('host_script_failed.silent');
    }
    if (typeof value.locale === 'string' && value.locale) this.locale = value.locale;
    if (opts.awaitSave === undefined && opts.end === undefined) this.needBundle = value.needBundle === true;
    return value as HostReply;
  }
}
