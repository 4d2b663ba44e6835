import { describe, expect, it } from 'vitest';
import { maskGridBox, promptWithBox } from '../../src/providers/bfl/flux3-box.js';
import { photo } from '../support/photo.js';

function rect(width: number, height: number, x0: number, y0: number, x1: number, y1: number): Uint8Array {
  const mask = new Uint8Array(width * height);
  for (let y = y0; y < y1; y++) mask.fill(255, y * width + x0, y * width + x1);
  return mask;
}

describe("the painted area as FLUX 3's box", () => {
  it('is [top, left, bottom, right] on the 0-1000 grid, whatever the picture size', () => {
    // Right half, lower quarter of a 2000x800 picture.
    expect(maskGridBox(rect(2000, 800, 1000, 600, 2000, 800), 2000, 800)).toEqual({
      top: 750,
      left: 500,
      bottom: 1000,
      right: 1000,
    });
    expect(maskGridBox(rect(300, 300, 0, 0, 150, 150), 300, 300)).toEqual({ top: 0, left: 0, bottom: 500, right: 500 });
  });

  it('holds every painted pixel of a real painted object, rounding outwards', async () => {
    const p = await photo(641, 479);
    const box = maskGridBox(p.masks.ball, 641, 479)!;
    for (let y = 0; y < 479; y++)
      for (let x = 0; x < 641; x++) {
        if (!p.masks.ball[y * 641 + x]) continue;
        expect((y * 1000) / 479).toBeGreaterThanOrEqual(box.top);
        expect(((y + 1) * 1000) / 479).toBeLessThanOrEqual(box.bottom);
        expect((x * 1000) / 641).toBeGreaterThanOrEqual(box.left);
        expect(((x + 1) * 1000) / 641).toBeLessThanOrEqual(box.right);
      }
  });

  it('is undefined when nothing is painted, and ignores faint pixels under half white', () => {
    expect(maskGridBox(new Uint8Array(100 * 100).fill(100), 100, 100)).toBeUndefined();
  });

  it('grows a box under 40 pixels around its centre, staying on the grid', () => {
    // A 4x4 spot in the top-left corner of a 1000x500 picture: 40 px wide is 40 on the grid, 40 px high is 80.
    expect(maskGridBox(rect(1000, 500, 0, 0, 4, 4), 1000, 500)).toEqual({ top: 0, left: 0, bottom: 80, right: 40 });
    const mid = maskGridBox(rect(1000, 1000, 500, 500, 502, 502), 1000, 1000)!;
    expect([mid.right - mid.left, mid.bottom - mid.top]).toEqual([40, 40]);
    expect(mid.left).toBeLessThanOrEqual(500);
    expect(mid.right).toBeGreaterThanOrEqual(502);
  });

  it('writes the box into the prompt as a JSON row the prompt refers to', () => {
    const text = promptWithBox('a blue ball', { top: 10, left: 20, bottom: 300, right: 400 });
    const [head, json] = text.split('\n');
    expect(head).toContain('<edit_1>');
    expect(JSON.parse(json!)).toEqual([{ id: 'edit_1', bbox: [10, 20, 300, 400], desc: 'a blue ball' }]);
  });
});
