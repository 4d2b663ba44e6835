import type { ToolName, Workspace } from './workspace.js';
import { h, show } from './dom.js';

const ASPECTS: Array<[string, number | undefined]> = [
  ['Free', undefined],
  ['1:1', 1],
  ['4:3', 4 / 3],
  ['3:4', 3 / 4],
  ['16:9', 16 / 9],
  ['9:16', 9 / 16],
];

export const BRUSH_MAX = 400;

/** The tools above the canvas. `update()` reflects the workspace (enabled buttons, slider values). */
export class Toolbar {
  readonly root: HTMLElement;
  private readonly toolButtons = new Map<ToolName, HTMLButtonElement>();
  private readonly size: HTMLInputElement;
  private readonly sizeOut: HTMLOutputElement;
  private readonly hardness: HTMLInputElement;
  private readonly undoBtn: HTMLButtonElement;
  private readonly redoBtn: HTMLButtonElement;
  private readonly maskGroup: HTMLElement;
  private readonly brushGroup: HTMLElement;
  private readonly cropGroup: HTMLElement;
  private readonly aspect: HTMLSelectElement;
  private readonly opsAmount: HTMLInputElement;

  constructor(private readonly ws: Workspace) {
    const tool = (name: ToolName, label: string, key: string) => {
      const b = h('button', { type: 'button', class: 'tool', 'aria-pressed': 'false', title: `${label} (${key})`, onclick: () => ws.setTool(ws.tool === name && name === 'crop' ? 'brush' : name) }, label);
      this.toolButtons.set(name, b);
      return b;
    };
    this.size = h('input', { type: 'range', id: 't-size', min: 1, max: BRUSH_MAX, step: 1, 'aria-describedby': 't-size-out' });
    this.sizeOut = h('output', { id: 't-size-out', for: 't-size' });
    this.size.addEventListener('input', () => {
      ws.brushSize = Number(this.size.value);
      this.update();
    });
    this.hardness = h('input', { type: 'range', id: 't-hardness', min: 0, max: 100, step: 5 });
    this.hardness.addEventListener('input', () => {
      ws.hardness = Number(this.hardness.value) / 100;
      ws.stage.render();
    });
    const colour = h('input', { type: 'color', id: 't-colour', value: ws.overlayColour, title: 'Mask colour' });
    const opacity = h('input', { type: 'range', id: 't-opacity', min: 10, max: 100, step: 5, value: Math.round(ws.overlayOpacity * 100) });
    const overlay = () => ws.setOverlay(colour.value, Number(opacity.value) / 100);
    colour.addEventListener('input', overlay);
    opacity.addEventListener('input', overlay);
    this.opsAmount = h('input', { type: 'number', id: 't-amount', min: 1, max: 64, step: 1, value: 8, class: 'small-number', title: 'Pixels for grow, shrink and blur' });
    const amount = () => Math.min(64, Math.max(1, Number(this.opsAmount.value) || 8));
    this.undoBtn = h('button', { type: 'button', title: 'Undo (Ctrl+Z)', 'aria-label': 'Undo', onclick: () => ws.undo() }, '↶');
    this.redoBtn = h('button', { type: 'button', title: 'Redo (Ctrl+Shift+Z or Ctrl+Y)', 'aria-label': 'Redo', onclick: () => ws.redo() }, '↷');
    this.aspect = h('select', { id: 't-aspect', 'aria-label': 'Crop aspect ratio' }, ...ASPECTS.map(([label], i) => h('option', { value: i }, label)));
    this.aspect.addEventListener('change', () => ws.setCropAspect(ASPECTS[Number(this.aspect.value)]?.[1]));

    this.brushGroup = h(
      'div',
      { class: 'group', role: 'group', 'aria-label': 'Brush' },
      h('label', { for: 't-size' }, 'Size'),
      this.size,
      this.sizeOut,
      h('label', { for: 't-hardness' }, 'Hardness'),
      this.hardness,
    );
    this.maskGroup = h(
      'div',
      { class: 'group', role: 'group', 'aria-label': 'Mask' },
      this.undoBtn,
      this.redoBtn,
      h('button', { type: 'button', title: 'Clear the mask', onclick: () => ws.clearMask() }, 'Clear'),
      h('button', { type: 'button', title: 'Invert the mask (I)', onclick: () => ws.invertMask() }, 'Invert'),
      h('button', { type: 'button', title: 'Grow the mask by the pixels on the right', onclick: () => ws.growMask(amount()) }, 'Grow'),
      h('button', { type: 'button', title: 'Shrink the mask by the pixels on the right', onclick: () => ws.shrinkMask(amount()) }, 'Shrink'),
      h('button', { type: 'button', title: 'Soften the mask edge', onclick: () => ws.blurMask(amount()) }, 'Blur'),
      h('label', { for: 't-amount', class: 'sr-only' }, 'Pixels'),
      this.opsAmount,
      h('span', { class: 'unit' }, 'px'),
      h('label', { for: 't-colour', class: 'sr-only' }, 'Mask colour'),
      colour,
      h('label', { for: 't-opacity' }, 'Opacity'),
      opacity,
    );
    this.cropGroup = h(
      'div',
      { class: 'group', role: 'group', 'aria-label': 'Crop' },
      h('label', { for: 't-aspect' }, 'Aspect'),
      this.aspect,
      h('button', { type: 'button', onclick: () => ws.clearCrop() }, 'No crop'),
    );
    this.root = h(
      'div',
      { class: 'toolbar', role: 'toolbar', 'aria-label': 'Editing tools' },
      h('div', { class: 'group', role: 'group', 'aria-label': 'Tool' }, tool('brush', 'Brush', 'B'), tool('eraser', 'Eraser', 'E'), tool('crop', 'Crop', 'C')),
      this.brushGroup,
      this.maskGroup,
      this.cropGroup,
      h(
        'div',
        { class: 'group', role: 'group', 'aria-label': 'Zoom' },
        h('button', { type: 'button', title: 'Zoom out (-)', 'aria-label': 'Zoom out', onclick: () => ws.stage.zoom(-1) }, '−'),
        h('button', { type: 'button', title: 'Fit to view (0)', onclick: () => ws.stage.fit() }, 'Fit'),
        h('button', { type: 'button', title: 'Zoom in (+)', 'aria-label': 'Zoom in', onclick: () => ws.stage.zoom(1) }, '+'),
      ),
    );
  }

  update(): void {
    const ws = this.ws;
    const painting = ws.needsMask;
    for (const [name, b] of this.toolButtons) {
      b.setAttribute('aria-pressed', String(ws.tool === name));
      // Brush and eraser only exist for models that take a mask.
      show(b, name === 'crop' || painting);
    }
    this.size.value = String(Math.min(BRUSH_MAX, ws.brushSize));
    this.sizeOut.value = `${ws.brushSize}px`;
    this.hardness.value = String(Math.round(ws.hardness * 100));
    show(this.brushGroup, painting && ws.tool !== 'crop');
    show(this.maskGroup, painting);
    show(this.cropGroup, ws.tool === 'crop');
    this.undoBtn.disabled = !ws.history.canUndo;
    this.redoBtn.disabled = !ws.history.canRedo;
  }
}
