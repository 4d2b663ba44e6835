/**
 * The documented parameter ranges of the FLUX endpoints, as plain data with no dependencies so the editor
 * bundle, the zod schemas and the valve checks all read the same numbers.
 */
export const MODELS = ['fill', 'canny', 'depth', 'expand'] as const;
export type ModelName = (typeof MODELS)[number];

export const OUTPUT_FORMATS = ['jpeg', 'png'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface NumberRange {
  min: number;
  max: number;
  default: number;
  integer: boolean;
}

const int = (min: number, max: number, def: number): NumberRange => ({ min, max, default: def, integer: true });
const num = (min: number, max: number, def: number): NumberRange => ({ min, max, default: def, integer: false });

/** Parameters every model accepts. */
export const COMMON_RANGES = {
  safety_tolerance: int(0, 6, 2),
  seed: int(0, 2 ** 32 - 1, 0),
} as const;

export const MODEL_RANGES = {
  fill: { steps: int(15, 50, 50), guidance: num(1.5, 100, 60) },
  canny: {
    steps: int(15, 50, 50),
    guidance: num(1, 100, 30),
    canny_low_threshold: int(0, 500, 50),
    canny_high_threshold: int(0, 500, 200),
  },
  depth: { steps: int(15, 50, 50), guidance: num(1, 100, 15) },
  expand: {
    steps: int(15, 50, 50),
    guidance: num(1.5, 100, 60),
    top: int(0, 2048, 0),
    bottom: int(0, 2048, 0),
    left: int(0, 2048, 0),
    right: int(0, 2048, 0),
  },
} as const satisfies Record<ModelName, Record<string, NumberRange>>;

/** FLUX endpoint path (below the versioned base URL) for each model. */
export const MODEL_ENDPOINTS: Record<ModelName, string> = {
  fill: 'flux-pro-1.0-fill',
  canny: 'flux-pro-1.0-canny',
  depth: 'flux-pro-1.0-depth',
  expand: 'flux-pro-1.0-expand',
};

/** Models whose request needs a painted mask; the others use the whole image. */
export const MODELS_NEEDING_MASK: ReadonlySet<ModelName> = new Set(['fill']);

export const MAX_PROMPT_CHARS = 4000;
