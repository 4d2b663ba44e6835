import { z } from 'zod';
import {
  COMMON_RANGES,
  FINETUNE_ID_PATTERN,
  MODEL_INFO,
  MODELS,
  type ModelName,
  type NumberRange,
  numericFields,
} from './models.js';

/** A zod number for one documented range, with a message that states the range. */
export function rangeSchema(name: string, r: NumberRange) {
  const base = z.number({ error: `${name} must be a number` });
  const typed = r.integer ? base.int({ error: `${name} must be a whole number` }) : base;
  return typed.min(r.min, { error: `${name} must be between ${r.min} and ${r.max}` }).max(r.max, {
    error: `${name} must be between ${r.min} and ${r.max}`,
  });
}

/** Every field a model takes besides the prompt and the images, each with its documented range or choices. */
function paramSchema(model: ModelName) {
  const info = MODEL_INFO[model];
  const shape: Record<string, z.ZodType> = {
    safety_tolerance: rangeSchema('safety_tolerance', {
      ...COMMON_RANGES.safety_tolerance,
      max: info.maxSafetyTolerance,
    }).optional(),
  };
  if (!info.noSeed) shape.seed = rangeSchema('seed', COMMON_RANGES.seed).optional();
  const switches = [...(info.promptUpsampling ? ['prompt_upsampling'] : []), ...Object.keys(info.switches ?? {})];
  for (const key of switches) shape[key] = z.boolean({ error: `${key} must be true or false` }).optional();
  if (info.finetune) {
    // Empty means the model without a fine-tune: the editor's field stays empty until one is named.
    shape.finetune_id = z
      .string({ error: 'finetune_id must be text' })
      .trim()
      .refine((v) => v === '' || FINETUNE_ID_PATTERN.test(v), {
        error: 'finetune_id must be the fine-tune ID from the BFL dashboard (letters, digits, _ and -)',
      })
      .optional();
  }
  for (const [key, range] of Object.entries(numericFields(model))) shape[key] = rangeSchema(key, range).optional();
  for (const [key, choice] of Object.entries(info.choices)) {
    shape[key] = z
      .enum(choice.options as [string, ...string[]], { error: `${key} must be one of ${choice.options.join(', ')}` })
      .optional();
  }
  // Unknown keys are refused so that a typo, or a field of another model, doesn't silently do nothing.
  return z.object(shape).strict();
}

/** Each model's parameter schema, derived from its catalogue entry. */
export const PARAM_SCHEMAS = Object.fromEntries(MODELS.map((m) => [m, paramSchema(m)])) as Record<
  ModelName,
  ReturnType<typeof paramSchema>
>;
