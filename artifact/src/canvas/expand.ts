import type { Tool } from './stage.js';
import type { Point, Rect, View } from './view.js';

export type Side = 'top' | 'bottom' | 'left' | 'right';
export type Margins = Record<Side, number>;

export const SIDES: readonly Side[] = ['top', 'bottom', 'left', 'right'];

const GRAB_PX = 14;

export interface ExpandGeometry {
  /** The picture being expanded (whole preview or the crop), in preview pixels. */
  base: Rect;
  /** Preview pixels per full-resolution pixel: margins are in full-resolution pixels, as FLUX takes them. */
  scale: number;
  max: number;
}

/** The expanded canvas in preview pixels. */
export function expandedRect(m: Margins, g: ExpandGeometry): Rect {
  return {
    x: g.base.x - m.left * g.scale,
    y: g.base.y - m.top * g.scale,
    width: g.base.width + (m.left + m.right) * g.scale,
    height: g.base.height + (m.top + m.bottom) * g.scale,
  };
}

/** Drag an edge of the outer frame outwards to add canvas on that side. */
export class ExpandTool implements Tool {
  readonly cursor = 'default';
  private side: Side | undefined;
  private before: Margins | undefined;

  constructor(
    private readonly margins: Margins,
    private readonly geometry: () => ExpandGeometry | undefined,
    private readonly view: View,
    private readonly onChange: () => void,
  ) {}

  down(at: Point): void {
    const g = this.geometry();
    if (!g) return;
    this.side = sideNear(expandedRect(this.margins, g), at, GRAB_PX / this.view.scale);
    this.before = { ...this.margins };
  }

  move(at: Point): void {
    const g = this.geometry();
    if (!this.side || !g) return;
    const b = g.base;
    const outward = {
      top: b.y - at.y,
      bottom: at.y - (b.y + b.height),
      left: b.x - at.x,
      right: at.x - (b.x + b.width),
    }[this.side];
    this.margins[this.side] = Math.min(g.max, Math.max(0, Math.round(outward / g.scale)));
    this.onChange();
  }

  up(): void {
    this.side = undefined;
  }

  cancel(): void {
    if (this.before) Object.assign(this.margins, this.before);
    this.side = undefined;
    this.onChange();
  }
}

/** The side of `r` within `tol` of `p`, nearest first. */
export function sideNear(r: Rect, p: Point, tol: number): Side | undefined {
  const withinX = p.x >= r.x - tol && p.x <= r.x + r.width + tol;
  const withinY = p.y >= r.y - tol && p.y <= r.y + r.height + tol;
  const candidates: Array<[Side, number]> = [];
  if (withinX) candidates.push(['top', Math.abs(p.y - r.y)], ['bottom', Math.abs(p.y - (r.y + r.height))]);
  if (withinY) candidates.push(['left', Math.abs(p.x - r.x)], ['right', Math.abs(p.x - (r.x + r.width))]);
  const best = candidates.filter(([, d]) => d <= tol).sort((a, b) => a[1] - b[1])[0];
  return best?.[0];
}

/** Hatches the added area and draws a handle in the middle of each side. */
export function drawExpand(ctx: CanvasRenderingContext2D, view: View, m: Margins, g: ExpandGeometry): void {
  drawFrame(ctx, view, expandedRect(m, g), g.base);
}

/** Hatches `outer` outside `base` (both in image pixels) and draws a handle in the middle of each side. */
export function drawFrame(ctx: CanvasRenderingContext2D, view: View, outer: Rect, base: Rect): void {
  const o = view.toScreen(outer);
  const ow = outer.width * view.scale;
  const oh = outer.height * view.scale;
  const b = view.toScreen(base);
  const bw = base.width * view.scale;
  const bh = base.height * view.scale;
  ctx.save();
  ctx.beginPath();
  ctx.rect(o.x, o.y, ow, oh);
  ctx.rect(b.x, b.y, bw, bh);
  ctx.fillStyle = 'rgba(109,93,252,0.28)';
  ctx.fill('evenodd');
  ctx.lineWidth = 2;
  ctx.strokeStyle = '#6d5dfc';
  ctx.strokeRect(o.x, o.y, ow, oh);
  const handles: Array<[number, number, boolean]> = [
    [o.x + ow / 2, o.y, true],
    [o.x + ow / 2, o.y + oh, true],
    [o.x, o.y + oh / 2, false],
    [o.x + ow, o.y + oh / 2, false],
  ];
  for (const [x, y, horizontal] of handles) {
    const hw = horizontal ? 28 : 8;
    const hh = horizontal ? 8 : 28;
    ctx.fillStyle = '#fff';
    ctx.strokeStyle = '#6d5dfc';
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.roundRect(x - hw / 2, y - hh / 2, hw, hh, 4);
    ctx.fill();
    ctx.stroke();
  }
  ctx.restore();
}
