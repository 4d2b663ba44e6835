import { loadFile, loadPreview, LoadError, type Source } from '../image/load.js';
import { TERMINAL_STATES, type EditorInit, type JobView, type SubmitRequest, type Transport } from '../transport/types.js';
import { h, show } from './dom.js';
import { GalleryView } from './gallery.js';
import { helpPopover } from './help.js';
import { bindFileDrop, bindKeys } from './input.js';
import { Compare, JobProgress } from './job.js';
import { Panel } from './panel.js';
import { Toolbar } from './toolbar.js';
import { Workspace } from './workspace.js';

/** What tests (and curious users in the console) can read; see artifact/README section in the docs. */
export interface EditorHooks {
  exportMask(): Promise<string | undefined>;
  state(): Record<string, unknown>;
}

declare global {
  interface Window {
    __fluxEditor?: EditorHooks;
  }
}

/** Wires the workspace, the panel and the transport into the editor page. */
export class App {
  private readonly ws: Workspace;
  private readonly panel: Panel;
  private readonly toolbar: Toolbar;
  private readonly status: HTMLElement;
  private readonly progress: JobProgress;
  private readonly compare: Compare;
  private readonly empty: HTMLElement;
  private readonly picker: HTMLSelectElement;
  private readonly fileInput: HTMLInputElement;
  private readonly help: ReturnType<typeof helpPopover>;
  private busy = false;
  private job: { id: string; stop: () => void; before: Blob | undefined; result?: Blob } | undefined;

  constructor(
    private readonly root: HTMLElement,
    private readonly transport: Transport,
    private readonly init: EditorInit,
  ) {
    const stageBox = h('div', { class: 'stage' });
    this.ws = new Workspace(stageBox);
    this.ws.onChange = () => this.refresh();
    this.panel = new Panel(init, this.ws.margins, () => this.onPanelChange(), () => void this.send());
    this.toolbar = new Toolbar(this.ws);
    this.status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
    const standalone = init.mode === 'standalone';
    this.progress = new JobProgress(standalone ? () => void this.cancel() : undefined);
    this.compare = new Compare(standalone ? () => void this.editResult() : undefined, () => this.compare.hide());
    this.fileInput = h('input', { type: 'file', accept: 'image/png,image/jpeg,image/webp', class: 'sr-only', id: 'load-file', tabindex: -1 });
    this.fileInput.addEventListener('change', () => {
      const f = this.fileInput.files?.[0];
      if (f) void this.loadFile(f);
      this.fileInput.value = '';
    });
    const loadBtn = h('button', { type: 'button', class: 'load', onclick: () => this.fileInput.click() }, 'Load image…');
    this.picker = h('select', { 'aria-label': 'Image to edit', class: 'picker' }, ...init.images.map((img, i) => h('option', { value: i }, img.label)));
    this.picker.addEventListener('change', () => void this.pickImage(Number(this.picker.value)));
    show(this.picker, init.images.length > 1);
    this.empty = h(
      'div',
      { class: 'empty-state' },
      h('p', {}, 'Load an image to start: the button below, drag and drop, or paste (Ctrl+V).'),
      h('button', { type: 'button', class: 'primary', onclick: () => this.fileInput.click() }, 'Load image…'),
    );
    stageBox.append(this.empty, this.compare.root);
    this.help = helpPopover();

    const headerActions = h('div', { class: 'header-actions' });
    if (transport.gallery) {
      const gallery = new GalleryView(transport.gallery, transport, (job) => void this.editJob(job), (m) => this.say(m, true));
      root.append(gallery.root);
      headerActions.append(h('button', { type: 'button', onclick: () => void gallery.open() }, 'Results'));
    }
    headerActions.append(this.help.button);
    if (transport.close) headerActions.append(h('button', { type: 'button', onclick: () => void this.close() }, 'Close'));

    root.append(
      h('header', { class: 'top' }, h('h1', {}, 'FLUX Inpaint'), loadBtn, this.fileInput, this.picker, h('span', { class: 'spacer' }), headerActions),
      this.toolbar.root,
      h('main', { class: 'main' }, stageBox, h('aside', { class: 'panel', 'aria-label': 'Prompt and settings' }, this.panel.root, this.progress.root, this.status)),
      this.help.popover,
    );
    bindKeys(this.ws, { send: () => void this.send(), help: () => this.help.toggle(), update: () => this.refresh() });
    bindFileDrop(root, (f) => void this.loadFile(f));
    window.__fluxEditor = {
      exportMask: () => this.ws.exportMask(),
      state: () => this.snapshot(),
    };
    this.onPanelChange();
    if (init.notice) this.say(init.notice);
    if (init.images.length) void this.pickImage(0);
  }

  private snapshot(): Record<string, unknown> {
    const ws = this.ws;
    return {
      model: ws.model,
      tool: ws.tool,
      brushSize: ws.brushSize,
      hardness: ws.hardness,
      image: ws.source ? { width: ws.source.preview.width, height: ws.source.preview.height, fullWidth: ws.source.fullWidth, fullHeight: ws.source.fullHeight } : null,
      crop: ws.cropFractions() ?? null,
      margins: { ...ws.margins },
      maskEmpty: ws.maskEmpty(),
      history: ws.history.stats,
      view: { scale: ws.stage.view.scale, x: ws.stage.view.x, y: ws.stage.view.y },
      sendEnabled: !this.panel.send.disabled,
      busy: this.busy,
    };
  }

  private onPanelChange(): void {
    if (this.panel.selectedModel !== this.ws.model) this.ws.setModel(this.panel.selectedModel);
    this.panel.fields.syncMargins(this.ws.margins);
    this.ws.changed();
  }

  private refresh(): void {
    this.panel.fields.syncMargins(this.ws.margins);
    this.toolbar.update();
    show(this.empty, !this.ws.source);
    this.panel.update({
      hasImage: Boolean(this.ws.source),
      maskEmpty: this.ws.maskEmpty(),
      needsMask: this.ws.needsMask,
      expandEmpty: Object.values(this.ws.margins).every((v) => v === 0),
      busy: this.busy,
    });
  }

  private say(message: string, error = false): void {
    this.status.textContent = message;
    this.status.classList.toggle('error', error);
  }

  private async pickImage(index: number): Promise<void> {
    const img = this.init.images[index];
    if (!img) return;
    await this.useSource(() => loadPreview(img.preview, { ref: img.ref }, img.label, img));
  }

  private async loadFile(file: File): Promise<void> {
    await this.useSource(() => loadFile(file, file.name || 'The pasted image', this.init.limits));
  }

  private async useSource(load: () => Promise<Source>): Promise<void> {
    if (this.busy) return this.say('Wait until the current job has finished.', true);
    try {
      const source = await load();
      this.compare.hide();
      this.ws.setSource(source);
      this.say(`${source.label}: ${source.fullWidth} × ${source.fullHeight}`);
    } catch (err) {
      this.say(err instanceof LoadError ? err.message : `The image could not be loaded: ${(err as Error).message}`, true);
    }
  }

  private async send(): Promise<void> {
    if (this.panel.send.disabled || !this.ws.source) return;
    const ws = this.ws;
    const source = ws.source!;
    const req: SubmitRequest = {
      model: ws.model,
      prompt: this.panel.prompt.value.trim(),
      image: source.image,
      params: this.panel.params(),
      output_format: this.panel.outputFormat,
    };
    const crop = ws.cropFractions();
    if (crop) req.crop = crop;
    if (ws.needsMask) req.mask = await ws.exportMask();
    const provider = this.panel.selectedProvider;
    if (provider) req.provider = provider;
    this.setBusy(true);
    this.compare.hide();
    this.progress.start('Sending…');
    this.say('');
    let id: string;
    try {
      id = (await this.transport.submit(req)).id;
    } catch (err) {
      this.progress.hide();
      this.setBusy(false);
      this.say((err as Error).message, true);
      return;
    }
    if (this.init.mode === 'owui') {
      this.say('Sent — the result will appear in the chat.');
      this.progress.start('Sent — the result will appear in the chat.');
    }
    const before = await this.beforeImage().catch(() => undefined);
    const stop = this.transport.watch(id, (job) => this.onJob(job));
    this.job = { id, stop, before };
  }

  private onJob(job: JobView): void {
    this.progress.update(job);
    if (!TERMINAL_STATES.has(job.state)) return;
    this.job?.stop();
    if (this.init.mode === 'owui') return; // the chat shows the result; this editor is about to go away
    this.setBusy(false);
    if (job.state === 'done') void this.showResult(job);
    else this.say(job.error?.message ?? `The job was ${job.state}.`, job.state === 'failed');
  }

  private async showResult(job: JobView): Promise<void> {
    try {
      const blob = await this.transport.result(job.id);
      if (this.job) this.job.result = blob;
      const ext = blob.type === 'image/png' ? 'png' : 'jpg';
      this.compare.show(this.job?.before ?? blob, blob, `flux-${job.id}.${ext}`);
      this.progress.hide();
      this.say('Done. Drag the slider to compare.');
    } catch (err) {
      this.say((err as Error).message, true);
    }
  }

  private async cancel(): Promise<void> {
    if (!this.job) return;
    try {
      await this.transport.cancel(this.job.id);
    } catch (err) {
      this.say((err as Error).message, true);
    }
  }

  private async editResult(): Promise<void> {
    const job = this.job;
    if (!job?.result) return;
    const result = job.result;
    await this.useSource(() => loadPreview(result, { job: job.id }, 'Previous result'));
  }

  private async editJob(job: JobView): Promise<void> {
    try {
      const blob = await this.transport.result(job.id);
      await this.useSource(() => loadPreview(blob, { job: job.id }, 'Earlier result'));
    } catch (err) {
      this.say((err as Error).message, true);
    }
  }

  private async close(): Promise<void> {
    try {
      await this.transport.close?.();
      this.root.replaceChildren(h('p', { class: 'closed' }, 'Inpaint closed without sending.'));
    } catch (err) {
      this.say((err as Error).message, true);
    }
  }

  private setBusy(busy: boolean): void {
    this.busy = busy;
    this.root.classList.toggle('busy', busy);
    this.refresh();
  }

  /** The picture as it was sent (cropped, with the expand margins left empty), for the before/after view. */
  private async beforeImage(): Promise<Blob | undefined> {
    const ws = this.ws;
    const s = ws.source;
    if (!s) return undefined;
    const r = ws.crop.rect ?? { x: 0, y: 0, width: s.preview.width, height: s.preview.height };
    const k = 1 / ws.fullScale();
    const m = ws.model === 'expand' ? ws.margins : { top: 0, bottom: 0, left: 0, right: 0 };
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(r.width + (m.left + m.right) * k);
    canvas.height = Math.round(r.height + (m.top + m.bottom) * k);
    canvas.getContext('2d')?.drawImage(s.preview, r.x, r.y, r.width, r.height, Math.round(m.left * k), Math.round(m.top * k), r.width, r.height);
    return new Promise((resolve) => canvas.toBlob((b) => resolve(b ?? undefined), 'image/png'));
  }
}
