import { ASPECT_MATCH, FLUX3_AUTO, MODEL_INFO, type ModelName, type OutputFormat } from '../../catalogue/models.js';
import type { OutpaintFields } from './outpaint.js';

type ModelParams = Record<string, number | boolean | string | undefined>;

interface FluxRequestInput {
  model: ModelName;
  prompt: string;
  /** base64 without data: prefix */
  image: string;
  /** base64 PNG, Fill and Erase only: the other models get no mask (the sidecar blends their result through it). */
  mask?: string | undefined;
  /** base64 extra images for the instruction models, in order (input_image_2, ... or the rest of `images`). */
  references?: readonly string[] | undefined;
  params: Record<string, unknown>;
  outputFormat: OutputFormat;
  /** Outpainting: the canvas and the picture's place on it, as sent (scaled to 4 MP, auto_crop decided). */
  placement?: OutpaintFields | undefined;
  /** FLUX 3 with a painted mask: the result must keep the picture's ratio for the blend and the box to fit. */
  masked?: boolean | undefined;
}

/** The endpoint a built body goes to: a model with a fine-tune named goes to its fine-tuned endpoint. */
export function fluxEndpoint(model: ModelName, body: Record<string, unknown>): string {
  const info = MODEL_INFO[model];
  return info.finetune && body.finetune_id ? info.finetune.endpoint : info.endpoint;
}

/**
 * Builds the JSON body of a FLUX model request, with each endpoint's own field names. The parameters are the
 * job spec's, checked once when the request was parsed (src/jobs/request.ts).
 */
export function buildFluxBody(input: FluxRequestInput): Record<string, unknown> {
  const info = MODEL_INFO[input.model];
  const { prompt_upsampling: upsampling, ...params } = input.params as ModelParams;
  const body: Record<string, unknown> = {};
  // Erase takes no prompt; Outpainting's is "experimental" and left out when empty; the others always take one.
  if (info.kind !== 'erase' && (info.kind !== 'outpaint' || input.prompt)) body.prompt = input.prompt;
  // FLUX 3's strict schema refuses output_format (422): the result is saved in the chosen format instead.
  if (!info.imageList) body.output_format = input.outputFormat;
  const references = input.references ?? [];
  if (info.imageList) {
    body.images = [input.image, ...references];
    if (input.masked) params.aspect_ratio = FLUX3_AUTO;
  } else if (info.kind === 'instruct') {
    body.input_image = input.image;
    references.forEach((ref, i) => {
      body[`input_image_${i + 2}`] = ref;
    });
  } else if (info.kind === 'outpaint') {
    if (!input.placement) throw new RangeError(`${input.model} needs the picture's placement on the canvas`);
    body.input_image = input.image;
    Object.assign(params, input.placement);
  } else {
    body.image = input.image;
    if (info.needsMask && input.mask) body.mask = input.mask;
  }
  if (info.finetune && !params.finetune_id) {
    delete params.finetune_id;
    delete params.finetune_strength;
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
