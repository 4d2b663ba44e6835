import type { Rect } from './view.js';

/** One undoable change: the pixels of a rectangle of the mask before and after. */
interface Delta {
  rect: Rect;
  before: Uint8Array;
  after: Uint8Array;
}

export interface HistoryLimits {
  /** Steps kept at most. */
  steps: number;
  /** Bytes of pixel data kept at most; old steps go first (the newest always stays). */
  bytes: number;
}

export const DEFAULT_HISTORY_LIMITS: HistoryLimits = { steps: 200, bytes: 96 * 1024 * 1024 };

/**
 * Undo/redo of mask edits. A brush stroke stores only the rectangle it touched, so hundreds of strokes cost
 * far less than a few copies of the whole mask; whole-mask operations (invert, blur) cost two mask copies.
 */
export class MaskHistory {
  private undoStack: Delta[] = [];
  private redoStack: Delta[] = [];
  private bytes = 0;

  constructor(private readonly limits: HistoryLimits = DEFAULT_HISTORY_LIMITS) {}

  /** Records a change of `rect` given the full mask before (`previous`) and after (`current`) it. */
  record(rect: Rect, previous: Uint8Array, current: Uint8Array, maskWidth: number): void {
    if (rect.width <= 0 || rect.height <= 0) return;
    const delta: Delta = { rect, before: extract(previous, maskWidth, rect), after: extract(current, maskWidth, rect) };
    if (delta.before.every((v, i) => v === delta.after[i])) return;
    this.undoStack.push(delta);
    this.bytes += deltaBytes(delta);
    for (const d of this.redoStack) this.bytes -= deltaBytes(d);
    this.redoStack = [];
    while (this.undoStack.length > 1 && (this.undoStack.length > this.limits.steps || this.bytes > this.limits.bytes)) {
      this.bytes -= deltaBytes(this.undoStack.shift()!);
    }
  }

  /** Applies the previous state to `mask`; returns the rectangle that changed, if any. */
  undo(mask: Uint8Array, maskWidth: number): Rect | undefined {
    const d = this.undoStack.pop();
    if (!d) return undefined;
    paste(mask, maskWidth, d.rect, d.before);
    this.redoStack.push(d);
    return d.rect;
  }

  redo(mask: Uint8Array, maskWidth: number): Rect | undefined {
    const d = this.redoStack.pop();
    if (!d) return undefined;
    paste(mask, maskWidth, d.rect, d.after);
    this.undoStack.push(d);
    return d.rect;
  }

  clear(): void {
    this.undoStack = [];
    this.redoStack = [];
    this.bytes = 0;
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  /** For the memory bound (and its test). */
  get stats(): { undo: number; redo: number; bytes: number } {
    return { undo: this.undoStack.length, redo: this.redoStack.length, bytes: this.bytes };
  }
}

function deltaBytes(d: Delta): number {
  return d.before.byteLength + d.after.byteLength;
}

function extract(src: Uint8Array, width: number, r: Rect): Uint8Array {
  const out = new Uint8Array(r.width * r.height);
  for (let row = 0; row < r.height; row++) {
    const start = (r.y + row) * width + r.x;
    out.set(src.subarray(start, start + r.width), row * r.width);
  }
  return out;
}

function paste(dst: Uint8Array, width: number, r: Rect, data: Uint8Array): void {
  for (let row = 0; row < r.height; row++) {
    dst.set(data.subarray(row * r.width, (row + 1) * r.width), (r.y + row) * width + r.x);
  }
}
