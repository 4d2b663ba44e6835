/**
 * Zoom and pan: maps image pixels (the mask's resolution) to CSS pixels of the stage canvas.
 * screen = image * scale + offset.
 */
export interface Point {
  x: number;
  y: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const MIN_SCALE = 0.05;
const MAX_SCALE = 32;

export class View {
  scale = 1;
  x = 0;
  y = 0;

  toImage(p: Point): Point {
    return { x: (p.x - this.x) / this.scale, y: (p.y - this.y) / this.scale };
  }

  toScreen(p: Point): Point {
    return { x: p.x * this.scale + this.x, y: p.y * this.scale + this.y };
  }

  /** Shows `content` (in image pixels) whole and centred in a viewport of the given CSS size. */
  fit(content: Rect, viewport: { width: number; height: number }, padding = 16): void {
    const w = Math.max(1, viewport.width - padding * 2);
    const h = Math.max(1, viewport.height - padding * 2);
    this.scale = clampScale(Math.min(w / content.width, h / content.height));
    this.x = (viewport.width - content.width * this.scale) / 2 - content.x * this.scale;
    this.y = (viewport.height - content.height * this.scale) / 2 - content.y * this.scale;
  }

  /** Zooms by `factor` keeping the image point under `anchor` (CSS px) where it is. */
  zoomAt(factor: number, anchor: Point): void {
    const before = this.toImage(anchor);
    this.scale = clampScale(this.scale * factor);
    this.x = anchor.x - before.x * this.scale;
    this.y = anchor.y - before.y * this.scale;
  }

  panBy(dx: number, dy: number): void {
    this.x += dx;
    this.y += dy;
  }
}

function clampScale(s: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, s));
}
