import { sayError, t } from '../i18n.js';
import type { ErrorBody, WireError } from '../../../src/wire/errors.js';
import { readEvents } from './sse.js';
import {
  TERMINAL_STATES,
  TransportError,
  type EditorInit,
  type EditorSettings,
  type Gallery,
  type JobView,
  type SubmitRequest,
  type Transport,
} from './types.js';

const RECONNECT_MS = 1500;
/** localStorage of the sidecar's own origin: the settings stay with this browser. */
const SETTINGS_KEY = 'flux-inpaint.editor-settings';

/**
 * The standalone editor talks to the sidecar that served it. The token comes in the URL fragment
 * (`/#token=...`, never sent to the server by the browser); it is then moved into the history entry's state,
 * so it leaves the address bar but survives a reload of the tab.
 */
export function tokenFromLocation(): string | undefined {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  const fromHash = match?.[1] ? decodeURIComponent(match[1]) : undefined;
  const state = history.state as { fluxInpaintToken?: unknown } | null;
  const token = fromHash ?? (typeof state?.fluxInpaintToken === 'string' ? state.fluxInpaintToken : undefined);
  if (fromHash)
    history.replaceState({ ...(state ?? {}), fluxInpaintToken: fromHash }, '', location.pathname + location.search);
  return token;
}

/** Remembers a token the user typed in, the same way as one from the link. */
export function rememberToken(token: string): void {
  const state = (history.state as Record<string, unknown> | null) ?? {};
  history.replaceState({ ...state, fluxInpaintToken: token }, '', location.pathname + location.search);
}

export class HttpTransport implements Transport {
  readonly gallery: Gallery;

  constructor(
    private readonly token: string,
    private readonly base = '',
  ) {
    this.gallery = {
      list: async () => ((await this.json('GET', '/v1/jobs?limit=100')) as { jobs: JobView[] }).jobs,
      remove: async (id) => {
        await this.request('DELETE', `/v1/jobs/${encodeURIComponent(id)}`);
      },
    };
  }

  async init(): Promise<EditorInit> {
    // The browser's language, so init brings the error messages in it.
    const locale = encodeURIComponent(navigator.language);
    return (await this.json('GET', `/v1/editor/init?locale=${locale}`)) as EditorInit;
  }

  async submit(req: SubmitRequest): Promise<{ id: string }> {
    const img = req.image;
    if ('ref' in img || req.references?.some((r) => 'ref' in r))
      throw new TransportError('image_not_found', t('net.image_gone'));
    const job = (await this.json('POST', '/v1/jobs', req)) as JobView;
    return { id: job.id };
  }

  watch(id: string, onUpdate: (job: JobView) => void): () => void {
    const controller = new AbortController();
    const path = `/v1/jobs/${encodeURIComponent(id)}`;
    let finished = false;
    const deliver = (job: JobView) => {
      if (finished) return;
      onUpdate(job);
      if (TERMINAL_STATES.has(job.state)) finished = true;
    };
    const loop = async () => {
      // The stream can drop (sidecar restart, laptop sleep): reconnect, first asking for the current state.
      while (!finished && !controller.signal.aborted) {
        try {
          const res = await this.request('GET', `${path}/events`, undefined, controller.signal);
          if (!res.body) throw new TransportError('no_stream', t('net.no_stream'));
          await readEvents(res.body, (event, data) => {
            if (event === 'job') deliver(JSON.parse(data) as JobView);
          });
        } catch (err) {
          if (controller.signal.aborted) return;
          if (err instanceof TransportError && err.code === 'not_found') throw err;
        }
        if (finished || controller.signal.aborted) return;
        await sleep(RECONNECT_MS, controller.signal);
        try {
          deliver((await this.json('GET', path, undefined, controller.signal)) as JobView);
        } catch (err) {
          if (err instanceof TransportError && err.code === 'not_found') throw err;
        }
      }
    };
    loop().catch((err: unknown) => {
      if (controller.signal.aborted) return;
      const message = err instanceof Error ? err.message : String(err);
      deliver({ ...placeholder(id), state: 'failed', status: 'Failed', error: { code: 'not_found', message } });
    });
    return () => controller.abort();
  }

  async cancel(id: string): Promise<void> {
    await this.request('DELETE', `/v1/jobs/${encodeURIComponent(id)}`);
  }

  async result(id: string): Promise<Blob> {
    return (await this.request('GET', `/v1/jobs/${encodeURIComponent(id)}/result`)).blob();
  }

  async saveSettings(settings: EditorSettings): Promise<void> {
    try {
      if (Object.keys(settings).length) localStorage.setItem(SETTINGS_KEY, JSON.stringify(settings));
      else localStorage.removeItem(SETTINGS_KEY);
    } catch (err) {
      // Storage turned off, or full: the editor says so rather than forgetting silently.
      throw new TransportError('settings_not_saved', t('net.settings_not_saved', { error: (err as Error).message }));
    }
  }

  storedSettings(): EditorSettings | null {
    try {
      const raw = localStorage.getItem(SETTINGS_KEY);
      const parsed: unknown = raw ? JSON.parse(raw) : null;
      return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as EditorSettings) : null;
    } catch {
      // Unreadable (storage off, or damaged by hand): start from the defaults; the next change overwrites it.
      return null;
    }
  }

  private async json(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<unknown> {
    const res = await this.request(method, path, body, signal);
    return res.json();
  }

  private async request(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<Response> {
    let res: Response;
    try {
      res = await fetch(this.base + path, {
        method,
        headers: {
          authorization: `Bearer ${this.token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        ...(signal ? { signal } : {}),
      });
    } catch (err) {
      if (signal?.aborted) throw err;
      throw new TransportError('unreachable', t('net.unreachable'));
    }
    if (res.ok) return res;
    let error: WireError | undefined;
    try {
      error = ((await res.json()) as Partial<ErrorBody>).error;
    } catch {
      // Not our JSON error body (a proxy page, say): the status line below still tells the user something.
    }
    if (error?.code && error.message) throw new TransportError(error.code, sayError(error));
    throw new TransportError(
      `http_${res.status}`,
      t('net.http_status', { status: String(res.status), text: res.statusText }),
    );
  }
}

function placeholder(id: string): JobView {
  return {
    id,
    state: 'failed',
    status: '',
    progress: null,
    elapsed_ms: 0,
    model: 'fill',
    provider: 'bfl',
    prompt: '',
    created_at: new Date().toISOString(),
  };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(t);
      resolve();
    });
  });
}
