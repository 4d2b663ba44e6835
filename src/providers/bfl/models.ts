import { z } from 'zod';
import {
  ASPECT_MATCH,
  COMMON_RANGES,
  MODEL_CHOICES,
  MODEL_INFO,
  MODEL_RANGES,
  MODELS,
  type ModelName,
  type NumberRange,
  type OutputFormat,
} from './ranges.js';

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
  if (info.promptUpsampling !== undefined)
    shape.prompt_upsampling = z.boolean({ error: 'prompt_upsampling must be true or false' }).optional();
  for (const [key, range] of Object.entries(MODEL_RANGES[model]) as Array<[string, NumberRange]>)
    shape[key] = rangeSchema(key, range).optional();
  for (const [key, choice] of Object.entries(MODEL_CHOICES[model])) {
    shape[key] = z
      .enum(choice.options as [string, ...string[]], { error: `${key} must be one of ${choice.options.join(', ')}` })
      .optional();
  }
  // Unknown keys are refused so that a typo, or a field of another model, doesn't silently do nothing.
  return z.object(shape).strict();
}

export const PARAM_SCHEMAS = Object.fromEntries(MODELS.map((m) => [m, paramSchema(m)])) as Record<
  ModelName,
  ReturnType<typeof paramSchema>
>;

type ModelParams = Record<string, number | boolean | string | undefined>;

interface FluxRequestInput {
  model: ModelName;
  prompt: string;
  /** base64 without data: prefix */
  image: string;
  /** base64 PNG, Fill only: instruction models get no mask (the sidecar blends their result through it). */
  mask?: string | undefined;
  /** base64 extra images for the instruction models, in order (input_image_2, input_image_3, ...). */
  references?: readonly string[] | undefined;
  params: Record<string, unknown>;
  outputFormat: OutputFormat;
}

/**
 * Builds the JSON body of a FLUX model request, with each endpoint's own field names. Parameters are validated
 * again here so a builder can never send an out-of-range value.
 */
export function buildFluxBody(input: FluxRequestInput): Record<string, unknown> {
  const info = MODEL_INFO[input.model];
  const { prompt_upsampling: upsampling, ...params } = PARAM_SCHEMAS[input.model].parse(input.params) as ModelParams;
  const body: Record<string, unknown> = { prompt: input.prompt, output_format: input.outputFormat };
  if (info.kind === 'instruct') {
    const references = input.references ?? [];
    if (references.length > info.maxReferences)
      throw new RangeError(`${input.model} takes at most ${info.maxReferences} references`);
    body.input_image = input.image;
    references.forEach((ref, i) => {
      body[`input_image_${i + 2}`] = ref;
    });
  } else {
    body.image = input.image;
    if (input.model === 'fill' && input.mask) body.mask = input.mask;
  }
  if (upsampling !== undefined) {
    // FLUX.2 [pro] and [max] name the switch the other way round (disable_pup); the others call it prompt_upsampling.
    if (input.model === 'flux-2-pro' || input.model === 'flux-2-max') body.disable_pup = !upsampling;
    else body.prompt_upsampling = upsampling;
  }
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || (k === 'aspect_ratio' && v === ASPECT_MATCH)) continue;
    body[k] = v;
  }
  return body;
}
