import {
  COMMON_RANGES,
  MODEL_INFO,
  MODELS,
  type ModelName,
  type NumberRange,
  numericFields,
} from '../../../src/catalogue/models.js';
import type { Margins } from '../canvas/expand.js';
import { type Align, OUTPAINT_PRESETS, type OutpaintFrame } from '../canvas/outpaint.js';
import { fmt, t } from '../i18n.js';
import type { EditorInit, EditorSettings } from '../transport/types.js';
import { h, numberField, show, type NumberField } from './dom.js';

type FieldValues = NonNullable<EditorSettings['fields']>[ModelName];

function fieldProblem(f: NumberField): string {
  return t('panel.field_invalid', { field: f.label, min: f.min, max: f.max });
}

function label(key: string): string {
  const k = `field.${key}`;
  return fmt().has(k) ? t(k) : key;
}

/**
 * The Valve default where it fits the model's range. The valves speak of the mask models' steps and guidance
 * (Fill, Expand and their kind); an instruction model's own scale starts at its own default.
 */
function initialValue(model: ModelName, key: string, r: NumberRange, defaults: EditorInit['defaults']): number {
  const fillLike = MODEL_INFO[model].kind !== 'instruct';
  const wanted =
    fillLike && key === 'steps' ? defaults.steps : fillLike && key === 'guidance' ? defaults.guidance : r.default;
  return Math.min(r.max, Math.max(r.min, wanted));
}

interface Group {
  el: HTMLElement;
  /** The model's rarely changed fields, shown under More. */
  more: HTMLElement;
  numbers: Map<string, NumberField>;
  choices: Map<string, HTMLSelectElement>;
  switches: Map<string, HTMLInputElement>;
  /** Fill's fine-tune ID: the fine-tuned endpoint is used when it is set. */
  finetune?: { input: HTMLInputElement; strength: HTMLElement };
}

/** Outpaint's fields that are the frame on the canvas, and which side of it each one is. */
const FRAME_FIELDS: Record<string, keyof OutpaintFrame> = {
  width: 'width',
  height: 'height',
  reference_offset_x: 'offsetX',
  reference_offset_y: 'offsetY',
};
/** Fields folded under More with the seed: Erase's mask growth and the fine-tune's strength. */
const MORE_FIELDS = new Set(['dilate_pixels', 'finetune_strength']);
/** Choice values that mean "follow the picture" (Kontext's `match`, FLUX 3's `auto`). */
const FOLLOW_PICTURE = new Set(['match', 'auto']);

/**
 * One group of fields per model, only the selected one visible: numbers with the documented range of the FLUX
 * endpoint, fixed choices (Kontext's aspect ratio, FLUX 3's resolution) and switches (FLUX 3's grounding).
 * Expand's margins and Outpaint's frame are shared with the handles on the canvas.
 */
export class ModelFields {
  readonly root: HTMLElement;
  /** The selected model's fields that belong under More; the More section shows it. */
  readonly moreRoot: HTMLElement;
  private readonly groups = new Map<ModelName, Group>();

  constructor(
    private readonly defaults: EditorInit['defaults'],
    private readonly margins: Margins,
    private readonly frame: OutpaintFrame,
    onChange: () => void,
    onPreset: (ratio: readonly [number, number], align: Align) => void,
  ) {
    this.root = h('div', { class: 'model-fields' });
    this.moreRoot = h('div', { class: 'model-more' });
    for (const model of MODELS) {
      const el = h('div', { class: 'field-group', 'data-model': model });
      const more = h('div', { class: 'field-group', 'data-model': model });
      const numbers = new Map<string, NumberField>();
      const choices = new Map<string, HTMLSelectElement>();
      const switches = new Map<string, HTMLInputElement>();
      const info = MODEL_INFO[model];
      if (info.kind === 'outpaint') el.append(presets(onPreset));
      for (const [key, range] of Object.entries(numericFields(model))) {
        const bound = key in margins || key in FRAME_FIELDS;
        const field = numberField({
          id: `f-${model}-${key}`,
          label: label(key),
          hint: t('field.range', { min: range.min, max: range.max }),
          min: range.min,
          max: range.max,
          step: range.integer ? 1 : 0.1,
          value: bound ? 0 : initialValue(model, key, range, defaults),
          onChange: (v) => {
            if (key in FRAME_FIELDS) frame[FRAME_FIELDS[key]!] = v;
            else if (bound) margins[key as keyof Margins] = v;
            onChange();
          },
        });
        numbers.set(key, field);
        (MORE_FIELDS.has(key) ? more : el).append(field.root);
      }
      for (const [key, choice] of Object.entries(info.choices)) {
        const id = `f-${model}-${key}`;
        const select = h(
          'select',
          { id },
          ...choice.options.map((o) =>
            h('option', { value: o, selected: o === choice.default }, FOLLOW_PICTURE.has(o) ? t('field.auto') : o),
          ),
        );
        select.addEventListener('change', onChange);
        choices.set(key, select);
        el.append(h('div', { class: 'field' }, h('label', { for: id }, label(key)), select));
      }
      for (const [key, on] of Object.entries(info.switches ?? {})) {
        const id = `f-${model}-${key}`;
        const box = h('input', { type: 'checkbox', id, checked: on });
        box.addEventListener('change', onChange);
        switches.set(key, box);
        el.append(h('div', { class: 'field check' }, box, h('label', { for: id }, label(key))));
      }
      const group: Group = { el, more, numbers, choices, switches };
      const strength = numbers.get('finetune_strength');
      if (strength) group.finetune = finetuneField(more, strength.root, onChange);
      this.groups.set(model, group);
      this.root.append(el);
      this.moreRoot.append(more);
    }
  }

  /** Shows the model's fields, less those the provider in use does not read. */
  select(model: ModelName, unused: readonly string[] = []): void {
    for (const [m, g] of this.groups) {
      show(g.el, m === model);
      show(g.more, m === model);
      for (const [key, f] of g.numbers) show(f.root, !unused.includes(key));
      for (const [key, sel] of g.choices) show(sel.parentElement!, !unused.includes(key));
      // The strength only means something for a fine-tune, so it shows once an ID is set.
      if (g.finetune) show(g.finetune.strength, !unused.includes('finetune_strength') && hasText(g.finetune.input));
    }
  }

  /** What Send waits for: a field of the model holding a value outside its range. */
  problem(model: ModelName): string | undefined {
    const f = [...(this.groups.get(model)?.numbers.values() ?? [])].find((n) => n.invalid && !n.root.hidden);
    return f && fieldProblem(f);
  }

  params(model: ModelName): Record<string, number | string | boolean> {
    const out: Record<string, number | string | boolean> = {};
    const g = this.groups.get(model);
    if (!g) return out;
    for (const [key, f] of g.numbers) out[key] = f.value;
    for (const [key, s] of g.choices) out[key] = s.value;
    for (const [key, box] of g.switches) out[key] = box.checked;
    if (g.finetune && hasText(g.finetune.input)) out.finetune_id = g.finetune.input.value.trim();
    else delete out.finetune_strength;
    return out;
  }

  /**
   * What is remembered: the fields the user moved away from their default, so a default the admin changes later
   * (a valve) still reaches fields the user never touched. Not Expand's margins: they belong to one picture.
   */
  remembered(): NonNullable<EditorSettings['fields']> {
    const out: NonNullable<EditorSettings['fields']> = {};
    for (const [model, g] of this.groups) {
      const values: Record<string, number | string> = {};
      for (const [key, f] of g.numbers) {
        if (
          !(key in this.margins) &&
          !(key in FRAME_FIELDS) &&
          f.value !== initialValue(model, key, numericFields(model)[key]!, this.defaults)
        )
          values[key] = f.value;
      }
      for (const [key, sel] of g.choices)
        if (sel.value !== MODEL_INFO[model].choices[key]!.default) values[key] = sel.value;
      if (Object.keys(values).length) out[model] = values;
    }
    return out;
  }

  /** Sets every field to the remembered value, or its default; values that no longer fit are ignored. */
  apply(fields: EditorSettings['fields'] | undefined): void {
    for (const [model, g] of this.groups) {
      const saved: FieldValues = fields?.[model] ?? {};
      for (const [key, f] of g.numbers) {
        if (key in this.margins || key in FRAME_FIELDS) continue;
        const v = saved[key];
        f.value =
          typeof v === 'number' && Number.isFinite(v)
            ? v
            : initialValue(model, key, numericFields(model)[key]!, this.defaults);
      }
      for (const [key, s] of g.choices) {
        const v = saved[key];
        const choice = MODEL_INFO[model].choices[key]!;
        s.value = typeof v === 'string' && choice.options.includes(v) ? v : choice.default;
      }
    }
  }

  /** Mirrors margins and the frame dragged on the canvas into the Expand and Outpaint fields. */
  syncMargins(margins: Margins): void {
    const fields = this.groups.get('expand')?.numbers;
    for (const [side, v] of Object.entries(margins)) {
      const f = fields?.get(side);
      if (f && f.value !== v) f.value = v;
    }
    const frameFields = this.groups.get('outpaint')?.numbers;
    for (const [key, side] of Object.entries(FRAME_FIELDS)) {
      const f = frameFields?.get(key);
      if (f && f.value !== this.frame[side]) f.value = this.frame[side];
    }
  }
}

const hasText = (input: HTMLInputElement) => input.value.trim() !== '';

/** Outpaint's presets: a common ratio, and where the picture sits on the canvas it makes. */
function presets(onPreset: (ratio: readonly [number, number], align: Align) => void): HTMLElement {
  const ratio = h(
    'select',
    { id: 'f-outpaint-ratio' },
    h('option', { value: '' }, t('field.ratio_free')),
    ...OUTPAINT_PRESETS.map(([name]) => h('option', { value: name }, name)),
  );
  const place = h(
    'select',
    { id: 'f-outpaint-place' },
    ...(['start', 'center', 'end'] as const).map((a) =>
      h('option', { value: a, selected: a === 'center' }, t(`field.place_${a}`)),
    ),
  );
  const apply = () => {
    const preset = OUTPAINT_PRESETS.find(([name]) => name === ratio.value);
    if (preset) onPreset([preset[1], preset[2]], place.value as Align);
  };
  ratio.addEventListener('change', apply);
  place.addEventListener('change', apply);
  return h(
    'div',
    { class: 'field-pair' },
    h('div', { class: 'field' }, h('label', { for: 'f-outpaint-ratio' }, t('field.ratio')), ratio),
    h('div', { class: 'field' }, h('label', { for: 'f-outpaint-place' }, t('field.place')), place),
  );
}

/** Fill's fine-tune ID (empty: plain Fill), above the strength it enables. */
function finetuneField(more: HTMLElement, strength: HTMLElement, onChange: () => void) {
  const input = h('input', {
    type: 'text',
    id: 'f-fill-finetune_id',
    maxlength: 100,
    placeholder: t('field.finetune_id_hint'),
    autocomplete: 'off',
    spellcheck: 'false',
  });
  input.addEventListener('input', onChange);
  more.prepend(h('div', { class: 'field' }, h('label', { for: 'f-fill-finetune_id' }, t('field.finetune_id')), input));
  return { input, strength };
}

/** Seed, prompt upsampling and safety tolerance: rarely changed, so folded under "More". */
export class MoreFields {
  readonly root: HTMLDetailsElement;
  private readonly seed: HTMLInputElement;
  private readonly upsampling: HTMLInputElement;
  private readonly upsamplingRow: HTMLElement;
  private readonly seedRow: HTMLElement;
  private readonly safety: NumberField;
  private model: ModelName | undefined;

  /** `maxSafety`: inside Open WebUI the admin's SAFETY_TOLERANCE valve, the most permissive value allowed. */
  constructor(defaults: EditorInit['defaults'], modelMore: HTMLElement, maxSafety?: number) {
    const s = COMMON_RANGES.seed;
    this.seed = h('input', {
      type: 'number',
      id: 'f-seed',
      min: s.min,
      max: s.max,
      step: 1,
      placeholder: t('field.seed_placeholder'),
      inputmode: 'numeric',
    });
    this.upsampling = h('input', { type: 'checkbox', id: 'f-upsampling' });
    const r = COMMON_RANGES.safety_tolerance;
    const max = Math.min(r.max, maxSafety ?? r.max);
    this.safety = numberField({
      id: 'f-safety',
      label: t('field.safety'),
      hint: t('field.safety_hint', { min: r.min, max }),
      min: r.min,
      max,
      step: 1,
      value: Math.min(max, Math.max(r.min, defaults.safety_tolerance)),
      onChange: () => {},
    });
    this.seedRow = h(
      'div',
      { class: 'field' },
      h('label', { for: 'f-seed' }, t('field.seed'), h('span', { class: 'range-hint' }, ` ${t('field.seed_hint')}`)),
      this.seed,
    );
    this.upsamplingRow = h(
      'div',
      { class: 'field check' },
      this.upsampling,
      h('label', { for: 'f-upsampling' }, t('field.upsampling')),
    );
    this.root = h(
      'details',
      { class: 'more' },
      h('summary', {}, t('field.more')),
      modelMore,
      this.seedRow,
      this.upsamplingRow,
      this.safety.root,
    );
  }

  /** Prompt upsampling starts at each model's own default, and is offered only where the model has it. */
  select(model: ModelName): void {
    if (this.model === model) return;
    this.model = model;
    const def = MODEL_INFO[model].promptUpsampling?.default;
    show(this.upsamplingRow, def !== undefined);
    this.upsampling.checked = def ?? false;
    show(this.seedRow, !MODEL_INFO[model].noSeed);
  }

  /** An error message if the seed is not a valid whole number, or the safety field is out of its range. */
  problem(): string | undefined {
    if (this.safety.invalid) return fieldProblem(this.safety);
    const raw = this.seed.value.trim();
    if (!raw) return undefined;
    const n = Number(raw);
    const s = COMMON_RANGES.seed;
    return Number.isSafeInteger(n) && n >= s.min && n <= s.max
      ? undefined
      : t('field.seed_invalid', { min: s.min, max: s.max });
  }

  params(model: ModelName): Record<string, number | boolean> {
    const info = MODEL_INFO[model];
    // FLUX.2 allows less than 6: the field keeps the user's value and the request takes the model's maximum.
    const out: Record<string, number | boolean> = {
      safety_tolerance: Math.min(this.safety.value, info.maxSafetyTolerance),
    };
    if (this.seed.value.trim() && !info.noSeed) out.seed = Number(this.seed.value);
    if (info.promptUpsampling !== undefined) out.prompt_upsampling = this.upsampling.checked;
    return out;
  }

  onInput(listener: () => void): void {
    this.seed.addEventListener('input', listener);
  }
}
