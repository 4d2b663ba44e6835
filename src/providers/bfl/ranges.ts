/**
 * The FLUX models this project offers and their documented parameters, as plain data with no dependencies so
 * the editor bundle, the zod schemas and the valve checks all read the same numbers.
 *
 * Sources (BFL's OpenAPI pages, docs.bfl.ai/api-reference/models/...): Fill and Expand (FluxProFillInputs,
 * FluxProExpandInputs), Kontext pro/max (FluxKontextProInputs), FLUX.2 pro/max (Flux2Inputs), flex
 * (Flux2FlexInputs), klein 4b/9b (Flux2KleinInputs). Canny and Depth were retired by BFL on 2025-10-31.
 */
export const MODELS = [
  'fill',
  'expand',
  'kontext-pro',
  'kontext-max',
  'flux-2-pro',
  'flux-2-flex',
  'flux-2-max',
  'flux-2-klein-4b',
  'flux-2-klein-9b',
] as const;
export type ModelName = (typeof MODELS)[number];

/** Every output format some model takes; MODEL_INFO[model].outputFormats says which one takes which. */
export const OUTPUT_FORMATS = ['jpeg', 'png', 'webp'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface NumberRange {
  min: number;
  max: number;
  default: number;
  integer: boolean;
}

const int = (min: number, max: number, def: number): NumberRange => ({ min, max, default: def, integer: true });
const num = (min: number, max: number, def: number): NumberRange => ({ min, max, default: def, integer: false });

/**
 * Parameters every model accepts. FLUX returns seeds around 10^12 and accepts any integer, so the range is every
 * integer a JavaScript number holds exactly. safety_tolerance is 0-6 here; models with a lower documented
 * maximum say so in MODEL_INFO[model].maxSafetyTolerance.
 */
export const COMMON_RANGES = {
  safety_tolerance: int(0, 6, 2),
  seed: int(0, Number.MAX_SAFE_INTEGER, 0),
} as const;

const FILL_STEPS = int(15, 50, 50);
const FILL_GUIDANCE = num(1.5, 100, 60);

/** Numeric fields of each model beyond COMMON_RANGES. */
export const MODEL_RANGES = {
  fill: { steps: FILL_STEPS, guidance: FILL_GUIDANCE },
  expand: {
    steps: FILL_STEPS,
    guidance: FILL_GUIDANCE,
    top: int(0, 2048, 0),
    bottom: int(0, 2048, 0),
    left: int(0, 2048, 0),
    right: int(0, 2048, 0),
  },
  'kontext-pro': {},
  'kontext-max': {},
  'flux-2-pro': {},
  'flux-2-flex': { steps: int(1, 50, 50), guidance: num(1.5, 10, 5) },
  'flux-2-max': {},
  'flux-2-klein-4b': {},
  'flux-2-klein-9b': {},
} as const satisfies Record<ModelName, Record<string, NumberRange>>;

interface Choice {
  options: readonly string[];
  default: string;
}

/**
 * Kontext's aspect_ratio is documented as "between 21:9 and 9:21". `match` is not a FLUX value: it means the
 * field is left out, and Kontext then keeps the input picture's proportions.
 */
const KONTEXT_ASPECT: Choice = {
  options: ['match', '21:9', '16:9', '4:3', '3:2', '1:1', '2:3', '3:4', '9:16', '9:21'],
  default: 'match',
};
export const ASPECT_MATCH = 'match';

/** Fields of each model that take one of a fixed set of strings. */
export const MODEL_CHOICES: Record<ModelName, Record<string, Choice>> = {
  fill: {},
  expand: {},
  'kontext-pro': { aspect_ratio: KONTEXT_ASPECT },
  'kontext-max': { aspect_ratio: KONTEXT_ASPECT },
  'flux-2-pro': {},
  'flux-2-flex': {},
  'flux-2-max': {},
  'flux-2-klein-4b': {},
  'flux-2-klein-9b': {},
};

interface ModelInfo {
  label: string;
  /** inpaint: repaints the white of a mask; expand: adds margins; instruct: edits from a written instruction. */
  kind: 'inpaint' | 'expand' | 'instruct';
  needsMask: boolean;
  /** Extra images beyond the main one (input_image_2 ... input_image_N). */
  maxReferences: number;
  /** The first one is FLUX's default for the model. */
  outputFormats: readonly OutputFormat[];
  /** Inputs above this are scaled down before sending (FLUX resizes or bills them otherwise). */
  maxInputMegapixels?: number;
  maxSafetyTolerance: number;
  /** Present when the model has a prompt-upsampling switch: its default. */
  promptUpsampling?: boolean;
}

const JPEG_PNG = ['jpeg', 'png'] as const;
const FLUX2_FORMATS = ['jpeg', 'png', 'webp'] as const;

export const MODEL_INFO: Record<ModelName, ModelInfo> = {
  fill: {
    label: 'FLUX.1 Fill [pro]',
    kind: 'inpaint',
    needsMask: true,
    maxReferences: 0,
    outputFormats: JPEG_PNG,
    maxSafetyTolerance: 6,
    promptUpsampling: false,
  },
  expand: {
    label: 'FLUX.1 Expand [pro]',
    kind: 'expand',
    needsMask: false,
    maxReferences: 0,
    outputFormats: JPEG_PNG,
    maxSafetyTolerance: 6,
    promptUpsampling: false,
  },
  'kontext-pro': {
    label: 'FLUX.1 Kontext [pro]',
    kind: 'instruct',
    needsMask: false,
    maxReferences: 3,
    outputFormats: ['png', 'jpeg'],
    maxSafetyTolerance: 6,
    promptUpsampling: false,
  },
  'kontext-max': {
    label: 'FLUX.1 Kontext [max]',
    kind: 'instruct',
    needsMask: false,
    maxReferences: 3,
    outputFormats: ['png', 'jpeg'],
    maxSafetyTolerance: 6,
    promptUpsampling: false,
  },
  'flux-2-pro': {
    label: 'FLUX.2 [pro]',
    kind: 'instruct',
    needsMask: false,
    maxReferences: 7,
    outputFormats: FLUX2_FORMATS,
    maxInputMegapixels: 4,
    maxSafetyTolerance: 5,
    promptUpsampling: true,
  },
  'flux-2-flex': {
    label: 'FLUX.2 [flex]',
    kind: 'instruct',
    needsMask: false,
    maxReferences: 7,
    outputFormats: FLUX2_FORMATS,
    maxInputMegapixels: 4,
    maxSafetyTolerance: 5,
    promptUpsampling: true,
  },
  'flux-2-max': {
    label: 'FLUX.2 [max]',
    kind: 'instruct',
    needsMask: false,
    maxReferences: 7,
    outputFormats: FLUX2_FORMATS,
    maxInputMegapixels: 4,
    maxSafetyTolerance: 5,
    promptUpsampling: true,
  },
  'flux-2-klein-4b': {
    label: 'FLUX.2 [klein] 4B',
    kind: 'instruct',
    needsMask: false,
    maxReferences: 3,
    outputFormats: FLUX2_FORMATS,
    maxInputMegapixels: 4,
    maxSafetyTolerance: 5,
  },
  'flux-2-klein-9b': {
    label: 'FLUX.2 [klein] 9B',
    kind: 'instruct',
    needsMask: false,
    maxReferences: 3,
    outputFormats: FLUX2_FORMATS,
    maxInputMegapixels: 4,
    maxSafetyTolerance: 5,
  },
};

/** Whether a name (from a journal, say, written before a model was retired) is one this version offers. */
export function isModelName(name: string): name is ModelName {
  return (MODELS as readonly string[]).includes(name);
}

/** The model's name for people; a retired model's is made from its id. */
export function modelLabel(model: string): string {
  return isModelName(model) ? MODEL_INFO[model].label : `FLUX ${model}`;
}

/** FLUX endpoint path (below the versioned base URL) for each model. */
export const MODEL_ENDPOINTS: Record<ModelName, string> = {
  fill: 'flux-pro-1.0-fill',
  expand: 'flux-pro-1.0-expand',
  'kontext-pro': 'flux-kontext-pro',
  'kontext-max': 'flux-kontext-max',
  'flux-2-pro': 'flux-2-pro',
  'flux-2-flex': 'flux-2-flex',
  'flux-2-max': 'flux-2-max',
  'flux-2-klein-4b': 'flux-2-klein-4b',
  'flux-2-klein-9b': 'flux-2-klein-9b',
};

/** Models whose request needs a painted mask; the others use the whole image. */
export const MODELS_NEEDING_MASK: ReadonlySet<ModelName> = new Set(MODELS.filter((m) => MODEL_INFO[m].needsMask));

export const MAX_PROMPT_CHARS = 4000;
