import { CROP_RATIOS, type CropRatio } from '../../../src/settings/ratios.js';
import { fmt, t } from '../i18n.js';
import { loadFile, loadPreview, LoadError, type Source } from '../image/load.js';
import { importMask } from '../image/mask-import.js';
import { packMask } from '../image/mask-pack.js';
import {
  TERMINAL_STATES,
  type EditorInit,
  type EditorSettings,
  type JobView,
  type RawMask,
  type SubmitRequest,
  type Transport,
} from '../transport/types.js';
import { h, show } from './dom.js';
import { GalleryView } from './gallery.js';
import { helpPopover } from './help.js';
import { bindFileDrop, bindKeys, type DropTarget } from './input.js';
import { Compare, extension, JobProgress, stateLabel } from './job.js';
import { Panel } from './panel.js';
import { Toolbar } from './toolbar.js';
import { Workspace } from './workspace.js';

/** What tests (and curious users in the console) can read. */
export interface EditorHooks {
  exportMask(): RawMask | undefined;
  state(): Record<string, unknown>;
}

declare global {
  interface Window {
    __fluxEditor?: EditorHooks;
  }
}

const OVERLAY = { colour: '#ff2d6f', opacity: 0.5 };
/** Remembered settings are written this long after the last change, so a slider drag is one write. */
const SAVE_DELAY_MS = 500;

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
  private readonly maskInput: HTMLInputElement;
  private readonly help: ReturnType<typeof helpPopover>;
  private busy = false;
  private job: { id: string; stop: () => void; before: Blob | undefined; result?: Blob } | undefined;
  private saveTimer = 0;
  private savedJson: string;

  constructor(
    private readonly root: HTMLElement,
    private readonly transport: Transport,
    private readonly init: EditorInit,
  ) {
    const stageBox = h('div', { class: 'stage' });
    this.ws = new Workspace(stageBox);
    this.ws.onChange = () => this.refresh();
    this.panel = new Panel(init, this.ws.margins, {
      change: () => this.onPanelChange(),
      send: () => void this.send(),
      reset: () => this.reset(),
      error: (m) => this.say(m, true),
    });
    this.toolbar = new Toolbar(this.ws, () => this.maskInput.click());
    this.status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
    const standalone = init.mode === 'standalone';
    this.progress = new JobProgress(standalone ? () => void this.cancel() : undefined);
    this.compare = new Compare(standalone ? () => void this.editResult() : undefined, () => this.compare.hide());
    this.fileInput = fileInput('load-file', (f) => void this.loadFile(f));
    this.maskInput = fileInput('load-mask', (f) => void this.loadMask(f));
    const loadBtn = h(
      'button',
      { type: 'button', class: 'load', onclick: () => this.fileInput.click() },
      t('app.load_image'),
    );
    this.picker = h(
      'select',
      { 'aria-label': t('app.image_picker'), class: 'picker' },
      ...init.images.map((img, i) => h('option', { value: i }, img.label)),
    );
    this.picker.addEventListener('change', () => void this.pickImage(Number(this.picker.value)));
    show(this.picker, init.images.length > 1);
    this.empty = h(
      'div',
      { class: 'empty-state' },
      h('p', {}, t('app.empty')),
      h('button', { type: 'button', class: 'primary', onclick: () => this.fileInput.click() }, t('app.load_image')),
    );
    const dropZones = h(
      'div',
      { class: 'drop-zones', hidden: true },
      h('div', { class: 'drop-zone', 'data-drop': 'picture' }, t('app.drop_picture')),
      h('div', { class: 'drop-zone', 'data-drop': 'mask' }, t('app.drop_mask')),
    );
    stageBox.append(this.empty, dropZones, this.compare.root);
    this.help = helpPopover();

    const headerActions = h('div', { class: 'header-actions' });
    if (transport.gallery) {
      const gallery = new GalleryView(
        transport.gallery,
        transport,
        (job) => void this.editJob(job),
        (m) => this.say(m, true),
      );
      root.append(gallery.root);
      headerActions.append(h('button', { type: 'button', onclick: () => void gallery.open() }, t('app.results')));
    }
    headerActions.append(this.help.button);
    if (transport.close)
      headerActions.append(h('button', { type: 'button', onclick: () => void this.close() }, t('app.close')));

    root.append(
      h(
        'header',
        { class: 'top' },
        h('h1', {}, 'FLUX Inpaint'),
        loadBtn,
        this.fileInput,
        this.maskInput,
        this.picker,
        h('span', { class: 'spacer' }),
        headerActions,
      ),
      this.toolbar.root,
      h(
        'main',
        { class: 'main' },
        stageBox,
        h('aside', { class: 'panel', 'aria-label': t('app.panel') }, this.panel.root, this.progress.root, this.status),
      ),
      this.help.popover,
    );
    bindKeys(this.ws, { send: () => void this.send(), help: () => this.help.toggle(), update: () => this.refresh() });
    bindFileDrop(root, {
      zones: dropZones,
      canMask: () => Boolean(this.ws.source) && this.ws.paints,
      onFile: (f, as: DropTarget) => void (as === 'mask' ? this.loadMask(f) : this.loadFile(f)),
    });
    // Any control the user touches may be a remembered setting.
    root.addEventListener('input', () => this.scheduleSave());
    root.addEventListener('change', () => this.scheduleSave());
    window.__fluxEditor = {
      exportMask: () => this.ws.exportMask(),
      state: () => this.snapshot(),
    };
    transport.onUpload?.((sent, total) => {
      if (sent < total)
        this.progress.start(t('app.uploading', { percent: fmt().number(sent / total, { style: 'percent' }) }));
    });
    const remembered = transport.storedSettings ? transport.storedSettings() : (init.settings ?? null);
    this.applySettings(remembered ?? {});
    this.savedJson = JSON.stringify(this.currentSettings());
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
      overlay: { colour: ws.overlayColour, opacity: ws.overlayOpacity },
      image: ws.source
        ? {
            width: ws.source.preview.width,
            height: ws.source.preview.height,
            fullWidth: ws.source.fullWidth,
            fullHeight: ws.source.fullHeight,
          }
        : null,
      crop: ws.cropFractions() ?? null,
      margins: { ...ws.margins },
      maskEmpty: ws.maskEmpty(),
      history: ws.history.stats,
      view: { scale: ws.stage.view.scale, x: ws.stage.view.x, y: ws.stage.view.y },
      sendEnabled: !this.panel.send.disabled,
      busy: this.busy,
      settings: this.currentSettings(),
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
      expandEmpty: Object.values(this.ws.margins).every((v) => v === 0),
      busy: this.busy,
    });
    this.scheduleSave();
  }

  /**
   * Everything the editor remembers: the tools' settings where they differ from the defaults (so `{}` means
   * "all defaults"), never the prompt or the picture.
   */
  private currentSettings(): EditorSettings {
    const ws = this.ws;
    const s: EditorSettings = this.panel.remembered();
    if (ws.preferredBrushSize !== undefined) s.brush_size = ws.preferredBrushSize;
    if (ws.hardness !== 1) s.brush_hardness = ws.hardness;
    if (ws.overlayColour !== OVERLAY.colour) s.overlay_colour = ws.overlayColour;
    if (ws.overlayOpacity !== OVERLAY.opacity) s.overlay_opacity = ws.overlayOpacity;
    if (this.toolbar.cropRatio !== 'free') s.crop_ratio = this.toolbar.cropRatio;
    return s;
  }

  /**
   * Sets every remembered control; whatever `s` lacks (or holds in a shape the editor no longer knows, e.g. a
   * hand-edited localStorage) gets the default: the valves' first, then the built-in one.
   */
  private applySettings(s: EditorSettings): void {
    const ws = this.ws;
    this.panel.apply(s);
    if (typeof s.brush_size === 'number' && s.brush_size >= 1) ws.setBrushSize(Math.round(s.brush_size));
    else ws.forgetBrushSize();
    ws.hardness = typeof s.brush_hardness === 'number' ? Math.min(1, Math.max(0, s.brush_hardness)) : 1;
    const colour =
      typeof s.overlay_colour === 'string' && /^#[0-9a-f]{6}$/i.test(s.overlay_colour)
        ? s.overlay_colour
        : OVERLAY.colour;
    const opacity =
      typeof s.overlay_opacity === 'number' ? Math.min(1, Math.max(0.1, s.overlay_opacity)) : OVERLAY.opacity;
    const ratio: CropRatio = CROP_RATIOS.includes(s.crop_ratio as CropRatio) ? (s.crop_ratio as CropRatio) : 'free';
    this.toolbar.apply({ colour, opacity, ratio });
    this.onPanelChange();
  }

  private reset(): void {
    this.applySettings({});
    clearTimeout(this.saveTimer);
    this.savedJson = JSON.stringify(this.currentSettings());
    this.say(t('panel.reset_done'));
    this.transport
      .saveSettings({})
      .catch((err: unknown) => this.say(t('net.settings_not_saved', { error: (err as Error).message }), true));
  }

  private scheduleSave(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = window.setTimeout(() => void this.persist(), SAVE_DELAY_MS);
  }

  private flushSave(): void {
    clearTimeout(this.saveTimer);
    void this.persist();
  }

  private async persist(): Promise<void> {
    const settings = this.currentSettings();
    const json = JSON.stringify(settings);
    if (json === this.savedJson) return;
    this.savedJson = json;
    try {
      await this.transport.saveSettings(settings);
    } catch (err) {
      this.savedJson = '';
      this.say(t('net.settings_not_saved', { error: (err as Error).message }), true);
    }
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
    await this.useSource(() => loadFile(file, file.name || t('app.pasted_image'), this.init.limits));
  }

  private async loadMask(file: File): Promise<void> {
    const ws = this.ws;
    const mask = ws.mask;
    if (!ws.source || !mask) return this.say(t('mask.needs_image'), true);
    if (!ws.paints) return this.say(t('mask.not_for_model'), true);
    try {
      const m = await importMask(file, file.name, this.init.limits.maxImageBytes, mask.width, mask.height);
      ws.importMask(m.values);
      const vars = { name: file.name, width: String(m.sourceWidth), height: String(m.sourceHeight) };
      this.say(m.stretched ? t('mask.loaded_stretched', vars) : t('mask.loaded', vars));
    } catch (err) {
      this.say(err instanceof LoadError ? err.message : t('app.load_failed', { error: (err as Error).message }), true);
    }
  }

  private async useSource(load: () => Promise<Source>): Promise<void> {
    if (this.busy) return this.say(t('app.wait_for_job'), true);
    try {
      const source = await load();
      this.compare.hide();
      this.ws.setSource(source);
      // Pixel sizes read as written ("1200 × 900"), not as grouped amounts ("1,200").
      this.say(
        t('app.image_size', {
          label: source.label,
          width: String(source.fullWidth),
          height: String(source.fullHeight),
        }),
      );
    } catch (err) {
      this.say(err instanceof LoadError ? err.message : t('app.load_failed', { error: (err as Error).message }), true);
    }
  }

  private async send(): Promise<void> {
    if (this.panel.send.disabled || !this.ws.source) return;
    // Inside Open WebUI the editor goes away after Send: a change of the last half second is saved now.
    this.flushSave();
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
    const maskedOnly = this.panel.maskedOnlyActive(ws.maskEmpty());
    const mask = ws.needsMask || maskedOnly ? ws.maskBytes() : undefined;
    if (mask) req.mask = await packMask(mask);
    if (maskedOnly) req.masked_only = true;
    const references = this.panel.references.selected();
    if (references.length) req.references = references;
    const provider = this.panel.selectedProvider;
    if (provider) req.provider = provider;
    this.setBusy(true);
    this.compare.hide();
    this.progress.start(t('app.sending'));
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
      this.say(t('app.sent_chat'));
      this.progress.start(t('app.sent_chat'));
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
    else this.say(job.error?.message ?? t('app.job_ended', { state: stateLabel(job.state) }), job.state === 'failed');
  }

  private async showResult(job: JobView): Promise<void> {
    try {
      const blob = await this.transport.result(job.id);
      if (this.job) this.job.result = blob;
      this.compare.show(this.job?.before ?? blob, blob, `flux-${job.id}.${extension(blob)}`);
      this.progress.hide();
      // A note the job carries (the local provider's model could not be used, say) is shown with the result.
      this.say(job.warning ? `${t('app.done_compare')} ${job.warning}` : t('app.done_compare'));
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
    await this.useSource(() => loadPreview(result, { job: job.id }, t('app.previous_result')));
  }

  private async editJob(job: JobView): Promise<void> {
    try {
      const blob = await this.transport.result(job.id);
      await this.useSource(() => loadPreview(blob, { job: job.id }, t('app.earlier_result')));
    } catch (err) {
      this.say((err as Error).message, true);
    }
  }

  private async close(): Promise<void> {
    this.flushSave();
    try {
      await this.transport.close?.();
      this.root.replaceChildren(h('p', { class: 'closed' }, t('app.closed')));
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

function fileInput(id: string, onFile: (f: File) => void): HTMLInputElement {
  const input = h('input', {
    type: 'file',
    accept: 'image/png,image/jpeg,image/webp',
    class: 'sr-only',
    id,
    tabindex: -1,
  });
  input.addEventListener('change', () => {
    const f = input.files?.[0];
    if (f) onFile(f);
    input.value = '';
  });
  return input;
}
