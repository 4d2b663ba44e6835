import type { OutpaintPlacement } from '../outpaint-frame.js';

/**
 * Outpainting's placement fields (https://docs.bfl.ml/api-reference/models/outpaint-or-extend-an-image): the
 * picture's top-left corner on a `width` x `height` canvas. BFL refuses a canvas over 4 MP and a picture reaching
 * past the canvas unless `auto_crop` is set (https://docs.bfl.ai/flux_tools/flux_outpainting), so a larger frame
 * is scaled down, picture included, and `auto_crop` is set exactly when the frame cuts the picture.
 */
export const OUTPAINT_MAX_PIXELS = 4_194_304;
const MIN_SIDE = 64;

export interface OutpaintFields {
  width: number;
  height: number;
  reference_offset_x: number;
  reference_offset_y: number;
  auto_crop: boolean;
}

/**
 * The request's placement fields for a picture of `picture` size, and the size the picture must be scaled to
 * first so that the canvas stays within 4 MP (the picture's own size when it fits).
 */
export function outpaintFields(
  picture: { width: number; height: number },
  frame: OutpaintPlacement,
): { fields: OutpaintFields; picture: { width: number; height: number } } {
  const scale = Math.min(1, Math.sqrt(OUTPAINT_MAX_PIXELS / (frame.width * frame.height)));
  // Every edge is scaled with the same rounding (down), so a picture inside the frame stays inside it and the
  // canvas stays within the limit.
  const at = (v: number) => Math.floor(v * scale);
  const width = Math.max(MIN_SIDE, at(frame.width));
  const height = Math.max(MIN_SIDE, at(frame.height));
  const x = at(frame.offsetX);
  const y = at(frame.offsetY);
  const pw = Math.max(1, at(frame.offsetX + picture.width) - x);
  const ph = Math.max(1, at(frame.offsetY + picture.height) - y);
  const cuts = x < 0 || y < 0 || x + pw > width || y + ph > height;
  return {
    fields: { width, height, reference_offset_x: x, reference_offset_y: y, auto_crop: cuts },
    picture: { width: pw, height: ph },
  };
}
