import { z } from 'zod';
import { PARAM_SCHEMAS } from '../flux/models.js';
import { MAX_PROMPT_CHARS, MODELS, OUTPUT_FORMATS } from '../flux/ranges.js';
import { decodeBase64 } from './base64.js';

/**
 * An image field: base64 text (a data: URL prefix is tolerated) in JSON, or a file (Buffer) in multipart.
 * Decoded here, so handlers only ever see bytes.
 */
export const imageField = (name: string) =>
  z.union([z.instanceof(Buffer), z.string()]).transform((v, ctx) => {
    if (Buffer.isBuffer(v)) return v;
    const bytes = decodeBase64(v.replace(/^data:[\w/+.-]+;base64,/, ''));
    if (!bytes) {
      ctx.addIssue({ code: 'custom', message: `${name} must be base64 (a data: URL prefix and line breaks are fine) or a file upload` });
      return z.NEVER;
    }
    return bytes;
  });

/** Multipart sends every field as text, so objects arrive as JSON strings. */
const jsonObject = <T extends z.ZodType>(inner: T) =>
  z.preprocess((v) => {
    if (typeof v !== 'string') return v;
    try {
      return JSON.parse(v) as unknown;
    } catch {
      return v;
    }
  }, inner);

const fraction = z.coerce.number().min(0).max(1);

export const cropSchema = z
  .object({ x: fraction, y: fraction, width: fraction.positive(), height: fraction.positive() })
  .strict()
  .refine((c) => c.x + c.width <= 1.0001 && c.y + c.height <= 1.0001, { error: 'crop must lie inside the image' });

export const jobRequestSchema = z
  .object({
    model: z.enum(MODELS, { error: `model must be one of ${MODELS.join(', ')}` }),
    prompt: z
      .string()
      .trim()
      .max(MAX_PROMPT_CHARS, { error: `prompt must be at most ${MAX_PROMPT_CHARS} characters` })
      .default(''),
    image: imageField('image').optional(),
    source_job: z.string().regex(/^[\w-]{1,64}$/, 'source_job must be a job id').optional(),
    mask: imageField('mask').optional(),
    crop: jsonObject(cropSchema).optional(),
    params: jsonObject(z.record(z.string(), z.unknown())).default({}),
    output_format: z.enum(OUTPUT_FORMATS).default('jpeg'),
    provider: z.enum(['bfl', 'local']).optional(),
  })
  .strict()
  .superRefine((req, ctx) => {
    if ((req.image === undefined) === (req.source_job === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['image'], message: 'send exactly one of image (the picture) or source_job (a previous result)' });
    }
    if ((req.model === 'canny' || req.model === 'depth') && !req.prompt) {
      ctx.addIssue({ code: 'custom', path: ['prompt'], message: `${req.model} needs a prompt describing the picture to make` });
    }
    const params = PARAM_SCHEMAS[req.model].safeParse(req.params);
    if (!params.success) {
      for (const issue of params.error.issues) ctx.addIssue({ ...issue, path: ['params', ...issue.path] } as never);
    }
  });

export type JobRequest = z.output<typeof jobRequestSchema>;

export const jobIdParams = z.object({ id: z.string().regex(/^[\w-]{1,64}$/, 'not a job id') });

export const listQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) });
