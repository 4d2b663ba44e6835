import { fmt, t } from '../i18n.js';
import type { Gallery, JobView, Transport } from '../transport/types.js';
import { h } from './dom.js';
import { extension, stateLabel } from './job.js';

/** Earlier jobs of this sidecar, newest first, with download, delete and "edit this result". */
export class GalleryView {
  readonly root: HTMLElement;
  private readonly list: HTMLElement;
  private urls: string[] = [];

  constructor(
    private readonly gallery: Gallery,
    private readonly transport: Transport,
    private readonly onEdit: (job: JobView) => void,
    private readonly onError: (message: string) => void,
  ) {
    this.list = h('ul', { class: 'gallery-list' });
    this.root = h(
      'section',
      { class: 'gallery', hidden: true, 'aria-label': t('gallery.title') },
      h(
        'div',
        { class: 'gallery-head' },
        h('h2', {}, t('gallery.title')),
        h('button', { type: 'button', onclick: () => this.close() }, t('gallery.close')),
      ),
      this.list,
    );
  }

  async open(): Promise<void> {
    this.root.hidden = false;
    await this.refresh();
  }

  close(): void {
    this.root.hidden = true;
    this.release();
    this.list.textContent = '';
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
          ? t('job.failed_with', { status: stateLabel(job.state), message: job.error.message })
          : stateLabel(job.state);
    const actions = h('div', { class: 'gallery-actions' });
    const li = h(
      'li',
      {},
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
      actions.append(
        h(
          'button',
          {
            type: 'button',
            class: 'danger',
            'aria-label': t('gallery.delete_label', { prompt: job.prompt }),
            onclick: async () => {
              try {
                await this.gallery.remove(job.id);
                li.remove();
              } catch (err) {
                this.onError((err as Error).message);
              }
            },
          },
          t('gallery.delete'),
        ),
      );
    }
    return li;
  }
}
