import { ASPECT_MATCH, MODEL_INFO, type ModelName, type OutputFormat } from '../../catalogue/models.js';
import { PARAM_SCHEMAS } from '../../catalogue/params.js';

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
    if (info.needsMask && input.mask) body.mask = input.mask;
  }
  if (upsampling !== undefined && info.promptUpsampling) {
    const field = info.promptUpsampling.field;
    body[field] = field === 'disable_pup' ? !upsampling : upsampling;
  }
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || (k === 'aspect_ratio' && v === ASPECT_MATCH)) continue;
    body[k] = v;
  }
  return body;
}
