import { appError } from '../../errors.js';
import { outpaintFrame } from '../outpaint-frame.js';

export interface ExpandSides {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Reads the expand sides from validated request parameters; missing sides count as 0. */
export function expandSides(params: Record<string, number | boolean | string | undefined>): ExpandSides {
  const side = (name: keyof ExpandSides): number => {
    const v = params[name];
    return typeof v === 'number' && Number.isFinite(v) ? Math.max(0, Math.round(v)) : 0;
  };
  const sides = { top: side('top'), bottom: side('bottom'), left: side('left'), right: side('right') };
  if (sides.top + sides.bottom + sides.left + sides.right === 0) {
    throw appError('invalid_request.expand_none');
  }
  return sides;
}

/**
 * Outpaint's frame as Expand's four margins: the local fill can add canvas around the picture but not cut it,
 * so a frame that cuts the picture off is refused.
 */
export function outpaintSides(
  params: Record<string, number | boolean | string | undefined>,
  picture: { width: number; height: number },
): ExpandSides {
  // The fields are whole numbers (catalogue ranges), so the sides are too.
  const { width, height, offsetX: left, offsetY: top } = outpaintFrame(params, picture);
  const sides = { top, left, right: width - picture.width - left, bottom: height - picture.height - top };
  if (Math.min(sides.top, sides.left, sides.right, sides.bottom) < 0) throw appError('invalid_request.outpaint_cuts');
  if (sides.top + sides.bottom + sides.left + sides.right === 0) throw appError('invalid_request.outpaint_empty');
  return sides;
}

/** The area to fill on the expanded canvas: 255 on the added border, 0 where the picture is. */
export function borderMask(width: number, height: number, sides: ExpandSides): Uint8Array {
  const mask = new Uint8Array(width * height).fill(255);
  const inner = width - sides.left - sides.right;
  for (let y = sides.top; y < height - sides.bottom; y++)
    mask.fill(0, y * width + sides.left, y * width + sides.left + inner);
  return mask;
}
