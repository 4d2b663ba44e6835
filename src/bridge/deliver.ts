import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { nanoid } from 'nanoid';
import { AppError, toAppError } from '../errors.js';
import type { JobEngine } from '../jobs/engine.js';
import type { JobView } from '../jobs/types.js';
import type { OpChannel } from './channel.js';
import { escapeMarkdown, safeMarkdownUrl } from './markdown.js';
import { modelLabel } from './progress.js';

export interface DeliverOptions {
  channel: OpChannel;
  engine: JobEngine;
  job: JobView;
  clicked: { id: string | undefined; content: string };
  /** The chat's model, shown as the new message's author. */
  model: string | undefined;
  meta: Record<string, unknown>;
  /** 'new': the result becomes its own assistant message; 'same': it is appended to the clicked message. */
  mode: 'new' | 'same';
  emit: (event: { type: string; data: unknown }) => void;
}

/** How long the page gets to show a new message before the result falls back into the clicked one. */
const SHOWN_CHECK_MS = 4_000;

/** The caption under a result: what was made, how, and from which prompt. */
export function caption(job: JobView, meta: Record<string, unknown>, params: Record<string, unknown>): string {
  const parts = [`FLUX ${modelLabel(job.model)}`];
  if (params.steps !== undefined) parts.push(`${String(params.steps)} steps`);
  if (params.guidance !== undefined) parts.push(`guidance ${String(params.guidance)}`);
  if (job.result?.seed !== undefined) parts.push(`seed ${job.result.seed}`);
  parts.push(`${Math.round(job.elapsed_ms / 1000)} s`);
  const lines = [`*${parts.join(' · ')}*`];
  const original = typeof meta.original === 'string' ? meta.original : job.prompt;
  const english = typeof meta.english === 'string' ? meta.english : job.prompt;
  if (original !== english) {
    lines.push(`Prompt: ${escapeMarkdown(original)}`, `English: ${escapeMarkdown(english)}`);
  } else if (original) {
    lines.push(`Prompt: ${escapeMarkdown(original)}`);
  }
  if (typeof meta.note === 'string') lines.push(`*(${escapeMarkdown(meta.note)})*`);
  return lines.join('  \n');
}

/** Stores the result as the user's file in Open WebUI; returns the markdown that shows it with its caption. */
export async function saveResult(opts: Pick<DeliverOptions, 'channel' | 'engine' | 'job' | 'meta'>): Promise<string> {
  const { path, mime } = opts.engine.resultPath(opts.job.id);
  const bytes = await readFile(path);
  const ext = path.split('.').pop();
  const reply = await opts.channel.request(
    { op: 'save_image', mime, data: bytes.toString('base64'), filename: `flux-${opts.job.model}-${opts.job.id}.${ext}` },
    120_000,
  );
  const url = typeof reply.url === 'string' ? safeMarkdownUrl(reply.url) : undefined;
  if (!url) throw new AppError('owui_invalid', 'Open WebUI saved the image but returned no usable URL.', { status: 502 });
  const record = opts.engine.get(opts.job.id);
  return `![FLUX ${modelLabel(opts.job.model)} result](${url})\n\n${caption(opts.job, opts.meta, record?.params ?? {})}`;
}

/** Puts the result into the chat, as a new message or into the clicked one. Returns the final status. */
export async function deliverResult(opts: DeliverOptions): Promise<string> {
  const text = await saveResult(opts);
  const done = `Done in ${Math.round(opts.job.elapsed_ms / 1000)} s.`;
  if (opts.mode === 'new' && opts.clicked.id && (await addMessage(opts, text))) return `${done} The result is the next message.`;
  opts.emit({ type: 'message', data: { content: `\n\n${text}` } });
  return done;
}

/**
 * Adds the result as a new assistant message under the clicked one (so it gets its own Inpaint button). The
 * function writes it into the stored chat and asks the page to reload the chat; Open WebUI versions whose page
 * cannot do that would later overwrite it with their own copy of the chat, so when the open page does not show
 * the message, it is taken out again and the caller falls back to the clicked message.
 */
async function addMessage(opts: DeliverOptions, content: string): Promise<boolean> {
  const id = randomUUID();
  try {
    await opts.channel.request(
      { op: 'add_message', parent_id: opts.clicked.id, message: { id, role: 'assistant', content, model: opts.model ?? '' } },
      60_000,
    );
  } catch (err) {
    // Open WebUI could not add the message (an older function, or chat internals that differ): the clicked
    // message still can take the result. Only a lost connection is passed on.
    const e = toAppError(err);
    if (e.code.startsWith('owui_')) return false;
    throw e;
  }
  const shown = await pageShows(opts.channel, id);
  if (shown !== false) return true;
  await opts.channel.request({ op: 'remove_message', message_id: id }, 60_000);
  return false;
}

/** true/false when the page answered; undefined when no page is open (the stored chat is what counts then). */
async function pageShows(channel: OpChannel, messageId: string): Promise<boolean | undefined> {
  const probe = nanoid(8);
  const code = `try { const end = Date.now() + ${SHOWN_CHECK_MS}; const id = ${JSON.stringify(`message-${messageId}`)};
while (Date.now() < end) { if (document.getElementById(id)) return { shown: true, probe: ${JSON.stringify(probe)} }; await new Promise((r) => setTimeout(r, 200)); }
return { shown: false, probe: ${JSON.stringify(probe)} }; } catch (err) { return { shown: false, probe: ${JSON.stringify(probe)} }; }`;
  try {
    const reply = await channel.request(
      { op: 'call', event: { type: 'execute', data: { code } }, timeout_ms: SHOWN_CHECK_MS + 6_000 },
      SHOWN_CHECK_MS + 11_000,
    );
    const value = reply.value as { shown?: unknown; probe?: unknown } | null | undefined;
    if (!value || value.probe !== probe) return undefined;
    return value.shown === true;
  } catch {
    return undefined;
  }
}
