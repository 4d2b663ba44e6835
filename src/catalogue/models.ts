/**
 * The FLUX models this project offers, one record each: everything the sidecar, the editor and the function's
 * valve checks know about a model lives in its entry, so adding a model means adding one entry. Plain data with
 * no dependencies, because the editor bundle imports it too.
 *
 * Sources (BFL's OpenAPI pages, docs.bfl.ai/api-reference/models/...): Fill and Expand (FluxProFillInputs,
 * FluxProExpandInputs), Kontext pro/max (FluxKontextProInputs), FLUX.2 pro/max (Flux2Inputs), flex
 * (Flux2FlexInputs), klein 4b/9b (Flux2KleinInputs). Canny and Depth were retired by BFL on 2025-10-31.
 */

/** Every output format some model takes; an entry's outputFormats says which one takes which. */
export const OUTPUT_FORMATS = ['jpeg', 'png', 'webp'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface NumberRange {
  readonly min: number;
  readonly max: number;
  readonly default: number;
  readonly integer: boolean;
}

export interface Choice {
  readonly options: readonly string[];
  readonly default: string;
}

export interface ModelEntry {
  readonly label: string;
  /** inpaint: repaints the white of a mask; expand: adds margins; instruct: edits from a written instruction. */
  readonly kind: 'inpaint' | 'expand' | 'instruct';
  /** FLUX endpoint path below the versioned base URL. */
  readonly endpoint: string;
  /** Whether the request carries the painted mask; the other models use the whole image. */
  readonly needsMask: boolean;
  /** Extra images beyond the main one (input_image_2 ... input_image_N). */
  readonly maxReferences: number;
  /** The first one is FLUX's default for the model. */
  readonly outputFormats: readonly OutputFormat[];
  /** Inputs above this are scaled down before sending (FLUX resizes or bills them otherwise). */
  readonly maxInputMegapixels?: number;
  readonly maxSafetyTolerance: number;
  /** Present when the model has a prompt-upsampling switch: its default, and the field FLUX names it by. */
  readonly promptUpsampling?: { readonly default: boolean; readonly field: 'prompt_upsampling' | 'disable_pup' };
  /** Numeric fields beyond COMMON_RANGES, with FLUX's documented range and default. */
  readonly ranges: Readonly<Record<string, NumberRange>>;
  /** Fields that take one of a fixed set of strings. */
  readonly choices: Readonly<Record<string, Choice>>;
}

const int = (min: number, max: number, def: number) => ({ min, max, default: def, integer: true }) as const;
const num = (min: number, max: number, def: number) => ({ min, max, default: def, integer: false }) as const;

/**
 * Parameters every model accepts. FLUX returns seeds around 10^12 and accepts any integer, so the range is every
 * integer a JavaScript number holds exactly. safety_tolerance is 0-6 here; a model with a lower documented
 * maximum says so in its maxSafetyTolerance. The default 2 is FLUX's own.
 */
export const COMMON_RANGES = {
  safety_tolerance: int(0, 6, 2),
  seed: int(0, Number.MAX_SAFE_INTEGER, 0),
} as const;

const FILL_STEPS = int(15, 50, 50);
const FILL_GUIDANCE = num(1.5, 100, 60);

/** `match` is not a FLUX value: it means the field is left out, and Kontext then keeps the input's proportions. */
export const ASPECT_MATCH = 'match';

/** Kontext's aspect_ratio is documented as "between 21:9 and 9:21". */
const KONTEXT_ASPECT = {
  options: [ASPECT_MATCH, '21:9', '16:9', '4:3', '3:2', '1:1', '2:3', '3:4', '9:16', '9:21'],
  default: ASPECT_MATCH,
} as const;

const JPEG_PNG = ['jpeg', 'png'] as const;
const PNG_JPEG = ['png', 'jpeg'] as const;
const FLUX2_FORMATS = ['jpeg', 'png', 'webp'] as const;
const UPSAMPLING_OFF = { default: false, field: 'prompt_upsampling' } as const;
const UPSAMPLING_ON = { default: true, field: 'prompt_upsampling' } as const;
// FLUX.2 [pro] and [max] name the switch the other way round: disable_pup is true when upsampling is off.
const UPSAMPLING_ON_INVERTED = { default: true, field: 'disable_pup' } as const;

const kontext = (label: string, endpoint: string) =>
  ({
    label,
    kind: 'instruct',
    endpoint,
    needsMask: false,
    maxReferences: 3,
    outputFormats: PNG_JPEG,
    maxSafetyTolerance: 6,
    promptUpsampling: UPSAMPLING_OFF,
    ranges: {},
    choices: { aspect_ratio: KONTEXT_ASPECT },
  }) as const;

const flux2 = (label: string, endpoint: string, rest: Partial<ModelEntry>) =>
  ({
    label,
    kind: 'instruct',
    endpoint,
    needsMask: false,
    maxReferences: 7,
    outputFormats: FLUX2_FORMATS,
    maxInputMegapixels: 4,
    maxSafetyTolerance: 5,
    ranges: {},
    choices: {},
    ...rest,
  }) as const;

export const CATALOGUE = {
  fill: {
    label: 'FLUX.1 Fill [pro]',
    kind: 'inpaint',
    endpoint: 'flux-pro-1.0-fill',
    needsMask: true,
    maxReferences: 0,
    outputFormats: JPEG_PNG,
    maxSafetyTolerance: 6,
    promptUpsampling: UPSAMPLING_OFF,
    ranges: { steps: FILL_STEPS, guidance: FILL_GUIDANCE },
    choices: {},
  },
  expand: {
    label: 'FLUX.1 Expand [pro]',
    kind: 'expand',
    endpoint: 'flux-pro-1.0-expand',
    needsMask: false,
    maxReferences: 0,
    outputFormats: JPEG_PNG,
    maxSafetyTolerance: 6,
    promptUpsampling: UPSAMPLING_OFF,
    ranges: {
      steps: FILL_STEPS,
      guidance: FILL_GUIDANCE,
      top: int(0, 2048, 0),
      bottom: int(0, 2048, 0),
      left: int(0, 2048, 0),
      right: int(0, 2048, 0),
    },
    choices: {},
  },
  'kontext-pro': kontext('FLUX.1 Kontext [pro]', 'flux-kontext-pro'),
  'kontext-max': kontext('FLUX.1 Kontext [max]', 'flux-kontext-max'),
  'flux-2-pro': flux2('FLUX.2 [pro]', 'flux-2-pro', { promptUpsampling: UPSAMPLING_ON_INVERTED }),
  'flux-2-flex': {
    ...flux2('FLUX.2 [flex]', 'flux-2-flex', { promptUpsampling: UPSAMPLING_ON }),
    ranges: { steps: int(1, 50, 50), guidance: num(1.5, 10, 5) },
  },
  'flux-2-max': flux2('FLUX.2 [max]', 'flux-2-max', { promptUpsampling: UPSAMPLING_ON_INVERTED }),
  'flux-2-klein-4b': flux2('FLUX.2 [klein] 4B', 'flux-2-klein-4b', { maxReferences: 3 }),
  'flux-2-klein-9b': flux2('FLUX.2 [klein] 9B', 'flux-2-klein-9b', { maxReferences: 3 }),
} as const satisfies Record<string, ModelEntry>;

export type ModelName = keyof typeof CATALOGUE;

/** The model names, in the catalogue's order (the editor's menu order). */
export const MODELS = Object.keys(CATALOGUE) as [ModelName, ...ModelName[]];

/** Each model's entry, seen through the common shape (a field some models lack is optional here). */
export const MODEL_INFO: Readonly<Record<ModelName, ModelEntry>> = CATALOGUE;

/** Whether a name (from a journal, say, written before a model was retired) is one this version offers. */
export function isModelName(name: string): name is ModelName {
  return Object.hasOwn(CATALOGUE, name);
}

/** The model's name for people; a retired model's is made from its id. */
export function modelLabel(model: string): string {
  return isModelName(model) ? MODEL_INFO[model].label : `FLUX ${model}`;
}

export const MAX_PROMPT_CHARS = 4000;

/** The most references any model takes: the bound of every request's reference list. */
export const MAX_REFERENCES = Math.max(...MODELS.map((m) => MODEL_INFO[m].maxReferences));
