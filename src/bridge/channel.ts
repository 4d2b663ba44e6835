import type { ServerResponse } from 'node:http';
import { nanoid } from 'nanoid';
import { AppError } from '../errors.js';

export interface ReplyOk {
  ok: true;
  [field: string]: unknown;
}

export interface ReplyError {
  ok: false;
  error: { code: string; message: string };
}

export type Reply = ReplyOk | ReplyError;

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
    res.on('close', () =>
      this.shutdown(new AppError('bridge_closed', 'Open WebUI closed the connection to the sidecar.', { status: 499 })),
    );
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
  send(op: Record<string, unknown>): void {
    this.write(op);
  }

  /** Sends an op and resolves with its successful reply; an error reply rejects with its code and message. */
  request(op: Record<string, unknown>, timeoutMs?: number): Promise<ReplyOk> {
    if (this.closedReason) return Promise.reject(this.closedReason);
    const id = nanoid(10);
    return new Promise<ReplyOk>((resolve, reject) => {
      const timer =
        timeoutMs === undefined
          ? undefined
          : setTimeout(() => {
              this.pending.delete(id);
              reject(new AppError('bridge_timeout', `Open WebUI did not answer "${String(op.op)}" in time.`, { status: 504 }));
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
    else p.reject(new AppError(`owui_${reply.error.code}`, reply.error.message, { status: 502 }));
    return true;
  }

  /** Sends the final op and ends the stream. */
  end(final: Record<string, unknown>): void {
    if (!this.closedReason) {
      this.write(final);
      this.res.end();
    }
    this.shutdown(new AppError('bridge_ended', 'The session has ended.', { status: 410 }));
  }

  private write(op: Record<string, unknown>): void {
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
