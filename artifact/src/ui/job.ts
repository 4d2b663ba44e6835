import { fmt, sayError, t } from '../i18n.js';
import type { JobState, JobView } from '../transport/types.js';
import { h, show } from './dom.js';

/** FLUX 3's status while it plans the edit, before it generates: shown in words of its own. */
const REASONING = 'Reasoning';

/** The job's state in the editor's language (the sidecar's own status text is English). */
export function stateLabel(state: JobState): string {
  return t(`job.${state}`);
}

const TEXT_INPUTS = new Set(['text', 'number', 'password', 'search', 'email', 'url']);

/** A key typed into a field is text, not a shortcut. */
export function typingIn(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable ||
      target.tagName === 'TEXTAREA' ||
      target.tagName === 'SELECT' ||
      (target instanceof HTMLInputElement && TEXT_INPUTS.has(target.type)))
  );
}

/** File name extension for a result. */
export function extension(blob: Blob): string {
  return ({ 'image/png': 'png', 'image/webp': 'webp' } as Record<string, string>)[blob.type] ?? 'jpg';
}

/** Status, progress bar and elapsed time of the running job, with Cancel when the transport can cancel. */
export class JobProgress {
  readonly root: HTMLElement;
  private readonly status: HTMLElement;
  private readonly bar: HTMLProgressElement;
  private readonly elapsed: HTMLElement;
  private readonly cancelBtn: HTMLButtonElement;
  private timer = 0;
  private base = { ms: 0, at: 0 };

  constructor(onCancel: (() => void) | undefined) {
    this.status = h('span', { class: 'job-status', role: 'status' });
    this.elapsed = h('span', { class: 'job-elapsed' });
    this.bar = h('progress', { max: 1, 'aria-label': t('job.progress') });
    this.cancelBtn = h('button', { type: 'button', onclick: () => onCancel?.() }, t('job.cancel'));
    show(this.cancelBtn, Boolean(onCancel));
    this.root = h(
      'div',
      { class: 'job', hidden: true },
      h('div', { class: 'job-line' }, this.status, this.elapsed),
      this.bar,
      this.cancelBtn,
    );
  }

  start(message: string): void {
    show(this.root, true);
    this.status.textContent = message;
    this.bar.removeAttribute('value');
    this.cancelBtn.disabled = false;
    this.base = { ms: 0, at: performance.now() };
    clearInterval(this.timer);
    this.timer = window.setInterval(() => this.tick(), 500);
    this.tick();
  }

  update(job: JobView): void {
    this.status.textContent = job.error
      ? t('job.failed_with', { status: stateLabel(job.state), message: sayError(job.error) })
      : job.state === 'running' && job.status === REASONING
        ? t('job.reasoning')
        : stateLabel(job.state);
    if (job.progress === null) this.bar.removeAttribute('value');
    else this.bar.value = job.progress;
    this.base = { ms: job.elapsed_ms, at: performance.now() };
    if (['done', 'failed', 'cancelled'].includes(job.state)) this.stop(job.state === 'done');
    this.tick();
  }

  stop(keepVisible: boolean): void {
    clearInterval(this.timer);
    this.timer = 0;
    this.cancelBtn.disabled = true;
    if (!keepVisible) this.bar.value = 0;
    show(this.cancelBtn, false);
  }

  hide(): void {
    this.stop(false);
    show(this.root, false);
  }

  private tick(): void {
    const ms = this.base.ms + (this.timer ? performance.now() - this.base.at : 0);
    this.elapsed.textContent = fmt().seconds(ms / 1000);
  }
}

/**
 * Before/after view of a result: drag the slider (or use arrow keys on it) to compare, or hold the Hold button
 * (or the H key) to see the picture before. It covers the stage exactly and its buttons float over it, so the
 * picture stays where it was.
 */
export class Compare {
  readonly root: HTMLElement;
  readonly actions: HTMLElement;
  private readonly before: HTMLImageElement;
  private readonly after: HTMLImageElement;
  private readonly slider: HTMLInputElement;
  private readonly download: HTMLAnchorElement;
  private readonly editBtn: HTMLButtonElement;
  private urls: string[] = [];

  constructor(onEdit: (() => void) | undefined, onBack: () => void) {
    this.before = h('img', { alt: t('job.before'), class: 'cmp-img', draggable: 'false' });
    this.after = h('img', { alt: t('job.after'), class: 'cmp-img cmp-after', draggable: 'false' });
    this.slider = h('input', {
      type: 'range',
      min: 0,
      max: 100,
      value: 50,
      class: 'cmp-slider',
      'aria-label': t('job.compare'),
    });
    this.slider.addEventListener('input', () => this.place());
    const hold = h('button', { type: 'button', class: 'hold', title: t('help.hold_compare') }, t('job.hold'));
    hold.addEventListener('pointerdown', () => this.holding(true));
    for (const end of ['pointerup', 'pointerleave', 'pointercancel', 'blur'])
      hold.addEventListener(end, () => this.holding(false));
    // Keyboard users hold Space or Enter on the button, or H anywhere in the result view.
    hold.addEventListener('keydown', (e) => {
      if (e.key === ' ' || e.key === 'Enter') this.holding(true);
    });
    hold.addEventListener('keyup', () => this.holding(false));
    document.addEventListener('keydown', (e) => {
      if (e.key.toLowerCase() === 'h' && !this.root.hidden && !typingIn(e.target)) this.holding(true);
    });
    document.addEventListener('keyup', (e) => {
      if (e.key.toLowerCase() === 'h') this.holding(false);
    });
    this.download = h('a', { class: 'button primary', download: 'flux-result.jpg' }, t('job.download'));
    this.editBtn = h('button', { type: 'button', onclick: () => onEdit?.() }, t('job.edit_result'));
    show(this.editBtn, Boolean(onEdit));
    this.root = h(
      'div',
      { class: 'compare', hidden: true },
      h(
        'div',
        { class: 'cmp-frame' },
        this.before,
        this.after,
        h('span', { class: 'cmp-label left', 'aria-hidden': 'true' }, t('job.before')),
        h('span', { class: 'cmp-label right', 'aria-hidden': 'true' }, t('job.after')),
        h('span', { class: 'cmp-handle', 'aria-hidden': 'true' }),
        this.slider,
      ),
    );
    this.actions = h(
      'div',
      { class: 'cmp-actions', hidden: true },
      this.download,
      hold,
      this.editBtn,
      h('button', { type: 'button', onclick: onBack }, t('job.back')),
    );
    this.root.append(this.actions);
    this.place();
  }

  /** While held, the whole picture shows as it was before; on release the divider is back where it was. */
  private holding(on: boolean): void {
    this.root.classList.toggle('holding', on);
  }

  show(before: Blob, after: Blob, filename: string): void {
    this.clear();
    const b = URL.createObjectURL(before);
    const a = URL.createObjectURL(after);
    this.urls = [b, a];
    this.before.src = b;
    this.after.src = a;
    this.download.href = a;
    this.download.download = filename;
    show(this.root, true);
    show(this.actions, true);
  }

  get visible(): boolean {
    return !this.root.hidden;
  }

  hide(): void {
    show(this.root, false);
    show(this.actions, false);
    this.holding(false);
    this.clear();
  }

  private clear(): void {
    for (const u of this.urls) URL.revokeObjectURL(u);
    this.urls = [];
  }

  private place(): void {
    this.after.style.clipPath = `inset(0 0 0 ${this.slider.value}%)`;
    this.root.style.setProperty('--cmp', `${this.slider.value}%`);
  }
}
