/** Crop ratios the editor offers, by name (shared by the editor bundle and the settings schema, without zod). */
export const CROP_RATIOS = ['free', '1:1', '4:3', '3:4', '16:9', '9:16'] as const;
export type CropRatio = (typeof CROP_RATIOS)[number];

export const BRUSH_SIZE_MAX = 400;

/** The ratio as width / height; undefined for a free crop. */
export function ratioValue(r: CropRatio): number | undefined {
  if (r === 'free') return undefined;
  const [w, h] = r.split(':').map(Number) as [number, number];
  return w / h;
}
