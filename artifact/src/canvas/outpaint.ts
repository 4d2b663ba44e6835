import { drawFrame, sideNear } from './expand.js';
import type { Tool } from './stage.js';
import type { Point, Rect, View } from './view.js';

/**
 * Outpainting's canvas, as FLUX's Outpainting endpoint takes it: `width` x `height` in full-resolution pixels and
 * the picture's top-left corner on it (`offsetX`, `offsetY`, negative when the canvas cuts the picture off).
 * Unlike Expand's four margins it can be any size and sit anywhere, so "16:9 with the subject on the left" is
 * one frame.
 */
export interface OutpaintFrame {
  width: number;
  height: number;
  offsetX: number;
  offsetY: number;
}

interface Size {
  width: number;
  height: number;
}

/** BFL: width and height at least 64; the canvas at most 4 MP (the sidecar scales larger frames down). */
export const MIN_OUTPAINT_SIDE = 64;

/** Common ratios offered as presets, width:height. */
export const OUTPAINT_PRESETS: ReadonlyArray<readonly [string, number, number]> = [
  ['1:1', 1, 1],
  ['4:3', 4, 3],
  ['3:2', 3, 2],
  ['16:9', 16, 9],
  ['21:9', 21, 9],
  ['3:4', 3, 4],
  ['2:3', 2, 3],
  ['9:16', 9, 16],
];

/** Where the picture sits along the side the preset adds canvas to. */
export type Align = 'start' | 'center' | 'end';

/** The smallest canvas of ratio rw:rh that holds the whole picture, the picture placed as `align` says. */
export function frameForRatio(picture: Size, rw: number, rh: number, align: Align = 'center'): OutpaintFrame {
  const ratio = rw / rh;
  const wider = picture.width / picture.height < ratio;
  const width = wider ? Math.round(picture.height * ratio) : picture.width;
  const height = wider ? picture.height : Math.round(picture.width / ratio);
  const place = (room: number) => (align === 'start' ? 0 : align === 'end' ? room : Math.round(room / 2));
  return { width, height, offsetX: place(width - picture.width), offsetY: place(height - picture.height) };
}

/** The frame that adds nothing: the picture itself. */
export const pictureFrame = (picture: Size): OutpaintFrame => ({ ...picture, offsetX: 0, offsetY: 0 });

/** Whether the canvas cuts part of the picture off (FLUX then needs `auto_crop`). */
export function cutsPicture(f: OutpaintFrame, picture: Size): boolean {
  return f.offsetX < 0 || f.offsetY < 0 || f.offsetX + picture.width > f.width || f.offsetY + picture.height > f.height;
}

/** The canvas in preview pixels, for a picture drawn at `base` with `scale` preview pixels per real one. */
export function frameRect(f: OutpaintFrame, base: Rect, scale: number): Rect {
  return {
    x: base.x - f.offsetX * scale,
    y: base.y - f.offsetY * scale,
    width: f.width * scale,
    height: f.height * scale,
  };
}

type Grip = 'move' | 'top' | 'bottom' | 'left' | 'right';

const GRAB_PX = 14;

export interface OutpaintGeometry {
  /** The picture (whole preview or the crop), in preview pixels. */
  base: Rect;
  /** Preview pixels per full-resolution pixel. */
  scale: number;
}

/**
 * Drag an edge of the frame to resize the canvas on that side, or drag inside it to move the canvas around the
 * picture. The picture may end up partly off the canvas: that part is cut (FLUX's `auto_crop`), but at least
 * one pixel row and column of it stays on.
 */
export class OutpaintTool implements Tool {
  readonly cursor = 'move';
  private grip: Grip | undefined;
  private start: { at: Point; frame: OutpaintFrame } | undefined;

  constructor(
    private readonly frame: OutpaintFrame,
    private readonly geometry: () => OutpaintGeometry | undefined,
    private readonly view: View,
    private readonly onChange: () => void,
  ) {}

  down(at: Point): void {
    const g = this.geometry();
    if (!g) return;
    this.grip = gripAt(frameRect(this.frame, g.base, g.scale), at, GRAB_PX / this.view.scale);
    this.start = { at, frame: { ...this.frame } };
  }

  move(at: Point): void {
    const g = this.geometry();
    if (!this.grip || !this.start || !g) return;
    const dx = Math.round((at.x - this.start.at.x) / g.scale);
    const dy = Math.round((at.y - this.start.at.y) / g.scale);
    Object.assign(this.frame, dragFrame(this.start.frame, this.grip, dx, dy, pictureSize(g)));
    this.onChange();
  }

  up(): void {
    this.grip = undefined;
  }

  cancel(): void {
    if (this.start) Object.assign(this.frame, this.start.frame);
    this.grip = undefined;
    this.onChange();
  }
}

const pictureSize = (g: OutpaintGeometry): Size => ({
  width: Math.round(g.base.width / g.scale),
  height: Math.round(g.base.height / g.scale),
});

/** The frame after dragging `grip` by (dx, dy) full-resolution pixels. */
export function dragFrame(f: OutpaintFrame, grip: Grip, dx: number, dy: number, picture: Size): OutpaintFrame {
  const next = { ...f };
  switch (grip) {
    case 'move':
      next.offsetX -= dx;
      next.offsetY -= dy;
      break;
    case 'right':
      next.width = Math.max(MIN_OUTPAINT_SIDE, f.width + dx);
      break;
    case 'bottom':
      next.height = Math.max(MIN_OUTPAINT_SIDE, f.height + dy);
      break;
    case 'left': {
      const width = Math.max(MIN_OUTPAINT_SIDE, f.width - dx);
      next.offsetX += width - f.width;
      next.width = width;
      break;
    }
    case 'top': {
      const height = Math.max(MIN_OUTPAINT_SIDE, f.height - dy);
      next.offsetY += height - f.height;
      next.height = height;
      break;
    }
  }
  // Some of the picture stays on the canvas: Outpainting extends a picture, it cannot start from nothing.
  next.offsetX = Math.min(next.width - 1, Math.max(1 - picture.width, next.offsetX));
  next.offsetY = Math.min(next.height - 1, Math.max(1 - picture.height, next.offsetY));
  return next;
}

function gripAt(r: Rect, p: Point, tol: number): Grip | undefined {
  const side = sideNear(r, p, tol);
  if (side) return side;
  return p.x >= r.x && p.x <= r.x + r.width && p.y >= r.y && p.y <= r.y + r.height ? 'move' : undefined;
}

/** Hatches the canvas outside the picture and draws a handle on each side. */
export function drawOutpaint(ctx: CanvasRenderingContext2D, view: View, f: OutpaintFrame, g: OutpaintGeometry): void {
  drawFrame(ctx, view, frameRect(f, g.base, g.scale), g.base);
}
