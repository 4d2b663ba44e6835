import { AppError } from '../../errors.js';

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
    throw new AppError('invalid_request', 'Expand needs at least one side > 0');
  }
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
