/**
 * Runs in Open WebUI's page, never in the sidecar: esbuild bundles this file into one classic script
 * (page-scripts.ts), which the sidecar sends with each `execute` event call. Open WebUI runs that code with
 * `new Function` inside an async wrapper and waits for its value; a thrown error would leave the caller waiting
 * for ever, so every entry point catches and returns its failure.
 *
 * `relay` moves messages between the editor's frame and the sidecar: each call delivers the sidecar's outbox to
 * the editor and returns what the editor sent, waiting at most `waitMs` for something to arrive (a long-poll
 * slice). `shows` tells whether the page shows a message.
 *
 * Each call's value travels back to Open WebUI over the page's socket, whose server closes the connection on
 * any incoming message over 1,000,000 bytes (python-engineio's default `max_http_buffer_size`, which Open WebUI
 * never raises). So no reply is larger than REPLY_BYTES: a bigger editor message (a photo loaded from disk,
 * references) is cut into parts the sidecar joins again, and the editor hears how far the upload has got.
 */

import { PART_BYTES, REPLY_BYTES, type PartMessage } from './parts.js';

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
  /**
   * The clicked message, where the loader arrives as an html code block (versions without embeds): the block
   * is hidden while the artifact panel shows the editor.
   */
  coverIn: string | null;
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

/** An editor message waiting for a reply, with the bytes it adds to one. */
interface Queued {
  message: Record<string, unknown>;
  bytes: number;
  /** For the parts of a large message: the upload whose progress the editor is told. */
  upload?: Upload;
}

interface Upload {
  sent: number;
  total: number;
}

interface Session {
  nonce: string;
  inbox: Queued[];
  parts: number;
  /** Whether bringIntoView watches the frame already. */
  centred: boolean;
  pending: unknown[];
  frame: MessageEventSource | null;
  bundle: string | null;
  wake: (() => void) | null;
  listener: (e: MessageEvent) => void;
  /** Stops watching for the loader's code block. */
  uncover: (() => void) | null;
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
    parts: 0,
    centred: false,
    pending: [],
    frame: null,
    bundle: null,
    wake: null,
    listener: () => {},
    uncover: a.coverIn === null ? null : coverLoader(a.coverIn),
  };
  s.listener = (e: MessageEvent) => {
    const d = e.data as Record<string, unknown> | null;
    if (!d || typeof d !== 'object' || d.source !== 'flux-inpaint' || d.nonce !== s.nonce) return;
    if (d.type === 'hello') {
      s.frame = e.source;
      if (s.bundle) sendBundle(s);
      for (const m of s.pending.splice(0)) send(s, m);
    } else if (e.source !== s.frame) {
      return;
    }
    const { source: _source, nonce: _nonce, ...copy } = d;
    enqueue(s, copy);
    s.wake?.();
  };
  root.sessions[a.sid] = s;
  window.addEventListener('message', s.listener);
  return s;
}

const utf8 = new TextEncoder();
const bytesOf = (text: string) => utf8.encode(text).length;

/** Queues an editor message for the sidecar, cut into parts when it is too large for one reply. */
function enqueue(s: Session, message: Record<string, unknown>): void {
  const json = JSON.stringify(message);
  const bytes = bytesOf(json);
  if (bytes <= PART_BYTES) {
    s.inbox.push({ message, bytes });
    return;
  }
  const chunks = split(json);
  const pid = `p${++s.parts}`;
  const upload: Upload = { sent: 0, total: bytes };
  chunks.forEach((data, seq) => {
    const part: PartMessage = { type: 'part', pid, seq, count: chunks.length, data };
    s.inbox.push({ message: part as unknown as Record<string, unknown>, bytes: bytesOf(JSON.stringify(part)), upload });
  });
  send(s, { type: 'upload', sent: 0, total: bytes });
}

/** Cuts text into pieces of at most PART_BYTES once JSON-encoded, never inside a surrogate pair. */
function split(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; ) {
    let end = Math.min(text.length, i + PART_BYTES);
    while (end - i > 1 && bytesOf(JSON.stringify(text.slice(i, end))) > PART_BYTES) {
      end = i + Math.floor((end - i) / 2);
    }
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    out.push(text.slice(i, end));
    i = end;
  }
  return out;
}

/**
 * Takes what fits into one reply, in order, and tells the editor how far its uploads have got. What is left
 * goes with the next call, which does not wait while anything is queued.
 */
function take(s: Session): Array<Record<string, unknown>> {
  const inbox: Array<Record<string, unknown>> = [];
  let bytes = 0;
  const progressed = new Set<Upload>();
  while (s.inbox.length) {
    const next = s.inbox[0]!;
    if (inbox.length && bytes + next.bytes > REPLY_BYTES) break;
    s.inbox.shift();
    inbox.push(next.message);
    bytes += next.bytes;
    if (next.upload) {
      next.upload.sent += next.bytes;
      progressed.add(next.upload);
    }
  }
  for (const u of progressed) send(s, { type: 'upload', sent: Math.min(u.sent, u.total), total: u.total });
  return inbox;
}

/**
 * The editor's code, with the height its frame should take: as an inline embed Open WebUI sizes the frame as
 * it asks (`iframe:height`), and the editor should fit between the page's header and its message input.
 */
function sendBundle(s: Session): void {
  const height = Math.round(Math.min(900, Math.max(420, window.innerHeight - 250)));
  send(s, { type: 'bundle', code: s.bundle, height });
  bringIntoView(s);
}

/**
 * Brings the whole editor into view, centred between the chat's header and its message box, whenever its frame
 * changes size while the editor starts: Open WebUI scrolls to an embed while it is still the loader's small box,
 * and the frame takes its height only when the page has applied it. Its size settles within a moment; the
 * watch ends after a few seconds, so nothing moves the editor once it is in use.
 */
function bringIntoView(s: Session): void {
  const frame = Array.from(document.querySelectorAll('iframe')).find((f) => f.contentWindow === s.frame);
  // The loader says hello until its bundle has come: one watch per session is enough.
  if (!frame || typeof ResizeObserver === 'undefined' || s.centred) return;
  s.centred = true;
  const observer = new ResizeObserver(() => frame.scrollIntoView({ block: 'center' }));
  observer.observe(frame);
  setTimeout(() => observer.disconnect(), 5_000);
}

/**
 * Hides the loader's html code block in the message while the editor is open. Without embeds (Open WebUI
 * before 0.6.32) the loader reaches the page as an html block appended to the message: the artifact panel
 * runs it, and the message would show it as raw code (CodeBlock.svelte: a `dir="ltr"` box around a
 * `language-html` editor). The first call of a session runs before the loader is sent, so the message's html
 * blocks counted then are the person's own; any later one is the loader, wherever the page re-renders it.
 */
function coverLoader(messageId: string): () => void {
  const blocks = () => {
    const message = document.getElementById(`message-${messageId}`);
    const found = message ? Array.from(message.querySelectorAll('.language-html')) : [];
    return found.map((el) => el.closest<HTMLElement>('[dir="ltr"]') ?? (el as HTMLElement));
  };
  const own = blocks().length;
  const hide = () => {
    for (const block of blocks().slice(own)) block.style.display = 'none';
  };
  const observer = new MutationObserver(hide);
  observer.observe(document.body, { childList: true, subtree: true });
  hide();
  // The block stays hidden: the event that puts the message back, sent just before, removes it.
  return () => observer.disconnect();
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
      if (s.frame) sendBundle(s);
    }
    for (const m of a.outbox) send(s, m);
    if (a.end) {
      send(s, { type: 'ended', message: a.end.message });
      window.removeEventListener('message', s.listener);
      s.uncover?.();
      delete state().sessions[a.sid];
      // Whatever the editor sent that was not fetched yet is dropped: the session is over, and it could be large.
      return { ok: true, inbox: [], frame: !!s.frame, locale };
    }
    if (!s.inbox.length && a.waitMs > 0 && s.bundle) {
      await wait(a.waitMs, (wake) => {
        s.wake = wake;
      });
    }
    s.wake = null;
    return { ok: true, inbox: take(s), needBundle: !s.bundle, frame: !!s.frame, locale };
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
