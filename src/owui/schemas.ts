import { z } from 'zod';
import { ruleMessage } from '../util/rule-message.js';
import { rangeSchema } from '../catalogue/params.js';
import { CATALOGUE, COMMON_RANGES } from '../catalogue/models.js';
import { BRIDGE_PROTOCOL, NONCE_PATTERN } from '../wire/bridge.js';
import { ID_PATTERN } from '../wire/editor.js';
import { EDITOR_DEFAULTS } from '../editor/service.js';
import { toolRequestSchema } from './tool-schemas.js';

/** The valves the function forwards. Checked again here: the sidecar never trusts its caller's checks. */
export const valvesSchema = z
  .object({
    FLUX_API_URL: z
      .url({
        protocol: /^https?$/,
        error: ruleMessage('invalid_request.http_url', { example: 'https://api.bfl.ai/v1' }),
      })
      .default('https://api.bfl.ai/v1'),
    /** Sealed with the session key (PROTOCOL.md, "Sealed fields"); routes.ts opens it. */
    FLUX_API_KEY: z.string().max(20_000).default(''),
    STEPS: rangeSchema(CATALOGUE.fill.ranges.steps).default(EDITOR_DEFAULTS.steps),
    GUIDANCE: rangeSchema(CATALOGUE.fill.ranges.guidance).default(EDITOR_DEFAULTS.guidance),
    SAFETY_TOLERANCE: rangeSchema(COMMON_RANGES.safety_tolerance).default(EDITOR_DEFAULTS.safety_tolerance),
    OUTPUT_FORMAT: z.enum(['jpeg', 'png']).default(EDITOR_DEFAULTS.output_format),
    POLL_INTERVAL: z.number().positive().max(30).default(2),
    MAX_POLL_ATTEMPTS: z.number().int().min(1).max(10_000).default(60),
    SESSION_TTL_MINUTES: z.number().int().min(1).max(1440).default(30),
    TRANSLATE_PROMPTS: z.enum(['auto', 'always', 'never']).default('auto'),
    TRANSLATION_MODEL: z.string().default(''),
    RESULT_MESSAGE: z.enum(['auto', 'new', 'same']).default('auto'),
    DEBUG: z.boolean().default(false),
  })
  // The function may have valves the sidecar doesn't need (SIDECAR_URL, SIDECAR_TOKEN): ignore them.
  .loose();

export type Valves = z.output<typeof valvesSchema>;

const messageSchema = z
  .object({
    id: z.string().optional(),
    role: z.string().optional(),
    content: z.unknown().optional(),
    files: z.unknown().optional(),
  })
  .loose();

/** A message of the stored chat, as the function reads it (Chats.get_chat_by_id): the body never has `files`. */
const storedMessageSchema = z
  .object({
    id: z.string().max(200),
    parentId: z.string().max(200).nullish(),
    role: z.string().max(50).optional(),
    content: z.unknown().optional(),
    files: z.unknown().optional(),
    /** What Open WebUI renders inside the message (html or URLs); the editor is shown beside them. */
    embeds: z.array(z.unknown()).max(100).optional(),
  })
  .loose();

export const sessionOpenSchema = z.object({
  protocol: z.literal(BRIDGE_PROTOCOL, {
    error: ruleMessage('invalid_request.protocol', { protocol: BRIDGE_PROTOCOL }),
  }),
  action_id: z.string().max(200).optional(),
  body: z
    .object({
      messages: z.array(messageSchema).max(10_000).default([]),
      model: z.string().max(500).optional(),
      chat_id: z.string().max(200).nullish(),
      session_id: z.string().max(200).nullish(),
      id: z.string().max(200).nullish(),
    })
    .loose(),
  chat: z
    .object({
      messages: z.array(storedMessageSchema).max(10_000),
      currentId: z.string().max(200).nullish(),
    })
    .nullish(),
  user: z.object({
    id: z.string().min(1).max(200),
    name: z.string().max(500).nullish(),
    role: z.string().max(50).nullish(),
  }),
  valves: valvesSchema,
  owui: z
    .object({
      version: z.string().max(50).nullish(),
      event_call_timeout_s: z.number().positive().nullish(),
      model_direct: z.boolean().optional(),
      can_remove_message: z.boolean().optional(),
    })
    .optional(),
  /** Present when the image-editing Tool opens the session: the chat model's call (tool-session.ts). */
  tool: toolRequestSchema.optional(),
});

export type SessionOpen = z.output<typeof sessionOpenSchema>;

/** The function's nonce, which the sidecar's proof covers; an older function sends none (or no body at all). */
export const challengeRequestSchema = z
  .object({ nonce: z.string().regex(NONCE_PATTERN, ruleMessage('invalid_request.nonce')).optional() })
  .loose()
  .optional();

export const replySchema = z.union([
  z.object({ ok: z.literal(true) }).loose(),
  z.object({
    ok: z.literal(false),
    error: z.object({
      code: z.string().max(100),
      reason: z.string().max(100).optional(),
      message: z.string().max(5000),
    }),
  }),
]);

export const replyParams = z.object({
  sid: z.string().regex(ID_PATTERN),
  opId: z.string().regex(ID_PATTERN),
});
