import { t } from '../i18n.js';
import type { Rect } from './view.js';

/** Where the mask is at least this, it counts as painted for its outline. */
const EDGE_THRESHOLD = 128;

/**
 * Shows the mask as a coloured layer (the mask value becomes the colour's alpha) and its outline: a light line
 * just inside the edge and a dark one just outside, so the painted area shows on any picture, red ones too.
 */
export class MaskLayer {
  readonly canvas: HTMLCanvasElement;
  readonly edge: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  private readonly edgeCtx: CanvasRenderingContext2D;
  private readonly pixels: ImageData;
  private readonly edgePixels: ImageData;
  private rgb: [number, number, number] = [255, 0, 80];

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.canvas = document.createElement('canvas');
    this.canvas.width = width;
    this.canvas.height = height;
    this.edge = document.createElement('canvas');
    this.edge.width = width;
    this.edge.height = height;
    const ctx = this.canvas.getContext('2d');
    const edgeCtx = this.edge.getContext('2d');
    if (!ctx || !edgeCtx) throw new Error(t('load.no_canvas'));
    this.ctx = ctx;
    this.edgeCtx = edgeCtx;
    this.pixels = ctx.createImageData(width, height);
    this.edgePixels = edgeCtx.createImageData(width, height);
  }

  setColour(hex: string, mask: Uint8Array): void {
    const n = parseInt(hex.replace('#', ''), 16);
    this.rgb = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
    this.update(mask, { x: 0, y: 0, width: this.width, height: this.height });
  }

  update(mask: Uint8Array, r: Rect): void {
    const px = this.pixels.data;
    const [red, green, blue] = this.rgb;
    for (let y = r.y; y < r.y + r.height; y++) {
      for (let x = r.x; x < r.x + r.width; x++) {
        const i = y * this.width + x;
        const o = i * 4;
        px[o] = red;
        px[o + 1] = green;
        px[o + 2] = blue;
        px[o + 3] = mask[i]!;
      }
    }
    this.ctx.putImageData(this.pixels, 0, 0, r.x, r.y, r.width, r.height);
    this.outline(mask, r);
  }

  /** The outline changes one pixel around what changed. */
  private outline(mask: Uint8Array, changed: Rect): void {
    const { width: w, height: h } = this;
    const x0 = Math.max(0, changed.x - 1);
    const y0 = Math.max(0, changed.y - 1);
    const x1 = Math.min(w, changed.x + changed.width + 1);
    const y1 = Math.min(h, changed.y + changed.height + 1);
    const px = this.edgePixels.data;
    const inside = (x: number, y: number) => x >= 0 && y >= 0 && x < w && y < h && mask[y * w + x]! >= EDGE_THRESHOLD;
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) {
        const here = inside(x, y);
        const border =
          here !== inside(x - 1, y) ||
          here !== inside(x + 1, y) ||
          here !== inside(x, y - 1) ||
          here !== inside(x, y + 1);
        const o = (y * w + x) * 4;
        const shade = here ? 255 : 0;
        px[o] = shade;
        px[o + 1] = shade;
        px[o + 2] = shade;
        px[o + 3] = border ? 255 : 0;
      }
    }
    this.edgeCtx.putImageData(this.edgePixels, 0, 0, x0, y0, x1 - x0, y1 - y0);
  }
}
