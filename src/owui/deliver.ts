import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { appError, toAppError } from '../errors.js';
import type { JobEngine } from '../jobs/engine.js';
import type { JobView } from '../jobs/types.js';
import type { OpChannel } from './channel.js';
import { escapeAlt, escapeMarkdown, safeMarkdownUrl } from './markdown.js';
import type { Translator } from '../i18n/t.js';
import { modelLabel } from '../catalogue/models.js';
import { atLeast } from './relay.js';

export interface DeliverOptions {
  channel: OpChannel;
  engine: JobEngine;
  job: JobView;
  clicked: { id: string | undefined; content: string };
  /** The chat's model, shown as the new message's author. */
  model: string | undefined;
  meta: PromptWords;
  /** The page's language, for the caption and the final status. */
  tr: Translator;
  /** 'new': the result becomes its own assistant message; 'same': it is appended to the clicked message. */
  place: ResultPlace;
  /** Asks the page, by its `execute` event call, whether it shows a message; undefined when no page answers. */
  pageShows: (messageId: string) => Promise<boolean | undefined>;
  emit: (event: { type: string; data: unknown }) => void;
}

export type ResultPlace = 'new' | 'same';

/**
 * Where the result goes. Only a page that reloads the chat on `chat:reload` (Open WebUI 0.11+) can show a
 * message written into the stored chat; older pages keep their own copy and save it back, so there the
 * clicked message (whose `message` events every version stores) takes the result. A message of its own is
 * tried only where Open WebUI can take it back (0.10+) should the page not show it; `new` tries it there
 * whatever the version says.
 */
export function resultPlace(
  mode: 'auto' | 'new' | 'same',
  opts: {
    storedChat: boolean;
    /** What the function reported; undefined from a function older than the report: then 0.10+ by version. */
    canRemove: boolean | undefined;
    version: string | null | undefined;
  },
): ResultPlace {
  const canRemove = opts.canRemove ?? atLeast(opts.version, [0, 10]);
  if (mode === 'same' || !opts.storedChat || !canRemove) return 'same';
  if (mode === 'new') return 'new';
  return atLeast(opts.version, [0, 11]) ? 'new' : 'same';
}

/** The prompt as the person wrote it, and as FLUX got it, for the caption; absent ones are the job's prompt. */
export interface PromptWords {
  original_prompt?: string | undefined;
  english?: string | undefined;
  /** Said under the prompts (e.g. that the translation failed and the prompt went as written). */
  note?: string | undefined;
}

/** The model and what it was run with: steps, guidance, seed and credits, each in the reader's words. */
export function resultFacts(job: JobView, params: Record<string, unknown>, tr: Translator): string[] {
  const parts = [modelLabel(job.model)];
  if (typeof params.steps === 'number') parts.push(tr.t('chat.steps', { steps: params.steps }));
  if (typeof params.guidance === 'number') parts.push(tr.t('chat.guidance', { guidance: params.guidance }));
  // A string, so the seed is shown exactly as FLUX takes it back (no digit grouping).
  if (job.result?.seed !== undefined) parts.push(tr.t('chat.seed', { seed: String(job.result.seed) }));
  if (job.cost !== undefined) parts.push(tr.t('chat.credits', { count: job.cost }));
  return parts;
}

/** The caption under a result, in the page's language: what was made, how, and from which prompt. */
export function caption(job: JobView, words: PromptWords, params: Record<string, unknown>, tr: Translator): string {
  const parts = [...resultFacts(job, params, tr), tr.seconds(job.elapsed_ms / 1000)];
  const lines = [`*${parts.map(escapeMarkdown).join(' · ')}*`];
  const original = words.original_prompt ?? job.prompt;
  const english = words.english ?? job.prompt;
  if (original !== english) {
    lines.push(
      escapeMarkdown(tr.t('chat.prompt', { prompt: original })),
      escapeMarkdown(tr.t('chat.english', { prompt: english })),
    );
  } else if (original) {
    lines.push(escapeMarkdown(tr.t('chat.prompt', { prompt: original })));
  }
  if (words.note) lines.push(`*(${escapeMarkdown(words.note)})*`);
  return lines.join('  \n');
}

/** Stores the result as the user's file in Open WebUI; returns the URL Open WebUI serves it at. */
export async function storeResult(opts: Pick<DeliverOptions, 'channel' | 'engine' | 'job'>): Promise<string> {
  const { path, mime } = opts.engine.resultPath(opts.job.id);
  const bytes = await readFile(path);
  const ext = path.split('.').pop();
  const reply = await opts.channel.request(
    {
      op: 'save_image',
      mime,
      data: bytes.toString('base64'),
      filename: `flux-${opts.job.model}-${opts.job.id}.${ext}`,
    },
    120_000,
  );
  const url = typeof reply.url === 'string' ? safeMarkdownUrl(reply.url) : undefined;
  if (!url) throw appError('owui_invalid.no_url');
  return url;
}

/** The markdown that shows a stored result with its caption. */
export function resultMarkdown(url: string, opts: Pick<DeliverOptions, 'engine' | 'job' | 'meta' | 'tr'>): string {
  const record = opts.engine.get(opts.job.id);
  const alt = escapeAlt(opts.tr.t('chat.result_alt', { model: modelLabel(opts.job.model) }));
  return `![${alt}](${url})\n\n${caption(opts.job, opts.meta, record?.params ?? {}, opts.tr)}`;
}

/** Stores the result as the user's file in Open WebUI; returns the markdown that shows it with its caption. */
export async function saveResult(
  opts: Pick<DeliverOptions, 'channel' | 'engine' | 'job' | 'meta' | 'tr'>,
): Promise<string> {
  return resultMarkdown(await storeResult(opts), opts);
}

/** Puts the result into the chat, as a new message or into the clicked one. Returns the final status. */
export async function deliverResult(opts: DeliverOptions): Promise<string> {
  const text = await saveResult(opts);
  const duration = opts.tr.seconds(opts.job.elapsed_ms / 1000);
  if (opts.place === 'new' && opts.clicked.id && (await addMessage(opts, opts.clicked.id, text)))
    return opts.tr.t('chat.done_next', { duration });
  opts.emit({ type: 'message', data: { content: `\n\n${text}` } });
  return opts.tr.t('chat.done_in', { duration });
}

/**
 * Adds the result as a new assistant message under the clicked one (so it gets its own Inpaint button, and a
 * click on an older message starts a branch). The function writes it into the stored chat; the page is told to
 * reload the chat. When the page does not show it after all, it is taken out again (nothing half-written
 * stays) and the caller falls back to the clicked message.
 */
async function addMessage(opts: DeliverOptions, parentId: string, content: string): Promise<boolean> {
  const id = randomUUID();
  try {
    await opts.channel.request(
      { op: 'add_message', parent_id: parentId, message: { id, role: 'assistant', content, model: opts.model ?? '' } },
      60_000,
    );
  } catch (err) {
    // Open WebUI could not add the message (chat internals that differ): the clicked message still can take
    // the result. Only a lost connection is passed on.
    const e = toAppError(err);
    if (e.code.startsWith('owui_')) return false;
    throw e;
  }
  // Goes to the clicked message, which the page holds; the page reloads the whole chat (0.11+).
  opts.emit({ type: 'chat:reload', data: {} });
  if ((await opts.pageShows(id)) !== false) return true;
  await opts.channel.request({ op: 'remove_message', message_id: id }, 60_000);
  return false;
}
