import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MaskHistory } from '../../artifact/src/canvas/history.js';
import { KeyboardShape } from '../../artifact/src/canvas/keyboard-shape.js';
import { type Brush, MaskBuffer } from '../../artifact/src/canvas/mask.js';
import { type Rect, View } from '../../artifact/src/canvas/view.js';

/** The editor's pure parts, without a browser: the mask, its undo history and the view transform. */
const HARD: Brush = { size: 10, hardness: 1, erase: false };
const ERASER: Brush = { size: 10, hardness: 1, erase: true };

function mask(width = 64, height = 48, limits?: ConstructorParameters<typeof MaskHistory>[0]) {
  const changes: Rect[] = [];
  const history = new MaskHistory(limits);
  return { buffer: new MaskBuffer(width, height, history, (r) => changes.push(r)), history, changes };
}

const painted = (b: MaskBuffer) => b.data.reduce((n, v) => n + (v > 0 ? 1 : 0), 0);

describe('mask painting', () => {
  it('a hard stroke paints only 0 and 255 along its path, with no gaps on fast moves', () => {
    const { buffer } = mask();
    buffer.beginStroke({ x: 5, y: 24 }, HARD);
    buffer.strokeTo({ x: 58, y: 24 }, HARD);
    buffer.endStroke();
    expect(new Set(buffer.data)).toEqual(new Set([0, 255]));
    for (let x = 5; x <= 58; x++) expect(buffer.data[24 * 64 + x], `x=${x}`).toBe(255);
    expect(buffer.data[0]).toBe(0);
  });

  it('a soft brush fades its edge into grey, and a stroke over itself does not darken', () => {
    const { buffer } = mask();
    const soft: Brush = { size: 20, hardness: 0.3, erase: false };
    buffer.beginStroke({ x: 30, y: 24 }, soft);
    buffer.strokeTo({ x: 30, y: 24 }, soft);
    buffer.endStroke();
    const once = buffer.data.slice();
    expect([...once].some((v) => v > 0 && v < 255)).toBe(true);
    buffer.beginStroke({ x: 30, y: 24 }, soft);
    buffer.endStroke();
    expect(buffer.data).toEqual(once);
  });

  it('erasing removes paint; a cancelled stroke (a second finger) leaves the mask as it was', () => {
    const { buffer } = mask();
    buffer.beginStroke({ x: 20, y: 20 }, HARD);
    buffer.endStroke();
    buffer.beginStroke({ x: 20, y: 20 }, ERASER);
    buffer.endStroke();
    expect(painted(buffer)).toBe(0);
    buffer.beginStroke({ x: 40, y: 10 }, HARD);
    buffer.strokeTo({ x: 50, y: 30 }, HARD);
    buffer.cancelStroke();
    expect(painted(buffer)).toBe(0);
  });
});

describe('a filled rectangle', () => {
  it('sets exactly its pixels, reports its area, and is one step that undo and redo take back and forth', () => {
    const { buffer, history, changes } = mask();
    buffer.beginStroke({ x: 10, y: 10 }, HARD);
    buffer.endStroke();
    const before = buffer.data.slice();
    const rect = { x: 20, y: 5, width: 30, height: 12 };
    buffer.fillRect(rect, 255);
    expect(changes.at(-1)).toEqual(rect);
    for (let y = 0; y < 48; y++)
      for (let x = 0; x < 64; x++) {
        const inside = x >= 20 && x < 50 && y >= 5 && y < 17;
        expect(buffer.data[y * 64 + x], `${x},${y}`).toBe(inside ? 255 : before[y * 64 + x]);
      }
    expect(history.stats.undo).toBe(2);
    buffer.undo();
    expect(buffer.data).toEqual(before);
    buffer.redo();
    // Erasing the same rectangle clears it and nothing else.
    buffer.fillRect(rect, 0);
    expect(buffer.data).toEqual(
      before.map((v, i) => (rect.x <= i % 64 && i % 64 < 50 && 5 <= i / 64 && i / 64 < 17 ? 0 : v)),
    );
  });
});

describe('shapes drawn by keyboard', () => {
  it('a rectangle covers both corners whichever way it was drawn; a lasso needs three corners', () => {
    const rect = new KeyboardShape('rect', { x: 30, y: 20 });
    expect(rect.area({ x: 10, y: 25 }, 64, 48)).toEqual({ bounds: { x: 10, y: 20, width: 21, height: 6 } });
    const lasso = new KeyboardShape('lasso', { x: 10, y: 10 });
    expect(lasso.area({ x: 40, y: 10 }, 64, 48)).toBeUndefined();
  });

  it('a lasso takes the pixels its outline encloses (even-odd), within bounds kept on the mask', () => {
    const lasso = new KeyboardShape('lasso', { x: 0, y: 0 });
    lasso.corners.push({ x: 40, y: 0 });
    const area = lasso.area({ x: 40, y: 40 }, 64, 48)!;
    expect(area.bounds).toEqual({ x: 0, y: 0, width: 41, height: 41 });
    // Under the diagonal from (0,0) to (40,40) only.
    expect(area.inside!(30, 10)).toBe(true);
    expect(area.inside!(10, 30)).toBe(false);
    expect(area.inside!(45, 5)).toBe(false);
    const { buffer } = mask();
    buffer.fillRect(area.bounds, 255, area.inside);
    expect(painted(buffer)).toBeGreaterThan(780);
    expect(painted(buffer)).toBeLessThan(841);
  });
});

describe('undo history', () => {
  it('any sequence of strokes undoes back to empty and redoes back to the same mask', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ x: fc.integer({ min: 0, max: 63 }), y: fc.integer({ min: 0, max: 47 }), erase: fc.boolean() }),
          {
            minLength: 1,
            maxLength: 12,
          },
        ),
        (strokes) => {
          const { buffer, history } = mask();
          for (const s of strokes) {
            const brush = { ...HARD, erase: s.erase };
            buffer.beginStroke({ x: s.x, y: s.y }, brush);
            buffer.strokeTo({ x: 63 - s.x, y: s.y }, brush);
            buffer.endStroke();
          }
          const final = buffer.data.slice();
          while (history.canUndo) buffer.undo();
          expect(painted(buffer)).toBe(0);
          while (history.canRedo) buffer.redo();
          expect(buffer.data).toEqual(final);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a stroke that changes nothing is no step; a new stroke clears redo', () => {
    const { buffer, history } = mask();
    buffer.beginStroke({ x: 10, y: 10 }, ERASER);
    buffer.endStroke();
    expect(history.canUndo).toBe(false);
    buffer.beginStroke({ x: 10, y: 10 }, HARD);
    buffer.endStroke();
    buffer.undo();
    expect(history.canRedo).toBe(true);
    buffer.beginStroke({ x: 30, y: 30 }, HARD);
    buffer.endStroke();
    expect(history.canRedo).toBe(false);
  });

  it('keeps at most the configured steps and bytes, the newest step always', () => {
    const { buffer, history } = mask(64, 48, { steps: 3, bytes: 10_000_000 });
    for (let i = 0; i < 6; i++) {
      buffer.beginStroke({ x: 5 + i * 9, y: 20 }, HARD);
      buffer.endStroke();
    }
    expect(history.stats.undo).toBe(3);
    const tiny = mask(64, 48, { steps: 100, bytes: 1 });
    tiny.buffer.beginStroke({ x: 20, y: 20 }, HARD);
    tiny.buffer.endStroke();
    tiny.buffer.beginStroke({ x: 40, y: 20 }, HARD);
    tiny.buffer.endStroke();
    expect(tiny.history.stats.undo).toBe(1);
  });
});

describe('view', () => {
  it('screen and image coordinates are inverse, whatever the zoom and pan', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        fc.double({ min: -500, max: 500, noNaN: true }),
        fc.double({ min: -500, max: 500, noNaN: true }),
        fc.record({
          x: fc.double({ min: -1e4, max: 1e4, noNaN: true }),
          y: fc.double({ min: -1e4, max: 1e4, noNaN: true }),
        }),
        (factor, dx, dy, p) => {
          const view = new View();
          view.zoomAt(factor, { x: 100, y: 50 });
          view.panBy(dx, dy);
          const back = view.toImage(view.toScreen(p));
          expect(back.x).toBeCloseTo(p.x, 6);
          expect(back.y).toBeCloseTo(p.y, 6);
        },
      ),
    );
  });

  it('zooming keeps the point under the pointer in place; the scale stays within bounds', () => {
    const view = new View();
    const anchor = { x: 321, y: 123 };
    const before = view.toImage(anchor);
    view.zoomAt(3.7, anchor);
    expect(view.toImage(anchor).x).toBeCloseTo(before.x, 9);
    expect(view.toImage(anchor).y).toBeCloseTo(before.y, 9);
    for (let i = 0; i < 50; i++) view.zoomAt(10, anchor);
    expect(view.scale).toBe(32);
    for (let i = 0; i < 50; i++) view.zoomAt(0.1, anchor);
    expect(view.scale).toBe(0.05);
  });

  it('fit shows the whole picture centred in the viewport', () => {
    const view = new View();
    view.fit({ x: 0, y: 0, width: 1600, height: 900 }, { width: 832, height: 600 });
    const topLeft = view.toScreen({ x: 0, y: 0 });
    const bottomRight = view.toScreen({ x: 1600, y: 900 });
    expect(topLeft.x).toBeCloseTo(16, 6);
    expect(bottomRight.x).toBeCloseTo(816, 6);
    expect((topLeft.y + bottomRight.y) / 2).toBeCloseTo(300, 6);
  });
});
