import type { Gallery, JobView, Transport } from '../transport/types.js';
import { h } from './dom.js';

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
      { class: 'gallery', hidden: true, 'aria-label': 'Earlier results' },
      h('div', { class: 'gallery-head' }, h('h2', {}, 'Earlier results'), h('button', { type: 'button', onclick: () => this.close() }, 'Close')),
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
    if (!jobs.length) this.list.append(h('li', { class: 'empty' }, 'No results yet.'));
    for (const job of jobs) this.list.append(this.item(job));
  }

  private item(job: JobView): HTMLElement {
    const thumb = h('img', { alt: '', class: 'thumb', loading: 'lazy' });
    const when = new Date(job.created_at).toLocaleString();
    const state = job.state === 'done' ? '' : job.error ? `${job.state}: ${job.error.message}` : job.state;
    const actions = h('div', { class: 'gallery-actions' });
    const li = h(
      'li',
      {},
      thumb,
      h('div', { class: 'gallery-text' }, h('strong', {}, job.prompt || '(no prompt)'), h('small', {}, `${job.model} · ${when}`), state ? h('small', { class: 'error' }, state) : undefined),
      actions,
    );
    if (job.state === 'done') {
      void this.transport.result(job.id).then(
        (blob) => {
          const url = URL.createObjectURL(blob);
          this.urls.push(url);
          thumb.src = url;
          const ext = blob.type === 'image/png' ? 'png' : 'jpg';
          actions.prepend(
            h('a', { class: 'button', href: url, download: `flux-${job.id}.${ext}` }, 'Download'),
            h('button', { type: 'button', onclick: () => this.onEdit(job) }, 'Edit'),
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
            'aria-label': `Delete result: ${job.prompt}`,
            onclick: async () => {
              try {
                await this.gallery.remove(job.id);
                li.remove();
              } catch (err) {
                this.onError((err as Error).message);
              }
            },
          },
          'Delete',
        ),
      );
    }
    return li;
  }
}
