import { COMMON_RANGES, MODEL_RANGES, MODELS, type ModelName, type NumberRange } from '../../../src/flux/ranges.js';
import type { Margins } from '../canvas/expand.js';
import type { EditorInit } from '../transport/types.js';
import { h, numberField, show, type NumberField } from './dom.js';

const LABELS: Record<string, string> = {
  steps: 'Steps',
  guidance: 'Guidance',
  canny_low_threshold: 'Canny low threshold',
  canny_high_threshold: 'Canny high threshold',
  top: 'Add top (px)',
  bottom: 'Add bottom (px)',
  left: 'Add left (px)',
  right: 'Add right (px)',
};

/** The Valve default where it fits the model's range; Canny and Depth use their own guidance scale. */
function initialValue(model: ModelName, key: string, r: NumberRange, defaults: EditorInit['defaults']): number {
  const wanted = key === 'steps' ? defaults.steps : key === 'guidance' && (model === 'fill' || model === 'expand') ? defaults.guidance : r.default;
  return Math.min(r.max, Math.max(r.min, wanted));
}

/**
 * One group of fields per model, only the selected one visible, each with the documented range of its FLUX
 * endpoint. Expand's margins are shared with the handles on the canvas.
 */
export class ModelFields {
  readonly root: HTMLElement;
  private readonly groups = new Map<ModelName, { el: HTMLElement; fields: Map<string, NumberField> }>();

  constructor(defaults: EditorInit['defaults'], margins: Margins, onChange: () => void) {
    this.root = h('div', { class: 'model-fields' });
    for (const model of MODELS) {
      const el = h('div', { class: 'field-group', 'data-model': model });
      const fields = new Map<string, NumberField>();
      for (const [key, range] of Object.entries(MODEL_RANGES[model]) as Array<[string, NumberRange]>) {
        const isMargin = key in margins;
        const field = numberField({
          id: `f-${model}-${key}`,
          label: LABELS[key] ?? key,
          hint: `${range.min}–${range.max}`,
          min: range.min,
          max: range.max,
          step: range.integer ? 1 : 0.5,
          value: isMargin ? 0 : initialValue(model, key, range, defaults),
          onChange: (v) => {
            if (isMargin) margins[key as keyof Margins] = v;
            onChange();
          },
        });
        fields.set(key, field);
        el.append(field.root);
      }
      this.groups.set(model, { el, fields });
      this.root.append(el);
    }
  }

  select(model: ModelName): void {
    for (const [m, g] of this.groups) show(g.el, m === model);
  }

  params(model: ModelName): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [key, f] of this.groups.get(model)?.fields ?? []) out[key] = f.value;
    return out;
  }

  /** Mirrors margins dragged on the canvas into the Expand fields. */
  syncMargins(margins: Margins): void {
    const fields = this.groups.get('expand')?.fields;
    for (const [side, v] of Object.entries(margins)) {
      const f = fields?.get(side);
      if (f && f.value !== v) f.value = v;
    }
  }
}

/** Seed, prompt upsampling and safety tolerance: rarely changed, so folded under "More". */
export class MoreFields {
  readonly root: HTMLDetailsElement;
  private readonly seed: HTMLInputElement;
  private readonly upsampling: HTMLInputElement;
  private readonly safety: NumberField;

  constructor(defaults: EditorInit['defaults']) {
    const s = COMMON_RANGES.seed;
    this.seed = h('input', { type: 'number', id: 'f-seed', min: s.min, max: s.max, step: 1, placeholder: 'random', inputmode: 'numeric' });
    this.upsampling = h('input', { type: 'checkbox', id: 'f-upsampling' });
    const t = COMMON_RANGES.safety_tolerance;
    this.safety = numberField({
      id: 'f-safety',
      label: 'Safety tolerance',
      hint: `${t.min} strict – ${t.max} permissive`,
      min: t.min,
      max: t.max,
      step: 1,
      value: Math.min(t.max, Math.max(t.min, defaults.safety_tolerance)),
      onChange: () => {},
    });
    this.root = h(
      'details',
      { class: 'more' },
      h('summary', {}, 'More'),
      h('div', { class: 'field' }, h('label', { for: 'f-seed' }, 'Seed', h('span', { class: 'range-hint' }, ' empty = random')), this.seed),
      h('div', { class: 'field check' }, this.upsampling, h('label', { for: 'f-upsampling' }, 'Prompt upsampling (FLUX rewrites the prompt)')),
      this.safety.root,
    );
  }

  /** An error message if the seed is not a valid whole number. */
  seedProblem(): string | undefined {
    const raw = this.seed.value.trim();
    if (!raw) return undefined;
    const n = Number(raw);
    const s = COMMON_RANGES.seed;
    return Number.isInteger(n) && n >= s.min && n <= s.max ? undefined : `Seed must be a whole number from ${s.min} to ${s.max}, or empty.`;
  }

  params(): Record<string, number | boolean> {
    const out: Record<string, number | boolean> = { safety_tolerance: this.safety.value };
    if (this.seed.value.trim()) out.seed = Number(this.seed.value);
    if (this.upsampling.checked) out.prompt_upsampling = true;
    return out;
  }

  onInput(listener: () => void): void {
    this.seed.addEventListener('input', listener);
  }
}
