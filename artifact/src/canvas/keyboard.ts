import type { Brush, MaskBuffer } from './mask.js';
import type { Stage } from './stage.js';
import type { Point } from './view.js';

/**
 * Painting without a pointer, on the focused canvas: the arrow keys move the brush (Shift: four times as far),
 * Space held paints along the way, Enter paints one dab. Each Space press is one undo step, as a stroke is.
 */
export class KeyboardBrush {
  private at: Point | undefined;

  constructor(
    private readonly stage: Stage,
    private readonly mask: () => MaskBuffer | undefined,
    private readonly brush: () => Brush,
    /** The brush or the eraser is the tool, on a picture that takes a mask. */
    private readonly active: () => boolean,
    private readonly onStrokeEnd: () => void,
  ) {
    const c = stage.canvas;
    c.addEventListener('keydown', (e) => this.onKey(e));
    c.addEventListener('keyup', (e) => {
      if (e.key !== ' ' || !this.active()) return;
      e.stopPropagation();
      this.end();
    });
    c.addEventListener('focus', () => this.place(this.at));
    c.addEventListener('blur', () => {
      this.end();
      stage.point(undefined);
    });
  }

  /** A new picture: the brush starts again at its centre. */
  reset(): void {
    this.at = undefined;
  }

  private onKey(e: KeyboardEvent): void {
    const mask = this.mask();
    if (!mask || !this.active() || e.ctrlKey || e.metaKey || e.altKey) return;
    const step = Math.max(2, Math.round(this.brush().size / 4)) * (e.shiftKey ? 4 : 1);
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    const move = moves[e.key];
    const at = this.place(this.at);
    if (move) {
      const next = this.place({ x: at.x + move[0], y: at.y + move[1] });
      if (mask.stroking) {
        mask.strokeTo(next, this.brush());
        this.stage.render();
      }
    } else if (e.key === ' ') {
      // Space on the canvas paints; elsewhere it is held for panning.
      if (!e.repeat && !mask.stroking) mask.beginStroke(at, this.brush());
      this.stage.render();
    } else if (e.key === 'Enter') {
      mask.beginStroke(at, this.brush());
      this.end();
    } else return;
    e.preventDefault();
    e.stopPropagation();
  }

  private end(): void {
    const mask = this.mask();
    if (!mask?.stroking) return;
    mask.endStroke();
    this.onStrokeEnd();
  }

  /** Keeps the brush on the picture and shows its outline there. */
  private place(p: Point | undefined): Point {
    const mask = this.mask();
    const w = mask?.width ?? 1;
    const ht = mask?.height ?? 1;
    const at = p
      ? { x: Math.min(w - 1, Math.max(0, p.x)), y: Math.min(ht - 1, Math.max(0, p.y)) }
      : { x: Math.round(w / 2), y: Math.round(ht / 2) };
    this.at = at;
    if (this.active()) this.stage.point(at);
    return at;
  }
}
