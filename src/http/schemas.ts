import { z } from 'zod';
import { cropSchema, jobRequestSchema } from '../jobs/request.js';
import { ID_PATTERN } from '../wire/editor.js';
import { ruleMessage } from '../util/rule-message.js';

export { cropSchema };

/** Multipart sends every field as text, so objects, lists and booleans arrive as JSON strings. */
function fromText(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    return v;
  }
}

/**
 * The body of POST /v1/jobs: the shared job request (src/jobs/request.ts) under its own field names, as the
 * editor sends it. Two things only a script or a form needs are accepted first: `image` as bare base64 text or
 * an uploaded file (the `{data}` shape without the braces), and multipart's JSON-as-text fields.
 */
export const httpJobRequestSchema = z.preprocess((raw) => {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const { image, mask, crop, params, references, masked_only: maskedOnly, ...rest } = raw as Record<string, unknown>;
  const out: Record<string, unknown> = { ...rest };
  if (typeof image === 'string' || Buffer.isBuffer(image)) out.image = { data: image };
  else if (image !== undefined) out.image = fromText(image);
  if (mask !== undefined)
    out.mask = typeof mask === 'string' && mask.trimStart().startsWith('{') ? fromText(mask) : mask;
  for (const [key, value] of Object.entries({ crop, params, references, masked_only: maskedOnly })) {
    if (value !== undefined) out[key] = fromText(value);
  }
  return out;
}, jobRequestSchema);

export const jobIdParams = z.object({ id: z.string().regex(ID_PATTERN, ruleMessage('invalid_request.job_id')) });

export const listQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) });

/** The editor says the browser's language, so init brings the error messages in it. */
export const editorInitQuery = z.object({ locale: z.string().max(35).optional() });
