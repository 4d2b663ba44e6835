import { MODEL_INFO, MODELS, type ModelName, type OutputFormat } from '../../../src/catalogue/models.js';
import type { Margins } from '../canvas/expand.js';
import type { Align, OutpaintFrame } from '../canvas/outpaint.js';
import { fmt, t } from '../i18n.js';
import { LOCAL_MODELS, LOCAL_UNUSED_FIELDS } from '../../../src/wire/editor.js';
import type { EditorInit, EditorSettings } from '../transport/types.js';
import { h, show } from './dom.js';
import { ModelFields, MoreFields } from './fields.js';
import { References } from './references.js';

/** The one holder of the selected model (the workspace): the panel shows it and asks it to change. */
export interface ModelHolder {
  readonly model: ModelName;
  setModel(model: ModelName): void;
}

export interface PanelState {
  hasImage: boolean;
  maskEmpty: boolean;
  /** Every pixel of the area sent is painted. */
  maskFull: boolean;
  expandEmpty: boolean;
  /** Outpaint's frame is still the picture itself. */
  frameEmpty: boolean;
  busy: boolean;
}

/** The model's name in the picker; models BFL calls legacy (Kontext) say so, and stay usable. */
function modelLabel(m: ModelName): string {
  const key = `model.${m}`;
  const name = fmt().has(key) ? t(key) : MODEL_INFO[m].label;
  return MODEL_INFO[m].legacy ? t('model.legacy', { model: name }) : name;
}

/** Prompt, model and its settings, and the Send button with the reason it is disabled. */
export class Panel {
  readonly root: HTMLElement;
  readonly prompt: HTMLTextAreaElement;
  readonly model: HTMLSelectElement;
  readonly send: HTMLButtonElement;
  readonly fields: ModelFields;
  readonly references: References;
  private readonly models: ModelName[];
  private readonly more: MoreFields;
  private readonly format: HTMLSelectElement;
  private readonly provider: HTMLSelectElement | undefined;
  private readonly maskedOnly: HTMLInputElement;
  private readonly maskedOnlyRow: HTMLElement;
  private readonly maskOptional: HTMLElement;
  private readonly hint: HTMLElement;
  private readonly counter: HTMLElement;
  private readonly promptRow: HTMLElement;
  /** Shown while the local provider is in use: it runs offline, and ignores the prompt. */
  private readonly offline: HTMLElement;
  /** The format the user picked; kept while a model that lacks it (webp on Fill) is selected. */
  private wantedFormat: OutputFormat;

  constructor(
    private readonly init: EditorInit,
    private readonly holder: ModelHolder,
    canvas: {
      margins: Margins;
      frame: OutpaintFrame;
      preset(ratio: readonly [number, number], align: Align): void;
    },
    actions: { change(): void; send(): void; reset(): void; error(message: string): void },
  ) {
    const max = init.limits.maxPromptChars;
    const onChange = actions.change;
    this.prompt = h('textarea', {
      id: 'p-prompt',
      rows: 4,
      maxlength: max,
      'aria-describedby': 'p-counter',
      spellcheck: 'true',
    });
    this.counter = h('span', { id: 'p-counter', class: 'counter', 'aria-live': 'polite' });
    this.prompt.addEventListener('input', onChange);
    const offered = (init.models ?? []).filter((m) => (MODELS as readonly string[]).includes(m));
    this.models = offered.length ? offered : [...MODELS];
    this.model = h('select', { id: 'p-model' }, ...this.models.map((m) => h('option', { value: m }, modelLabel(m))));
    this.model.addEventListener('change', () => this.holder.setModel(this.model.value as ModelName));
    this.fields = new ModelFields(init.defaults, canvas.margins, canvas.frame, onChange, canvas.preset);
    this.references = new References(init.images, init.limits, onChange, actions.error);
    this.more = new MoreFields(init.defaults, this.fields.moreRoot, init.ceilings?.safety_tolerance);
    this.more.onInput(onChange);
    this.wantedFormat = init.defaults.output_format;
    this.format = h('select', { id: 'p-format' });
    this.format.addEventListener('change', () => {
      this.wantedFormat = this.format.value as OutputFormat;
      onChange();
    });
    if (init.providers.length > 1) {
      const names = { bfl: t('panel.provider_bfl'), local: t('panel.provider_local') };
      this.provider = h(
        'select',
        { id: 'p-provider' },
        ...init.providers.map((p) => h('option', { value: p, selected: p === init.provider }, names[p])),
      );
      this.provider.addEventListener('change', onChange);
    }
    this.offline = h(
      'div',
      { class: 'offline-note' },
      h('span', { class: 'offline-badge', role: 'status' }, t('panel.offline_badge')),
      h('p', { class: 'hint', id: 'p-offline-hint' }, t('panel.offline_prompt')),
    );
    this.maskedOnly = h('input', {
      type: 'checkbox',
      id: 'p-masked-only',
      checked: true,
      'aria-describedby': 'p-masked-only-hint',
    });
    this.maskedOnly.addEventListener('change', onChange);
    this.maskedOnlyRow = h(
      'div',
      { class: 'masked-only' },
      h('div', { class: 'field check' }, this.maskedOnly, h('label', { for: 'p-masked-only' }, t('panel.masked_only'))),
      h('p', { class: 'hint', id: 'p-masked-only-hint' }, t('panel.masked_only_hint')),
    );
    this.maskOptional = h('p', { class: 'hint' }, t('panel.mask_optional'));
    this.send = h(
      'button',
      { type: 'button', class: 'primary send', 'aria-describedby': 'p-hint', onclick: actions.send },
      t('panel.send'),
    );
    this.hint = h('p', { id: 'p-hint', class: 'hint', 'aria-live': 'polite' });
    this.promptRow = h(
      'div',
      { class: 'field' },
      h('label', { for: 'p-prompt' }, t('panel.prompt'), ' ', this.counter),
      this.prompt,
    );
    this.root = h(
      'form',
      { class: 'panel-form', onsubmit: (e: Event) => e.preventDefault() },
      this.offline,
      this.promptRow,
      h('div', { class: 'field' }, h('label', { for: 'p-model' }, t('panel.model')), this.model),
      this.maskedOnlyRow,
      this.maskOptional,
      this.fields.root,
      this.references.root,
      h(
        'div',
        { class: 'field-pair' },
        h('div', { class: 'field' }, h('label', { for: 'p-format' }, t('panel.output')), this.format),
        this.provider
          ? h('div', { class: 'field' }, h('label', { for: 'p-provider' }, t('panel.provider')), this.provider)
          : undefined,
      ),
      this.more.root,
      h('div', { class: 'send-row' }, this.send),
      this.hint,
      h('button', { type: 'button', class: 'link reset', onclick: actions.reset }, t('panel.reset')),
    );
  }

  private get selectedModel(): ModelName {
    return this.holder.model;
  }

  get outputFormat(): OutputFormat {
    return this.format.value as OutputFormat;
  }

  get selectedProvider(): EditorInit['provider'] | undefined {
    return this.provider ? (this.provider.value as EditorInit['provider']) : undefined;
  }

  /** Whether the job would run on the local provider: picked, or the only one there is. */
  private get local(): boolean {
    return (this.selectedProvider ?? this.init.provider) === 'local';
  }

  /**
   * Offline, the models that need FLUX stay listed but disabled, saying why, so nobody learns it after Send;
   * a selection of one of them moves to the first model the local provider runs.
   */
  private syncModels(): void {
    const local = this.local;
    for (const option of this.model.options) {
      const model = option.value as ModelName;
      const blocked = local && !LOCAL_MODELS.includes(model);
      option.disabled = blocked;
      option.textContent = blocked ? t('panel.needs_key', { model: modelLabel(model) }) : modelLabel(model);
    }
    this.model.value = this.selectedModel;
    if (this.model.selectedOptions[0]?.disabled)
      this.holder.setModel(this.models.find((m) => LOCAL_MODELS.includes(m)) ?? this.models[0]!);
  }

  /** Instruction models with a painted mask and the switch on: blend the result back through the mask. */
  maskedOnlyActive(maskEmpty: boolean): boolean {
    return MODEL_INFO[this.selectedModel].kind === 'instruct' && !maskEmpty && this.maskedOnly.checked;
  }

  params(): Record<string, number | string | boolean> {
    const model = this.selectedModel;
    return { ...this.fields.params(model), ...this.more.params(model) };
  }

  /** The part of the settings the panel holds, where it differs from the defaults. */
  remembered(): EditorSettings {
    const s: EditorSettings = {};
    if (this.selectedModel !== this.models[0]) s.model = this.selectedModel;
    const fields = this.fields.remembered();
    if (Object.keys(fields).length) s.fields = fields;
    if (this.wantedFormat !== this.init.defaults.output_format) s.output_format = this.wantedFormat;
    if (!this.maskedOnly.checked) s.masked_only = false;
    return s;
  }

  /** Sets the panel to remembered settings; whatever is missing or no longer offered takes its default. */
  apply(s: EditorSettings): void {
    this.holder.setModel(s.model && this.models.includes(s.model) ? s.model : this.models[0]!);
    this.fields.apply(s.fields);
    this.wantedFormat = s.output_format ?? this.init.defaults.output_format;
    this.maskedOnly.checked = s.masked_only ?? true;
    this.syncFormats();
  }

  /** Enables Send only when the request can succeed, and says what is missing otherwise. */
  update(s: PanelState): void {
    this.syncModels();
    const local = this.local;
    const model = this.selectedModel;
    const info = MODEL_INFO[model];
    show(this.offline, local);
    this.fields.select(model, local ? LOCAL_UNUSED_FIELDS : []);
    this.more.select(model);
    show(this.more.root, !local);
    if (local) this.prompt.setAttribute('aria-describedby', 'p-counter p-offline-hint');
    else this.prompt.setAttribute('aria-describedby', 'p-counter');
    this.references.select(model);
    this.syncFormats();
    show(this.maskedOnlyRow, info.kind === 'instruct' && !s.maskEmpty);
    show(this.maskOptional, info.kind === 'instruct' && s.maskEmpty && s.hasImage);
    // Erase takes no prompt at all: painting and Remove is the whole request.
    show(this.promptRow, info.kind !== 'erase');
    this.send.textContent = t(info.kind === 'erase' ? 'panel.remove' : 'panel.send');
    this.prompt.placeholder = t(
      local
        ? 'panel.prompt_placeholder_offline'
        : info.kind === 'instruct'
          ? 'panel.prompt_placeholder_instruct'
          : info.kind === 'expand' || info.kind === 'outpaint'
            ? 'panel.prompt_placeholder_expand'
            : 'panel.prompt_placeholder',
    );
    const text = this.prompt.value.trim();
    this.counter.textContent = `${fmt().number(this.prompt.value.length)} / ${fmt().number(this.init.limits.maxPromptChars)}`;
    const problem = !s.hasImage
      ? t('panel.need_image')
      : (this.fields.problem(model) ??
        this.more.problem() ??
        (info.needsMask && s.maskEmpty
          ? t('panel.need_mask')
          : info.needsMask && s.maskFull
            ? t('panel.mask_whole')
            : info.kind === 'expand' && s.expandEmpty
              ? t('panel.need_margins')
              : info.kind === 'outpaint' && s.frameEmpty
                ? t('panel.need_frame')
                : (info.kind === 'inpaint' || info.kind === 'instruct') && !text && !local
                  ? t('panel.need_prompt')
                  : undefined));
    this.send.disabled = Boolean(problem) || s.busy;
    this.hint.textContent = s.busy
      ? ''
      : (problem ?? (this.init.mode === 'owui' ? t('panel.hint_chat') : t('panel.hint')));
    show(this.hint, Boolean(this.hint.textContent));
  }

  /** The formats the selected model takes; the user's choice where it can, else the model's default. */
  private syncFormats(): void {
    const formats = MODEL_INFO[this.selectedModel].outputFormats;
    const current = [...this.format.options].map((o) => o.value);
    if (current.join() !== formats.join())
      this.format.replaceChildren(...formats.map((f) => h('option', { value: f }, f.toUpperCase())));
    this.format.value = formats.includes(this.wantedFormat) ? this.wantedFormat : formats[0]!;
  }
}
