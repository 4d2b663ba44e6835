import type { ServerResponse } from 'node:http';
import { nanoid } from 'nanoid';
import { AppError, appError, type ErrorCode } from '../errors.js';
import type { NoticeOp, Reply, ReplyError, ReplyErrorCode, ReplyOk, RequestOp, SidecarOp } from '../wire/bridge.js';
import { errorsEn } from '../i18n/errors/en.js';
import { isErrorKey } from '../i18n/errors/index.js';

export type { Reply, ReplyOk } from '../wire/bridge.js';

type OwuiErrorCode = Extract<ErrorCode, `owui_${string}`>;

/** The function's error codes (PROTOCOL.md, "Ops"); any other code it sends is reported as a failure of the op. */
const OWUI_CODES: Readonly<Record<ReplyErrorCode, OwuiErrorCode>> = {
  not_found: 'owui_not_found',
  forbidden: 'owui_forbidden',
  invalid: 'owui_invalid',
  unsupported: 'owui_unsupported',
  failed: 'owui_failed',
  timeout: 'owui_timeout',
  unknown_op: 'owui_unknown_op',
};

function owuiCode(code: string): OwuiErrorCode {
  return Object.hasOwn(OWUI_CODES, code) ? OWUI_CODES[code as ReplyErrorCode] : 'owui_failed';
}

/**
 * A failure the function reported for an op, said from the catalogue: its reason's entry, or, for an error Open
 * WebUI raised inside the function (no reason), the entry that carries its words. A reason this version does
 * not know, or one whose entry needs values the reply does not bring, keeps the function's English.
 */
function opError(error: ReplyError['error']): AppError {
  const code = owuiCode(error.code);
  const key = `${code}.${error.reason ?? ''}`;
  if (error.reason && isErrorKey(key) && !/\{\w+\}/.test(errorsEn[key])) return new AppError(code, { key });
  if (!error.reason && code === 'owui_failed') return appError('owui_failed.exception', { detail: error.message });
  return new AppError(code, error.message);
}

interface Pending {
  resolve(reply: ReplyOk): void;
  reject(err: AppError): void;
  timer: NodeJS.Timeout | undefined;
}

/**
 * The sidecar's end of one bridge session: ops written as NDJSON lines down the open response, replies
 * coming back as separate POSTs and matched here by op id.
 */
export class OpChannel {
  private readonly pending = new Map<string, Pending>();
  private readonly heartbeat: NodeJS.Timeout;
  private closedReason: AppError | undefined;
  private readonly aborter = new AbortController();

  constructor(
    private readonly res: ServerResponse,
    readonly session: string,
    /** The key derived when the session was opened: every reply must carry its MAC. */
    readonly key: Buffer,
    opts: { pingMs?: number } = {},
  ) {
    this.heartbeat = setInterval(() => this.write({ op: 'ping' }), opts.pingMs ?? 15_000);
    res.on('close', () => this.shutdown(appError('bridge_closed')));
  }

  get closed(): boolean {
    return this.closedReason !== undefined;
  }

  /** Aborted when the session's stream closes, for work that should stop with it. */
  get signal(): AbortSignal {
    return this.aborter.signal;
  }

  /** Drops the stream without `done` (the sidecar is stopping): the function tells the user and returns. */
  abort(reason: AppError): void {
    this.shutdown(reason);
    this.res.destroy();
  }

  /** Sends an op that needs no answer. */
  send(op: NoticeOp): void {
    this.write(op);
  }

  /** Sends an op and resolves with its successful reply; an error reply rejects with its code and message. */
  request(op: RequestOp, timeoutMs?: number): Promise<ReplyOk> {
    if (this.closedReason) return Promise.reject(this.closedReason);
    const id = nanoid(10);
    return new Promise<ReplyOk>((resolve, reject) => {
      const timer =
        timeoutMs === undefined
          ? undefined
          : setTimeout(() => {
              this.pending.delete(id);
              reject(appError('bridge_timeout', { op: String(op.op) }));
            }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      this.write({ ...op, id });
    });
  }

  /** Called by the replies route. Returns false for an op this session is not waiting for. */
  deliver(opId: string, reply: Reply): boolean {
    const p = this.pending.get(opId);
    if (!p) return false;
    this.pending.delete(opId);
    if (p.timer) clearTimeout(p.timer);
    if (reply.ok) p.resolve(reply);
    else p.reject(opError(reply.error));
    return true;
  }

  /** Sends the final op and ends the stream. */
  end(final: NoticeOp & { op: 'done' }): void {
    if (!this.closedReason) {
      this.write(final);
      this.res.end();
    }
    this.shutdown(appError('bridge_ended'));
  }

  private write(op: SidecarOp): void {
    if (this.closedReason || this.res.writableEnded) return;
    this.res.write(`${JSON.stringify(op)}\n`);
  }

  private shutdown(reason: AppError): void {
    if (this.closedReason) return;
    this.closedReason = reason;
    this.aborter.abort(reason);
    clearInterval(this.heartbeat);
    for (const p of this.pending.values()) {
      if (p.timer) clearTimeout(p.timer);
      p.reject(reason);
    }
    this.pending.clear();
  }
}
