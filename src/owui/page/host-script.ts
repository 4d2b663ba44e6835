/**
 * Runs in Open WebUI's page, never in the sidecar: esbuild bundles this file into one classic script
 * (page-scripts.ts), which the sidecar sends with each `execute` event call. Open WebUI runs that code with
 * `new Function` inside an async wrapper and waits for its value; a thrown error would leave the caller waiting
 * for ever, so every entry point catches and returns its failure.
 *
 * `relay` moves messages between the artifact iframe and the sidecar: each call delivers the sidecar's outbox to
 * the editor and returns what the editor sent, waiting at most `waitMs` for something to arrive (a long-poll
 * slice). `shows` tells whether the page shows a message.
 */

/** The arguments of one relay call, as hostCode() writes them. */
export interface RelayArgs {
  sid: string;
  nonce: string;
  outbox: unknown[];
  bundle: string | null;
  waitMs: number;
  end: { message: string } | null;
  watchSave: string | null;
  awaitSave: number | null;
}

export interface HostReply {
  ok: boolean;
  /** Messages the editor sent since the last call. */
  inbox?: Array<Record<string, unknown>>;
  /** True when the page has no copy of the bundle (new page or reload). */
  needBundle?: boolean;
  /** True once an editor frame has said hello. */
  frame?: boolean;
  /** Open WebUI's interface language (`localStorage.locale` of the page, else the page's `<html lang>`), when set. */
  locale?: string | null;
  /** After `awaitSave`: true once the save was seen, false on timeout, null when the page cannot tell. */
  saved?: boolean | null;
  error?: string;
}

interface Session {
  nonce: string;
  inbox: Array<Record<string, unknown>>;
  pending: unknown[];
  frame: MessageEventSource | null;
  bundle: string | null;
  wake: (() => void) | null;
  listener: (e: MessageEvent) => void;
}

interface SaveWatch {
  seen: boolean;
  unsupported: boolean;
  wake: (() => void) | null;
  observer: PerformanceObserver | null;
}

interface HostState {
  sessions: Record<string, Session>;
  saves: Record<string, SaveWatch>;
}

declare global {
  interface Window {
    __fluxInpaint?: HostState;
    __fluxInpaintHost?: { relay: typeof relay; shows: typeof shows };
  }
}

function state(): HostState {
  window.__fluxInpaint ??= { sessions: {}, saves: {} };
  window.__fluxInpaint.saves ??= {};
  return window.__fluxInpaint;
}

function pageLocale(): string | null {
  try {
    return localStorage.getItem('locale') || document.documentElement.lang || null;
  } catch {
    return null;
  }
}

function wait(ms: number, onWake: (wake: () => void) => void): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    onWake(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * Open WebUI saves its copy of the chat (a request to `/api/v1/chats/{id}`) when an action returns; resource
 * timing reports that request once its answer has arrived, that is once the save has landed.
 */
function watchSave(sid: string, chatId: string): void {
  const saves = state().saves;
  if (saves[sid]) return;
  const w: SaveWatch = { seen: false, unsupported: false, wake: null, observer: null };
  saves[sid] = w;
  const tail = `/api/v1/chats/${chatId}`;
  const since = performance.now();
  try {
    w.observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        let path = '';
        try {
          path = new URL(e.name, location.href).pathname.replace(/[/]+$/, '');
        } catch {}
        if (e.startTime >= since && path.endsWith(tail)) {
          w.seen = true;
          w.wake?.();
        }
      }
    });
    w.observer.observe({ type: 'resource' });
  } catch {
    w.unsupported = true;
  }
}

async function awaitSave(sid: string, ms: number, locale: string | null): Promise<HostReply> {
  const saves = state().saves;
  const w = saves[sid];
  if (w && !w.seen && !w.unsupported) {
    await wait(ms, (wake) => {
      w.wake = wake;
    });
  }
  w?.observer?.disconnect();
  delete saves[sid];
  return { ok: true, saved: w && !w.unsupported ? w.seen : null, locale };
}

function openSession(a: RelayArgs): Session {
  const root = state();
  const existing = root.sessions[a.sid];
  if (existing) return existing;
  const s: Session = {
    nonce: a.nonce,
    inbox: [],
    pending: [],
    frame: null,
    bundle: null,
    wake: null,
    listener: () => {},
  };
  s.listener = (e: MessageEvent) => {
    const d = e.data as Record<string, unknown> | null;
    if (!d || typeof d !== 'object' || d.source !== 'flux-inpaint' || d.nonce !== s.nonce) return;
    if (d.type === 'hello') {
      s.frame = e.source;
      if (s.bundle) send(s, { type: 'bundle', code: s.bundle });
      for (const m of s.pending.splice(0)) send(s, m);
    } else if (e.source !== s.frame) {
      return;
    }
    const { source: _source, nonce: _nonce, ...copy } = d;
    s.inbox.push(copy);
    s.wake?.();
  };
  root.sessions[a.sid] = s;
  window.addEventListener('message', s.listener);
  return s;
}

function send(s: Session, m: unknown): void {
  if (s.frame) (s.frame as Window).postMessage({ ...(m as object), source: 'flux-inpaint', nonce: s.nonce }, '*');
  else s.pending.push(m);
}

export async function relay(a: RelayArgs): Promise<HostReply> {
  try {
    const locale = pageLocale();
    if (a.awaitSave !== null) return await awaitSave(a.sid, a.awaitSave, locale);
    if (a.watchSave !== null) watchSave(a.sid, a.watchSave);
    const s = openSession(a);
    if (a.bundle) {
      s.bundle = a.bundle;
      if (s.frame) send(s, { type: 'bundle', code: s.bundle });
    }
    for (const m of a.outbox) send(s, m);
    if (a.end) {
      send(s, { type: 'ended', message: a.end.message });
      window.removeEventListener('message', s.listener);
      delete state().sessions[a.sid];
      return { ok: true, inbox: s.inbox.splice(0), frame: !!s.frame, locale };
    }
    if (!s.inbox.length && a.waitMs > 0 && s.bundle) {
      await wait(a.waitMs, (wake) => {
        s.wake = wake;
      });
    }
    s.wake = null;
    return { ok: true, inbox: s.inbox.splice(0), needBundle: !s.bundle, frame: !!s.frame, locale };
  } catch (err) {
    return { ok: false, error: String((err as Error)?.message ?? err) };
  }
}

/** Whether the page shows the message (Open WebUI gives each one the DOM id `message-{id}`), within `waitMs`. */
export async function shows(
  messageId: string,
  probe: string,
  waitMs: number,
): Promise<{ shown: boolean; probe: string }> {
  try {
    const id = `message-${messageId}`;
    const end = Date.now() + waitMs;
    while (Date.now() < end) {
      if (document.getElementById(id)) return { shown: true, probe };
      await new Promise((r) => setTimeout(r, 200));
    }
    return { shown: !!document.getElementById(id), probe };
  } catch {
    return { shown: false, probe };
  }
}

window.__fluxInpaintHost = { relay, shows };
