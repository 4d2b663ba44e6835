/**
 * The Open WebUI side of the bridge, in TypeScript, for sidecar tests: opens a session like the function does
 * (protocol 3: challenge, HMACs and the sealed key), answers ops, and keeps a stored chat with Open WebUI's persistence rules
 * (message appends, replace overwrites, status goes to the status history; events for a message the page does
 * not hold are dropped; `chat:reload` reloads the chat only from 0.11; a message can be removed only from 0.10,
 * which has Open WebUI's delete helper; test/browser/owui/TRACE.md traces each rule). The Python function and
 * the browser stand-ins have their own, fuller tests.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { seal } from '../../src/owui/seal.js';
import type { FakePage } from './fake-page.js';
import { WIRE } from './wire.js';

const hmac = (key: string | Buffer, text: string) => createHmac('sha256', key).update(text).digest('hex');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

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
  /** Every event the sidecar emitted, in order. */
  events: Array<{ type: string; data: any }>;
  done: Record<string, any> | undefined;
  detachedAt: number | undefined;
  addedAt: number | undefined;
  /** The stream broke off (the sidecar went away) instead of ending. */
  cut: boolean;
  /** The clicked message's embeds as the page shows them (Chat.svelte sets them on `chat:message:embeds`). */
  pageEmbeds: unknown[] | undefined;
  /** The event the function emits if the session breaks off (the latest emit's `restore`). */
  restore: { type: string; data: any } | null;
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
  /** Open WebUI's version as the function reports it (default 0.11.0: the page reloads on chat:reload). */
  version?: string;
  /** `files` of stored messages by message id (the action body never carries them). */
  files?: Record<string, unknown[]>;
  /** The chat is a temporary one: the function cannot read a stored chat. */
  temporary?: boolean;
  /** The chat's model is a direct connection. */
  modelDirect?: boolean;
  /**
   * Runs before Open WebUI answers a `save_image`: storing a file takes a while (`Storage.upload_file`, S3
   * included), and the test decides what happens meanwhile.
   */
  whileSaving?: () => Promise<void>;
  /** Images Open WebUI serves to the function's `read_image`, by URL. */
  images?: Record<string, { mime: string; bytes: Buffer }>;
  /** The FLUX Edit tool's call: the session is a tool session (`clicked` is the reply being written). */
  tool?: Record<string, unknown>;
}

/**
 * Opens a protocol-3 session as the function does: asks for a challenge over a fresh nonce, checks the
 * sidecar's proof (`proven`; the function stops when it fails, these tests go on to see the sidecar refuse),
 * then signs the body, its FLUX key sealed with the session key.
 */
export async function openSession(
  url: string,
  token: string,
  payload: unknown,
  query = '',
  asked?: Challenge,
): Promise<{ res: Response; key: Buffer; proven: boolean }> {
  const { challenge, nonce, key, proven } = asked ?? (await askChallenge(url, token));
  const open = payload as { valves?: Record<string, unknown> };
  const sealed = open?.valves
    ? {
        ...open,
        valves: { ...open.valves, FLUX_API_KEY: seal(key, 'FLUX_API_KEY', String(open.valves.FLUX_API_KEY ?? '')) },
      }
    : payload;
  const body = JSON.stringify(sealed);
  const mac = hmac(token, `open\n${challenge}\n${nonce}\n${sha256(body)}`);
  const res = await fetch(`${url}/v1/sessions${query}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-flux-inpaint-auth': `challenge=${challenge}, nonce=${nonce}, mac=${mac}`,
    },
    body,
  });
  return { res, key, proven };
}

export interface Challenge {
  challenge: string;
  nonce: string;
  key: Buffer;
  /** The sidecar proved it knows the token. */
  proven: boolean;
}

/** The first step of an opening: a challenge for a fresh nonce, and the session key it gives. */
export async function askChallenge(url: string, token: string): Promise<Challenge> {
  const nonce = randomBytes(24).toString('base64url');
  const answer = (await (
    await fetch(`${url}/v1/sessions/challenge`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ protocol: 3, nonce }),
    })
  ).json()) as { challenge: string; proof?: string };
  const { challenge } = answer;
  const key = createHmac('sha256', token).update(`session\n${challenge}\n${nonce}`).digest();
  return { challenge, nonce, key, proven: answer.proof === hmac(token, `challenge\n${nonce}\n${challenge}`) };
}

export function replyMac(key: Buffer, session: string, opId: string, body: string): string {
  return hmac(key, `reply\n${session}\n${opId}\n${sha256(body)}`);
}

export async function runSession(opts: OpenOptions): Promise<SessionRun> {
  const chat = new Map<string, StoredMessage>();
  let parent: string | null = null;
  for (const m of opts.messages) {
    chat.set(m.id, { ...m, parentId: parent, childrenIds: [], statusHistory: [] });
    if (parent) chat.get(parent)!.childrenIds.push(m.id);
    parent = m.id;
  }
  const run: SessionRun = {
    ops: [],
    chat,
    saved: [],
    completions: [],
    events: [],
    done: undefined,
    detachedAt: undefined,
    addedAt: undefined,
    cut: false,
    pageEmbeds: undefined,
    restore: null,
  };
  const version = opts.version ?? '0.11.0';
  const minor = Number(version.split('.')[0]) > 0 ? Number.POSITIVE_INFINITY : Number(version.split('.')[1]);
  // Chat.svelte reloads the chat on `chat:reload` from 0.11; Chats.delete_message_from_chat_by_id_and_message_id
  // exists from 0.10 (the function reports it as `can_remove_message`).
  const canReload = minor >= 11;
  const canRemove = minor >= 10;
  const chatId = opts.temporary ? 'local:sock-1' : 'chat-1';
  const stored = opts.messages.map((m, i) => ({
    ...m,
    parentId: i ? opts.messages[i - 1]!.id : null,
    files: opts.files?.[m.id] ?? [],
  }));
  const { res, key, proven } = await openSession(opts.url, opts.token, {
    protocol: 3,
    body: { messages: opts.messages, model: 'chat-model', chat_id: chatId, id: opts.clicked },
    chat: opts.temporary ? null : { messages: stored, currentId: opts.clicked },
    user: { id: 'user-1', name: 'Ada', role: 'user' },
    valves: opts.valves,
    owui: {
      version,
      event_call_timeout_s: null,
      model_direct: opts.modelDirect ?? false,
      can_remove_message: canRemove,
    },
    ...(opts.tool ? { tool: opts.tool } : {}),
  });
  // The function sends its opening only after this proof; these tests send it anyway to see what the sidecar does.
  if (!proven) throw new Error('the sidecar did not prove it knows the token');
  if (res.status !== 200) throw new Error(`session open failed: ${res.status} ${await res.text()}`);
  let session = '';
  const reply = (id: string, payload: Record<string, unknown>) => {
    const body = JSON.stringify(payload);
    return fetch(`${opts.url}/v1/sessions/${session}/replies/${id}`, {
      method: 'POST',
      headers: { 'x-flux-inpaint-mac': replyMac(key, session, id, body), 'content-type': 'application/json' },
      body,
    });
  };
  const clicked = () => chat.get(opts.clicked)!;
  /** Messages the open page holds: those it had, plus what a reload brought. */
  const onPage = new Set(opts.messages.map((m) => m.id));

  const handle = async (op: Record<string, any>): Promise<void> => {
    switch (op.op) {
      case 'hello':
        if (op.proof !== createHmac('sha256', key).update(`sidecar\n${op.session}`).digest('hex'))
          throw new Error('the sidecar did not prove itself');
        session = op.session;
        return;
      case 'emit': {
        const { type, data } = op.event;
        run.events.push(op.event);
        if ('restore' in op) run.restore = op.restore;
        // Shown in the page only: socket/main.py stores the `embeds` event, never `chat:message:embeds`.
        if (type === 'chat:message:embeds') run.pageEmbeds = data.embeds;
        if (type === 'chat:reload') {
          if (canReload) for (const id of chat.keys()) onPage.add(id);
          return;
        }
        if (type === 'message') clicked().content += data.content;
        else if (type === 'replace') clicked().content = data.content;
        else if (type === 'status') clicked().statusHistory.push(data);
        return;
      }
      case 'call': {
        if (op.event.type !== 'execute')
          return void (await reply(op.id, { ok: false, error: { code: 'unsupported', message: 'only execute' } }));
        const code: string = op.event.data.code;
        // The show check asks the page for the DOM element Open WebUI gives each message (`message-{id}`).
        const check = /__fluxInpaintHost\.shows\("([\w-]+)", "([\w-]+)"/.exec(code);
        if (check) {
          const [, id, probe] = check;
          const shown = (opts.pageShowsNewMessages ?? true) && id !== undefined && chat.has(id) && onPage.has(id);
          return void (await reply(op.id, { ok: true, value: { shown, probe } }));
        }
        // socket/main.py 0.10+: a call to a session no longer in SESSION_POOL (its socket closed) answers this.
        if (opts.page.socketClosed && canRemove)
          return void (await reply(op.id, { ok: true, value: { error: 'Client session disconnected.' } }));
        const value = await opts.page.execute(code);
        await reply(op.id, { ok: true, value });
        return;
      }
      case 'read_image': {
        const image = opts.images?.[op.url];
        if (!image)
          return void (await reply(op.id, {
            ok: false,
            error: { code: 'not_found', reason: 'file', message: WIRE.opErrors['not_found.file'] },
          }));
        await reply(op.id, { ok: true, mime: image.mime, data: image.bytes.toString('base64') });
        return;
      }
      case 'save_image': {
        await opts.whileSaving?.();
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
        // The action returned: Chat.svelte saves its copy of the chat (`if (!$temporaryChatEnabled)`: never a
        // temporary one), which the host script sees land.
        if (!opts.temporary) setTimeout(() => opts.page.savedChat(chatId), 30);
        return;
      case 'add_message': {
        if (opts.addMessageFails)
          return void (await reply(op.id, {
            ok: false,
            error: { code: 'failed', message: 'AttributeError: no Chats' },
          }));
        run.addedAt = Date.now();
        const m = op.message;
        chat.set(m.id, {
          id: m.id,
          parentId: op.parent_id,
          role: m.role,
          content: m.content,
          childrenIds: [],
          statusHistory: [],
        });
        chat.get(op.parent_id)?.childrenIds.push(m.id);
        await reply(op.id, { ok: true });
        return;
      }
      case 'remove_message': {
        if (!canRemove)
          return void (await reply(op.id, {
            ok: false,
            error: { code: 'unsupported', reason: 'remove', message: WIRE.opErrors['unsupported.remove'] },
          }));
        const m = chat.get(op.message_id);
        if (m?.parentId)
          chat.get(m.parentId)!.childrenIds = chat.get(m.parentId)!.childrenIds.filter((c) => c !== m.id);
        chat.delete(op.message_id);
        await reply(op.id, { ok: true });
        return;
      }
      case 'done':
        run.done = op;
        return;
      default:
        if (op.id)
          await reply(op.id, {
            ok: false,
            error: { code: 'unknown_op', reason: 'update', message: WIRE.opErrors['unknown_op.update'] },
          });
    }
  };

  const pending: Array<Promise<void>> = [];
  let buffer = '';
  const decoder = new TextDecoder();
  try {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
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
  if (!run.done && run.restore) await handle({ op: 'emit', event: run.restore });
  // Replies to a sidecar that went away fail; the function ignores that too.
  await Promise.allSettled(pending);
  opts.page.close();
  return run;
}
