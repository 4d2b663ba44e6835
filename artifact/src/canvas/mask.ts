import type { MaskHistory } from './history.js';
import type { Point, Rect } from './view.js';

export interface Brush {
  /** Diameter in mask pixels. */
  size: number;
  /** 1 = hard edge (only 0 and 255); lower values fade the outer part of the radius into grey. */
  hardness: number;
  erase: boolean;
}

/**
 * The mask at preview resolution: one byte per pixel, 0 = keep, 255 = repaint, grey = blend (soft brush).
 * Strokes are drawn as capsules between successive pointer positions, so fast movements leave no gaps,
 * and combine with max (paint) or min (erase), so a stroke crossing itself does not darken or brighten.
 */
export class MaskBuffer {
  data: Uint8Array;
  private snapshot: Uint8Array;
  private dirty: Rect | undefined;
  private last: Point | undefined;

  constructor(
    readonly width: number,
    readonly height: number,
    private readonly history: MaskHistory,
    private readonly onChange: (rect: Rect) => void,
  ) {
    this.data = new Uint8Array(width * height);
    this.snapshot = new Uint8Array(width * height);
  }

  get stroking(): boolean {
    return this.last !== undefined;
  }

  beginStroke(at: Point, brush: Brush): void {
    this.snapshot.set(this.data);
    this.dirty = undefined;
    this.last = at;
    this.segment(at, at, brush);
  }

  strokeTo(at: Point, brush: Brush): void {
    if (!this.last) return;
    this.segment(this.last, at, brush);
    this.last = at;
  }

  endStroke(): void {
    if (!this.last) return;
    this.last = undefined;
    if (this.dirty) this.history.record(this.dirty, this.snapshot, this.data, this.width);
    this.dirty = undefined;
  }

  /** Drops the stroke in progress (a second finger turned it into a pinch). */
  cancelStroke(): void {
    if (!this.last) return;
    this.last = undefined;
    const r = this.dirty;
    this.dirty = undefined;
    if (!r) return;
    for (let y = r.y; y < r.y + r.height; y++) {
      const row = y * this.width;
      this.data.set(this.snapshot.subarray(row + r.x, row + r.x + r.width), row + r.x);
    }
    this.onChange(r);
  }

  /**
   * Sets the pixels of `rect` to `value` (255 paints, 0 erases) as one undoable step: all of them, or those for
   * which `inside` holds (a lasso's).
   */
  fillRect(rect: Rect, value: number, inside?: (x: number, y: number) => boolean): void {
    this.snapshot.set(this.data);
    for (let y = rect.y; y < rect.y + rect.height; y++) {
      const row = y * this.width;
      if (!inside) this.data.fill(value, row + rect.x, row + rect.x + rect.width);
      else for (let x = rect.x; x < rect.x + rect.width; x++) if (inside(x, y)) this.data[row + x] = value;
    }
    this.history.record(rect, this.snapshot, this.data, this.width);
    this.onChange(rect);
  }

  /** Replaces the whole mask as one undoable step. */
  replace(next: Uint8Array): void {
    this.history.record(this.full(), this.data, next, this.width);
    this.data.set(next);
    this.onChange(this.full());
  }

  undo(): boolean {
    return this.applied(this.history.undo(this.data, this.width));
  }

  redo(): boolean {
    return this.applied(this.history.redo(this.data, this.width));
  }

  /** True when nothing is painted inside `area` (default: the whole mask). */
  isEmpty(area: Rect = this.full()): boolean {
    for (let y = area.y; y < area.y + area.height; y++) {
      const row = y * this.width;
      for (let x = area.x; x < area.x + area.width; x++) if (this.data[row + x]! > 0) return false;
    }
    return true;
  }

  full(): Rect {
    return { x: 0, y: 0, width: this.width, height: this.height };
  }

  private applied(rect: Rect | undefined): boolean {
    if (!rect) return false;
    this.onChange(rect);
    return true;
  }

  private segment(a: Point, b: Point, brush: Brush): void {
    const radius = Math.max(0.5, brush.size / 2);
    // A hardness of 1 gives a binary edge; below that the outer (1 - hardness) of the radius ramps down.
    const inner = radius * Math.min(1, Math.max(0, brush.hardness));
    const ramp = radius - inner;
    const x0 = Math.max(0, Math.floor(Math.min(a.x, b.x) - radius));
    const y0 = Math.max(0, Math.floor(Math.min(a.y, b.y) - radius));
    const x1 = Math.min(this.width - 1, Math.ceil(Math.max(a.x, b.x) + radius));
    const y1 = Math.min(this.height - 1, Math.ceil(Math.max(a.y, b.y) + radius));
    if (x1 < x0 || y1 < y0) return;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len2 = dx * dx + dy * dy;
    const data = this.data;
    for (let y = y0; y <= y1; y++) {
      const py = y + 0.5;
      for (let x = x0; x <= x1; x++) {
        const px = x + 0.5;
        // Distance from the pixel centre to the segment a-b.
        const t = len2 === 0 ? 0 : Math.min(1, Math.max(0, ((px - a.x) * dx + (py - a.y) * dy) / len2));
        const ex = px - (a.x + t * dx);
        const ey = py - (a.y + t * dy);
        const d = Math.sqrt(ex * ex + ey * ey);
        if (d > radius) continue;
        const v = d <= inner || ramp === 0 ? 255 : Math.round(255 * smooth(1 - (d - inner) / ramp));
        if (v === 0) continue;
        const i = y * this.width + x;
        data[i] = brush.erase ? Math.min(data[i]!, 255 - v) : Math.max(data[i]!, v);
      }
    }
    const rect = { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
    this.dirty = this.dirty ? union(this.dirty, rect) : rect;
    this.onChange(rect);
  }
}

function smooth(t: number): number {
  return t * t * (3 - 2 * t);
}

export function union(a: Rect, b: Rect): Rect {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return {
    x,
    y,
    width: Math.max(a.x + a.width, b.x + b.width) - x,
    height: Math.max(a.y + a.height, b.y + b.height) - y,
  };
}
