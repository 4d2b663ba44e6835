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
}

export interface HostReply {
  ok: boolean;
  /** Messages the editor sent since the last call. */
  inbox?: Array<Record<string, unknown>>;
  /** True when the page has no copy of the bundle (new page or reload). */
  needBundle?: boolean;
  /** True once an editor frame has said hello. */
  frame?: boolean;
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
  });
  return `try {
const A = ${args};
const root = window.__fluxInpaint || (window.__fluxInpaint = { sessions: {} });
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
  return { ok: true, inbox: s.inbox.splice(0), frame: !!s.frame };
}
if (!s.inbox.length && A.waitMs > 0 && s.bundle) {
  await new Promise((resolve) => { const t = setTimeout(resolve, A.waitMs); s.wake = () => { clearTimeout(t); resolve(); }; });
}
s.wake = null;
return { ok: true, inbox: s.inbox.splice(0), needBundle: !s.bundle, frame: !!s.frame };
} catch (err) {
  return { ok: false, error: String((err && err.message) || err) };
}`;
}
