import type { Logger } from 'pino';
import { isExpected, localizeError, toAppError } from '../errors.js';
import { type Translator, translator } from '../i18n/t.js';
import type { JobView } from '../jobs/types.js';
import { parseJobRequest, toCreateJobInput } from '../jobs/request.js';
import { MODEL_INFO, modelLabel, type ModelName } from '../catalogue/models.js';
import { monotonicMs } from '../util/time.js';
import type { OpChannel } from './channel.js';
import { caption, type PromptWords, resultFacts, resultMarkdown, storeResult } from './deliver.js';
import { ended, followJob } from './follow.js';
import { fluxTarget, owuiOwner } from './flux-target.js';
import { chatLoader, chatMessages } from './pictures.js';
import type { FluxAccess } from '../providers/provider.js';
import { olderThan } from './relay.js';
import type { SessionOpen } from './schemas.js';
import type { SessionDeps } from './session.js';
import { inspectImage } from '../images/prepare.js';
import { candidates, pick, type Candidate } from './tool-pick.js';
import type { ToolRequest } from './tool-schemas.js';
import { translatePrompt } from './translate.js';

/** Kontext follows English instructions only; FLUX.2 (and newer) read the person's own language. */
const NEEDS_ENGLISH: ReadonlySet<ModelName> = new Set(['kontext-pro', 'kontext-max']);

/** What remove_object asks the model for: the whole picture kept, one thing taken out. */
const REMOVE_INSTRUCTION = (what: string) =>
  `Remove ${what} from the picture. Fill the place where it was with what would naturally be behind it. Keep everything else exactly as it is.`;

/**
 * One call of the image-editing Tool by the chat model: finds the picture the person means in the stored chat,
 * has FLUX edit it with the instruction, and puts the result into the reply being written. The model is
 * answered with a short text (the `done` message, or `detach`'s when the job outlives its wait), never the image.
 */
export class ToolSession {
  /**
   * Statuses and the caption speak the person's language; what goes back to the chat model stays English,
   * which models follow most reliably (they answer the person in the chat's own language anyway).
   */
  private readonly tr: Translator;
  private readonly log: Logger;

  constructor(
    private readonly channel: OpChannel,
    private readonly open: SessionOpen,
    private readonly tool: ToolRequest,
    private readonly deps: SessionDeps,
  ) {
    this.log = deps.logger.child({ session: channel.session, tool: tool.name });
    this.tr = translator(tool.locale);
  }

  async run(): Promise<{ ok: boolean; message: string }> {
    try {
      const { model } = this.tool;
      this.status(this.tr.t('tool.looking'));
      const picked = pick(this.pictures(), this.tool.which);
      const image = await this.load(picked);
      const flux = fluxTarget(this.open.valves, this.deps.config);
      const instruction =
        this.tool.name === 'remove_object' ? REMOVE_INSTRUCTION(this.tool.instruction) : this.tool.instruction;
      const prompt = NEEDS_ENGLISH.has(model)
        ? await translatePrompt(this.channel, this.open, instruction, this.tr, (s) => this.status(s))
        : { english: instruction };
      const job = await this.submit(model, prompt.english, image, flux, instruction);
      const meta: PromptWords = { original_prompt: instruction, english: prompt.english, note: prompt.note };
      const waitMs = this.tool.wait_seconds * 1000;
      const final = await this.follow(job.id, monotonicMs() + waitMs);
      if (final) return await this.finish(final, meta, picked, false);
      // The model's turn cannot wait longer: it is answered now, and the job still lands in this reply.
      this.channel.send({ op: 'detach', message: stillRunning(job, picked) });
      const late = await this.follow(job.id, Number.POSITIVE_INFINITY);
      return await this.finish(late ?? this.deps.engine.view(job.id), meta, picked, true);
    } catch (err) {
      const e = toAppError(err);
      if (!isExpected(e)) this.log.error({ err }, 'tool session failed');
      this.status(this.tr.t('tool.failed', { error: localizeError(e, this.tr) }), true);
      return { ok: false, message: failure(e.code, e.message) };
    }
  }

  /** The pictures on the reply's branch, newest first (the stored chat has `files`; the body never has). */
  private pictures(): Candidate[] {
    return candidates(chatMessages(this.open), this.open.body.id ?? undefined);
  }

  /** Reads the picture with the person's own rights in Open WebUI, within the sidecar's size limits. */
  private async load(picked: Candidate): Promise<Buffer> {
    const { bytes } = await chatLoader(this.channel, this.deps.fetchExternal).read(picked.url);
    await inspectImage(bytes, this.deps.config.limits);
    return bytes;
  }

  private async submit(model: ModelName, prompt: string, image: Buffer, flux: FluxAccess, original: string) {
    const req = parseJobRequest({
      model,
      prompt,
      image: { data: image },
      params: { safety_tolerance: Math.min(this.tool.safety_tolerance, MODEL_INFO[model].maxSafetyTolerance) },
    });
    const input = await toCreateJobInput(req, () => image, {
      provider: 'bfl',
      flux,
      owner: owuiOwner(this.open.user.id),
      // Reported by this session (reportOnce); a sidecar restart leaves it to the next Inpaint click here.
      meta: {
        chat_id: this.open.body.chat_id ?? undefined,
        message_id: this.open.body.id ?? undefined,
        original_prompt: original,
      },
    });
    return this.deps.engine.create(input);
  }

  /** The job's progress as the reply's status until it ends (its view) or `untilMs` passes (undefined). */
  private async follow(jobId: string, untilMs: number): Promise<JobView | undefined> {
    const stop = Number.isFinite(untilMs)
      ? AbortSignal.timeout(Math.max(0, Math.ceil(untilMs - monotonicMs())))
      : undefined;
    await followJob(this.deps.engine, jobId, {
      channelSignal: this.channel.signal,
      ...(stop ? { stop } : {}),
      tr: this.tr,
      status: (text) => this.status(text),
    });
    const view = this.deps.engine.view(jobId);
    return ended(view) ? view : undefined;
  }

  /** Says how the job ended and puts its result into the reply, once (reportOnce). */
  private async finish(
    final: JobView,
    meta: PromptWords,
    picked: Candidate,
    late: boolean,
  ): Promise<{ ok: boolean; message: string }> {
    if (final.state !== 'done') {
      const message = final.error?.message ?? 'The job ended without a result.';
      const said = final.error ? localizeError(final.error, this.tr) : this.tr.t('chat.unknown_error');
      this.status(this.tr.t('tool.failed', { error: said }), true);
      return { ok: false, message: failure(final.error?.code ?? final.state, message) };
    }
    const reported = await this.deps.engine.reportOnce(final.id, () => this.deliver(final, meta, picked, late));
    if (reported) return { ok: true, message: reported.value };
    return { ok: true, message: 'The edited picture was already added to the chat.' };
  }

  /**
   * Where the picture goes, so that the reply's own text never overwrites it: before the model writes (default
   * mode) the reply starts with it; while it writes (native mode) or after it wrote (a late job) it becomes one
   * of the reply's `files`, which Open WebUI stores from 0.6.26 on. Older versions in native mode get the
   * markdown back for the model to show.
   */
  private async deliver(job: JobView, meta: PromptWords, picked: Candidate, late: boolean) {
    const url = await storeResult({ channel: this.channel, engine: this.deps.engine, job });
    const params = this.deps.engine.get(job.id)?.params ?? {};
    const line = captionLine(job, params);
    const filesKept = !olderThan(this.open.owui?.version, [0, 6, 26]);
    const markdown = resultMarkdown(url, { engine: this.deps.engine, job, meta, tr: this.tr });
    const done = `Edited the picture (${picked.label}) with ${line}.`;
    const said = this.tr.t('tool.done', { line: resultFacts(job, params, this.tr).join(' · ') });
    if (this.tool.mode === 'default' && !late) {
      this.emit({ type: 'message', data: { content: `${markdown}\n\n` } });
    } else if (filesKept) {
      this.emit({ type: 'files', data: { files: [{ type: 'image', url }] } });
      // After the reply is written its text can take the caption; while it is written the status does.
      if (late) this.emit({ type: 'message', data: { content: `\n\n${caption(job, meta, params, this.tr)}` } });
    } else if (late) {
      this.emit({ type: 'message', data: { content: `\n\n${markdown}` } });
    } else {
      this.status(said, true);
      return `${done} Show it to the user by writing this markdown exactly, on a line of its own: ![edited picture](${url})`;
    }
    this.status(said, true);
    return `${done} The edited picture is already shown to the user in this reply: do not repeat, link or describe it as an image; just say briefly what was changed.`;
  }

  private status(description: string, done = false): void {
    this.emit({ type: 'status', data: { description, done } });
  }

  private emit(event: { type: string; data: unknown }): void {
    this.channel.send({ op: 'emit', event });
  }
}

/** Model, seed and cost in one plain line, for the status and the model's answer. */
function captionLine(job: JobView, params: Record<string, unknown>): string {
  const parts = [modelLabel(job.model)];
  if (job.result?.seed !== undefined) parts.push(`seed ${String(job.result.seed)}`);
  if (job.cost !== undefined) parts.push(`${job.cost} credits`);
  if (typeof params.safety_tolerance === 'number') parts.push(`safety tolerance ${params.safety_tolerance}`);
  return parts.join(' · ');
}

function stillRunning(job: JobView, picked: Candidate): string {
  return `The edit of the picture (${picked.label}) is still running at FLUX (${modelLabel(job.model)}). It will be added to this reply by itself when it is ready: tell the user it is on its way, and do not call the tool again for it.`;
}

/** The model's answer for a failure: what went wrong, and what it should and should not do next. */
function failure(code: string, message: string): string {
  if (code === 'flux_request_moderated' || code === 'flux_content_moderated') {
    return `FLUX's moderation refused this edit (${message}). Tell the user; do not retry the same request. They may rephrase it, or an admin may raise SAFETY_TOLERANCE.`;
  }
  if (code === 'owui_forbidden') {
    return `The picture could not be edited: ${message} Tell the user to upload a picture of their own to this chat.`;
  }
  return `The picture could not be edited: ${message} Tell the user; do not retry unless they ask.`;
}
