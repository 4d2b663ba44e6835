import { z } from 'zod';
import { COMMON_RANGES, MODEL_RANGES, OUTPUT_FORMATS, type ModelName, type NumberRange } from './ranges.js';

/** A zod number for one documented range, with a message that states the range. */
export function rangeSchema(name: string, r: NumberRange) {
  const base = z.number({ error: `${name} must be a number` });
  const typed = r.integer ? base.int({ error: `${name} must be a whole number` }) : base;
  return typed.min(r.min, { error: `${name} must be between ${r.min} and ${r.max}` }).max(r.max, {
    error: `${name} must be between ${r.min} and ${r.max}`,
  });
}

function rangesSchema<T extends Record<string, NumberRange>>(ranges: T) {
  const shape = Object.fromEntries(
    Object.entries(ranges).map(([k, r]) => [k, rangeSchema(k, r).optional()]),
  ) as { [K in keyof T]: z.ZodOptional<z.ZodNumber> };
  return z.object(shape);
}

const common = z.object({
  seed: rangeSchema('seed', COMMON_RANGES.seed).optional(),
  safety_tolerance: rangeSchema('safety_tolerance', COMMON_RANGES.safety_tolerance).optional(),
  prompt_upsampling: z.boolean().optional(),
});

/** Per-model parameter schemas; unknown keys are refused so a typo doesn't silently do nothing. */
export const PARAM_SCHEMAS = {
  fill: rangesSchema(MODEL_RANGES.fill).extend(common.shape).strict(),
  canny: rangesSchema(MODEL_RANGES.canny)
    .extend(common.shape)
    .strict()
    .refine((p) => (p.canny_low_threshold ?? 50) <= (p.canny_high_threshold ?? 200), {
      error: 'canny_low_threshold must not be above canny_high_threshold',
      path: ['canny_low_threshold'],
    }),
  depth: rangesSchema(MODEL_RANGES.depth).extend(common.shape).strict(),
  expand: rangesSchema(MODEL_RANGES.expand).extend(common.shape).strict(),
} as const;

export type ModelParams = {
  [M in ModelName]: z.infer<(typeof PARAM_SCHEMAS)[M]>;
};

export const outputFormatSchema = z.enum(OUTPUT_FORMATS);

export interface FluxRequestInput {
  model: ModelName;
  prompt: string;
  /** base64 without data: prefix */
  image: string;
  /** base64 PNG, fill only */
  mask?: string | undefined;
  params: Record<string, unknown>;
  outputFormat: z.infer<typeof outputFormatSchema>;
}

/**
 * Builds the JSON body of a FLUX model request. Canny and Depth take the image as `control_image`; Fill and
 * Expand as `image`. Parameters are validated again here so a builder can never send an out-of-range value.
 */
export function buildFluxBody(input: FluxRequestInput): Record<string, unknown> {
  const params = PARAM_SCHEMAS[input.model].parse(input.params) as Record<string, unknown>;
  const body: Record<string, unknown> = { prompt: input.prompt, output_format: input.outputFormat };
  switch (input.model) {
    case 'fill':
      body.image = input.image;
      if (input.mask) body.mask = input.mask;
      break;
    case 'expand':
      body.image = input.image;
      break;
    case 'canny':
    case 'depth':
      body.control_image = input.image;
      break;
  }
  for (const [k, v] of Object.entries(params)) if (v !== undefined) body[k] = v;
  return body;
}
