import { KeyboardShape, type ShapeKind } from './keyboard-shape.js';
import type { Brush, MaskBuffer } from './mask.js';
import type { Stage } from './stage.js';
import type { Point, View } from './view.js';

/** What the keyboard brush says to a screen reader as a rectangle or a lasso is drawn. */
export type ShapeNews =
  | 'rect_started'
  | 'rect_filled'
  | 'rect_cancelled'
  | 'lasso_started'
  | 'lasso_corner'
  | 'lasso_short'
  | 'lasso_filled'
  | 'lasso_cancelled';

const SHAPE_KEYS: Record<string, ShapeKind> = { r: 'rect', l: 'lasso' };

/**
 * Painting without a pointer, on the focused canvas: the arrow keys move the brush (Shift: four times as far),
 * Space held paints along the way, Enter paints one dab. Each Space press is one undo step, as a stroke is.
 * R starts a rectangle at the brush: the arrows move its far corner, Enter fills it (one undo step, the
 * eraser clears it), Escape drops it. L starts a lasso the same way; Space sets each further corner.
 */
export class KeyboardBrush {
  private at: Point | undefined;
  /** A rectangle or lasso being drawn; the brush is its last corner. */
  private shape: KeyboardShape | undefined;

  constructor(
    private readonly stage: Stage,
    private readonly mask: () => MaskBuffer | undefined,
    private readonly brush: () => Brush,
    /** The brush or the eraser is the tool, on a picture that takes a mask. */
    private readonly active: () => boolean,
    private readonly onStrokeEnd: () => void,
    private readonly announce: (news: ShapeNews) => void,
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
      this.shape = undefined;
      stage.point(undefined);
    });
  }

  /** A new picture: the brush starts again at its centre. */
  reset(): void {
    this.at = undefined;
    this.shape = undefined;
  }

  /** The shape being drawn, on any picture. */
  draw(ctx: CanvasRenderingContext2D, view: View): void {
    if (this.shape && this.at) this.shape.draw(ctx, view, this.at);
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
    const kind = SHAPE_KEYS[e.key.toLowerCase()];
    const shape = this.shape;
    if (shape) {
      if (move) this.place({ x: at.x + move[0], y: at.y + move[1] });
      else if (e.key === 'Enter' || e.key === 'Escape') this.finishShape(shape, mask, e.key === 'Enter');
      else if (e.key === ' ' && shape.kind === 'lasso' && !e.repeat) {
        shape.corners.push(at);
        this.announce('lasso_corner');
      }
      // Space would start a stroke under the shape: while one is drawn, only its keys count.
      else if (e.key !== ' ') return;
    } else if (kind && !mask.stroking) {
      this.shape = new KeyboardShape(kind, at);
      this.stage.render();
      this.announce(`${kind}_started`);
    } else if (move) {
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

  private finishShape(shape: KeyboardShape, mask: MaskBuffer, fill: boolean): void {
    const area = fill ? shape.area(this.place(this.at), mask.width, mask.height) : undefined;
    if (fill && !area) {
      this.announce('lasso_short');
      return;
    }
    this.shape = undefined;
    if (area) {
      mask.fillRect(area.bounds, this.brush().erase ? 0 : 255, area.inside);
      this.onStrokeEnd();
    }
    this.stage.render();
    this.announce(`${shape.kind}_${fill ? 'filled' : 'cancelled'}`);
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
