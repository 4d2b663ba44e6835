import type { Align } from '../canvas/outpaint.js';
import { fmt, t } from '../i18n.js';
import { loadFile, loadPreview, LoadError, type Source } from '../image/load.js';
import { importMask } from '../image/mask-import.js';
import type { EditorInit, RawMask, Transport } from '../transport/types.js';
import { h, show } from './dom.js';
import { Controls } from './controls.js';
import { helpPopover } from './help.js';
import { bindFileDrop, bindKeys, type DropTarget } from './input.js';
import { Compare, JobProgress } from './job.js';
import { Panel } from './panel.js';
import { JobRunner } from './run.js';
import { RememberedSettings } from './settings.js';
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

/** Wires the workspace, the panel, the remembered settings and the job runner into the editor page. */
export class App {
  private readonly ws: Workspace;
  private readonly panel: Panel;
  private readonly toolbar: Toolbar;
  private readonly controls: Controls;
  private readonly settings: RememberedSettings;
  private readonly runner: JobRunner;
  private readonly status: HTMLElement;
  private readonly compare: Compare;
  private busy = false;

  constructor(
    private readonly root: HTMLElement,
    private readonly transport: Transport,
    private readonly init: EditorInit,
  ) {
    const stageBox = h('div', { class: 'stage' });
    this.ws = new Workspace(stageBox);
    this.ws.onChange = () => this.refresh();
    this.ws.onShapeNews = (news) => this.say(t(`kb.${news}`));
    const canvas = {
      margins: this.ws.margins,
      frame: this.ws.frame,
      preset: (ratio: readonly [number, number], align: Align) => this.ws.setFrameRatio(ratio, align),
    };
    this.panel = new Panel(init, this.ws, canvas, {
      change: () => this.ws.changed(),
      send: () => void this.runner.send(),
      reset: () => this.settings.reset(),
      error: (m) => this.say(m, true),
    });
    const help = helpPopover();
    this.controls = new Controls(init, transport, help, {
      loadFile: (f) => void this.loadFile(f),
      loadMask: (f) => void this.loadMask(f),
      pickImage: (i) => void this.pickImage(i),
      editJob: (job) => void this.runner.editJob(job),
      close: () => void this.close(),
      error: (m) => this.say(m, true),
    });
    this.toolbar = new Toolbar(this.ws, () => this.controls.pickMask());
    this.status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
    const standalone = init.mode === 'standalone';
    const progress = new JobProgress(standalone ? () => void this.runner.cancel() : undefined);
    this.compare = new Compare(standalone ? () => void this.runner.editResult() : undefined, () => {
      this.compare.hide();
      this.say('');
    });
    this.settings = new RememberedSettings(this.ws, this.panel, this.toolbar, transport, (m, e) => this.say(m, e));
    this.runner = new JobRunner(this.ws, this.panel, transport, init.mode, progress, this.compare, {
      say: (m, e) => this.say(m, e),
      setBusy: (busy) => this.setBusy(busy),
      useSource: (load) => this.useSource(load),
      beforeSend: () => this.settings.flush(),
      ended: (job) => this.controls.gallery?.update(job),
    });
    const canvasKeys = h(
      'p',
      { id: 'canvas-keys', class: 'sr-only' },
      `${t('tool.canvas_keys')} ${t('tool.canvas_rect')} ${t('tool.canvas_lasso')}`,
    );
    this.ws.stage.canvas.setAttribute('aria-describedby', 'canvas-keys');
    stageBox.append(this.controls.empty, this.controls.dropZones, this.compare.root, canvasKeys);
    const skip = h('a', { class: 'skip-link', href: '#p-prompt' }, t('app.skip'));
    // Inside Open WebUI's frame a fragment link would navigate the frame: focus moves by hand.
    skip.addEventListener('click', (e) => {
      e.preventDefault();
      this.panel.prompt.focus();
    });
    root.append(skip);
    if (this.controls.gallery) root.append(this.controls.gallery.root);
    root.append(
      this.controls.header,
      h('section', { class: 'tools', 'aria-label': t('tool.tools') }, this.toolbar.root),
      h(
        'main',
        { class: 'main' },
        // The status sits right under the picture, where the eyes are.
        h('div', { class: 'work' }, stageBox, h('div', { class: 'statusbar' }, this.status)),
        h('aside', { class: 'panel', 'aria-label': t('app.panel') }, this.panel.root, progress.root),
      ),
      help.popover,
    );
    bindKeys(this.ws, { send: () => void this.runner.send(), help: () => help.toggle(), update: () => this.refresh() });
    bindFileDrop(root, {
      zones: this.controls.dropZones,
      canMask: () => Boolean(this.ws.source) && this.ws.paints,
      onFile: (f, as: DropTarget) => void (as === 'mask' ? this.loadMask(f) : this.loadFile(f)),
    });
    // Any control the user touches may be a remembered setting.
    root.addEventListener('input', () => this.settings.schedule());
    root.addEventListener('change', () => this.settings.schedule());
    window.__fluxEditor = {
      exportMask: () => this.ws.exportMask(),
      state: () => this.snapshot(),
    };
    transport.onUpload?.((sent, total) => {
      if (sent < total)
        progress.start(t('app.uploading', { percent: fmt().number(sent / total, { style: 'percent' }) }));
    });
    this.settings.start(transport.storedSettings ? transport.storedSettings() : (init.settings ?? null));
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
      settings: this.settings.current(),
    };
  }

  private refresh(): void {
    // Something changed: an error about the state before is no longer true.
    if (this.status.classList.contains('error')) this.say('');
    this.panel.fields.syncMargins(this.ws.margins);
    this.toolbar.update();
    show(this.controls.empty, !this.ws.source);
    this.panel.update({
      hasImage: Boolean(this.ws.source),
      maskEmpty: this.ws.maskEmpty(),
      maskFull: this.ws.paints && this.ws.maskFull(),
      expandEmpty: Object.values(this.ws.margins).every((v) => v === 0),
      frameEmpty: this.ws.frameEmpty,
      busy: this.busy,
    });
    this.settings.schedule();
  }

  private say(message: string, error = false): void {
    this.status.textContent = message;
    this.status.classList.toggle('error', error);
    this.controls.gallery?.say(message, error);
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

  private async close(): Promise<void> {
    this.settings.flush();
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
}
