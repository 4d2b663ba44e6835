import { z } from 'zod';
import { CROP_RATIOS, OVERLAY_COLOUR_PATTERN, TOOL_SETTING_RANGES as R } from './ratios.js';
import { MODEL_INFO, MODELS, OUTPUT_FORMATS, type ModelName } from '../catalogue/models.js';

/** A settings document larger than this is refused: the real one is well under 2 KB. */
export const MAX_SETTINGS_BYTES = 8 * 1024;

/** Drops (rather than refuses) a field that no longer fits: a retired model or a changed range must not lose the rest. */
const lenient = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

function fieldAccepts(model: ModelName, key: string, value: unknown): boolean {
  const choice = MODEL_INFO[model].choices[key];
  if (choice) return typeof value === 'string' && choice.options.includes(value);
  const range = MODEL_INFO[model].ranges[key];
  if (!range || typeof value !== 'number' || !Number.isFinite(value)) return false;
  return value >= range.min && value <= range.max && (!range.integer || Number.isInteger(value));
}

/** Per-model field values; unknown models, unknown fields and values out of their range are dropped. */
const fieldsSchema = z.record(z.string().max(64), z.record(z.string().max(64), z.unknown())).transform((all) => {
  const out: Partial<Record<ModelName, Record<string, number | string>>> = {};
  for (const model of MODELS) {
    const given = all[model];
    if (!given) continue;
    const kept = Object.entries(given).filter(([key, value]) => fieldAccepts(model, key, value)) as Array<
      [string, number | string]
    >;
    if (kept.length) out[model] = Object.fromEntries(kept);
  }
  return out;
});

/**
 * What the editor remembers between clicks, per Open WebUI user (and per browser standalone). Only the
 * tools' settings: never a prompt, a picture or a key. Unknown keys are stripped.
 */
export const editorSettingsSchema = z
  .unknown()
  .refine((v) => JSON.stringify(v ?? null).length <= MAX_SETTINGS_BYTES, {
    error: `settings must be at most ${MAX_SETTINGS_BYTES} bytes of JSON`,
  })
  .pipe(
    z.object({
      model: lenient(z.enum(MODELS)),
      fields: lenient(fieldsSchema),
      output_format: lenient(z.enum(OUTPUT_FORMATS)),
      brush_size: lenient(z.number().int().min(R.brush_size.min).max(R.brush_size.max)),
      brush_hardness: lenient(z.number().min(R.brush_hardness.min).max(R.brush_hardness.max)),
      overlay_colour: lenient(z.string().regex(OVERLAY_COLOUR_PATTERN)),
      overlay_opacity: lenient(z.number().min(R.overlay_opacity.min).max(R.overlay_opacity.max)),
      crop_ratio: lenient(z.enum(CROP_RATIOS)),
      masked_only: lenient(z.boolean()),
    }),
  )
  .transform((s) => Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined)) as typeof s);

export type EditorSettings = z.output<typeof editorSettingsSchema>;
