import { KeyboardBrush, type ShapeNews } from '../canvas/keyboard.js';
import { BrushTool } from '../canvas/brush.js';
import { CropTool, drawCrop, fitAspect, type CropState } from '../canvas/crop.js';
import { ExpandTool, drawExpand, expandedRect, type ExpandGeometry, type Margins } from '../canvas/expand.js';
import {
  type Align,
  drawOutpaint,
  frameForRatio,
  frameRect,
  type OutpaintFrame,
  OutpaintTool,
  pictureFrame,
} from '../canvas/outpaint.js';
import { blur, dilate, erode, invert } from '../../../src/masks/filters.js';
import { MaskHistory } from '../canvas/history.js';
import { MaskLayer } from '../canvas/layer.js';
import { MaskBuffer, type Brush } from '../canvas/mask.js';
import { Stage } from '../canvas/stage.js';
import type { Rect, View } from '../canvas/view.js';
import type { Source } from '../image/load.js';
import { toBase64 } from '../image/load.js';
import type { MaskBytes } from '../image/mask-pack.js';
import type { Crop, RawMask } from '../transport/types.js';
import { CATALOGUE, MODEL_INFO, type ModelName } from '../../../src/catalogue/models.js';

export type ToolName = 'brush' | 'eraser' | 'crop';

/**
 * The picture, its mask and everything drawn on the canvas, with the operations the toolbar and the
 * keyboard trigger. It knows nothing of sending: the panel asks it for the mask and the crop.
 */
export class Workspace {
  readonly stage: Stage;
  readonly history = new MaskHistory();
  readonly crop: CropState = { rect: undefined, aspect: undefined };
  readonly margins: Margins = { top: 0, bottom: 0, left: 0, right: 0 };
  /** Outpaint's canvas around the picture, in full-resolution pixels. */
  readonly frame: OutpaintFrame = { width: 0, height: 0, offsetX: 0, offsetY: 0 };
  brushSize = 40;
  hardness = 1;
  overlayColour = '#ff2d6f';
  overlayOpacity = 0.5;
  /** A brush size the user chose (remembered): kept when a picture is loaded, instead of the size that suits it. */
  preferredBrushSize: number | undefined;
  tool: ToolName = 'brush';
  private selected: ModelName = 'fill';
  source: Source | undefined;
  mask: MaskBuffer | undefined;
  /** Called after anything that can change what Send needs (mask, crop, margins, picture). */
  onChange: () => void = () => {};
  /** Told as a rectangle or lasso is drawn by keyboard (for the screen reader). */
  onShapeNews: (news: ShapeNews) => void = () => {};

  private layer: MaskLayer | undefined;
  private readonly brushTool: BrushTool;
  private readonly cropTool: CropTool;
  private readonly expandTool: ExpandTool;
  private readonly keyboard: KeyboardBrush;
  private readonly outpaintTool: OutpaintTool;

  constructor(container: HTMLElement) {
    this.stage = new Stage(container);
    this.brushTool = new BrushTool(
      () => this.mask,
      () => this.brush(),
      () => this.onChange(),
    );
    this.cropTool = new CropTool(
      this.crop,
      () => this.source?.preview,
      this.stage.view,
      () => this.changed(),
    );
    this.expandTool = new ExpandTool(
      this.margins,
      () => this.expandGeometry(),
      this.stage.view,
      () => this.changed(),
    );
    this.keyboard = new KeyboardBrush(
      this.stage,
      () => this.mask,
      () => this.brush(),
      () => Boolean(this.source) && this.paints && this.tool !== 'crop',
      () => this.onChange(),
      (news) => this.onShapeNews(news),
    );
    this.outpaintTool = new OutpaintTool(
      this.frame,
      () => this.expandGeometry(),
      this.stage.view,
      () => this.changed(),
    );
    this.stage.content = () => this.contentRect();
    this.stage.decorations = [(ctx, view) => this.decorate(ctx, view)];
  }

  /** The selected model: held here only, the panel's list shows it. */
  get model(): ModelName {
    return this.selected;
  }

  /** The model adds canvas around the picture (Expand's margins, Outpaint's frame) instead of painting in it. */
  get expands(): boolean {
    const kind = MODEL_INFO[this.selected].kind;
    return kind === 'expand' || kind === 'outpaint';
  }

  /** Send needs a painted mask (Fill). */
  get needsMask(): boolean {
    return MODEL_INFO[this.model].needsMask;
  }

  /** The model takes a mask at all (Fill needs one, instruction models may use one): the brush is offered. */
  get paints(): boolean {
    return !this.expands;
  }

  /**
   * The canvas the model adds on each side of the picture sent, in full-resolution pixels: Expand's margins, or
   * Outpaint's frame around the picture (negative where the frame cuts it); none for the other models.
   */
  get addedMargins(): Margins {
    const p = this.pictureSize();
    if (this.model === 'outpaint' && p) {
      const f = this.frame;
      return {
        top: f.offsetY,
        left: f.offsetX,
        bottom: f.height - f.offsetY - p.height,
        right: f.width - f.offsetX - p.width,
      };
    }
    return this.model === 'expand' ? { ...this.margins } : { top: 0, bottom: 0, left: 0, right: 0 };
  }

  /** Outpaint's frame adds nothing yet: it is the picture itself. */
  get frameEmpty(): boolean {
    const p = this.pictureSize();
    return (
      !p ||
      (this.frame.width === p.width && this.frame.height === p.height && !this.frame.offsetX && !this.frame.offsetY)
    );
  }

  /** Outpaint's preset: the smallest canvas of the ratio around the picture, the picture placed as asked. */
  setFrameRatio(ratio: readonly [number, number], align: Align): void {
    const p = this.pictureSize();
    if (!p) return;
    Object.assign(this.frame, frameForRatio(p, ratio[0], ratio[1], align));
    this.stage.fit();
    this.changed();
  }

  /** The picture Outpaint extends (the crop, when there is one), in full-resolution pixels. */
  private pictureSize(): { width: number; height: number } | undefined {
    const g = this.expandGeometry();
    return g && { width: Math.round(g.base.width / g.scale), height: Math.round(g.base.height / g.scale) };
  }

  brush(): Brush {
    return { size: this.brushSize, hardness: this.hardness, erase: this.tool === 'eraser' };
  }

  setSource(source: Source): void {
    this.source = source;
    const { width, height } = source.preview;
    this.history.clear();
    this.layer = new MaskLayer(width, height);
    this.mask = new MaskBuffer(width, height, this.history, (r) => {
      this.layer?.update(this.mask!.data, r);
      this.stage.render();
    });
    this.layer.setColour(this.overlayColour, this.mask.data);
    this.crop.rect = undefined;
    this.keyboard.reset();
    Object.assign(this.margins, { top: 0, bottom: 0, left: 0, right: 0 });
    Object.assign(this.frame, pictureFrame({ width: source.fullWidth, height: source.fullHeight }));
    // A brush of about 1/25 of the picture suits most edits; the user changes it with [ and ].
    this.brushSize = this.preferredBrushSize ?? this.fittingBrushSize();
    this.updateLayers();
    this.applyTool();
    this.stage.fit();
    this.onChange();
  }

  /** A size the user chose: remembered, and kept for the next picture. */
  setBrushSize(size: number): void {
    this.brushSize = size;
    this.preferredBrushSize = size;
  }

  /** Back to the size that suits the picture (reset). */
  forgetBrushSize(): void {
    this.preferredBrushSize = undefined;
    this.brushSize = this.fittingBrushSize();
  }

  setTool(tool: ToolName): void {
    this.tool = tool;
    this.applyTool();
    this.onChange();
  }

  setModel(model: ModelName): void {
    this.selected = model;
    this.updateLayers();
    this.applyTool();
    this.stage.fit();
    this.onChange();
  }

  setOverlay(colour: string, opacity: number): void {
    this.overlayColour = colour;
    this.overlayOpacity = opacity;
    if (this.mask) this.layer?.setColour(colour, this.mask.data);
    this.updateLayers();
  }

  setCropAspect(aspect: number | undefined): void {
    this.crop.aspect = aspect;
    if (aspect && this.source) this.crop.rect = fitAspect(this.crop.rect, aspect, this.source.preview);
    this.changed();
  }

  clearCrop(): void {
    this.crop.rect = undefined;
    this.changed();
  }

  undo(): void {
    if (this.mask?.undo()) this.onChange();
  }

  redo(): void {
    if (this.mask?.redo()) this.onChange();
  }

  clearMask(): void {
    if (this.mask && !this.mask.isEmpty()) this.replaceMask(() => new Uint8Array(this.mask!.data.length));
  }

  invertMask(): void {
    this.replaceMask((m) => invert(m.data));
  }

  growMask(px: number): void {
    this.replaceMask((m) => dilate(m.data, m.width, m.height, px));
  }

  shrinkMask(px: number): void {
    this.replaceMask((m) => erode(m.data, m.width, m.height, px));
  }

  blurMask(px: number): void {
    this.replaceMask((m) => blur(m.data, m.width, m.height, px));
  }

  /** The part of the mask that is sent: the crop if there is one, else the whole picture. */
  maskArea(): Rect | undefined {
    return this.crop.rect ?? this.mask?.full();
  }

  maskEmpty(): boolean {
    const area = this.maskArea();
    return !this.mask || !area || this.mask.isEmpty(area);
  }

  /** Every pixel of the area sent is fully painted (Fill would have nothing left to match). */
  maskFull(): boolean {
    const m = this.maskBytes();
    return Boolean(m?.bytes.every((v) => v === 255));
  }

  /**
   * The mask as sent: the raw single-channel bytes of the area. No PNG encode here (about a second for 1600 px
   * on the main thread): the sidecar encodes it.
   */
  maskBytes(): MaskBytes | undefined {
    const area = this.maskArea();
    const mask = this.mask;
    if (!mask || !area) return undefined;
    const bytes = new Uint8Array(area.width * area.height);
    for (let y = 0; y < area.height; y++) {
      const start = (area.y + y) * mask.width + area.x;
      bytes.set(mask.data.subarray(start, start + area.width), y * area.width);
    }
    return { width: area.width, height: area.height, bytes };
  }

  /** The mask as the jobs API takes it, base64 and unpacked. */
  exportMask(): RawMask | undefined {
    const m = this.maskBytes();
    return m && { format: 'raw', width: m.width, height: m.height, data: toBase64(m.bytes) };
  }

  /** Replaces the whole mask with an imported one (same size as the mask), as one undo step. */
  importMask(values: Uint8Array): void {
    this.replaceMask(() => values);
  }

  cropFractions(): Crop | undefined {
    const r = this.crop.rect;
    const p = this.source?.preview;
    if (!r || !p) return undefined;
    const f = (v: number) => Math.min(1, Math.max(0, Number(v.toFixed(6))));
    return { x: f(r.x / p.width), y: f(r.y / p.height), width: f(r.width / p.width), height: f(r.height / p.height) };
  }

  /** Full-resolution pixels per preview pixel. */
  fullScale(): number {
    return this.source ? this.source.fullWidth / this.source.preview.width : 1;
  }

  /** Redraw and notify after the margins were changed from the fields. */
  changed(): void {
    this.stage.render();
    this.onChange();
  }

  private fittingBrushSize(): number {
    const p = this.source?.preview;
    return p ? Math.max(4, Math.round(Math.max(p.width, p.height) / 25)) : 40;
  }

  private replaceMask(op: (m: MaskBuffer) => Uint8Array): void {
    if (!this.mask) return;
    this.mask.replace(op(this.mask));
    this.onChange();
  }

  private applyTool(): void {
    if (!this.source) this.stage.setTool(undefined);
    else if (this.expands && this.tool !== 'crop')
      this.stage.setTool(this.model === 'expand' ? this.expandTool : this.outpaintTool);
    else this.stage.setTool(this.tool === 'crop' ? this.cropTool : this.brushTool);
  }

  private updateLayers(): void {
    const s = this.source;
    if (!s || !this.layer) return;
    const { width, height } = s.preview;
    this.stage.layers = [{ source: s.preview, width, height, alpha: 1 }];
    if (this.paints)
      this.stage.layers.push(
        { source: this.layer.canvas, width, height, alpha: this.overlayOpacity },
        { source: this.layer.edge, width, height, alpha: 1 },
      );
    this.stage.render();
  }

  private expandGeometry(): ExpandGeometry | undefined {
    const s = this.source;
    if (!s) return undefined;
    return {
      base: this.crop.rect ?? { x: 0, y: 0, ...sizeOf(s.preview) },
      scale: 1 / this.fullScale(),
      max: CATALOGUE.expand.ranges.top.max,
    };
  }

  private contentRect(): Rect | undefined {
    const s = this.source;
    if (!s) return undefined;
    const g = this.expandGeometry();
    if (this.expands && g) {
      const outer = this.model === 'expand' ? expandedRect(this.margins, g) : frameRect(this.frame, g.base, g.scale);
      const x = Math.min(0, outer.x);
      const y = Math.min(0, outer.y);
      const box = {
        x,
        y,
        width: Math.max(s.preview.width, outer.x + outer.width) - x,
        height: Math.max(s.preview.height, outer.y + outer.height) - y,
      };
      // Room around the frame, so a handle can be dragged outwards without zooming out first.
      const pad = Math.max(box.width, box.height) * 0.12;
      return { x: box.x - pad, y: box.y - pad, width: box.width + 2 * pad, height: box.height + 2 * pad };
    }
    return { x: 0, y: 0, ...sizeOf(s.preview) };
  }

  private decorate(ctx: CanvasRenderingContext2D, view: View): void {
    const s = this.source;
    if (!s) return;
    if (this.crop.rect) drawCrop(ctx, view, this.crop.rect, s.preview, this.fullScale());
    const g = this.expandGeometry();
    if (this.model === 'expand' && g) drawExpand(ctx, view, this.margins, g);
    if (this.model === 'outpaint' && g) drawOutpaint(ctx, view, this.frame, g);
    this.keyboard.draw(ctx, view);
  }
}

function sizeOf(c: HTMLCanvasElement): { width: number; height: number } {
  return { width: c.width, height: c.height };
}
