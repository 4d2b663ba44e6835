import { describe, expect, it } from 'vitest';
import { OUTPAINT_MAX_PIXELS, outpaintFields } from '../../src/providers/bfl/outpaint.js';

describe("Outpainting's placement fields", () => {
  it('sends the frame as width, height and offsets, without auto_crop while the picture is inside', () => {
    expect(outpaintFields({ width: 800, height: 600 }, { width: 1067, height: 600, offsetX: 0, offsetY: 0 })).toEqual({
      fields: { width: 1067, height: 600, reference_offset_x: 0, reference_offset_y: 0, auto_crop: false },
      picture: { width: 800, height: 600 },
    });
  });

  it('sets auto_crop exactly when the frame cuts the picture off', () => {
    const picture = { width: 800, height: 600 };
    const cut = outpaintFields(picture, { width: 1000, height: 600, offsetX: -50, offsetY: 0 });
    expect(cut.fields).toMatchObject({ reference_offset_x: -50, auto_crop: true });
    expect(outpaintFields(picture, { width: 1000, height: 500, offsetX: 0, offsetY: 0 }).fields.auto_crop).toBe(true);
  });

  it('scales a canvas over 4 MP down, picture and offsets alike, to within 4 MP', () => {
    const { fields, picture } = outpaintFields(
      { width: 3000, height: 2000 },
      { width: 4000, height: 2250, offsetX: 1000, offsetY: 125 },
    );
    expect(fields.width * fields.height).toBeLessThanOrEqual(OUTPAINT_MAX_PIXELS);
    const scale = Math.sqrt(OUTPAINT_MAX_PIXELS / (4000 * 2250));
    expect(picture.width).toBeCloseTo(3000 * scale, -1);
    expect(fields.reference_offset_x).toBe(Math.floor(1000 * scale));
    // The picture ended at the frame's right edge and still does.
    expect(fields.reference_offset_x + picture.width).toBe(fields.width);
    expect(fields.width / fields.height).toBeCloseTo(4000 / 2250, 2);
    expect(fields.auto_crop).toBe(false);
  });
});
