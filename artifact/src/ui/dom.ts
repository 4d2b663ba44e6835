import { t } from '../i18n.js';

type Attrs = Record<string, string | number | boolean | undefined | EventListener>;
type Child = Node | string | undefined | false;

/**
 * Creates an element. Attributes starting with "on" become listeners, booleans toggle the attribute, and
 * text is always set as text: nothing passes through innerHTML, so prompts and labels cannot inject markup.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  for (const c of children) if (c !== undefined && c !== false) el.append(c);
  return el;
}

export function show(el: HTMLElement, visible: boolean): void {
  el.hidden = !visible;
}

/**
 * A number input paired with a range slider, kept in sync. A typed value outside the range is refused in the
 * field, with a message, and not passed on: `value` keeps the last one in range.
 */
export interface NumberField {
  root: HTMLElement;
  input: HTMLInputElement;
  label: string;
  min: number;
  max: number;
  /** The field holds a typed value outside its range. */
  readonly invalid: boolean;
  get value(): number;
  set value(v: number);
}

export function numberField(opts: {
  id: string;
  label: string;
  min: number;
  max: number;
  step: number;
  value: number;
  hint?: string;
  onChange: (v: number) => void;
}): NumberField {
  const clamp = (v: number) => Math.min(opts.max, Math.max(opts.min, v));
  const range = h('input', {
    type: 'range',
    min: opts.min,
    max: opts.max,
    step: opts.step,
    value: opts.value,
    'aria-hidden': 'true',
    tabindex: -1,
  });
  const input = h('input', {
    type: 'number',
    id: opts.id,
    min: opts.min,
    max: opts.max,
    step: opts.step,
    value: opts.value,
    inputmode: 'decimal',
  });
  const errorId = `${opts.id}-error`;
  const error = h('p', { id: errorId, class: 'field-error', hidden: true });
  let accepted = opts.value;
  let invalid = false;
  const setInvalid = (message: string | undefined) => {
    invalid = message !== undefined;
    error.textContent = message ?? '';
    error.hidden = !invalid;
    if (invalid) {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', errorId);
    } else {
      input.removeAttribute('aria-invalid');
      input.removeAttribute('aria-describedby');
    }
  };
  const set = (v: number, from: HTMLInputElement | undefined) => {
    accepted = v;
    if (from !== range) range.value = String(v);
    if (from !== input) input.value = String(v);
    setInvalid(undefined);
  };
  range.addEventListener('input', () => {
    set(Number(range.value), range);
    opts.onChange(Number(range.value));
  });
  input.addEventListener('input', () => {
    const v = Number(input.value);
    if (input.value === '' || !Number.isFinite(v)) return;
    if (v < opts.min || v > opts.max) {
      setInvalid(t('field.out_of_range', { value: input.value, min: opts.min, max: opts.max }));
      opts.onChange(accepted);
      return;
    }
    set(v, input);
    opts.onChange(v);
  });
  // Leaving an empty field puts the last accepted value back; a wrong one stays, marked, until corrected.
  input.addEventListener('change', () => {
    if (input.value === '') set(accepted, undefined);
  });
  const root = h(
    'div',
    { class: 'field' },
    h(
      'label',
      { for: opts.id },
      opts.label,
      opts.hint ? h('span', { class: 'range-hint' }, ` ${opts.hint}`) : undefined,
    ),
    h('div', { class: 'field-row' }, range, input),
    error,
  );
  return {
    root,
    input,
    label: opts.label,
    min: opts.min,
    max: opts.max,
    get invalid() {
      return invalid;
    },
    get value() {
      return accepted;
    },
    set value(v: number) {
      set(clamp(v), undefined);
    },
  };
}
