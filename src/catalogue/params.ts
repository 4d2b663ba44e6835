import { z } from 'zod';
import { ruleMessage } from '../util/rule-message.js';
import {
  COMMON_RANGES,
  FINETUNE_ID_PATTERN,
  MODEL_INFO,
  MODELS,
  type ModelName,
  type NumberRange,
  numericFields,
} from './models.js';

/** A zod number for one documented range, with a message that states the whole range. */
export function rangeSchema(r: NumberRange) {
  const base = z.number();
  const typed = r.integer ? base.int({ error: ruleMessage('invalid_request.whole') }) : base;
  const between = ruleMessage('invalid_request.between', { min: r.min, max: r.max });
  return typed.min(r.min, { error: between }).max(r.max, { error: between });
}

/** Every field a model takes besides the prompt and the images, each with its documented range or choices. */
function paramSchema(model: ModelName) {
  const info = MODEL_INFO[model];
  const shape: Record<string, z.ZodType> = {
    safety_tolerance: rangeSchema({
      ...COMMON_RANGES.safety_tolerance,
      max: info.maxSafetyTolerance,
    }).optional(),
  };
  if (!info.noSeed) shape.seed = rangeSchema(COMMON_RANGES.seed).optional();
  const switches = [...(info.promptUpsampling ? ['prompt_upsampling'] : []), ...Object.keys(info.switches ?? {})];
  for (const key of switches) shape[key] = z.boolean().optional();
  if (info.finetune) {
    // Empty means the model without a fine-tune: the editor's field stays empty until one is named.
    shape.finetune_id = z
      .string()
      .trim()
      .refine((v) => v === '' || FINETUNE_ID_PATTERN.test(v), { error: ruleMessage('invalid_request.finetune_id') })
      .optional();
  }
  for (const [key, range] of Object.entries(numericFields(model))) shape[key] = rangeSchema(range).optional();
  for (const [key, choice] of Object.entries(info.choices)) {
    shape[key] = z.enum(choice.options as [string, ...string[]]).optional();
  }
  // Unknown keys are refused so that a typo, or a field of another model, doesn't silently do nothing.
  return z.object(shape).strict();
}

/** Each model's parameter schema, derived from its catalogue entry. */
export const PARAM_SCHEMAS = Object.fromEntries(MODELS.map((m) => [m, paramSchema(m)])) as Record<
  ModelName,
  ReturnType<typeof paramSchema>
>;
