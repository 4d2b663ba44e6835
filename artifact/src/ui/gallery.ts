import { fmt, sayError, t } from '../i18n.js';
import type { Gallery, JobView, Transport } from '../transport/types.js';
import { h } from './dom.js';
import { extension, stateLabel } from './job.js';

/**
 * Earlier jobs of this sidecar, newest first, with download, delete and "edit this result". A modal dialog:
 * focus moves in and stays there, Escape closes it, and focus goes back to where it was.
 */
export class GalleryView {
  readonly root: HTMLDialogElement;
  private readonly list: HTMLElement;
  /** The editor's status while the dialog covers the editor's own line: a job failing is seen and heard here. */
  private readonly status: HTMLElement;
  private urls: string[] = [];
  private returnFocus: HTMLElement | undefined;

  constructor(
    private readonly gallery: Gallery,
    private readonly transport: Transport,
    private readonly onEdit: (job: JobView) => void,
    private readonly onError: (message: string) => void,
  ) {
    this.list = h('ul', { class: 'gallery-list' });
    this.status = h('p', { class: 'gallery-status', role: 'status', 'aria-live': 'polite' });
    this.root = h(
      'dialog',
      { class: 'gallery', 'aria-labelledby': 'gallery-title' },
      h(
        'div',
        { class: 'gallery-head' },
        h('h2', { id: 'gallery-title' }, t('gallery.title')),
        h('button', { type: 'button', onclick: () => this.close() }, t('gallery.close')),
      ),
      this.status,
      this.list,
    );
    // Escape closes the dialog natively; whichever way it closes, the same clean-up runs.
    this.root.addEventListener('close', () => this.closed());
  }

  async open(): Promise<void> {
    this.returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
    this.root.showModal();
    await this.refresh();
  }

  close(): void {
    if (this.root.open) this.root.close();
  }

  /** Shows the editor's status inside the open dialog (closed, the editor's own line is in view). */
  say(message: string, error: boolean): void {
    if (!this.root.open) return;
    this.status.textContent = message;
    this.status.classList.toggle('error', error);
  }

  /**
   * A job that ended while the dialog is open: its entry is drawn again, so it no longer says it is running.
   * An entry holding the keyboard focus is left as it is: replacing it would throw the focus out of the list.
   */
  update(job: JobView): void {
    if (!this.root.open) return;
    const old = [...this.list.children].find((li) => (li as HTMLElement).dataset.job === job.id);
    if (!old || old.contains(document.activeElement)) return;
    old.replaceWith(this.item(job));
  }

  private closed(): void {
    this.status.textContent = '';
    this.release();
    this.list.textContent = '';
    this.returnFocus?.focus();
    this.returnFocus = undefined;
  }

  private release(): void {
    for (const u of this.urls) URL.revokeObjectURL(u);
    this.urls = [];
  }

  private async refresh(): Promise<void> {
    this.release();
    this.list.textContent = '';
    let jobs: JobView[];
    try {
      jobs = await this.gallery.list();
    } catch (err) {
      this.onError((err as Error).message);
      return;
    }
    if (!jobs.length) this.list.append(h('li', { class: 'empty' }, t('gallery.empty')));
    for (const job of jobs) this.list.append(this.item(job));
  }

  private item(job: JobView): HTMLElement {
    const thumb = h('img', { alt: '', class: 'thumb', loading: 'lazy' });
    const when = fmt().date(new Date(job.created_at));
    const state =
      job.state === 'done'
        ? ''
        : job.error
          ? t('job.failed_with', { status: stateLabel(job.state), message: sayError(job.error) })
          : stateLabel(job.state);
    const actions = h('div', { class: 'gallery-actions' });
    const li = h(
      'li',
      { 'data-job': job.id },
      thumb,
      h(
        'div',
        { class: 'gallery-text' },
        h('strong', {}, job.prompt || t('gallery.no_prompt')),
        h('small', {}, `${job.model} · ${when}`),
        state ? h('small', { class: 'error' }, state) : undefined,
      ),
      actions,
    );
    if (job.state === 'done') {
      void this.transport.result(job.id).then(
        (blob) => {
          const url = URL.createObjectURL(blob);
          this.urls.push(url);
          thumb.src = url;
          actions.prepend(
            h(
              'a',
              { class: 'button', href: url, download: `flux-${job.id}.${extension(blob)}` },
              t('gallery.download'),
            ),
            h('button', { type: 'button', onclick: () => this.onEdit(job) }, t('gallery.edit')),
          );
        },
        () => thumb.replaceWith(h('span', { class: 'thumb missing' }, '—')),
      );
    }
    if (['done', 'failed', 'cancelled'].includes(job.state)) {
      const remove = h(
        'button',
        {
          type: 'button',
          class: 'danger',
          'aria-label': t('gallery.delete_label', { prompt: job.prompt }),
          onclick: () => this.confirm(li, job, when, remove),
        },
        t('gallery.delete'),
      );
      actions.append(remove);
    }
    return li;
  }

  /** A result may have been paid for: deleting says what goes and asks once more. */
  private confirm(li: HTMLElement, job: JobView, when: string, trigger: HTMLButtonElement): void {
    const question = h(
      'p',
      { class: 'confirm-text', id: `confirm-${job.id}` },
      t('gallery.confirm', { prompt: job.prompt || t('gallery.no_prompt'), date: when }),
    );
    const keep = h('button', { type: 'button' }, t('gallery.keep'));
    const yes = h(
      'button',
      { type: 'button', class: 'danger', 'aria-describedby': `confirm-${job.id}` },
      t('gallery.confirm_delete'),
    );
    const box = h(
      'div',
      { class: 'confirm', role: 'group', 'aria-labelledby': `confirm-${job.id}` },
      question,
      yes,
      keep,
    );
    keep.addEventListener('click', () => {
      box.remove();
      trigger.hidden = false;
      trigger.focus();
    });
    yes.addEventListener('click', async () => {
      try {
        await this.gallery.remove(job.id);
        const next = li.nextElementSibling ?? li.previousElementSibling;
        li.remove();
        (next?.querySelector('button') ?? this.root.querySelector('button'))?.focus();
      } catch (err) {
        this.onError((err as Error).message);
      }
    });
    trigger.hidden = true;
    li.append(box);
    yes.focus();
  }
}
