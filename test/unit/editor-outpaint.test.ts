import { describe, expect, it } from 'vitest';
import {
  cutsPicture,
  dragFrame,
  frameForRatio,
  frameRect,
  OUTPAINT_PRESETS,
  OutpaintTool,
  pictureFrame,
} from '../../artifact/src/canvas/outpaint.js';
import { View } from '../../artifact/src/canvas/view.js';

const picture = { width: 800, height: 600 };

describe("Outpaint's frame", () => {
  it('a preset is the smallest canvas of its ratio that holds the picture, placed as asked', () => {
    expect(frameForRatio(picture, 16, 9)).toEqual({ width: 1067, height: 600, offsetX: 134, offsetY: 0 });
    // "16:9 with the subject on the left": the picture at the canvas' left edge.
    expect(frameForRatio(picture, 16, 9, 'start')).toEqual({ width: 1067, height: 600, offsetX: 0, offsetY: 0 });
    expect(frameForRatio(picture, 9, 16, 'end')).toEqual({ width: 800, height: 1422, offsetX: 0, offsetY: 822 });
    for (const [, rw, rh] of OUTPAINT_PRESETS) {
      const f = frameForRatio(picture, rw, rh);
      expect(Math.abs(f.width / f.height - rw / rh)).toBeLessThan(0.002);
      expect(cutsPicture(f, picture)).toBe(false);
    }
  });

  it('dragging an edge resizes that side only, never under 64 px', () => {
    const f = pictureFrame(picture);
    expect(dragFrame(f, 'right', 200, 0, picture)).toEqual({ width: 1000, height: 600, offsetX: 0, offsetY: 0 });
    expect(dragFrame(f, 'left', -150, 0, picture)).toEqual({ width: 950, height: 600, offsetX: 150, offsetY: 0 });
    expect(dragFrame(f, 'top', 0, -40, picture)).toEqual({ width: 800, height: 640, offsetX: 0, offsetY: 40 });
    expect(dragFrame(f, 'bottom', 0, -5000, picture).height).toBe(64);
  });

  it('dragging inside moves the canvas around the picture, cutting it off but never losing it', () => {
    const wide = frameForRatio(picture, 16, 9);
    const moved = dragFrame(wide, 'move', -100, 0, picture);
    expect(moved).toEqual({ ...wide, offsetX: 234 });
    expect(cutsPicture(dragFrame(wide, 'move', 500, 0, picture), picture)).toBe(true);
    const far = dragFrame(wide, 'move', 99_999, 99_999, picture);
    expect(far.offsetX).toBe(-799);
    expect(far.offsetY).toBe(-599);
  });

  it('the tool drags the grip under the pointer and puts the frame back on cancel', () => {
    const view = new View();
    const frame = pictureFrame(picture);
    const base = { x: 0, y: 0, width: 400, height: 300 };
    let changes = 0;
    const tool = new OutpaintTool(
      frame,
      () => ({ base, scale: 0.5 }),
      view,
      () => changes++,
    );
    expect(frameRect(frame, base, 0.5)).toEqual(base);
    tool.down({ x: 400, y: 150 });
    tool.move({ x: 450, y: 150 });
    tool.up();
    expect(frame).toEqual({ width: 900, height: 600, offsetX: 0, offsetY: 0 });
    tool.down({ x: 200, y: 150 });
    tool.move({ x: 180, y: 150 });
    tool.cancel();
    expect(frame).toEqual({ width: 900, height: 600, offsetX: 0, offsetY: 0 });
    expect(changes).toBe(3);
  });
});
