/**
 * The FLUX models this project offers, one record each: everything the sidecar, the editor and the function's
 * valve checks know about a model lives in its entry, so adding a model means adding one entry. Plain data with
 * no dependencies, because the editor bundle imports it too.
 *
 * Sources (BFL's OpenAPI pages, docs.bfl.ai/api-reference/models/...): Fill and Expand (FluxProFillInputs,
 * FluxProExpandInputs), Kontext pro/max (FluxKontextProInputs), FLUX.2 pro/max (Flux2Inputs), flex
 * (Flux2FlexInputs), klein 4b/9b (Flux2KleinInputs), Erase (Flux2EraseInputs), Outpainting
 * (outpaint-or-extend-an-image), FLUX 3 Image (its guides under docs.bfl.ai/flux_3/). Where a BFL page leaves a
 * range open, test/fake-flux/TRACE.md says which source was followed. Canny and Depth were retired by BFL on
 * 2025-10-31.
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

/** Fill with the user's own fine-tune: Fill's fields plus these, at its own endpoint. */
export interface FinetuneEntry {
  readonly endpoint: string;
  readonly strength: NumberRange;
  readonly minCredits: number;
}

export type ModelKind = 'inpaint' | 'erase' | 'expand' | 'outpaint' | 'instruct';

export interface ModelEntry {
  readonly label: string;
  /**
   * inpaint: repaints the white of a mask from a prompt; erase: removes what is painted, no prompt; expand: adds
   * margins; outpaint: places the picture on a larger canvas; instruct: edits from a written instruction.
   */
  readonly kind: ModelKind;
  /** FLUX endpoint path below the versioned base URL. */
  readonly endpoint: string;
  /** BFL's docs call it legacy: still offered, marked as such in the picker. */
  readonly legacy?: boolean;
  /** The least a job costs, in credits (1 credit = $0.01): the balance check warns below it (see credits.ts). */
  readonly minCredits: number;
  /** Whether the request carries the painted mask; the other models use the whole image. */
  readonly needsMask: boolean;
  /** Extra images beyond the main one (input_image_2 ... input_image_N). */
  readonly maxReferences: number;
  /** The first one is FLUX's default for the model. */
  readonly outputFormats: readonly OutputFormat[];
  /** Inputs above this are scaled down before sending (FLUX resizes or bills them otherwise). */
  readonly maxInputMegapixels?: number;
  /** Inputs with a shorter side are scaled up before sending (FLUX refuses them otherwise). */
  readonly minInputSide?: number;
  readonly maxSafetyTolerance: number;
  /** Takes no seed: the endpoint's strict schema refuses one (422). */
  readonly noSeed?: boolean;
  /**
   * FLUX 3's request shape: the picture and references as one `images` list, no output_format (its strict
   * schema refuses it), and a painted area named as a box in the prompt (it takes no mask).
   */
  readonly imageList?: boolean;
  /** On/off fields besides prompt upsampling, with their defaults (FLUX 3's grounding). */
  readonly switches?: Readonly<Record<string, boolean>>;
  readonly finetune?: FinetuneEntry;
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
 * maximum says so in its maxSafetyTolerance. The default 2 is FLUX's own: what a job sent over the HTTP API
 * without the field gets. The editor starts at the most permissive value instead, the admin's ceiling
 * (EDITOR_DEFAULTS in src/editor/service.ts, the SAFETY_TOLERANCE valve in Open WebUI).
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

const kontext = (label: string, endpoint: string, minCredits: number) =>
  ({
    label,
    kind: 'instruct',
    endpoint,
    legacy: true,
    minCredits,
    needsMask: false,
    maxReferences: 3,
    outputFormats: PNG_JPEG,
    maxSafetyTolerance: 6,
    promptUpsampling: UPSAMPLING_OFF,
    ranges: {},
    choices: { aspect_ratio: KONTEXT_ASPECT },
  }) as const;

// FLUX.2 is billed by the megapixel in and out, so minCredits is its 1 MP image-editing price: the floor of
// what an edit costs.
const flux2 = (label: string, endpoint: string, minCredits: number, rest: Partial<ModelEntry>) =>
  ({
    label,
    kind: 'instruct',
    endpoint,
    minCredits,
    needsMask: false,
    maxReferences: 7,
    outputFormats: FLUX2_FORMATS,
    maxInputMegapixels: 4,
    maxSafetyTolerance: 5,
    ranges: {},
    choices: {},
    ...rest,
  }) as const;

/** Outpainting's canvas: BFL's minimum side; a canvas over 4 MP is scaled down before sending (outpaint.ts). */
const CANVAS_SIDE = int(64, 32_768, 1024);
/** The picture's top-left corner on Outpainting's canvas; negative values cut it off. */
const CANVAS_OFFSET = int(-32_768, 32_768, 0);

/** FLUX 3 Image's `aspect_ratio`: `auto` follows the first image, and is what a masked edit sends. */
export const FLUX3_AUTO = 'auto';
const FLUX3_ASPECT = {
  options: [
    FLUX3_AUTO,
    '21:9',
    '2:1',
    '16:9',
    '3:2',
    '7:5',
    '4:3',
    '5:4',
    '1:1',
    '4:5',
    '3:4',
    '5:7',
    '2:3',
    '9:16',
    '1:2',
    '9:21',
  ],
  default: FLUX3_AUTO,
} as const;
const FLUX3_RESOLUTION = { options: ['768sq', '1k', '1.5k', '2k', '4k'], default: '1k' } as const;

/** A fine-tune id as BFL's dashboard shows it. */
export const FINETUNE_ID_PATTERN = /^[\w-]{1,100}$/;

const FLUX2_PRO = flux2('FLUX.2 [pro]', 'flux-2-pro', 4.5, { promptUpsampling: UPSAMPLING_ON_INVERTED });
const FLUX2_KLEIN_9B = flux2('FLUX.2 [klein] 9B', 'flux-2-klein-9b', 1.7, { maxReferences: 3 });

export const CATALOGUE = {
  fill: {
    label: 'FLUX.1 Fill [pro]',
    kind: 'inpaint',
    endpoint: 'flux-pro-1.0-fill',
    minCredits: 5,
    needsMask: true,
    maxReferences: 0,
    outputFormats: JPEG_PNG,
    maxSafetyTolerance: 6,
    promptUpsampling: UPSAMPLING_OFF,
    ranges: { steps: FILL_STEPS, guidance: FILL_GUIDANCE },
    choices: {},
    // FLUX-API.md: 6 credits; finetune_strength 0-2 (default 1) as BFL's fine-tuned endpoints take it.
    finetune: { endpoint: 'flux-pro-1.0-fill-finetuned', strength: num(0, 2, 1), minCredits: 6 },
  },
  erase: {
    label: 'FLUX Erase',
    kind: 'erase',
    endpoint: 'flux-tools/erase-v1',
    // BFL publishes no price: resellers that pass it on bill 3 for the first megapixel.
    minCredits: 3,
    needsMask: true,
    maxReferences: 0,
    outputFormats: FLUX2_FORMATS,
    maxSafetyTolerance: 5,
    // BFL's pages give no maximum; the BFL-served schema's 25 is followed, not a reseller's 100 (TRACE.md).
    ranges: { dilate_pixels: int(0, 25, 10) },
    choices: {},
  },
  expand: {
    label: 'FLUX.1 Expand [pro]',
    kind: 'expand',
    endpoint: 'flux-pro-1.0-expand',
    minCredits: 5,
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
  outpaint: {
    label: 'FLUX Outpainting',
    kind: 'outpaint',
    endpoint: 'flux-tools/outpainting-v1',
    // BFL publishes no price: Expand's is assumed.
    minCredits: 5,
    needsMask: false,
    maxReferences: 0,
    outputFormats: ['png', 'jpeg', 'webp'],
    maxSafetyTolerance: 5,
    // Its schema lists no seed.
    noSeed: true,
    ranges: {
      width: CANVAS_SIDE,
      height: CANVAS_SIDE,
      reference_offset_x: CANVAS_OFFSET,
      reference_offset_y: CANVAS_OFFSET,
    },
    choices: { mode: { options: ['high', 'fast'], default: 'high' } },
  },
  'flux-3-image': {
    label: 'FLUX 3 Image',
    kind: 'instruct',
    endpoint: 'flux-3-image',
    // BFL publishes no price: resellers that pass it on bill 4.8 an image.
    minCredits: 4.8,
    needsMask: false,
    // images: 1-10, the picture first.
    maxReferences: 9,
    // FLUX 3 takes no output_format: the result is saved in the format chosen here.
    outputFormats: FLUX2_FORMATS,
    maxInputMegapixels: 16,
    minInputSide: 256,
    // 0-4 (one digest of BFL's docs; another says 0-7): the lower is followed, see README.
    maxSafetyTolerance: 4,
    noSeed: true,
    imageList: true,
    switches: { grounding: true },
    ranges: {},
    choices: { aspect_ratio: FLUX3_ASPECT, resolution: FLUX3_RESOLUTION },
  },
  'kontext-pro': kontext('FLUX.1 Kontext [pro]', 'flux-kontext-pro', 4),
  'kontext-max': kontext('FLUX.1 Kontext [max]', 'flux-kontext-max', 8),
  'flux-2-pro': FLUX2_PRO,
  // The newest weights behind a stable name: the pinned model's fields and price.
  'flux-2-pro-preview': { ...FLUX2_PRO, label: 'FLUX.2 [pro] preview', endpoint: 'flux-2-pro-preview' },
  'flux-2-flex': {
    ...flux2('FLUX.2 [flex]', 'flux-2-flex', 10, { promptUpsampling: UPSAMPLING_ON }),
    ranges: { steps: int(1, 50, 50), guidance: num(1.5, 10, 5) },
  },
  'flux-2-max': flux2('FLUX.2 [max]', 'flux-2-max', 10, { promptUpsampling: UPSAMPLING_ON_INVERTED }),
  'flux-2-klein-4b': flux2('FLUX.2 [klein] 4B', 'flux-2-klein-4b', 1.5, { maxReferences: 3 }),
  'flux-2-klein-9b': FLUX2_KLEIN_9B,
  'flux-2-klein-9b-preview': {
    ...FLUX2_KLEIN_9B,
    label: 'FLUX.2 [klein] 9B preview',
    endpoint: 'flux-2-klein-9b-preview',
  },
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

/** Every numeric field of a model: its ranges, and the fine-tune's strength where it takes a fine-tune. */
export function numericFields(model: ModelName): Readonly<Record<string, NumberRange>> {
  const info = MODEL_INFO[model];
  return info.finetune ? { ...info.ranges, finetune_strength: info.finetune.strength } : info.ranges;
}

export const MAX_PROMPT_CHARS = 4000;

/** The most references any model takes: the bound of every request's reference list. */
export const MAX_REFERENCES = Math.max(...MODELS.map((m) => MODEL_INFO[m].maxReferences));
