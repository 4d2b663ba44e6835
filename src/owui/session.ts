import { nanoid } from 'nanoid';
import type { Logger } from 'pino';
import { artifactBlock, bootstrapHtml } from './page/bootstrap.js';
import { editorSurface, embedsEvent, type EditorSurface } from './surface.js';
import type { Config } from '../config.js';
import { appError, isExpected, localizeError, toAppError } from '../errors.js';
import { MAX_REFERENCES } from '../catalogue/models.js';
import { editorInit, loadSettings, saveSettings, sendToJob } from '../editor/service.js';
import type { JobEngine } from '../jobs/engine.js';
import type { JobView } from '../jobs/types.js';
import type { FetchExternal } from '../net/external.js';
import type { SettingsStore } from '../settings/store.js';
import type { OpChannel } from './channel.js';
import { deliverResult, resultPlace, type ResultPlace } from './deliver.js';
import { translatePrompt } from './translate.js';
import { translator, type Translator } from '../i18n/t.js';
import { callTiming, EditorRelay, type CallTiming } from './relay.js';
import type { EditorInit } from '../wire/editor.js';
import type { SessionOpen } from './schemas.js';
import type { OwuiEvent } from '../wire/bridge.js';
import { parseJobRequest, type ImageSource, type ReferenceSource } from '../jobs/request.js';
import type { SourceImage } from './sources.js';
import { monotonicMs } from '../util/time.js';
import { serveEditor } from './editor-rpc.js';
import { fluxTarget, owuiOwner } from './flux-target.js';
import { followJob } from './follow.js';
import { pageShows } from './page-check.js';
import { loadChatPictures } from './pictures.js';
import { reportInterrupted } from './recovery.js';

export interface SessionDeps {
  engine: JobEngine;
  config: Config;
  logger: Logger;
  editorBundle: () => Promise<string>;
  fetchExternal: FetchExternal;
  /** The editor settings each Open WebUI user had last time (the artifact frame has no storage of its own). */
  settings: SettingsStore;
}

/** How long the page may take to save its copy of the chat after the action returns. */
const SAVE_WAIT_MS = 15_000;

/**
 * One click on Inpaint in Open WebUI: show the editor in the clicked message, wait for Send, run the job,
 * put the result into the chat. Everything the user should know is said as a status under the message.
 */
export class OwuiSession {
  private readonly nonce = nanoid(20);
  private readonly clicked: { id: string | undefined; content: string };
  private readonly timing: CallTiming;
  private readonly place: ResultPlace;
  private readonly storedChat: boolean;
  private readonly surface: EditorSurface;
  /** The clicked message's own embeds, shown beside the editor and put back when it closes. */
  private readonly embeds: unknown[];
  private editorShown = false;
  private sources: SourceImage[] = [];
  private notice: string | undefined;
  /** Open WebUI's interface language (the page's localStorage.locale). */
  private locale: string | undefined;
  /** Statuses, the editor's notices and the caption speak the page's language (English until it is known). */
  private tr: Translator = translator(undefined);

  constructor(
    private readonly channel: OpChannel,
    private readonly open: SessionOpen,
    private readonly deps: SessionDeps,
  ) {
    // The body holds the page's copy of the clicked message: restoring it must restore what the page shows.
    const messages = open.body.messages;
    const clicked = messages.find((m) => m.id === open.body.id) ?? messages[messages.length - 1];
    this.clicked = { id: clicked?.id, content: typeof clicked?.content === 'string' ? clicked.content : '' };
    this.timing = callTiming(open.owui?.event_call_timeout_s, open.owui?.version);
    this.surface = editorSurface(open.owui?.version);
    this.embeds = open.chat?.messages.find((m) => m.id === this.clicked.id)?.embeds ?? [];
    const chatId = open.body.chat_id;
    // Temporary chats ("local:…") are never stored: only the page holds them.
    this.storedChat = Boolean(open.chat && chatId && !chatId.startsWith('local:'));
    this.place = resultPlace(open.valves.RESULT_MESSAGE, {
      storedChat: this.storedChat,
      canRemove: open.owui?.can_remove_message,
      version: open.owui?.version,
    });
  }

  async run(): Promise<{ ok: boolean; message: string }> {
    const log = this.deps.logger.child({ session: this.channel.session });
    const { maxImageBytes } = this.deps.config.limits;
    // The largest Send: a loaded picture and every reference at the size limit, base64, and the mask.
    const maxMessageBytes = (MAX_REFERENCES + 2) * Math.ceil((maxImageBytes * 4) / 3);
    const relay = new EditorRelay(
      this.channel,
      this.channel.session,
      this.nonce,
      this.deps.editorBundle,
      this.timing,
      maxMessageBytes,
      this.surface === 'artifact' ? this.clicked.id : undefined,
    );
    try {
      // The page's language, before anything is said in it. A page that does not answer is found out later.
      await relay.probe().catch(() => undefined);
      this.locale = relay.locale;
      this.tr = translator(this.locale);
      this.status(this.tr.t('chat.opening'));
      await reportInterrupted({
        channel: this.channel,
        engine: this.deps.engine,
        userId: this.open.user.id,
        chatId: this.open.body.chat_id,
        tr: this.tr,
        append: (text) => {
          this.emit({ type: 'message', data: { content: text } });
          this.clicked.content += text;
        },
        status: (text) => this.status(text),
      });
      const { limits } = this.deps.config;
      const pictures = await loadChatPictures(this.channel, this.open, { ...this.deps, limits }, this.tr);
      this.sources = pictures.sources;
      this.notice = pictures.notice;
      await this.showEditor();
      this.status(this.sources.length ? this.tr.t('chat.paint') : (this.notice ?? ''));
      const ttlMinutes = this.open.valves.SESSION_TTL_MINUTES;
      const outcome = await serveEditor(
        relay,
        {
          init: () => this.editorInit(),
          saveSettings: (params) => saveSettings(this.deps.settings, this.open.user.id, params),
          submit: (params) => this.submit(params),
        },
        monotonicMs() + ttlMinutes * 60_000,
      );
      if (outcome.kind !== 'submitted') {
        const message =
          outcome.kind === 'closed'
            ? this.tr.t('chat.closed')
            : this.tr.t('chat.expired', { duration: this.tr.minutes(ttlMinutes) });
        await this.closeEditor(relay, message);
        this.status(message, true);
        return { ok: true, message };
      }
      // Open WebUI saves its own copy of the chat when the action returns, replacing (before 0.10) or resetting
      // the current message of (0.10+) what the stored chat got meanwhile; and the page may get the action's
      // answer before socket events sent earlier. So the action returns now, and nothing about the result is
      // written until that save has been seen landing in the page (a temporary chat is never saved).
      const chatId = this.storedChat ? (this.open.body.chat_id ?? undefined) : undefined;
      await this.closeEditor(relay, this.tr.t('chat.sent'), chatId);
      this.channel.send({ op: 'detach' });
      if (chatId) {
        const saved = await relay.awaitSave(SAVE_WAIT_MS);
        log.debug({ saved }, 'page saved its copy of the chat');
      }
      const final = await this.follow(outcome.job);
      const reported = await this.deps.engine.reportOnce(final.id, () => this.report(final, outcome.meta));
      if (reported) return reported.value;
      // A second Inpaint click in this chat found the finished job first and is putting it into the chat.
      const message = this.tr.t('chat.reported_elsewhere');
      this.status(message, true);
      return { ok: true, message };
    } catch (err) {
      const e = toAppError(err);
      if (!isExpected(e)) {
        log.error({ err }, 'session failed');
      }
      if (this.editorShown) await this.closeEditor(relay, localizeError(e, this.tr)).catch(() => undefined);
      this.status(this.tr.t('chat.stopped', { error: localizeError(e, this.tr) }), true);
      return { ok: false, message: e.message };
    }
  }

  /** Says how the job ended, and puts its result into the chat. */
  private async report(final: JobView, meta: Record<string, unknown>): Promise<{ ok: boolean; message: string }> {
    if (final.state !== 'done') {
      const message =
        final.state === 'cancelled'
          ? this.tr.t('chat.cancelled')
          : this.tr.t('chat.failed', {
              error: final.error ? localizeError(final.error, this.tr) : this.tr.t('chat.unknown_error'),
            });
      this.status(message, true);
      return { ok: false, message };
    }
    const message = await deliverResult({
      channel: this.channel,
      engine: this.deps.engine,
      job: final,
      clicked: this.clicked,
      model: this.open.body.model,
      meta,
      tr: this.tr,
      place: this.place,
      pageShows: (id) => pageShows(this.channel, this.timing, id),
      emit: (e) => this.emit(e),
    });
    this.status(message, true);
    return { ok: true, message };
  }

  private async editorInit(): Promise<EditorInit> {
    const v = this.open.valves;
    return editorInit({
      mode: 'owui',
      defaults: {
        steps: v.STEPS,
        guidance: v.GUIDANCE,
        safety_tolerance: v.SAFETY_TOLERANCE,
        output_format: v.OUTPUT_FORMAT,
      },
      providers: ['bfl'],
      limits: this.deps.config.limits,
      images: this.sources.map(({ ref, label, preview, width, height }) => ({ ref, label, preview, width, height })),
      ...(this.notice ? { notice: this.notice } : {}),
      locale: this.locale ?? null,
      settings: await loadSettings(this.deps.settings, this.open.user.id, this.deps.logger),
    });
  }

  private async submit(raw: unknown): Promise<{ job: JobView; meta: Record<string, unknown> }> {
    // The same schema and range checks as the jobs API: an out-of-range field is refused here, in words,
    // while the editor is still open, never later as a failed job.
    const req = parseJobRequest(raw);
    const flux = fluxTarget(this.open.valves, this.deps.config);
    const prompt = await this.translate(req.prompt);
    // The valve is the admin's ceiling (sendToJob caps the editor's value at it).
    const input = await sendToJob(
      { ...req, prompt: prompt.english },
      (source, field) => this.imageFor(source, field),
      {
        provider: 'bfl',
        flux,
        owner: owuiOwner(this.open.user.id),
        meta: { chat_id: this.open.body.chat_id, message_id: this.clicked.id, original_prompt: req.prompt },
      },
      this.open.valves.SAFETY_TOLERANCE,
    );
    const job = await this.deps.engine.create(input);
    return { job, meta: { original: req.prompt, english: prompt.english, note: prompt.note } };
  }

  private imageFor(source: ImageSource | ReferenceSource, field: string): Buffer {
    if ('ref' in source) {
      const found = this.sources.find((s) => s.ref === source.ref);
      if (!found) throw appError('image_not_found.gone', { field });
      return found.bytes;
    }
    if ('data' in source) return source.data;
    throw appError('image_not_found.job');
  }

  /** Translates a non-English prompt with the chat's own model; on failure the original is used, and said so. */
  private translate(prompt: string): Promise<{ english: string; note?: string }> {
    return translatePrompt(this.channel, this.open, prompt, this.tr, (status) => this.status(status));
  }

  /** Reports the job's progress under the message until it ends. */
  private follow(jobId: string): Promise<JobView> {
    return followJob(this.deps.engine, jobId, {
      channelSignal: this.channel.signal,
      tr: this.tr,
      status: (text) => this.status(text),
    });
  }

  /**
   * Shows the loader (the editor comes after it, over the page) in the clicked message: as an inline embed
   * where Open WebUI has them, else as an html block its artifact panel opens. Should the session break off,
   * the function puts the message back by itself (`restore`).
   */
  private async showEditor(): Promise<void> {
    const opts = { nonce: this.nonce };
    const event =
      this.surface === 'embed'
        ? embedsEvent([...this.embeds, await bootstrapHtml(opts)])
        : { type: 'message', data: { content: await artifactBlock(opts) } };
    this.channel.send({ op: 'emit', event, restore: this.restoreEvent() });
    this.editorShown = true;
  }

  private async closeEditor(relay: EditorRelay, message: string, watchSave?: string): Promise<void> {
    if (!this.editorShown) return;
    this.editorShown = false;
    this.channel.send({ op: 'emit', event: this.restoreEvent(), restore: null });
    await relay.end(message, watchSave);
  }

  /** The event that puts the clicked message back exactly as it was before the editor came. */
  private restoreEvent(): OwuiEvent {
    return this.surface === 'embed'
      ? embedsEvent(this.embeds)
      : { type: 'replace', data: { content: this.clicked.content } };
  }

  private status(description: string, done = false): void {
    if (!description) return;
    this.emit({ type: 'status', data: { description, done } });
  }

  private emit(event: { type: string; data: unknown }): void {
    this.channel.send({ op: 'emit', event });
  }
}
