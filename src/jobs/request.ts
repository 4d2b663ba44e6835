import { inflateSync } from 'node:zlib';
import { z } from 'zod';
import { PARAM_SCHEMAS } from '../catalogue/params.js';
import {
  MAX_PROMPT_CHARS,
  MAX_REFERENCES,
  MODEL_INFO,
  MODELS,
  OUTPUT_FORMATS,
  isModelName,
  type ModelName,
  type OutputFormat,
} from '../catalogue/models.js';
import { decodeBase64 } from '../util/base64.js';
import { ruleMessage } from '../util/rule-message.js';
import { zodRequestError } from '../util/zod.js';
import type { CreateJobInput, JobRecord } from './types.js';
import { ID_PATTERN, PROVIDERS } from '../wire/editor.js';
import type { MaskPixels } from '../images/prepare.js';

/**
 * The one contract for creating a job, whoever asks: the HTTP jobs API and the editor inside Open WebUI both
 * parse with it, so every range and every rule is checked the same way and fails with the same words.
 */

/** A raw mask side: the editor paints on the picture at most at its full size, and pictures stop at 100 MP. */
const MAX_MASK_SIDE = 32_768;

/** Base64 text (a data: URL prefix and line breaks are fine) or, from a multipart upload, the bytes themselves. */
const bytesField = z
  .union([z.instanceof(Buffer), z.string()], { error: ruleMessage('invalid_request.base64') })
  .transform((v, ctx) => {
    if (Buffer.isBuffer(v)) return v;
    const bytes = decodeBase64(v.replace(/^data:[\w/+.-]+;base64,/, ''));
    if (!bytes) {
      ctx.addIssue({ code: 'custom', message: ruleMessage('invalid_request.base64') });
      return z.NEVER;
    }
    return bytes;
  });

/**
 * One of several shapes, told apart by which key the value has, so that a mistake inside the chosen shape is
 * reported as itself ("data must be base64") instead of as "matches none of the shapes".
 */
function oneOf<B extends Record<string, z.ZodType>>(
  branches: B,
  pick: (v: unknown) => keyof B | undefined,
  error: string,
) {
  return z.unknown().transform((v, ctx): z.output<B[keyof B]> => {
    const key = pick(v);
    const parsed = key === undefined ? undefined : branches[key]!.safeParse(v);
    if (!parsed) {
      ctx.addIssue({ code: 'custom', message: error });
      return z.NEVER;
    }
    if (!parsed.success) {
      // Each as zod found it (its kind and bounds too), so the reader is told the rule, not just "invalid".
      for (const issue of parsed.error.issues) ctx.addIssue({ ...issue });
      return z.NEVER;
    }
    return parsed.data as z.output<B[keyof B]>;
  });
}

const keyOf =
  <K extends string>(keys: readonly K[]) =>
  (v: unknown): K | undefined =>
    v && typeof v === 'object' && !Buffer.isBuffer(v) ? keys.find((k) => k in v) : undefined;

const refSource = z.object({ ref: z.string().min(1).max(64) }).strict();
const jobSource = z.object({ job: z.string().regex(ID_PATTERN, ruleMessage('invalid_request.job_id')) }).strict();
const dataSource = z.object({ data: bytesField, mime: z.string().max(100).optional() }).strict();

const imageSourceSchema = oneOf(
  { ref: refSource, job: jobSource, data: dataSource },
  keyOf(['ref', 'job', 'data'] as const),
  ruleMessage('invalid_request.image_source'),
);
export type ImageSource = z.output<typeof imageSourceSchema>;

const referenceSchema = oneOf(
  { ref: refSource, data: dataSource },
  keyOf(['ref', 'data'] as const),
  ruleMessage('invalid_request.reference_source'),
);
export type ReferenceSource = z.output<typeof referenceSchema>;

const side = z
  .number()
  .int({ error: ruleMessage('invalid_request.whole') })
  .min(1)
  .max(MAX_MASK_SIDE);

/**
 * A raw mask is width*height single-channel bytes (0 keep .. 255 repaint), base64: the editor sends it that way
 * to avoid encoding a PNG on the page's main thread. Inside Open WebUI it is deflated first (`encoding:
 * "deflate"`, zlib format): a painted mask is mostly flat, and everything the page sends crosses Open WebUI's
 * socket, which takes at most 1,000,000 bytes a message.
 */
const rawMaskSchema = z
  .object({
    format: z.literal('raw'),
    width: side,
    height: side,
    data: bytesField,
    encoding: z.literal('deflate', { error: ruleMessage('invalid_request.mask_encoding') }).optional(),
  })
  .strict()
  .transform(({ encoding, format: _, ...m }, ctx): MaskPixels => {
    if (!encoding) return m;
    try {
      // Inflating stops at the one size a right mask has: a small body cannot unpack into gigabytes.
      return { ...m, data: inflateSync(m.data, { maxOutputLength: m.width * m.height }) };
    } catch {
      ctx.addIssue({
        code: 'custom',
        message: ruleMessage('invalid_request.mask_deflate'),
        path: ['data'],
      });
      return z.NEVER;
    }
  })
  .refine((m) => m.data.length === m.width * m.height, {
    error: ruleMessage('invalid_request.mask_size'),
    path: ['data'],
  });

const maskSchema = oneOf(
  { encoded: bytesField, raw: rawMaskSchema },
  (v) => (typeof v === 'string' || Buffer.isBuffer(v) ? 'encoded' : v && typeof v === 'object' ? 'raw' : undefined),
  ruleMessage('invalid_request.mask_shape'),
);

const fraction = z.coerce.number().min(0).max(1);

export const cropSchema = z
  .object({ x: fraction, y: fraction, width: fraction.positive(), height: fraction.positive() })
  .strict()
  .refine((c) => c.x + c.width <= 1.0001 && c.y + c.height <= 1.0001, {
    error: ruleMessage('invalid_request.crop_outside'),
  });

export const jobRequestSchema = z
  .object({
    model: z.enum(MODELS),
    prompt: z.string().trim().max(MAX_PROMPT_CHARS).default(''),
    image: imageSourceSchema,
    mask: maskSchema.optional(),
    crop: cropSchema.optional(),
    params: z.record(z.string(), z.unknown(), { error: ruleMessage('invalid_request.params_object') }).default({}),
    output_format: z.enum(OUTPUT_FORMATS).optional(),
    references: z.array(referenceSchema).max(MAX_REFERENCES).default([]),
    /** Instruction models with a painted mask: keep every unpainted pixel of the original (default), or take FLUX's whole picture. */
    masked_only: z.boolean().default(true),
    provider: z.enum(PROVIDERS).optional(),
  })
  .strict()
  // The model's rules, and its fields as its schema reads them (trimmed, typed), in one reading.
  .transform((req, ctx) => {
    const read = readForModel({ ...req, referenceCount: req.references.length, outputFormat: req.output_format });
    if (!read.params) {
      for (const issue of read.issues) ctx.addIssue({ ...issue });
      return z.NEVER;
    }
    return { ...req, params: read.params, output_format: req.output_format ?? defaultOutputFormat(req.model) };
  })
  .brand<'JobRequest'>();

/** A request as this schema checked it: only parsing makes one, so whoever holds one need not check again. */
export type JobRequest = z.output<typeof jobRequestSchema>;

declare const checked: unique symbol;
/**
 * A job the engine may run: made only by toCreateJobInput from a parsed request, so the engine and the
 * providers trust its model, prompt, references, output format and fields without checking them again.
 */
export type JobSpec = CreateJobInput & { readonly [checked]: true };

interface ModelFields {
  model: ModelName;
  prompt: string;
  referenceCount: number;
  outputFormat?: OutputFormat | undefined;
  params: Record<string, unknown>;
}

/** A refusal as zod keeps it: its kind and bounds, so the reader is told the rule (see zodRequestError). */
type Issue = z.core.$ZodIssue;

/**
 * What the chosen model makes of the request: its prompt rule, reference limit, output formats and fields.
 * `params` are its fields as the model's schema reads them, present only when nothing is refused.
 */
function readForModel(req: ModelFields): { issues: Issue[]; params?: CreateJobInput['params'] } {
  const info = MODEL_INFO[req.model];
  const model = info.label;
  const issues: Issue[] = [];
  if (info.kind === 'instruct' && !req.prompt.trim()) {
    issues.push({
      code: 'custom',
      path: ['prompt'],
      message: ruleMessage('invalid_request.needs_instruction', { model }),
    });
  }
  if (info.kind === 'outpaint' && (req.params.width === undefined || req.params.height === undefined)) {
    issues.push({
      code: 'custom',
      path: ['params'],
      message: ruleMessage('invalid_request.outpaint_canvas', { model }),
    });
  }
  if (req.referenceCount > info.maxReferences) {
    issues.push({
      code: 'custom',
      path: ['references'],
      message: info.maxReferences
        ? ruleMessage('invalid_request.references_max', { model, max: info.maxReferences, count: req.referenceCount })
        : ruleMessage('invalid_request.references_none', { model }),
    });
  }
  if (req.outputFormat && !info.outputFormats.includes(req.outputFormat)) {
    const formats = info.outputFormats.join(', ');
    issues.push({
      code: 'custom',
      path: ['output_format'],
      message: ruleMessage('invalid_request.output_format', { model, formats, format: req.outputFormat }),
    });
  }
  const params = PARAM_SCHEMAS[req.model].safeParse(req.params);
  if (params.success) {
    return issues.length ? { issues } : { issues, params: params.data as CreateJobInput['params'] };
  }
  for (const issue of params.error.issues) {
    const path = ['params', ...issue.path];
    issues.push(
      issue.code === 'unrecognized_keys'
        ? {
            code: 'custom',
            path,
            message: ruleMessage('invalid_request.model_field', { model, keys: issue.keys.join(', ') }),
          }
        : { ...issue, path },
    );
  }
  return { issues };
}

function defaultOutputFormat(model: ModelName): OutputFormat {
  return MODEL_INFO[model].outputFormats[0]!;
}

/**
 * Parses a job request; throws AppError('invalid_request') naming the field and the rule, in the catalogue's
 * words ("params.steps: must be between 15 and 50"), as the HTTP API does for the same schema.
 */
export function parseJobRequest(raw: unknown): JobRequest {
  const parsed = jobRequestSchema.safeParse(raw);
  if (!parsed.success) throw zodRequestError(parsed.error, '');
  return parsed.data;
}

/**
 * A journaled job that has not reached FLUX yet, read again before it is resumed as a new request's fields
 * are: the version that journaled it may have taken other ranges, fields or formats. Gives its fields as this
 * version reads them, or the refusal naming the first one it no longer takes.
 */
export function reparseStoredJob(
  r: Pick<JobRecord, 'model' | 'prompt' | 'params' | 'outputFormat' | 'references'>,
): { params: CreateJobInput['params'] } | { refused: string } {
  if (!isModelName(r.model)) return { refused: 'model' };
  const read = readForModel({ ...r, referenceCount: r.references ?? 0 });
  return read.params ? { params: read.params } : { refused: read.issues[0]!.path.map(String).join('.') };
}

/** Turns an image the request names ({ref}, {job} or {data}) into its bytes; each caller knows its own sources. */
export type ResolveImage = (source: ImageSource | ReferenceSource, field: string) => Buffer | Promise<Buffer>;

/**
 * The engine's input for a parsed request: the images resolved by the caller, everything else as asked.
 * `who` says on whose behalf and with which FLUX endpoint and key the job runs.
 */
export async function toCreateJobInput(
  req: JobRequest,
  resolve: ResolveImage,
  who: Pick<CreateJobInput, 'provider' | 'flux' | 'owner' | 'meta'>,
): Promise<JobSpec> {
  const [image, references] = await Promise.all([
    resolve(req.image, 'image'),
    Promise.all(req.references.map((r, i) => resolve(r, `references.${i}`))),
  ]);
  return {
    model: req.model,
    prompt: req.prompt,
    image,
    mask: req.mask,
    crop: req.crop,
    references,
    maskedOnly: req.masked_only,
    params: req.params,
    outputFormat: req.output_format,
    ...who,
  } as JobSpec;
}
