import { t } from '../i18n.js';
import type { Rect } from './view.js';

/** Shows the mask as a coloured layer: the mask value becomes the colour's alpha. */
export class MaskLayer {
  readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  private readonly pixels: ImageData;
  private rgb: [number, number, number] = [255, 0, 80];

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.canvas = document.createElement('canvas');
    this.canvas.width = width;
    this.canvas.height = height;
    const ctx = this.canvas.getContext('2d');
    if (!ctx) throw new Error(t('load.no_canvas'));
    this.ctx = ctx;
    this.pixels = ctx.createImageData(width, height);
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
  }
}
