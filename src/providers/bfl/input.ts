import sharp from '../../images/vips.js';

/**
 * Makes an image ready for a FLUX endpoint, decoding it only when something must change:
 * - `flattenAlpha`: Fill repaints transparent areas as well as the mask's white, so with a painted mask the
 *   picture is made opaque first and only the mask decides what changes.
 * - `maxMegapixels`: larger inputs are scaled down (keeping proportions) to the size the endpoint documents;
 *   FLUX would otherwise resize them itself, and bills by the megapixel.
 */
export async function fitForFlux(
  image: Buffer,
  opts: { flattenAlpha?: boolean; maxMegapixels?: number | undefined },
): Promise<Buffer> {
  if (!opts.flattenAlpha && opts.maxMegapixels === undefined) return image;
  const meta = await sharp(image).metadata();
  const pixels = (meta.width ?? 0) * (meta.height ?? 0);
  const shrink = opts.maxMegapixels !== undefined && pixels > opts.maxMegapixels * 1_000_000;
  const flatten = Boolean(opts.flattenAlpha && meta.hasAlpha);
  if (!shrink && !flatten) return image;
  let pipeline = sharp(image);
  if (flatten) pipeline = pipeline.flatten({ background: '#ffffff' });
  if (shrink) {
    const scale = Math.sqrt((opts.maxMegapixels! * 1_000_000) / pixels);
    pipeline = pipeline.resize(
      Math.max(1, Math.floor(meta.width! * scale)),
      Math.max(1, Math.floor(meta.height! * scale)),
      { fit: 'fill' },
    );
  }
  return pipeline.png().toBuffer();
}
