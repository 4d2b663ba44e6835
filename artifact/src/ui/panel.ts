import { MODELS, OUTPUT_FORMATS, type ModelName, type OutputFormat } from '../../../src/flux/ranges.js';
import type { Margins } from '../canvas/expand.js';
import type { EditorInit } from '../transport/types.js';
import { h, show } from './dom.js';
import { ModelFields, MoreFields } from './fields.js';

const MODEL_LABELS: Record<ModelName, string> = {
  fill: 'Fill — repaint the masked area',
  canny: 'Canny — new picture from the edges',
  depth: 'Depth — new picture from the depth',
  expand: 'Expand — extend the picture',
};

const PROVIDER_LABELS = { bfl: 'FLUX API', local: 'Local' } as const;

export interface PanelState {
  hasImage: boolean;
  maskEmpty: boolean;
  needsMask: boolean;
  expandEmpty: boolean;
  busy: boolean;
}

/** Prompt, model and its settings, and the Send button with the reason it is disabled. */
export class Panel {
  readonly root: HTMLElement;
  readonly prompt: HTMLTextAreaElement;
  readonly model: HTMLSelectElement;
  readonly send: HTMLButtonElement;
  readonly fields: ModelFields;
  private readonly more: MoreFields;
  private readonly format: HTMLSelectElement;
  private readonly provider: HTMLSelectElement | undefined;
  private readonly hint: HTMLElement;
  private readonly counter: HTMLElement;

  constructor(
    private readonly init: EditorInit,
    margins: Margins,
    onChange: () => void,
    onSend: () => void,
  ) {
    const max = init.limits.maxPromptChars;
    this.prompt = h('textarea', {
      id: 'p-prompt',
      rows: 4,
      maxlength: max,
      placeholder: 'Describe what should appear in the painted area…',
      'aria-describedby': 'p-counter',
      spellcheck: 'true',
    });
    this.counter = h('span', { id: 'p-counter', class: 'counter', 'aria-live': 'polite' });
    this.prompt.addEventListener('input', onChange);
    this.model = h('select', { id: 'p-model' }, ...MODELS.map((m) => h('option', { value: m }, MODEL_LABELS[m])));
    this.model.addEventListener('change', onChange);
    this.fields = new ModelFields(init.defaults, margins, onChange);
    this.more = new MoreFields(init.defaults);
    this.more.onInput(onChange);
    this.format = h('select', { id: 'p-format' }, ...OUTPUT_FORMATS.map((f) => h('option', { value: f, selected: f === init.defaults.output_format }, f.toUpperCase())));
    if (init.providers.length > 1) {
      this.provider = h('select', { id: 'p-provider' }, ...init.providers.map((p) => h('option', { value: p, selected: p === init.provider }, PROVIDER_LABELS[p])));
    }
    this.send = h('button', { type: 'button', class: 'primary send', 'aria-describedby': 'p-hint', onclick: onSend }, 'Send');
    this.hint = h('p', { id: 'p-hint', class: 'hint', 'aria-live': 'polite' });
    this.root = h(
      'form',
      { class: 'panel-form', onsubmit: (e: Event) => e.preventDefault() },
      h('div', { class: 'field' }, h('label', { for: 'p-prompt' }, 'Prompt ', this.counter), this.prompt),
      h('div', { class: 'field' }, h('label', { for: 'p-model' }, 'Model'), this.model),
      this.fields.root,
      h(
        'div',
        { class: 'field-pair' },
        h('div', { class: 'field' }, h('label', { for: 'p-format' }, 'Output'), this.format),
        this.provider ? h('div', { class: 'field' }, h('label', { for: 'p-provider' }, 'Provider'), this.provider) : undefined,
      ),
      this.more.root,
      h('div', { class: 'send-row' }, this.send),
      this.hint,
    );
  }

  get selectedModel(): ModelName {
    return this.model.value as ModelName;
  }

  get outputFormat(): OutputFormat {
    return this.format.value as OutputFormat;
  }

  get selectedProvider(): EditorInit['provider'] | undefined {
    return this.provider ? (this.provider.value as EditorInit['provider']) : undefined;
  }

  params(): Record<string, number | boolean> {
    return { ...this.fields.params(this.selectedModel), ...this.more.params() };
  }

  /** Enables Send only when the request can succeed, and says what is missing otherwise. */
  update(s: PanelState): void {
    const model = this.selectedModel;
    this.fields.select(model);
    const text = this.prompt.value.trim();
    this.counter.textContent = `${this.prompt.value.length} / ${this.init.limits.maxPromptChars}`;
    const params = this.fields.params(model);
    const problem = !s.hasImage
      ? 'Load an image first: button, drag and drop, or paste.'
      : s.needsMask && s.maskEmpty
        ? 'Paint over the part of the image to change.'
        : model === 'expand' && s.expandEmpty
          ? 'Drag a handle on the frame (or set a size) to add canvas.'
          : model !== 'expand' && !text
            ? 'Write a prompt: what should the result show?'
            : model === 'canny' && (params.canny_low_threshold ?? 0) > (params.canny_high_threshold ?? 0)
              ? 'The Canny low threshold must not be above the high threshold.'
              : this.more.seedProblem();
    this.send.disabled = Boolean(problem) || s.busy;
    this.hint.textContent = s.busy ? '' : (problem ?? (this.init.mode === 'owui' ? 'Ctrl+Enter sends. The result appears in the chat.' : 'Ctrl+Enter sends.'));
    show(this.hint, Boolean(this.hint.textContent));
  }
}
