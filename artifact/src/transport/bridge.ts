import { sayError, t } from '../i18n.js';
import type { WireError } from '../../../src/wire/errors.js';
import {
  TransportError,
  type EditorInit,
  type EditorMethod,
  type EditorSettings,
  type JobView,
  type SubmitRequest,
  type Transport,
} from './types.js';

/** What the artifact bootstrap leaves on window before it runs the editor. */
export interface Bridge {
  nonce: string;
  post(message: Record<string, unknown>): void;
}

declare global {
  interface Window {
    __fluxInpaintBridge?: Bridge;
  }
}

interface Response {
  type: 'response';
  rid: number;
  ok: boolean;
  value?: unknown;
  error?: WireError;
}

/** The sidecar answers through Open WebUI's page and the Action function, which polls: allow for slowness. */
const TIMEOUT_MS: Record<EditorMethod, number> = {
  init: 90_000,
  submit: 180_000,
  cancel: 30_000,
  save_settings: 30_000,
};
/**
 * While a large request crosses the page in parts, the sidecar fetches them back to back: this long without a
 * part taken means Open WebUI's page lost its socket (the server closes it on an oversized or broken message).
 */
const UPLOAD_STALL_MS = 30_000;

/**
 * Inside Open WebUI the editor runs in a sandboxed iframe with an opaque origin: it cannot reach the sidecar,
 * only its parent page, where the host script relays requests. Messages are accepted only from the parent
 * and only with this session's nonce.
 */
export class BridgeTransport implements Transport {
  private nextRid = 1;
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  private readonly watchers = new Set<(job: JobView) => void>();
  /** The newest push per job: one can arrive before the editor starts watching. */
  private readonly latest = new Map<string, JobView>();
  private readonly uploadListeners = new Set<(sent: number, total: number) => void>();
  private stall: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly bridge: Bridge) {
    window.addEventListener('message', (e) => this.onMessage(e));
  }

  async init(): Promise<EditorInit> {
    return (await this.call('init')) as EditorInit;
  }

  async submit(req: SubmitRequest): Promise<{ id: string }> {
    if ('job' in req.image) {
      throw new TransportError('unsupported', t('net.chat_result_only'));
    }
    return (await this.call('submit', req)) as { id: string };
  }

  watch(id: string, onUpdate: (job: JobView) => void): () => void {
    const listener = (job: JobView) => {
      if (job.id === id) onUpdate(job);
    };
    this.watchers.add(listener);
    const seen = this.latest.get(id);
    if (seen) onUpdate(seen);
    return () => this.watchers.delete(listener);
  }

  async cancel(): Promise<void> {
    throw new TransportError('unsupported', t('net.runs_in_chat'));
  }

  async result(): Promise<Blob> {
    throw new TransportError('unsupported', t('net.result_in_chat'));
  }

  async close(): Promise<void> {
    await this.call('cancel');
  }

  onUpload(listener: (sent: number, total: number) => void): void {
    this.uploadListeners.add(listener);
  }

  /** The artifact frame has no storage of its own: the sidecar keeps the settings per Open WebUI user. */
  async saveSettings(settings: EditorSettings): Promise<void> {
    await this.call('save_settings', { settings });
  }

  private call(method: EditorMethod, params?: unknown): Promise<unknown> {
    const rid = this.nextRid++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(rid);
        reject(new TransportError('timeout', t('net.timeout')));
      }, TIMEOUT_MS[method]);
      this.pending.set(rid, {
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.bridge.post({ type: 'request', rid, method, ...(params === undefined ? {} : { params }) });
    });
  }

  private onMessage(e: MessageEvent): void {
    const d = e.data as { source?: unknown; nonce?: unknown; type?: unknown } | null;
    if (e.source !== window.parent || !d || d.source !== 'flux-inpaint' || d.nonce !== this.bridge.nonce) return;
    if (d.type === 'response') {
      const r = d as unknown as Response;
      const waiter = this.pending.get(r.rid);
      if (!waiter) return;
      this.pending.delete(r.rid);
      if (r.ok) waiter.resolve(r.value);
      else
        waiter.reject(
          r.error ? new TransportError(r.error.code, sayError(r.error)) : new TransportError('failed', t('net.failed')),
        );
    } else if (d.type === 'job') {
      const job = (d as unknown as { job: JobView }).job;
      this.latest.set(job.id, job);
      for (const w of this.watchers) w(job);
    } else if (d.type === 'upload') {
      const { sent, total } = d as unknown as { sent: number; total: number };
      this.onProgress(Number(sent) || 0, Number(total) || 0);
    }
  }

  private onProgress(sent: number, total: number): void {
    clearTimeout(this.stall);
    this.stall = undefined;
    if (sent < total) this.stall = setTimeout(() => this.lost(), UPLOAD_STALL_MS);
    for (const l of this.uploadListeners) l(sent, total);
  }

  /** Every waiting request fails at once with words, instead of each waiting for its own timeout. */
  private lost(): void {
    const error = new TransportError('page_socket_lost', t('net.socket_lost'));
    for (const waiter of this.pending.values()) waiter.reject(error);
    this.pending.clear();
  }
}
