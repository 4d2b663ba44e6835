/**
 * The script the sidecar runs in Open WebUI's page with `execute` event calls. It relays messages between
 * the artifact iframe and the sidecar: each call delivers the sidecar's outbox to the editor and returns
 * what the editor sent, waiting at most `waitMs` for something to arrive (a long-poll slice).
 *
 * Open WebUI runs the code with `new Function` inside an async wrapper and waits for its value; a thrown
 * error would leave the caller waiting for ever, so everything is caught and returned.
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

export function hostCode(call: HostCall): string {
  const args = JSON.stringify({
    sid: call.session,
    nonce: call.nonce,
    outbox: call.outbox,
    bundle: call.bundle ?? null,
    waitMs: Math.max(0, Math.min(call.waitMs, 45_000)),
    end: call.end ?? null,
    watchSave: call.watchSave ?? null,
    awaitSave: call.awaitSave === undefined ? null : Math.max(0, Math.min(call.awaitSave, 45_000)),
  });
  return `try {
const A = ${args};
const root = window.__fluxInpaint || (window.__fluxInpaint = { sessions: {} });
const saves = root.saves || (root.saves = {});
let locale = null;
try { locale = localStorage.getItem("locale") || document.documentElement.lang || null; } catch (err) {}
if (A.awaitSave !== null) {
  const w = saves[A.sid];
  if (w && !w.seen && !w.unsupported) {
    await new Promise((resolve) => { const t = setTimeout(resolve, A.awaitSave); w.wake = () => { clearTimeout(t); resolve(); }; });
  }
  if (w && w.observer) w.observer.disconnect();
  delete saves[A.sid];
  return { ok: true, saved: w && !w.unsupported ? w.seen : null, locale };
}
if (A.watchSave !== null && !saves[A.sid]) {
  const w = saves[A.sid] = { seen: false, unsupported: false, wake: null, observer: null };
  const tail = "/api/v1/chats/" + A.watchSave;
  const since = performance.now();
  try {
    w.observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        let path = "";
        try { path = new URL(e.name, location.href).pathname.replace(/[/]+$/, ""); } catch (err) {}
        if (e.startTime >= since && path.endsWith(tail)) { w.seen = true; if (w.wake) w.wake(); }
      }
    });
    w.observer.observe({ type: "resource" });
  } catch (err) { w.unsupported = true; }
}
let s = root.sessions[A.sid];
const send = (m) => { if (s.frame) s.frame.postMessage(Object.assign({}, m, { source: "flux-inpaint", nonce: s.nonce }), "*"); else s.pending.push(m); };
if (!s) {
  s = root.sessions[A.sid] = { nonce: A.nonce, inbox: [], pending: [], frame: null, bundle: null, wake: null };
  s.listener = (e) => {
    const d = e.data;
    if (!d || typeof d !== "object" || d.source !== "flux-inpaint" || d.nonce !== s.nonce) return;
    if (d.type === "hello") {
      s.frame = e.source;
      if (s.bundle) send({ type: "bundle", code: s.bundle });
      const queued = s.pending.splice(0);
      for (const m of queued) send(m);
    } else if (e.source !== s.frame) {
      return;
    }
    const copy = Object.assign({}, d);
    delete copy.source; delete copy.nonce;
    s.inbox.push(copy);
    if (s.wake) s.wake();
  };
  window.addEventListener("message", s.listener);
}
if (A.bundle) {
  s.bundle = A.bundle;
  if (s.frame) send({ type: "bundle", code: s.bundle });
}
for (const m of A.outbox) send(m);
if (A.end) {
  send({ type: "ended", message: A.end.message });
  window.removeEventListener("message", s.listener);
  delete root.sessions[A.sid];
  return { ok: true, inbox: s.inbox.splice(0), frame: !!s.frame, locale };
}
if (!s.inbox.length && A.waitMs > 0 && s.bundle) {
  await new Promise((resolve) => { const t = setTimeout(resolve, A.waitMs); s.wake = () => { clearTimeout(t); resolve(); }; });
}
s.wake = null;
return { ok: true, inbox: s.inbox.splice(0), needBundle: !s.bundle, frame: !!s.frame, locale };
} catch (err) {
  return { ok: false, error: String((err && err.message) || err) };
}`;
}
