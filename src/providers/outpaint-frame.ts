/** Outpaint's canvas and the picture's top-left corner on it, in the picture's pixels (negative: cut off). */
export interface OutpaintPlacement {
  width: number;
  height: number;
  offsetX: number;
  offsetY: number;
}

/**
 * The frame a job's Outpaint fields ask for around a picture of `picture` size: width and height as given (the
 * picture's own when absent), and offsets as given or, when absent, centring the picture as FLUX does with null.
 * Both providers read the fields through this, so FLUX and the offline fill place the picture alike.
 */
export function outpaintFrame(
  params: Record<string, number | boolean | string | undefined>,
  picture: { width: number; height: number },
): OutpaintPlacement {
  const num = (k: string, fallback: number) => (typeof params[k] === 'number' ? params[k] : fallback);
  const width = num('width', picture.width);
  const height = num('height', picture.height);
  return {
    width,
    height,
    offsetX: num('reference_offset_x', Math.round((width - picture.width) / 2)),
    offsetY: num('reference_offset_y', Math.round((height - picture.height) / 2)),
  };
}
