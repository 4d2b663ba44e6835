import { MODEL_INFO, type ModelName } from '../../../src/catalogue/models.js';
import { t } from '../i18n.js';
import { loadFile, LoadError } from '../image/load.js';
import type { EditorInit, ReferenceImage, SourceImage } from '../transport/types.js';
import { h, show } from './dom.js';

interface Item {
  image: ReferenceImage;
  label: string;
  thumb: string;
}

/**
 * Extra pictures for the models that take them (FLUX.2 up to 7, Kontext up to 3): from the chat's images or
 * from files. Switching to a model with a lower limit keeps the list; only the first `max` are sent.
 */
export class References {
  readonly root: HTMLElement;
  private readonly list: HTMLElement;
  private readonly count: HTMLElement;
  private readonly fromChat: HTMLSelectElement | undefined;
  private readonly addFile: HTMLButtonElement;
  private readonly fileInput: HTMLInputElement;
  private items: Item[] = [];
  private max = 0;

  constructor(
    private readonly images: SourceImage[],
    private readonly limits: EditorInit['limits'],
    private readonly onChange: () => void,
    private readonly onError: (message: string) => void,
  ) {
    this.count = h('span', { class: 'counter', id: 'refs-count' });
    this.list = h('ul', { class: 'refs-list', 'aria-labelledby': 'refs-title' });
    this.fileInput = h('input', {
      type: 'file',
      accept: 'image/png,image/jpeg,image/webp',
      // Out of the page (Add a file… opens it): no unnamed "Choose file" for screen readers.
      hidden: true,
      id: 'refs-file',
    });
    this.fileInput.addEventListener('change', () => {
      const f = this.fileInput.files?.[0];
      this.fileInput.value = '';
      if (f) void this.addFromFile(f);
    });
    this.addFile = h('button', { type: 'button', onclick: () => this.fileInput.click() }, t('refs.add_file'));
    if (images.length) {
      this.fromChat = h(
        'select',
        { id: 'refs-chat', 'aria-label': t('refs.from_chat') },
        h('option', { value: '' }, t('refs.from_chat')),
        ...images.map((img, i) => h('option', { value: i }, img.label)),
      );
      this.fromChat.addEventListener('change', () => {
        const img = this.images[Number(this.fromChat!.value)];
        this.fromChat!.value = '';
        if (img) this.add({ image: { ref: img.ref }, label: img.label, thumb: img.preview });
      });
    }
    this.root = h(
      'div',
      { class: 'field refs', hidden: true },
      h('p', { class: 'field-title', id: 'refs-title' }, t('refs.title'), ' ', this.count),
      h('p', { class: 'hint' }, t('refs.hint')),
      this.list,
      h('div', { class: 'refs-add' }, this.fromChat, this.addFile, this.fileInput),
    );
  }

  select(model: ModelName): void {
    this.max = MODEL_INFO[model].maxReferences;
    show(this.root, this.max > 0);
    this.render();
  }

  /** What is sent: the first `max` of the list. */
  selected(): ReferenceImage[] {
    return this.items.slice(0, this.max).map((i) => i.image);
  }

  private async addFromFile(file: File): Promise<void> {
    try {
      const source = await loadFile(file, file.name, this.limits);
      if (!('data' in source.image)) return;
      this.add({ image: source.image, label: file.name, thumb: source.preview.toDataURL('image/jpeg', 0.7) });
    } catch (err) {
      this.onError(err instanceof LoadError ? err.message : t('app.load_failed', { error: (err as Error).message }));
    }
  }

  private add(item: Item): void {
    if (this.items.length >= this.max) {
      this.onError(t('refs.full', { max: this.max }));
      return;
    }
    this.items.push(item);
    this.render();
    this.onChange();
  }

  private render(): void {
    this.count.textContent = t('refs.count', { count: Math.min(this.items.length, this.max), max: this.max });
    this.list.replaceChildren(
      ...this.items.map((item, i) =>
        h(
          'li',
          { class: i < this.max ? '' : 'unused' },
          h('img', { src: item.thumb, alt: item.label, class: 'ref-thumb' }),
          h(
            'button',
            {
              type: 'button',
              class: 'icon',
              'aria-label': t('refs.remove', { label: item.label }),
              title: t('refs.remove', { label: item.label }),
              onclick: () => {
                this.items.splice(i, 1);
                this.render();
                this.onChange();
              },
            },
            '×',
          ),
        ),
      ),
    );
    const full = this.items.length >= this.max;
    this.addFile.disabled = full;
    if (this.fromChat) this.fromChat.disabled = full;
  }
}
