import { BRUSH_SIZE_MAX, CROP_RATIOS, ratioValue, type CropRatio } from '../../../src/settings/ratios.js';
import { t } from '../i18n.js';
import type { ToolName, Workspace } from './workspace.js';
import { h } from './dom.js';
import { icon, type IconName } from './icons.js';
import { RovingButtons } from './roving.js';

/** A button's content: its icon and its word (the word is hidden where the toolbar is compact). */
const face = (name: IconName, label: string) => [icon(name), h('span', { class: 'label' }, label)];
/** A character for an icon: the word is the button's name (read out, never shown), the glyph is not read out. */
const glyph = (char: string, label: string) => [
  h('span', { class: 'glyph', 'aria-hidden': 'true' }, char),
  h('span', { class: 'sr-only' }, label),
];

export const BRUSH_MAX = BRUSH_SIZE_MAX;

/** Hidden but keeping its place (out of the tab order and the accessibility tree), so nothing moves. */
function conceal(el: HTMLElement, hidden: boolean): void {
  el.classList.toggle('concealed', hidden);
}

/** The tools above the canvas. `update()` reflects the workspace (enabled buttons, slider values). */
export class Toolbar {
  readonly root: HTMLElement;
  private readonly toolButtons = new Map<ToolName, HTMLButtonElement>();
  private readonly size: HTMLInputElement;
  private readonly sizeOut: HTMLOutputElement;
  private readonly hardness: HTMLInputElement;
  private readonly colour: HTMLInputElement;
  private readonly opacity: HTMLInputElement;
  private readonly undoBtn: HTMLButtonElement;
  private readonly redoBtn: HTMLButtonElement;
  private readonly maskGroup: HTMLElement;
  private readonly brushGroup: HTMLElement;
  private readonly cropGroup: HTMLElement;
  private readonly aspect: HTMLSelectElement;
  private readonly opsAmount: HTMLInputElement;
  private readonly roving: RovingButtons;

  constructor(
    private readonly ws: Workspace,
    onLoadMask: () => void,
  ) {
    const tool = (name: ToolName, label: string, key: string) => {
      const b = h(
        'button',
        {
          type: 'button',
          class: 'tool',
          'aria-pressed': 'false',
          title: t('tool.with_key', { label, key }),
          'aria-label': label,
          onclick: () => ws.setTool(ws.tool === name && name === 'crop' ? 'brush' : name),
        },
        ...face(name, label),
      );
      this.toolButtons.set(name, b);
      return b;
    };
    this.size = h('input', {
      type: 'range',
      id: 't-size',
      min: 1,
      max: BRUSH_MAX,
      step: 1,
      'aria-describedby': 't-size-out',
    });
    this.sizeOut = h('output', { id: 't-size-out', for: 't-size' });
    this.size.addEventListener('input', () => {
      ws.setBrushSize(Number(this.size.value));
      this.update();
    });
    this.hardness = h('input', { type: 'range', id: 't-hardness', min: 0, max: 100, step: 5 });
    this.hardness.addEventListener('input', () => {
      ws.hardness = Number(this.hardness.value) / 100;
      ws.stage.render();
    });
    this.colour = h('input', { type: 'color', id: 't-colour', value: ws.overlayColour, title: t('tool.colour') });
    this.opacity = h('input', {
      type: 'range',
      id: 't-opacity',
      min: 10,
      max: 100,
      step: 5,
      value: Math.round(ws.overlayOpacity * 100),
    });
    const overlay = () => ws.setOverlay(this.colour.value, Number(this.opacity.value) / 100);
    this.colour.addEventListener('input', overlay);
    this.opacity.addEventListener('input', overlay);
    this.opsAmount = h('input', {
      type: 'number',
      id: 't-amount',
      min: 1,
      max: 64,
      step: 1,
      value: 8,
      class: 'small-number',
      title: t('tool.amount'),
    });
    const amount = () => Math.min(64, Math.max(1, Number(this.opsAmount.value) || 8));
    this.undoBtn = h(
      'button',
      { type: 'button', title: t('tool.undo_title'), onclick: () => ws.undo() },
      ...glyph('↶', t('tool.undo')),
    );
    this.redoBtn = h(
      'button',
      { type: 'button', title: t('tool.redo_title'), onclick: () => ws.redo() },
      ...glyph('↷', t('tool.redo')),
    );
    this.aspect = h(
      'select',
      { id: 't-aspect', 'aria-label': t('tool.aspect_label') },
      ...CROP_RATIOS.map((r) => h('option', { value: r }, r === 'free' ? t('tool.aspect_free') : r)),
    );
    this.aspect.addEventListener('change', () => ws.setCropAspect(ratioValue(this.aspect.value as CropRatio)));

    this.brushGroup = h(
      'div',
      { class: 'group', role: 'group', 'aria-label': t('tool.brush') },
      h('label', { for: 't-size' }, t('tool.size')),
      this.size,
      this.sizeOut,
      h('label', { for: 't-hardness' }, t('tool.hardness')),
      this.hardness,
    );
    this.maskGroup = h(
      'div',
      { class: 'group', role: 'group', 'aria-label': t('tool.mask') },
      this.undoBtn,
      this.redoBtn,
      h(
        'button',
        { type: 'button', title: t('tool.clear_title'), 'aria-label': t('tool.clear'), onclick: () => ws.clearMask() },
        ...face('clear', t('tool.clear')),
      ),
      h(
        'button',
        {
          type: 'button',
          title: t('tool.invert_title'),
          'aria-label': t('tool.invert'),
          onclick: () => ws.invertMask(),
        },
        ...face('invert', t('tool.invert')),
      ),
      h(
        'button',
        {
          type: 'button',
          title: t('tool.grow_title'),
          'aria-label': t('tool.grow'),
          onclick: () => ws.growMask(amount()),
        },
        ...face('grow', t('tool.grow')),
      ),
      h(
        'button',
        {
          type: 'button',
          title: t('tool.shrink_title'),
          'aria-label': t('tool.shrink'),
          onclick: () => ws.shrinkMask(amount()),
        },
        ...face('shrink', t('tool.shrink')),
      ),
      h(
        'button',
        {
          type: 'button',
          title: t('tool.blur_title'),
          'aria-label': t('tool.blur'),
          onclick: () => ws.blurMask(amount()),
        },
        ...face('blur', t('tool.blur')),
      ),
      h('label', { for: 't-amount', class: 'sr-only' }, t('tool.amount')),
      this.opsAmount,
      h('span', { class: 'unit' }, t('tool.px')),
      h(
        'button',
        {
          type: 'button',
          class: 'load-mask',
          title: t('tool.load_mask_title'),
          'aria-label': t('tool.load_mask'),
          onclick: onLoadMask,
        },
        ...face('load-mask', t('tool.load_mask')),
      ),
      h('label', { for: 't-colour', class: 'sr-only' }, t('tool.colour')),
      this.colour,
      h('label', { for: 't-opacity' }, t('tool.opacity')),
      this.opacity,
    );
    this.cropGroup = h(
      'div',
      { class: 'group', role: 'group', 'aria-label': t('tool.crop') },
      h('label', { for: 't-aspect' }, t('tool.aspect')),
      this.aspect,
      h('button', { type: 'button', onclick: () => ws.clearCrop() }, t('tool.no_crop')),
    );
    this.root = h(
      'div',
      { class: 'toolbar', role: 'toolbar', 'aria-label': t('tool.tools') },
      h(
        'div',
        { class: 'group', role: 'group', 'aria-label': t('tool.tool') },
        tool('brush', t('tool.brush'), 'B'),
        tool('eraser', t('tool.eraser'), 'E'),
        tool('crop', t('tool.crop'), 'C'),
      ),
      // The brush's and the crop's settings share one place, as large as the larger: no reflow between tools.
      h('div', { class: 'swap' }, this.brushGroup, this.cropGroup),
      this.maskGroup,
      h(
        'div',
        { class: 'group', role: 'group', 'aria-label': t('tool.zoom') },
        h(
          'button',
          {
            type: 'button',
            title: t('tool.zoom_out_title'),
            onclick: () => ws.stage.zoom(-1),
          },
          ...glyph('−', t('tool.zoom_out')),
        ),
        h(
          'button',
          { type: 'button', title: t('tool.fit_title'), 'aria-label': t('tool.fit'), onclick: () => ws.stage.fit() },
          ...face('fit', t('tool.fit')),
        ),
        h(
          'button',
          {
            type: 'button',
            title: t('tool.zoom_in_title'),
            onclick: () => ws.stage.zoom(1),
          },
          ...glyph('+', t('tool.zoom_in')),
        ),
      ),
    );
    this.roving = new RovingButtons(this.root);
  }

  get cropRatio(): CropRatio {
    return this.aspect.value as CropRatio;
  }

  /** Sets the remembered (or default) overlay and crop ratio; the brush lives in the workspace. */
  apply(s: { colour: string; opacity: number; ratio: CropRatio }): void {
    this.colour.value = s.colour;
    this.opacity.value = String(Math.round(s.opacity * 100));
    this.ws.setOverlay(s.colour, s.opacity);
    this.aspect.value = s.ratio;
    this.ws.setCropAspect(ratioValue(s.ratio));
  }

  update(): void {
    const ws = this.ws;
    const painting = ws.paints;
    // Without a picture no tool or mask operation has anything to work on; the settings (size, colour…) stay open.
    for (const button of this.root.querySelectorAll('button')) button.disabled = !ws.source;
    for (const [name, b] of this.toolButtons) {
      b.setAttribute('aria-pressed', String(ws.tool === name));
      // Brush and eraser only exist for models that take a mask.
      conceal(b, name !== 'crop' && !painting);
    }
    this.size.value = String(Math.min(BRUSH_MAX, ws.brushSize));
    this.sizeOut.value = `${ws.brushSize}px`;
    this.hardness.value = String(Math.round(ws.hardness * 100));
    conceal(this.brushGroup, !painting || ws.tool === 'crop');
    conceal(this.maskGroup, !painting);
    conceal(this.cropGroup, ws.tool !== 'crop');
    this.undoBtn.disabled = !ws.source || !ws.history.canUndo;
    this.redoBtn.disabled = !ws.source || !ws.history.canRedo;
    this.roving.update();
  }
}
