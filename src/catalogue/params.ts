import { z } from 'zod';
import { COMMON_RANGES, MODEL_INFO, MODELS, type ModelName, type NumberRange } from './models.js';

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
    seed: rangeSchema('seed', COMMON_RANGES.seed).optional(),
    safety_tolerance: rangeSchema('safety_tolerance', {
      ...COMMON_RANGES.safety_tolerance,
      max: info.maxSafetyTolerance,
    }).optional(),
  };
  if (info.promptUpsampling)
    shape.prompt_upsampling = z.boolean({ error: 'prompt_upsampling must be true or false' }).optional();
  for (const [key, range] of Object.entries(info.ranges)) shape[key] = rangeSchema(key, range).optional();
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
