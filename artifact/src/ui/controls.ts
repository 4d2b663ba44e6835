import { t } from '../i18n.js';
import type { EditorInit, JobView, Transport } from '../transport/types.js';
import { h, show } from './dom.js';
import { GalleryView } from './gallery.js';
import type { helpPopover } from './help.js';

export interface ControlActions {
  loadFile(file: File): void;
  loadMask(file: File): void;
  pickImage(index: number): void;
  editJob(job: JobView): void;
  close(): void;
  error(message: string): void;
}

/** The editor's page furniture: the header (load, picture list, results, help, close), the empty state and drop zones. */
export class Controls {
  readonly header: HTMLElement;
  readonly empty: HTMLElement;
  readonly dropZones: HTMLElement;
  readonly gallery: GalleryView | undefined;
  private readonly fileInput: HTMLInputElement;
  private readonly maskInput: HTMLInputElement;

  constructor(init: EditorInit, transport: Transport, help: ReturnType<typeof helpPopover>, actions: ControlActions) {
    this.fileInput = fileInput('load-file', actions.loadFile);
    this.maskInput = fileInput('load-mask', actions.loadMask);
    const picker = h(
      'select',
      { 'aria-label': t('app.image_picker'), class: 'picker' },
      ...init.images.map((img, i) => h('option', { value: i }, img.label)),
    );
    picker.addEventListener('change', () => actions.pickImage(Number(picker.value)));
    show(picker, init.images.length > 1);
    this.empty = h(
      'div',
      { class: 'empty-state' },
      h('p', {}, t('app.empty')),
      h('button', { type: 'button', class: 'primary', onclick: () => this.pickFile() }, t('app.load_image')),
    );
    this.dropZones = h(
      'div',
      { class: 'drop-zones', hidden: true },
      h('div', { class: 'drop-zone', 'data-drop': 'picture' }, t('app.drop_picture')),
      h('div', { class: 'drop-zone', 'data-drop': 'mask' }, t('app.drop_mask')),
    );
    const headerActions = h('div', { class: 'header-actions' });
    if (transport.gallery) {
      const gallery = new GalleryView(transport.gallery, transport, actions.editJob, actions.error);
      this.gallery = gallery;
      headerActions.append(h('button', { type: 'button', onclick: () => void gallery.open() }, t('app.results')));
    }
    headerActions.append(help.button);
    if (transport.close) headerActions.append(h('button', { type: 'button', onclick: actions.close }, t('app.close')));
    this.header = h(
      'header',
      { class: 'top' },
      h('h1', {}, 'FLUX Inpaint'),
      h('button', { type: 'button', class: 'load', onclick: () => this.pickFile() }, t('app.load_image')),
      this.fileInput,
      this.maskInput,
      picker,
      h('span', { class: 'spacer' }),
      headerActions,
    );
  }

  /** Opens the browser's file chooser for a picture. */
  pickFile(): void {
    this.fileInput.click();
  }

  /** Opens the browser's file chooser for a mask. */
  pickMask(): void {
    this.maskInput.click();
  }
}

function fileInput(id: string, onFile: (f: File) => void): HTMLInputElement {
  const input = h('input', {
    type: 'file',
    accept: 'image/png,image/jpeg,image/webp',
    // Out of the page (the Load buttons open it): no second, unnamed "Choose file" for screen readers.
    hidden: true,
    id,
  });
  input.addEventListener('change', () => {
    const f = input.files?.[0];
    if (f) onFile(f);
    input.value = '';
  });
  return input;
}
