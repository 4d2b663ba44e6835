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

/** A number input paired with a range slider, kept in sync; `value` is clamped to the range. */
export interface NumberField {
  root: HTMLElement;
  input: HTMLInputElement;
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
  const set = (v: number, from: HTMLInputElement | undefined) => {
    if (from !== range) range.value = String(v);
    if (from !== input) input.value = String(v);
  };
  range.addEventListener('input', () => {
    set(Number(range.value), range);
    opts.onChange(Number(range.value));
  });
  input.addEventListener('input', () => {
    if (input.value === '' || !Number.isFinite(Number(input.value))) return;
    set(clamp(Number(input.value)), input);
    opts.onChange(clamp(Number(input.value)));
  });
  input.addEventListener('change', () => set(clamp(Number(input.value) || opts.min), undefined));
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
  );
  return {
    root,
    input,
    get value() {
      return clamp(Number(input.value) || opts.min);
    },
    set value(v: number) {
      set(clamp(v), undefined);
    },
  };
}
