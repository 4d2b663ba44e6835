import { paintedBounds } from '../../masks/bounds.js';

/**
 * FLUX 3 Image takes no mask: a local edit is named by a bounding box written into the prompt. BFL's guide
 * (https://docs.bfl.ai/flux_3/flux3_image_bounding_boxes) has the prompt name each element with an id in angle
 * brackets and end with a JSON array of `{id, bbox, desc}` rows, every `bbox` being `[top, left, bottom, right]`
 * in integers from 0 to 1000 measured from the top-left corner, whatever the picture's size or ratio.
 */

/** A box on FLUX 3's 0-1000 grid. */
export interface GridBox {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const GRID = 1000;
/** BFL's guide: boxes of about 40x25 px often come back empty, so a tiny painted spot gets a box this big. */
const MIN_SIDE = 40;

/**
 * The painted area's bounding box on the grid, or undefined when nothing is painted. `mask` has one byte per
 * pixel (white = change); values from 128 up count as painted, as the blend treats them.
 */
export function maskGridBox(mask: Uint8Array, width: number, height: number): GridBox | undefined {
  const painted = paintedBounds(mask, width, height, 128);
  if (!painted) return undefined;
  const { x0: left, y0: top, x1: right, y1: bottom } = painted;
  // Outward rounding: the box always holds every painted pixel.
  const box = {
    top: Math.floor((top * GRID) / height),
    left: Math.floor((left * GRID) / width),
    bottom: Math.ceil(((bottom + 1) * GRID) / height),
    right: Math.ceil(((right + 1) * GRID) / width),
  };
  return grow(box, width, height);
}

/** Widens a box whose side is under MIN_SIDE pixels around its centre, staying on the grid. */
function grow(box: GridBox, width: number, height: number): GridBox {
  const minW = Math.min(GRID, Math.ceil((MIN_SIDE * GRID) / width));
  const minH = Math.min(GRID, Math.ceil((MIN_SIDE * GRID) / height));
  const [left, right] = widen(box.left, box.right, minW);
  const [top, bottom] = widen(box.top, box.bottom, minH);
  return { top, left, bottom, right };
}

function widen(lo: number, hi: number, min: number): [number, number] {
  if (hi - lo >= min) return [lo, hi];
  const start = Math.max(0, Math.min(GRID - min, Math.round((lo + hi - min) / 2)));
  return [start, start + min];
}

/**
 * The instruction with the painted area named as one box: the prompt refers to it as `<edit_1>` and ends with
 * the box row, so FLUX 3 changes what is inside it and (as BFL's guide says) keeps what is outside as it was.
 */
export function promptWithBox(prompt: string, box: GridBox): string {
  const row = { id: 'edit_1', bbox: [box.top, box.left, box.bottom, box.right], desc: prompt };
  return `${prompt} Only inside <edit_1>.\n${JSON.stringify([row])}`;
}
