/**
 * The Open WebUI side of the bridge, in TypeScript, for sidecar tests: opens a session like the function does,
 * answers ops, and keeps a stored chat with Open WebUI's persistence rules (message appends, replace
 * overwrites, status goes to the status history). The Python function has its own, fuller tests.
 */
import { FakePage } from './fake-page.js';

export interface StoredMessage {
  id: string;
  parentId: string | null;
  role: string;
  content: string;
  childrenIds: string[];
  statusHistory: Array<{ description: string; done?: boolean }>;
}

export interface SessionRun {
  ops: Array<Record<string, any>>;
  chat: Map<string, StoredMessage>;
  saved: Array<{ mime: string; bytes: Buffer; url: string }>;
  completions: Array<Record<string, any>>;
  done: Record<string, any> | undefined;
  detachedAt: number | undefined;
  addedAt: number | undefined;
  /** The stream broke off (the sidecar went away) instead of ending. */
  cut: boolean;
}

export interface OpenOptions {
  url: string;
  token: string;
  page: FakePage;
  messages: Array<{ id: string; role: string; content: string }>;
  clicked: string;
  valves: Record<string, unknown>;
  /** Answer to a `complete` op (translation); throwing makes it fail. */
  complete?: (messages: Array<{ role: string; content: string }>) => string;
  /** The page no longer shows new messages (older Open WebUI): the show-check answers false. */
  pageShowsNewMessages?: boolean;
  /** Open WebUI fails to add a message (chat internals of another version). */
  addMessageFails?: boolean;
}

export async function runSession(opts: OpenOptions): Promise<SessionRun> {
  const chat = new Map<string, StoredMessage>();
  let parent: string | null = null;
  for (const m of opts.messages) {
    chat.set(m.id, { ...m, parentId: parent, childrenIds: [], statusHistory: [] });
    if (parent) chat.get(parent)!.childrenIds.push(m.id);
    parent = m.id;
  }
  const run: SessionRun = { ops: [], chat, saved: [], completions: [], done: undefined, detachedAt: undefined, addedAt: undefined, cut: false };
  const res = await fetch(`${opts.url}/v1/sessions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${opts.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      protocol: 1,
      body: { messages: opts.messages, model: 'chat-model', chat_id: 'chat-1', id: opts.clicked },
      user: { id: 'user-1', name: 'Ada', role: 'user' },
      valves: opts.valves,
    }),
  });
  if (res.status !== 200) throw new Error(`session open failed: ${res.status} ${await res.text()}`);
  let session = '';
  const reply = (id: string, body: Record<string, unknown>) =>
    fetch(`${opts.url}/v1/sessions/${session}/replies/${id}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${opts.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const clicked = () => chat.get(opts.clicked)!;

  const handle = async (op: Record<string, any>): Promise<void> => {
    switch (op.op) {
      case 'hello':
        session = op.session;
        return;
      case 'emit': {
        const { type, data } = op.event;
        if (type === 'message') clicked().content += data.content;
        else if (type === 'replace') clicked().content = data.content;
        else if (type === 'status') clicked().statusHistory.push(data);
        return;
      }
      case 'call': {
        if (op.event.type !== 'execute') return void (await reply(op.id, { ok: false, error: { code: 'unsupported', message: 'only execute' } }));
        const code: string = op.event.data.code;
        if (code.includes('getElementById')) {
          const probe = /probe: "([\w-]+)"/.exec(code)?.[1];
          const id = /"message-([\w-]+)"/.exec(code)?.[1];
          const shown = (opts.pageShowsNewMessages ?? true) && id !== undefined && chat.has(id);
          return void (await reply(op.id, { ok: true, value: { shown, probe } }));
        }
        const value = await opts.page.execute(code);
        await reply(op.id, { ok: true, value });
        return;
      }
      case 'save_image': {
        const url = `/api/v1/files/file-${run.saved.length + 1}/content`;
        run.saved.push({ mime: op.mime, bytes: Buffer.from(op.data, 'base64'), url });
        await reply(op.id, { ok: true, url });
        return;
      }
      case 'complete': {
        run.completions.push(op);
        try {
          await reply(op.id, { ok: true, text: opts.complete ? opts.complete(op.messages) : 'translated' });
        } catch (err) {
          await reply(op.id, { ok: false, error: { code: 'failed', message: (err as Error).message } });
        }
        return;
      }
      case 'detach':
        run.detachedAt = Date.now();
        return;
      case 'add_message': {
        if (opts.addMessageFails) return void (await reply(op.id, { ok: false, error: { code: 'failed', message: 'AttributeError: no Chats' } }));
        run.addedAt = Date.now();
        const m = op.message;
        chat.set(m.id, { id: m.id, parentId: op.parent_id, role: m.role, content: m.content, childrenIds: [], statusHistory: [] });
        chat.get(op.parent_id)?.childrenIds.push(m.id);
        await reply(op.id, { ok: true });
        return;
      }
      case 'remove_message': {
        const m = chat.get(op.message_id);
        if (m?.parentId) chat.get(m.parentId)!.childrenIds = chat.get(m.parentId)!.childrenIds.filter((c) => c !== m.id);
        chat.delete(op.message_id);
        await reply(op.id, { ok: true });
        return;
      }
      case 'done':
        run.done = op;
        return;
      default:
        if (op.id) await reply(op.id, { ok: false, error: { code: 'unknown_op', message: `unknown op ${String(op.op)}` } });
    }
  };

  const pending: Array<Promise<void>> = [];
  let buffer = '';
  const decoder = new TextDecoder();
  try {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let nl;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl).trim();
        buffer = buffer.slice(nl + 1);
        if (!line) continue;
        const op = JSON.parse(line) as Record<string, any>;
        run.ops.push(op);
        // Emits apply in order; ops with an answer run concurrently, as the function runs them.
        if (op.op === 'emit' || op.op === 'hello') await handle(op);
        else pending.push(handle(op));
      }
    }
  } catch {
    run.cut = true;
  }
  // Replies to a sidecar that went away fail; the function ignores that too.
  await Promise.allSettled(pending);
  opts.page.close();
  return run;
}
