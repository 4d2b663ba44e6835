import type { Point, Rect, View } from './view.js';

export type ShapeKind = 'rect' | 'lasso';

/** The pixels a shape covers: its bounds, and which of them are inside (all of them for a rectangle). */
export interface ShapeArea {
  bounds: Rect;
  inside?: (x: number, y: number) => boolean;
}

/**
 * A shape drawn from the keyboard, its last corner always the brush: a rectangle from where it started, or a
 * lasso through the corners set so far.
 */
export class KeyboardShape {
  readonly corners: Point[];

  constructor(
    readonly kind: ShapeKind,
    start: Point,
  ) {
    this.corners = [start];
  }

  /** The mask pixels it covers with the brush at `at`, or nothing yet (a lasso needs three corners). */
  area(at: Point, width: number, height: number): ShapeArea | undefined {
    const points = this.points(at);
    if (this.kind === 'lasso' && points.length < 3) return undefined;
    const xs = points.map((p) => Math.round(p.x));
    const ys = points.map((p) => Math.round(p.y));
    const x = Math.max(0, Math.min(...xs));
    const y = Math.max(0, Math.min(...ys));
    const bounds = {
      x,
      y,
      width: Math.min(width - 1, Math.max(...xs)) - x + 1,
      height: Math.min(height - 1, Math.max(...ys)) - y + 1,
    };
    // A rectangle takes both corners' pixels; a lasso the pixels it encloses, its corners at pixel centres.
    return this.kind === 'rect' ? { bounds } : { bounds, inside: (px, py) => encloses(points, px, py) };
  }

  /** Its outline as the crop's is drawn (light dashes on a dark line), so it shows on any picture. */
  draw(ctx: CanvasRenderingContext2D, view: View, at: Point): void {
    const points = this.points(at);
    const path = new Path2D();
    if (this.kind === 'rect') {
      const [a, b] = points as [Point, Point];
      const from = view.toScreen({ x: Math.min(a.x, b.x), y: Math.min(a.y, b.y) });
      const to = view.toScreen({ x: Math.max(a.x, b.x) + 1, y: Math.max(a.y, b.y) + 1 });
      path.rect(from.x, from.y, to.x - from.x, to.y - from.y);
    } else {
      for (const p of points.map((q) => view.toScreen({ x: q.x + 0.5, y: q.y + 0.5 }))) path.lineTo(p.x, p.y);
      path.closePath();
    }
    ctx.save();
    ctx.lineWidth = 2;
    ctx.strokeStyle = 'rgba(0,0,0,0.7)';
    ctx.stroke(path);
    ctx.strokeStyle = '#fff';
    ctx.setLineDash([6, 4]);
    ctx.stroke(path);
    ctx.restore();
  }

  private points(at: Point): Point[] {
    return [...this.corners, at];
  }
}

/** Even-odd rule: a point is inside when a ray from it crosses the outline an odd number of times. */
function encloses(polygon: Point[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i]!;
    const b = polygon[j]!;
    if (a.y > y !== b.y > y && x < ((b.x - a.x) * (y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}
