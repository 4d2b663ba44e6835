import { nanoid } from 'nanoid';
import type { Logger } from 'pino';
import { artifactBlock, bootstrapHtml } from './page/bootstrap.js';
import { editorSurface, embedsEvent, type EditorSurface } from './surface.js';
import type { Config } from '../config.js';
import { AppError, isExpected, localizeError, toAppError } from '../errors.js';
import { MAX_PROMPT_CHARS, MODEL_INFO, MODELS } from '../providers/bfl/ranges.js';
import type { JobEngine } from '../jobs/engine.js';
import type { JobView } from '../jobs/types.js';
import type { FetchExternal } from '../net/external.js';
import type { SettingsStore } from '../settings/store.js';
import type { OpChannel } from './channel.js';
import { deliverResult, resultPlace, saveResult, type ResultPlace } from './deliver.js';
import { shownCheckCode } from './page/host.js';
import { findImages, type ChatMessage } from './images.js';
import { cleanTranslation, needsTranslation, TRANSLATION_SYSTEM_PROMPT } from './language.js';
import { translator, type Translator } from '../i18n/t.js';
import { describeProgress } from './progress.js';
import { callTiming, EditorRelay, type CallTiming, type EditorMessage } from './relay.js';
import type { EditorInit } from '../protocol/editor.js';
import type { SessionOpen } from './schemas.js';
import type { OwuiEvent } from '../protocol/bridge.js';
import {
  MAX_REFERENCES,
  parseJobRequest,
  toCreateJobInput,
  type ImageSource,
  type ReferenceSource,
} from '../jobs/request.js';
import { channelLoader, loadSources, type SourceImage } from './sources.js';
import { monotonicMs } from '../util/time.js';

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
/** How long the page gets to show a new message after `chat:reload`. */
const SHOWN_CHECK_MS = 4_000;

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
      await this.reportInterrupted();
      await this.loadImages();
      await this.showEditor();
      this.status(this.sources.length ? this.tr.t('chat.paint') : (this.notice ?? ''));
      const outcome = await this.editorLoop(relay);
      if (outcome.kind !== 'submitted') {
        await this.closeEditor(relay, outcome.message);
        this.status(outcome.message, true);
        return { ok: true, message: outcome.message };
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
      pageShows: (id) => this.pageShows(id),
      emit: (e) => this.emit(e),
    });
    this.status(message, true);
    return { ok: true, message };
  }

  /**
   * Jobs of this chat that ended while no function was listening (the sidecar restarted, or Open WebUI did):
   * their results are put into the clicked message now, and failures are said.
   */
  private async reportInterrupted(): Promise<void> {
    const chat = this.open.body.chat_id;
    if (!chat) return;
    const { engine } = this.deps;
    for (const view of engine.list({ owner: `owui:${this.open.user.id}`, limit: 500 }).reverse()) {
      const meta = engine.get(view.id)?.meta ?? {};
      if (meta.chat_id !== chat || meta.reported || (view.state !== 'done' && view.state !== 'failed')) continue;
      // Claimed first: the click that ran the job may be delivering it right now.
      await engine.reportOnce(view.id, async () => {
        if (view.state === 'done') {
          const text = await saveResult({
            channel: this.channel,
            engine,
            job: view,
            tr: this.tr,
            meta: { original: meta.original_prompt, english: view.prompt },
          });
          const addition = `\n\n${text}`;
          this.emit({ type: 'message', data: { content: addition } });
          this.clicked.content += addition;
          this.status(this.tr.t('chat.recovered'));
        } else {
          this.status(
            this.tr.t('chat.recovery_failed', {
              error: view.error ? localizeError(view.error, this.tr) : this.tr.t('chat.unknown_error'),
            }),
          );
        }
      });
    }
  }

  private async loadImages(): Promise<void> {
    // The stored chat has the messages' `files` (the action body never does); without it, the body's text.
    const messages: ChatMessage[] = this.open.chat?.messages ?? this.open.body.messages;
    const found = findImages(messages, this.open.body.id ?? undefined);
    const loader = channelLoader(this.channel, (url) => this.deps.fetchExternal(url, this.channel.signal));
    const { sources, failures } = await loadSources(found, loader, this.deps.config.limits);
    this.sources = sources;
    if (!found.length) this.notice = this.tr.t('chat.no_image');
    else if (!sources.length) this.notice = this.tr.t('chat.image_unreadable', { reason: failures[0] ?? '' });
  }

  /** Serves the editor until it sends, closes, or the session's time runs out. */
  private async editorLoop(
    relay: EditorRelay,
  ): Promise<
    { kind: 'submitted'; job: string; meta: Record<string, unknown> } | { kind: 'closed' | 'expired'; message: string }
  > {
    const ttlMs = this.open.valves.SESSION_TTL_MINUTES * 60_000;
    const deadline = monotonicMs() + ttlMs;
    while (monotonicMs() < deadline) {
      const messages = await relay.exchange(deadline - monotonicMs());
      for (const m of messages) {
        const outcome = await this.handleEditorMessage(relay, m);
        if (outcome) return outcome;
      }
    }
    return {
      kind: 'expired',
      message: this.tr.t('chat.expired', { duration: this.tr.minutes(this.open.valves.SESSION_TTL_MINUTES) }),
    };
  }

  private async handleEditorMessage(
    relay: EditorRelay,
    m: EditorMessage,
  ): Promise<
    { kind: 'submitted'; job: string; meta: Record<string, unknown> } | { kind: 'closed'; message: string } | undefined
  > {
    if (m.type !== 'request') return undefined;
    const rid = m.rid;
    const respond = (value: unknown) => relay.post({ type: 'response', rid, ok: true, value });
    const fail = (e: AppError) => relay.post({ type: 'response', rid, ok: false, error: e.toJSON() });
    try {
      switch (m.method) {
        case 'init':
          respond(await this.editorInit());
          return undefined;
        case 'save_settings': {
          const params = m.params as { settings?: unknown } | undefined;
          await this.deps.settings.put(this.open.user.id, params?.settings);
          respond(null);
          return undefined;
        }
        case 'submit': {
          const { job, meta } = await this.submit(m.params);
          respond({ id: job.id });
          relay.post({ type: 'job', job });
          return { kind: 'submitted', job: job.id, meta };
        }
        case 'cancel':
          respond(null);
          return { kind: 'closed', message: this.tr.t('chat.closed') };
        default:
          fail(new AppError('unknown_method', `The sidecar does not know "${String(m.method)}".`));
          return undefined;
      }
    } catch (err) {
      fail(toAppError(err));
      return undefined;
    }
  }

  private async editorInit(): Promise<EditorInit> {
    const v = this.open.valves;
    // Remembered settings are a convenience: an unreadable store opens the editor with the defaults.
    const settings = await this.deps.settings.get(this.open.user.id).catch((err: unknown) => {
      this.deps.logger.warn({ err }, 'editor settings unreadable');
      return null;
    });
    return {
      settings,
      mode: 'owui',
      locale: this.locale ?? null,
      models: [...MODELS],
      images: this.sources.map((s) => ({
        ref: s.ref,
        label: s.label,
        preview: s.preview,
        width: s.width,
        height: s.height,
      })),
      ...(this.notice ? { notice: this.notice } : {}),
      defaults: {
        steps: v.STEPS,
        guidance: v.GUIDANCE,
        safety_tolerance: v.SAFETY_TOLERANCE,
        output_format: v.OUTPUT_FORMAT,
      },
      ceilings: { safety_tolerance: v.SAFETY_TOLERANCE },
      providers: ['bfl'],
      provider: 'bfl',
      limits: {
        maxImageBytes: this.deps.config.limits.maxImageBytes,
        maxImagePixels: this.deps.config.limits.maxImagePixels,
        maxPromptChars: MAX_PROMPT_CHARS,
      },
    };
  }

  private async submit(raw: unknown): Promise<{ job: JobView; meta: Record<string, unknown> }> {
    // The same schema and range checks as the jobs API: an out-of-range field is refused here, in words,
    // while the editor is still open, never later as a failed job.
    const req = parseJobRequest(raw);
    const v = this.open.valves;
    // An empty valve means the sidecar's own key, as the valve's description promises.
    const apiKey = v.FLUX_API_KEY || this.deps.config.flux.apiKey;
    if (!apiKey) {
      throw new AppError('flux_key_missing');
    }
    const prompt = await this.translate(req.prompt);
    // The valve is the admin's ceiling: the editor's value may be stricter, never more permissive. Models
    // that stop lower (FLUX.2: 5) get their own maximum.
    const ceiling = Math.min(v.SAFETY_TOLERANCE, MODEL_INFO[req.model].maxSafetyTolerance);
    const asked = req.params.safety_tolerance;
    const safety = typeof asked === 'number' ? Math.min(asked, ceiling) : ceiling;
    const polling = { intervalMs: v.POLL_INTERVAL * 1000, maxAttempts: v.MAX_POLL_ATTEMPTS };
    const input = await toCreateJobInput(
      { ...req, prompt: prompt.english, params: { ...req.params, safety_tolerance: safety } },
      (source, field) => this.imageFor(source, field),
      {
        provider: 'bfl',
        flux: { apiUrl: v.FLUX_API_URL.replace(/\/+$/, ''), apiKey, polling },
        owner: `owui:${this.open.user.id}`,
        meta: { chat_id: this.open.body.chat_id, message_id: this.clicked.id, original_prompt: req.prompt },
      },
    );
    const job = await this.deps.engine.create(input);
    return { job, meta: { original: req.prompt, english: prompt.english, note: prompt.note } };
  }

  private imageFor(source: ImageSource | ReferenceSource, field: string): Buffer {
    if ('ref' in source) {
      const found = this.sources.find((s) => s.ref === source.ref);
      if (!found)
        throw new AppError('image_not_found', `${field}: that picture is no longer available: reload the editor.`);
      return found.bytes;
    }
    if ('data' in source) return source.data;
    throw new AppError('image_not_found', 'Editing a previous result works in the chat by clicking Inpaint under it.');
  }

  /** Translates a non-English prompt with the chat's own model; on failure the original is used, and said so. */
  private async translate(prompt: string): Promise<{ english: string; note?: string }> {
    const v = this.open.valves;
    if (!needsTranslation(prompt, v.TRANSLATE_PROMPTS)) return { english: prompt };
    // Open WebUI cannot call a direct connection from a function: only TRANSLATION_MODEL can translate then.
    const direct = this.open.owui?.model_direct === true;
    const model = v.TRANSLATION_MODEL || (direct ? undefined : this.open.body.model);
    if (!model) {
      const why = this.tr.t(direct ? 'chat.not_translated_direct' : 'chat.not_translated_no_model');
      this.status(why);
      return { english: prompt, note: why };
    }
    this.status(this.tr.t('chat.translating'));
    try {
      const reply = await this.channel.request(
        {
          op: 'complete',
          model,
          messages: [
            { role: 'system', content: TRANSLATION_SYSTEM_PROMPT },
            { role: 'user', content: prompt },
          ],
        },
        120_000,
      );
      const english = cleanTranslation(String(reply.text ?? ''), MAX_PROMPT_CHARS);
      if (!english) throw new AppError('translation_empty', 'the model gave no usable translation');
      return { english };
    } catch (err) {
      const why = toAppError(err).message;
      const note = this.tr.t('chat.translation_failed', { reason: why });
      this.status(note);
      return { english: prompt, note };
    }
  }

  /** Reports the job's progress under the message until it ends. */
  private async follow(jobId: string): Promise<JobView> {
    let last = '';
    let lastAt = Number.NEGATIVE_INFINITY;
    let final: JobView | undefined;
    for await (const view of this.deps.engine.watch(jobId, this.channel.signal)) {
      final = view;
      const text = describeProgress(view, this.tr);
      const now = monotonicMs();
      // At most one status a second: Open WebUI stores each one in the message's status history.
      if (text !== last && (now - lastAt >= 1_000 || view.state !== 'running')) {
        this.status(text);
        last = text;
        lastAt = now;
      }
    }
    // The stream closed (the sidecar is stopping): the job goes on and is reported at the next contact.
    this.channel.signal.throwIfAborted();
    return final ?? this.deps.engine.view(jobId);
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

  /** Whether the open page shows a message; undefined when no page answers (the stored chat is what counts then). */
  private async pageShows(messageId: string): Promise<boolean | undefined> {
    const probe = nanoid(8);
    const waitMs = Math.min(SHOWN_CHECK_MS, this.timing.sliceMs);
    try {
      const reply = await this.channel.request(
        {
          op: 'call',
          event: { type: 'execute', data: { code: await shownCheckCode(messageId, probe, waitMs) } },
          timeout_ms: this.timing.callTimeoutMs,
        },
        this.timing.callTimeoutMs + 5_000,
      );
      const value = reply.value as { shown?: unknown; probe?: unknown } | null | undefined;
      if (!value || value.probe !== probe) return undefined;
      return value.shown === true;
    } catch {
      return undefined;
    }
  }

  private status(description: string, done = false): void {
    if (!description) return;
    this.emit({ type: 'status', data: { description, done } });
  }

  private emit(event: { type: string; data: unknown }): void {
    this.channel.send({ op: 'emit', event });
  }
}
