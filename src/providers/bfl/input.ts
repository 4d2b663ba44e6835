import sharp from '../../images/vips.js';

/**
 * Makes an image ready for a FLUX endpoint, decoding it only when something must change:
 * - `flattenAlpha`: Fill repaints transparent areas as well as the mask's white, so with a painted mask the
 *   picture is made opaque first and only the mask decides what changes.
 * - `maxMegapixels`: larger inputs are scaled down (keeping proportions) to the size the endpoint documents;
 *   FLUX would otherwise resize them itself, and bills by the megapixel.
 * - `minSide`: smaller inputs are scaled up (keeping proportions) to the shortest side the endpoint takes
 *   (FLUX 3: 256 px), which it would otherwise refuse.
 */
export async function fitForFlux(
  image: Buffer,
  opts: { flattenAlpha?: boolean; maxMegapixels?: number | undefined; minSide?: number | undefined },
): Promise<Buffer> {
  if (!opts.flattenAlpha && opts.maxMegapixels === undefined && opts.minSide === undefined) return image;
  const meta = await sharp(image).metadata();
  const width = meta.width ?? 1;
  const height = meta.height ?? 1;
  const pixels = width * height;
  const scale =
    opts.maxMegapixels !== undefined && pixels > opts.maxMegapixels * 1_000_000
      ? Math.sqrt((opts.maxMegapixels * 1_000_000) / pixels)
      : opts.minSide !== undefined && Math.min(width, height) < opts.minSide
        ? opts.minSide / Math.min(width, height)
        : 1;
  const flatten = Boolean(opts.flattenAlpha && meta.hasAlpha);
  if (scale === 1 && !flatten) return image;
  let pipeline = sharp(image);
  if (flatten) pipeline = pipeline.flatten({ background: '#ffffff' });
  if (scale !== 1) {
    // Down: floor keeps within the limit; up: ceil reaches the minimum.
    const side = scale < 1 ? Math.floor : Math.ceil;
    pipeline = pipeline.resize(Math.max(1, side(width * scale)), Math.max(1, side(height * scale)), { fit: 'fill' });
  }
  return pipeline.png().toBuffer();
}
