import type { Tool } from './stage.js';
import type { Point, Rect, View } from './view.js';

/** The crop in preview pixels, and the aspect ratio (width / height) it keeps, if any. */
export interface CropState {
  rect: Rect | undefined;
  aspect: number | undefined;
}

const HANDLE_PX = 12;

/**
 * Drag a rectangle to crop; drag inside it to move it; drag a corner to resize. The crop applies to image and
 * mask together on the server, so the editor only sends fractions of the picture.
 */
export class CropTool implements Tool {
  readonly cursor = 'crosshair';
  private drag: { kind: 'new' | 'resize'; anchor: Point } | { kind: 'move'; from: Point; start: Rect } | undefined;
  private before: Rect | undefined;

  constructor(
    private readonly state: CropState,
    private readonly bounds: () => { width: number; height: number } | undefined,
    private readonly view: View,
    private readonly onChange: () => void,
  ) {}

  down(at: Point): void {
    const r = this.state.rect;
    this.before = r;
    if (r) {
      const corner = cornerNear(r, at, HANDLE_PX / this.view.scale);
      if (corner) {
        this.drag = { kind: 'resize', anchor: corner };
        return;
      }
      if (inside(r, at)) {
        this.drag = { kind: 'move', from: at, start: r };
        return;
      }
    }
    this.drag = { kind: 'new', anchor: this.clampPoint(at) };
  }

  move(at: Point): void {
    const b = this.bounds();
    if (!this.drag || !b) return;
    if (this.drag.kind === 'move') {
      const s = this.drag.start;
      const x = Math.min(b.width - s.width, Math.max(0, s.x + at.x - this.drag.from.x));
      const y = Math.min(b.height - s.height, Math.max(0, s.y + at.y - this.drag.from.y));
      this.state.rect = { ...s, x: Math.round(x), y: Math.round(y) };
    } else {
      this.state.rect = rectFrom(this.drag.anchor, this.clampPoint(at), this.state.aspect, b);
    }
    this.onChange();
  }

  up(): void {
    const r = this.state.rect;
    // A click without a drag clears the crop rather than leaving a sliver.
    if (this.drag?.kind === 'new' && r && (r.width < 4 || r.height < 4)) this.state.rect = undefined;
    this.drag = undefined;
    this.onChange();
  }

  cancel(): void {
    this.state.rect = this.before;
    this.drag = undefined;
    this.onChange();
  }

  private clampPoint(p: Point): Point {
    const b = this.bounds() ?? { width: 0, height: 0 };
    return { x: Math.min(b.width, Math.max(0, p.x)), y: Math.min(b.height, Math.max(0, p.y)) };
  }
}

/** Applies an aspect preset to an existing crop, keeping its centre, or makes the largest centred crop. */
export function fitAspect(rect: Rect | undefined, aspect: number, bounds: { width: number; height: number }): Rect {
  const base = rect ?? { x: 0, y: 0, width: bounds.width, height: bounds.height };
  let width = base.width;
  let height = width / aspect;
  if (height > base.height) {
    height = base.height;
    width = height * aspect;
  }
  const cx = base.x + base.width / 2;
  const cy = base.y + base.height / 2;
  const x = Math.min(bounds.width - width, Math.max(0, cx - width / 2));
  const y = Math.min(bounds.height - height, Math.max(0, cy - height / 2));
  return roundRect({ x, y, width, height });
}

function rectFrom(a: Point, b: Point, aspect: number | undefined, bounds: { width: number; height: number }): Rect {
  let width = Math.abs(b.x - a.x);
  let height = Math.abs(b.y - a.y);
  const sx = b.x >= a.x ? 1 : -1;
  const sy = b.y >= a.y ? 1 : -1;
  if (aspect) {
    if (width / aspect > height) height = width / aspect;
    else width = height * aspect;
    // Shrink to what fits between the anchor and the picture's edge in the drag direction.
    const roomX = sx > 0 ? bounds.width - a.x : a.x;
    const roomY = sy > 0 ? bounds.height - a.y : a.y;
    const k = Math.min(1, roomX / width, roomY / height);
    width *= k;
    height *= k;
  }
  return roundRect({ x: sx > 0 ? a.x : a.x - width, y: sy > 0 ? a.y : a.y - height, width, height });
}

function roundRect(r: Rect): Rect {
  return { x: Math.round(r.x), y: Math.round(r.y), width: Math.round(r.width), height: Math.round(r.height) };
}

function inside(r: Rect, p: Point): boolean {
  return p.x >= r.x && p.x <= r.x + r.width && p.y >= r.y && p.y <= r.y + r.height;
}

/** The corner opposite the one under the pointer (the resize anchor), if the pointer is on a corner. */
function cornerNear(r: Rect, p: Point, tolerance: number): Point | undefined {
  for (const [cx, ox] of [
    [r.x, r.x + r.width],
    [r.x + r.width, r.x],
  ] as const) {
    for (const [cy, oy] of [
      [r.y, r.y + r.height],
      [r.y + r.height, r.y],
    ] as const) {
      if (Math.abs(p.x - cx) <= tolerance && Math.abs(p.y - cy) <= tolerance) return { x: ox, y: oy };
    }
  }
  return undefined;
}

/** Dims what the crop leaves out and frames the crop, with its size in full-resolution pixels. */
export function drawCrop(
  ctx: CanvasRenderingContext2D,
  view: View,
  rect: Rect,
  image: { width: number; height: number },
  fullScale: number,
): void {
  const a = view.toScreen(rect);
  const w = rect.width * view.scale;
  const hgt = rect.height * view.scale;
  const o = view.toScreen({ x: 0, y: 0 });
  ctx.save();
  ctx.beginPath();
  ctx.rect(o.x, o.y, image.width * view.scale, image.height * view.scale);
  ctx.rect(a.x, a.y, w, hgt);
  ctx.fillStyle = 'rgba(0,0,0,0.5)';
  ctx.fill('evenodd');
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = '#fff';
  ctx.setLineDash([6, 4]);
  ctx.strokeRect(a.x, a.y, w, hgt);
  ctx.setLineDash([]);
  ctx.fillStyle = '#fff';
  for (const [x, y] of [
    [a.x, a.y],
    [a.x + w, a.y],
    [a.x, a.y + hgt],
    [a.x + w, a.y + hgt],
  ] as const) {
    ctx.fillRect(x - 4, y - 4, 8, 8);
  }
  const label = `${Math.round(rect.width * fullScale)} × ${Math.round(rect.height * fullScale)}`;
  ctx.font = '12px system-ui, sans-serif';
  const tw = ctx.measureText(label).width;
  ctx.fillStyle = 'rgba(0,0,0,0.65)';
  ctx.fillRect(a.x, a.y - 20 < 0 ? a.y : a.y - 20, tw + 10, 18);
  ctx.fillStyle = '#fff';
  ctx.fillText(label, a.x + 5, (a.y - 20 < 0 ? a.y : a.y - 20) + 13);
  ctx.restore();
}
