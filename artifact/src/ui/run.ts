import { sayError, t } from '../i18n.js';
import { loadPreview, type Source } from '../image/load.js';
import { packMask } from '../image/mask-pack.js';
import {
  TERMINAL_STATES,
  type EditorInit,
  type JobView,
  type SubmitRequest,
  type Transport,
} from '../transport/types.js';
import { type Compare, extension, type JobProgress, stateLabel } from './job.js';
import type { Panel } from './panel.js';
import type { Workspace } from './workspace.js';

export interface RunHost {
  say(message: string, error?: boolean): void;
  setBusy(busy: boolean): void;
  /** Loads a picture into the workspace (a result to edit further). */
  useSource(load: () => Promise<Source>): Promise<void>;
  /** Called just before a request leaves: a setting changed a moment ago must be saved with it. */
  beforeSend(): void;
  /** The job ended: a list of results open meanwhile shows its end too. */
  ended(job: JobView): void;
}

/** One job at a time: sends what the workspace and the panel hold, follows it, and shows its result. */
export class JobRunner {
  private job: { id: string; stop: () => void; before: Blob | undefined; result?: Blob } | undefined;

  constructor(
    private readonly ws: Workspace,
    private readonly panel: Panel,
    private readonly transport: Transport,
    private readonly mode: EditorInit['mode'],
    private readonly progress: JobProgress,
    private readonly compare: Compare,
    private readonly host: RunHost,
  ) {}

  async send(): Promise<void> {
    const ws = this.ws;
    const source = ws.source;
    if (this.panel.send.disabled || !source) return;
    this.host.beforeSend();
    const req: SubmitRequest = {
      model: ws.model,
      prompt: this.panel.prompt.value.trim(),
      image: source.image,
      params: this.panel.params(),
      output_format: this.panel.outputFormat,
    };
    const crop = ws.cropFractions();
    if (crop) req.crop = crop;
    const maskedOnly = this.panel.maskedOnlyActive(ws.maskEmpty());
    const mask = ws.needsMask || maskedOnly ? ws.maskBytes() : undefined;
    if (mask) req.mask = await packMask(mask);
    if (maskedOnly) req.masked_only = true;
    const references = this.panel.references.selected();
    if (references.length) req.references = references;
    const provider = this.panel.selectedProvider;
    if (provider) req.provider = provider;
    this.host.setBusy(true);
    this.compare.hide();
    this.progress.start(t('app.sending'));
    this.host.say('');
    let id: string;
    try {
      id = (await this.transport.submit(req)).id;
    } catch (err) {
      this.progress.hide();
      this.host.setBusy(false);
      this.host.say((err as Error).message, true);
      return;
    }
    if (this.mode === 'owui') {
      this.host.say(t('app.sent_chat'));
      this.progress.start(t('app.sent_chat'));
    }
    const before = await this.beforeImage().catch(() => undefined);
    const stop = this.transport.watch(id, (job) => this.onJob(job));
    this.job = { id, stop, before };
  }

  async cancel(): Promise<void> {
    if (!this.job) return;
    try {
      await this.transport.cancel(this.job.id);
    } catch (err) {
      this.host.say((err as Error).message, true);
    }
  }

  /** The last result becomes the picture to edit. */
  async editResult(): Promise<void> {
    const job = this.job;
    if (!job?.result) return;
    const result = job.result;
    await this.host.useSource(() => loadPreview(result, { job: job.id }, t('app.previous_result')));
  }

  /** A result from the gallery becomes the picture to edit. */
  async editJob(job: JobView): Promise<void> {
    try {
      const blob = await this.transport.result(job.id);
      await this.host.useSource(() => loadPreview(blob, { job: job.id }, t('app.earlier_result')));
    } catch (err) {
      this.host.say((err as Error).message, true);
    }
  }

  private onJob(job: JobView): void {
    this.progress.update(job);
    if (!TERMINAL_STATES.has(job.state)) return;
    this.job?.stop();
    this.host.ended(job);
    if (this.mode === 'owui') return; // the chat shows the result; this editor is about to go away
    this.host.setBusy(false);
    // A failure is said once, in the status line; the progress box goes.
    if (job.state !== 'done') this.progress.hide();
    if (job.state === 'done') void this.showResult(job);
    else
      this.host.say(
        job.error ? sayError(job.error) : t('app.job_ended', { state: stateLabel(job.state) }),
        job.state === 'failed',
      );
  }

  private async showResult(job: JobView): Promise<void> {
    try {
      const blob = await this.transport.result(job.id);
      if (this.job) this.job.result = blob;
      this.compare.show(this.job?.before ?? blob, blob, `flux-${job.id}.${extension(blob)}`);
      this.progress.hide();
      // A note the job carries (the local provider's model could not be used, say) is shown with the result.
      this.host.say(job.warning ? `${t('app.done_compare')} ${sayError(job.warning)}` : t('app.done_compare'));
    } catch (err) {
      this.host.say((err as Error).message, true);
    }
  }

  /** The picture as it was sent (cropped, with the added canvas left empty), for the before/after view. */
  private async beforeImage(): Promise<Blob | undefined> {
    const ws = this.ws;
    const s = ws.source;
    if (!s) return undefined;
    const r = ws.crop.rect ?? { x: 0, y: 0, width: s.preview.width, height: s.preview.height };
    const k = 1 / ws.fullScale();
    const m = ws.addedMargins;
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(r.width + (m.left + m.right) * k);
    canvas.height = Math.round(r.height + (m.top + m.bottom) * k);
    canvas
      .getContext('2d')
      ?.drawImage(
        s.preview,
        r.x,
        r.y,
        r.width,
        r.height,
        Math.round(m.left * k),
        Math.round(m.top * k),
        r.width,
        r.height,
      );
    return new Promise((resolve) => canvas.toBlob((b) => resolve(b ?? undefined), 'image/png'));
  }
}
