import type { Brush, MaskBuffer } from './mask.js';
import type { Tool } from './stage.js';
import type { Point, View } from './view.js';

/** Paints (or erases) the mask; shows the brush outline where the next stroke will land. */
export class BrushTool implements Tool {
  readonly cursor = 'none';

  constructor(
    private readonly mask: () => MaskBuffer | undefined,
    private readonly brush: () => Brush,
    private readonly onStrokeEnd: () => void,
  ) {}

  down(at: Point): void {
    this.mask()?.beginStroke(at, this.brush());
  }

  move(at: Point): void {
    this.mask()?.strokeTo(at, this.brush());
  }

  up(): void {
    const mask = this.mask();
    if (!mask?.stroking) return;
    mask.endStroke();
    this.onStrokeEnd();
  }

  cancel(): void {
    this.mask()?.cancelStroke();
  }

  draw(ctx: CanvasRenderingContext2D, view: View, hover: Point | undefined): void {
    if (!hover) return;
    const brush = this.brush();
    const r = Math.max(1, (brush.size / 2) * view.scale);
    ctx.save();
    ctx.beginPath();
    ctx.arc(hover.x, hover.y, r, 0, Math.PI * 2);
    ctx.lineWidth = 3;
    ctx.strokeStyle = 'rgba(0,0,0,0.55)';
    ctx.stroke();
    ctx.lineWidth = 1.25;
    ctx.strokeStyle = brush.erase ? '#7fd4ff' : '#ffffff';
    if (brush.erase) ctx.setLineDash([4, 3]);
    ctx.stroke();
    if (brush.hardness < 1 && r > 6) {
      // The inner circle marks where the soft edge starts.
      ctx.beginPath();
      ctx.setLineDash([2, 3]);
      ctx.arc(hover.x, hover.y, r * brush.hardness, 0, Math.PI * 2);
      ctx.strokeStyle = 'rgba(255,255,255,0.7)';
      ctx.stroke();
    }
    ctx.restore();
  }
}
