import { t } from '../i18n.js';
import { View, type Point, type Rect } from './view.js';

/** What the active tool does with the primary pointer, in image pixels. */
export interface Tool {
  /** CSS cursor over the canvas. */
  readonly cursor: string;
  down(at: Point): void;
  move(at: Point): void;
  up(): void;
  /** Abandons a drag (a second finger started a pinch). */
  cancel(): void;
  /** Screen-space drawing on top of the picture; `hover` is the pointer in CSS px, if over the canvas. */
  draw?(ctx: CanvasRenderingContext2D, view: View, hover: Point | undefined): void;
}

export interface Layer {
  source: CanvasImageSource;
  width: number;
  height: number;
  alpha: number;
}

const ZOOM_STEP = 1.25;

/**
 * The painting surface: draws the picture and the mask layer under the current zoom/pan, and routes pointer
 * input either to navigation (wheel, pinch, two-finger drag, middle button, Space+drag) or to the tool.
 */
export class Stage {
  readonly canvas: HTMLCanvasElement;
  readonly view = new View();
  layers: Layer[] = [];
  /** Screen-space drawings that stay visible whatever the tool (crop frame, expand frame). */
  decorations: Array<(ctx: CanvasRenderingContext2D, view: View) => void> = [];
  /** What "fit" shows, in image pixels (the picture, or the picture plus its expand margins). */
  content: () => Rect | undefined = () => undefined;
  tool: Tool | undefined;
  onViewChange: () => void = () => {};

  private readonly ctx: CanvasRenderingContext2D;
  private readonly pointers = new Map<number, Point>();
  private mode: 'idle' | 'tool' | 'pan' | 'gesture' | 'blocked' = 'idle';
  private gesture: { mid: Point; dist: number } | undefined;
  private hover: Point | undefined;
  private spaceHeld = false;
  private frame = 0;
  private size = { width: 0, height: 0 };
  private fitted = false;

  constructor(readonly container: HTMLElement) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'stage-canvas';
    this.canvas.setAttribute('aria-label', t('tool.canvas'));
    this.canvas.setAttribute('role', 'img');
    // Focusable, so keyboard users reach the shortcuts from the canvas.
    this.canvas.tabIndex = 0;
    container.append(this.canvas);
    const ctx = this.canvas.getContext('2d');
    if (!ctx) throw new Error(t('load.no_canvas'));
    this.ctx = ctx;
    new ResizeObserver(() => this.resize()).observe(container);
    this.listen();
  }

  get spacePanning(): boolean {
    return this.spaceHeld;
  }

  set spacePanning(on: boolean) {
    this.spaceHeld = on;
    this.updateCursor();
  }

  /** Shows the whole content again (after loading, or on request). */
  fit(): void {
    const content = this.content();
    this.fitted = Boolean(content) && this.size.width > 0;
    if (content && this.size.width > 0) this.view.fit(content, this.size);
    this.viewChanged();
  }

  zoom(direction: 1 | -1): void {
    this.view.zoomAt(direction > 0 ? ZOOM_STEP : 1 / ZOOM_STEP, { x: this.size.width / 2, y: this.size.height / 2 });
    this.viewChanged();
  }

  setTool(tool: Tool | undefined): void {
    if (this.mode === 'tool') this.tool?.cancel();
    this.mode = 'idle';
    this.tool = tool;
    this.updateCursor();
    this.render();
  }

  /** Shows the tool's outline at a point of the picture (the keyboard brush), or hides it. */
  point(at: Point | undefined): void {
    this.hover = at && this.view.toScreen(at);
    this.render();
  }

  /** Schedules a redraw on the next frame (many pointer events per frame cost one draw). */
  render(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  private viewChanged(): void {
    this.render();
    this.onViewChange();
  }

  private resize(): void {
    const rect = this.container.getBoundingClientRect();
    const dpr = window.devicePixelRatio || 1;
    this.size = { width: rect.width, height: rect.height };
    this.canvas.width = Math.max(1, Math.round(rect.width * dpr));
    this.canvas.height = Math.max(1, Math.round(rect.height * dpr));
    this.canvas.style.width = `${rect.width}px`;
    this.canvas.style.height = `${rect.height}px`;
    if (!this.fitted) this.fit();
    this.draw();
  }

  private draw(): void {
    const { ctx, view } = this;
    const dpr = window.devicePixelRatio || 1;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    ctx.setTransform(dpr * view.scale, 0, 0, dpr * view.scale, dpr * view.x, dpr * view.y);
    // Zoomed in, show the real pixels: the mask is painted at this resolution.
    ctx.imageSmoothingEnabled = view.scale < 2;
    for (const layer of this.layers) {
      ctx.globalAlpha = layer.alpha;
      ctx.drawImage(layer.source, 0, 0, layer.width, layer.height);
    }
    ctx.globalAlpha = 1;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    for (const decorate of this.decorations) decorate(ctx, view);
    this.tool?.draw?.(
      ctx,
      view,
      this.mode === 'pan' || this.mode === 'gesture' || this.spaceHeld ? undefined : this.hover,
    );
  }

  private local(e: { clientX: number; clientY: number }): Point {
    const r = this.canvas.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  }

  private updateCursor(): void {
    this.canvas.style.cursor =
      this.mode === 'pan' ? 'grabbing' : this.spaceHeld ? 'grab' : (this.tool?.cursor ?? 'default');
  }

  private listen(): void {
    const c = this.canvas;
    c.addEventListener('pointerdown', (e) => this.onDown(e));
    c.addEventListener('pointermove', (e) => this.onMove(e));
    c.addEventListener('pointerup', (e) => this.onUp(e));
    c.addEventListener('pointercancel', (e) => this.onUp(e));
    c.addEventListener('pointerleave', () => {
      this.hover = undefined;
      this.render();
    });
    c.addEventListener('contextmenu', (e) => e.preventDefault());
    c.addEventListener(
      'wheel',
      (e) => {
        e.preventDefault();
        // Trackpad pinch arrives as ctrl+wheel with small deltas; a mouse wheel notch is about 100.
        const speed = e.ctrlKey ? 0.01 : 0.0015;
        const delta = e.deltaMode === 1 ? e.deltaY * 33 : e.deltaY;
        this.view.zoomAt(Math.exp(-delta * speed), this.local(e));
        this.viewChanged();
      },
      { passive: false },
    );
  }

  private onDown(e: PointerEvent): void {
    const p = this.local(e);
    this.pointers.set(e.pointerId, p);
    capturePointer(this.canvas, e.pointerId);
    if (this.pointers.size === 2) {
      // Two fingers navigate: the stroke the first finger began was the start of a pinch.
      if (this.mode === 'tool') this.tool?.cancel();
      this.mode = 'gesture';
      this.gesture = this.measure();
      this.render();
      return;
    }
    if (this.pointers.size > 2 || this.mode !== 'idle') return;
    e.preventDefault();
    if (e.button === 1 || (e.button === 0 && this.spaceHeld)) {
      this.mode = 'pan';
    } else if (e.button === 0 && this.tool) {
      this.mode = 'tool';
      this.tool.down(this.view.toImage(p));
    } else {
      this.mode = 'blocked';
    }
    this.updateCursor();
  }

  private onMove(e: PointerEvent): void {
    const p = this.local(e);
    const prev = this.pointers.get(e.pointerId);
    if (e.pointerType !== 'touch') this.hover = p;
    if (prev) this.pointers.set(e.pointerId, p);
    if (this.mode === 'gesture' && this.pointers.size >= 2 && this.gesture) {
      const now = this.measure();
      this.view.zoomAt(now.dist / this.gesture.dist, now.mid);
      this.view.panBy(now.mid.x - this.gesture.mid.x, now.mid.y - this.gesture.mid.y);
      this.gesture = now;
      this.viewChanged();
    } else if (this.mode === 'pan' && prev) {
      this.view.panBy(p.x - prev.x, p.y - prev.y);
      this.viewChanged();
    } else if (this.mode === 'tool' && prev && this.tool) {
      // Coalesced events carry the positions the browser merged into this one: smoother fast strokes.
      const events = typeof e.getCoalescedEvents === 'function' ? e.getCoalescedEvents() : [];
      for (const ev of events.length ? events : [e]) this.tool.move(this.view.toImage(this.local(ev)));
      this.render();
    } else {
      this.render();
    }
  }

  private onUp(e: PointerEvent): void {
    if (!this.pointers.delete(e.pointerId)) return;
    if (this.mode === 'tool') this.tool?.up();
    if (this.pointers.size === 0) this.mode = 'idle';
    else if (this.mode !== 'gesture') this.mode = 'blocked';
    this.updateCursor();
    this.render();
  }

  private measure(): { mid: Point; dist: number } {
    const [a, b] = [...this.pointers.values()] as [Point, Point];
    return { mid: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }, dist: Math.max(1, Math.hypot(a.x - b.x, a.y - b.y)) };
  }
}

function capturePointer(canvas: HTMLCanvasElement, id: number): void {
  try {
    canvas.setPointerCapture(id);
  } catch {
    // The pointer is already gone (a very short tap): nothing to capture.
  }
}
