import { readFile } from 'node:fs/promises';
import { AppError } from '../errors.js';
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
  meta: Record<string, unknown>;
  emit: (event: { type: string; data: unknown }) => void;
}

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

/** Stores the result as the user's file in Open WebUI and puts it into the chat. Returns the final status. */
export async function deliverResult(opts: DeliverOptions): Promise<string> {
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
  const text = `![FLUX ${modelLabel(opts.job.model)} result](${url})\n\n${caption(opts.job, opts.meta, record?.params ?? {})}`;
  opts.emit({ type: 'message', data: { content: `\n\n${text}` } });
  return `Done in ${Math.round(opts.job.elapsed_ms / 1000)} s.`;
}
