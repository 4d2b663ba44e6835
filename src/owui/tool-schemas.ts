import { z } from 'zod';
import { MAX_PROMPT_CHARS, MODEL_INFO, MODELS, type ModelName } from '../providers/bfl/ranges.js';

/** The models a written instruction can edit a whole picture with (no mask): whatever the catalogue offers. */
export const TOOL_MODELS = MODELS.filter((m) => MODEL_INFO[m].kind === 'instruct');

/**
 * What the Tool's method asked for (PROTOCOL.md, "Tool sessions"). `mode` is Open WebUI's function-calling mode
 * for this reply: it decides where a picture can go without the reply's own text overwriting it.
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
});

export type ToolRequest = z.output<typeof toolRequestSchema>;

/** The Tool's own valves, beyond those the Action shares with it (valvesSchema keeps them as it got them). */
export const toolValvesSchema = z
  .object({
    MODEL: z
      .enum(TOOL_MODELS as [ModelName, ...ModelName[]], {
        error: `MODEL must be one of ${TOOL_MODELS.join(', ')}`,
      })
      .default('flux-2-pro'),
    WAIT_SECONDS: z.number().int().min(5).max(900).default(60),
  })
  .loose();
