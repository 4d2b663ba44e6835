import type { Brush, MaskBuffer } from './mask.js';
import type { Stage } from './stage.js';
import type { Point, Rect, View } from './view.js';

/** What the keyboard brush says to a screen reader when a rectangle starts, is filled or is dropped. */
export type RectNews = 'started' | 'filled' | 'cancelled';

/**
 * Painting without a pointer, on the focused canvas: the arrow keys move the brush (Shift: four times as far),
 * Space held paints along the way, Enter paints one dab. Each Space press is one undo step, as a stroke is.
 * R starts a rectangle at the brush: the arrows move its far corner, Enter fills it (one undo step, the
 * eraser clears it), Escape drops it.
 */
export class KeyboardBrush {
  private at: Point | undefined;
  /** The corner a rectangle started at; the brush's position is the other corner. */
  private anchor: Point | undefined;

  constructor(
    private readonly stage: Stage,
    private readonly mask: () => MaskBuffer | undefined,
    private readonly brush: () => Brush,
    /** The brush or the eraser is the tool, on a picture that takes a mask. */
    private readonly active: () => boolean,
    private readonly onStrokeEnd: () => void,
    private readonly announce: (news: RectNews) => void,
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
      this.anchor = undefined;
      stage.point(undefined);
    });
  }

  /** A new picture: the brush starts again at its centre. */
  reset(): void {
    this.at = undefined;
    this.anchor = undefined;
  }

  /** The rectangle being sized, outlined as the crop is (light dashes on a dark line), on any picture. */
  draw(ctx: CanvasRenderingContext2D, view: View): void {
    const r = this.rect();
    if (!r) return;
    const a = view.toScreen(r);
    const w = r.width * view.scale;
    const ht = r.height * view.scale;
    ctx.save();
    ctx.lineWidth = 2;
    ctx.strokeStyle = 'rgba(0,0,0,0.7)';
    ctx.strokeRect(a.x, a.y, w, ht);
    ctx.strokeStyle = '#fff';
    ctx.setLineDash([6, 4]);
    ctx.strokeRect(a.x, a.y, w, ht);
    ctx.restore();
  }

  /** The mask pixels between the anchor and the brush, both corners included. */
  private rect(): Rect | undefined {
    const a = this.anchor;
    const b = this.at;
    if (!a || !b) return undefined;
    const x = Math.round(Math.min(a.x, b.x));
    const y = Math.round(Math.min(a.y, b.y));
    return { x, y, width: Math.round(Math.max(a.x, b.x)) - x + 1, height: Math.round(Math.max(a.y, b.y)) - y + 1 };
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
    if (this.anchor) {
      if (move) this.place({ x: at.x + move[0], y: at.y + move[1] });
      else if (e.key === 'Enter' || e.key === 'Escape') this.finishRect(mask, e.key === 'Enter');
      // Space would start a stroke under the rectangle: while one is sized, only its keys count.
      else if (e.key !== ' ') return;
    } else if ((e.key === 'r' || e.key === 'R') && !mask.stroking) {
      this.anchor = at;
      this.stage.render();
      this.announce('started');
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

  private finishRect(mask: MaskBuffer, fill: boolean): void {
    const r = this.rect();
    this.anchor = undefined;
    if (fill && r) {
      mask.fillRect(r, this.brush().erase ? 0 : 255);
      this.onStrokeEnd();
    }
    this.stage.render();
    this.announce(fill ? 'filled' : 'cancelled');
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
