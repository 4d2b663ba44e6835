import { z } from 'zod';
import { COMMON_RANGES, MAX_PROMPT_CHARS, MODEL_INFO, MODELS, type ModelName } from '../catalogue/models.js';

/** The models a written instruction can edit a whole picture with (no mask): whatever the catalogue offers. */
export const TOOL_MODELS = MODELS.filter((m) => MODEL_INFO[m].kind === 'instruct');

/**
 * What the Tool's method asked for, with the Tool's own valves (PROTOCOL.md, "Tool sessions"); the rest of the
 * valves are the FLUX Inpaint function's. `mode` is Open WebUI's function calling for this reply: it decides
 * where a picture can go without the reply's own text overwriting it.
 */
export const toolRequestSchema = z.object({
  name: z.enum(['edit_image', 'remove_object']),
  instruction: z
    .string()
    .trim()
    .min(1, { error: 'instruction must say what to change in the picture' })
    .max(MAX_PROMPT_CHARS, { error: `instruction must be at most ${MAX_PROMPT_CHARS} characters` }),
  which: z.string().trim().max(500).default('latest'),
  mode: z.enum(['default', 'native']).default('default'),
  model: z
    .enum(TOOL_MODELS as [ModelName, ...ModelName[]], { error: `MODEL must be one of ${TOOL_MODELS.join(', ')}` })
    .default('flux-2-pro'),
  safety_tolerance: z
    .number()
    .int()
    .min(COMMON_RANGES.safety_tolerance.min)
    .max(COMMON_RANGES.safety_tolerance.max)
    .default(2),
  wait_seconds: z.number().int().min(5).max(900).default(60),
  /** The person's language, from their browser's Accept-Language (the tool has no page to ask). */
  locale: z.string().trim().max(100).nullish(),
});

export type ToolRequest = z.output<typeof toolRequestSchema>;
