import { z } from 'zod';
import { cropSchema, jobRequestSchema } from '../jobs/request.js';
import { ID_PATTERN } from '../wire/editor.js';

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
 * The body of POST /v1/jobs: the shared job request (src/jobs/request.ts), plus the API's own spellings kept
 * for scripts: `image` as base64 text or an uploaded file, and `source_job` for a previous result. They are
 * rewritten to the shared shape first, so both ways of creating a job pass the very same checks.
 */
export const httpJobRequestSchema = z.preprocess((raw, ctx) => {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const {
    image,
    source_job: sourceJob,
    mask,
    crop,
    params,
    references,
    masked_only: maskedOnly,
    ...rest
  } = raw as Record<string, unknown>;
  const out: Record<string, unknown> = { ...rest };
  if (sourceJob !== undefined && image !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['image'],
      message: 'send exactly one of image (the picture) or source_job (a previous result)',
    });
  } else if (sourceJob !== undefined) out.image = { job: sourceJob };
  else if (typeof image === 'string' || Buffer.isBuffer(image)) out.image = { data: image };
  else if (image !== undefined) out.image = fromText(image);
  if (mask !== undefined)
    out.mask = typeof mask === 'string' && mask.trimStart().startsWith('{') ? fromText(mask) : mask;
  for (const [key, value] of Object.entries({ crop, params, references, masked_only: maskedOnly })) {
    if (value !== undefined) out[key] = fromText(value);
  }
  return out;
}, jobRequestSchema);

export const jobIdParams = z.object({ id: z.string().regex(ID_PATTERN, 'not a job id') });

export const listQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) });
