/** Crop ratios the editor offers, by name (shared by the editor bundle and the settings schema, without zod). */
export const CROP_RATIOS = ['free', '1:1', '4:3', '3:4', '16:9', '9:16'] as const;
export type CropRatio = (typeof CROP_RATIOS)[number];

export const BRUSH_SIZE_MAX = 400;

/**
 * The ranges of the remembered tool settings: the settings schema refuses what lies outside, and the editor
 * falls back to the default for it (a hand-edited localStorage), from these same numbers.
 */
export const TOOL_SETTING_RANGES = {
  brush_size: { min: 1, max: BRUSH_SIZE_MAX },
  brush_hardness: { min: 0, max: 1 },
  overlay_opacity: { min: 0.1, max: 1 },
} as const;

/** An overlay colour as the colour input gives it: `#rrggbb`. */
export const OVERLAY_COLOUR_PATTERN = /^#[0-9a-f]{6}$/i;

/** The value when it is a number inside the range, else undefined. */
export function inRange(range: { min: number; max: number }, value: unknown): number | undefined {
  return typeof value === 'number' && value >= range.min && value <= range.max ? value : undefined;
}

/** The ratio as width / height; undefined for a free crop. */
export function ratioValue(r: CropRatio): number | undefined {
  if (r === 'free') return undefined;
  const [w, h] = r.split(':').map(Number) as [number, number];
  return w / h;
}
