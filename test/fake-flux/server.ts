/**
 * A FLUX API stand-in that behaves like FLUX, closely enough to catch real bugs; every behaviour is traced to
 * ../shared/FLUX-API.md or a BFL doc page in TRACE.md beside this file. It validates bodies with each
 * endpoint's documented fields and ranges (its own table, deliberately not the sidecar's), answers 404 for
 * retired endpoints and 422 with a detail list, reports progress under `Pending`, hands out polling URLs and
 * expiring signed result URLs on other hosts than the submit (regional names, when `hosts` is set), returns
 * seeds around 10^12 and `cost`, `input_mp`, `output_mp`, and makes real result images with sharp. Fault
 * switches reproduce what the real service and the network do on bad days.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import sharp, { type Sharp } from 'sharp';

/** A planned answer to one request instead of the normal one. */
export type Fault =
  | { status: number; body?: unknown; retryAfter?: number }
  /** Close the connection before answering. */
  | 'reset'
  /** 200 with a body that is not JSON. */
  | 'garbage'
  /** Submits only: create (and charge) the task, then answer as a gateway that lost the answer. */
  | { acceptThen: 502 | 504 | 'reset' };

export type Outcome = 'Ready' | 'Request Moderated' | 'Content Moderated' | 'Error' | 'Task not found' | 'Mystery';

export type DownloadMode = 'ok' | 'slow' | 'truncated' | 'not-image' | 'reset' | 'huge' | 'hang';

/** Host names the fake puts in its URLs (all served by this one server; tests map them to 127.0.0.1). */
export interface FakeHosts {
  /** Host of the submit endpoints: what FLUX_API_URL names. */
  api: string;
  /** Regional host polling URLs point to (FLUX answers e.g. api.us1.bfl.ai). */
  polling: string;
  /** Delivery hosts results are served from, one per task in turn (FLUX uses several). */
  results: string[];
}

export interface FakeFluxOptions {
  /** Time from submit to Ready. */
  latencyMs: number;
  /** When set, requests must carry this x-key. */
  apiKey?: string | undefined;
  /** Credits left; every task costs its model's price. Undefined = unlimited (credits reports 1000). */
  credits?: number | undefined;
  /** Tasks that may be Pending at once before submits get 429 (BFL's default is 24). */
  maxActive: number;
  /** Retry-After seconds sent with a 429 for too many active tasks; undefined sends none. */
  retryAfterS?: number | undefined;
  /** How long a result URL stays valid. */
  resultTtlMs: number;
  download: DownloadMode;
  /** Statuses tasks end in, taken in order for new tasks; empty = Ready. */
  outcomes: Outcome[];
  /** Planned answers for the next submits / polls, taken in order. */
  submitFaults: Fault[];
  pollFaults: Fault[];
  /** Time between accepting a submit (the task exists) and sending its answer. */
  submitDelayMs: number;
}

export interface FakeTask {
  id: string;
  endpoint: string;
  prompt: string;
  /** The body without the image fields. */
  params: Record<string, unknown>;
  /** Size and alpha of each image that came with it (image, or input_image, input_image_2, ...). */
  inputs: Array<{ width: number; height: number; hasAlpha: boolean }>;
  createdAt: number;
  readyAt: number;
  outcome: Outcome;
  polls: number;
  downloads: number;
  cost: number;
  /** When a poll first answered Ready: the moment FLUX's result became visible to the client. */
  readyServedAt?: number;
  /** Host the result URL of this task is on. */
  resultHost?: string;
  /** Endpoints with several running statuses: the last one a poll was told. */
  stage?: number;
  result?: { bytes: Buffer; mime: string; seed: number };
}

export interface FakeFlux {
  /** Base URL to use as FLUX_API_URL (ends in /v1). */
  url: string;
  origin: string;
  /** Every origin the fake hands out (submit, polling, results), for FLUX_INPAINT_PRIVATE_ORIGINS. */
  origins: string[];
  options: FakeFluxOptions;
  tasks: FakeTask[];
  /** Every request seen: method, host, path and whether it carried the right key. */
  requests: Array<{ method: string; host: string; path: string; key: string | undefined }>;
  /** Largest number of tasks that were Pending at the same time since the start or the last resetPeak(). */
  peakActive(): number;
  resetPeak(): void;
  set(options: Partial<FakeFluxOptions>): void;
  close(): Promise<void>;
}

const DEFAULTS: FakeFluxOptions = {
  latencyMs: 1_000,
  maxActive: 24,
  retryAfterS: 1,
  resultTtlMs: 10 * 60_000,
  download: 'ok',
  outcomes: [],
  submitFaults: [],
  pollFaults: [],
  submitDelayMs: 0,
};

type NumberRule = { kind: 'number'; min?: number; max?: number; integer: boolean };
type Rule =
  | NumberRule
  | { kind: 'string' }
  | { kind: 'boolean' }
  | { kind: 'enum'; values: string[] }
  | { kind: 'aspect' }
  /** A list of images (FLUX 3's `images`: one string is taken as a list of one). */
  | { kind: 'images'; min: number; max: number };

const int = (min?: number, max?: number): NumberRule => ({ kind: 'number', min, max, integer: true });
const num = (min?: number, max?: number): NumberRule => ({ kind: 'number', min, max, integer: false });
const str: Rule = { kind: 'string' };
const bool: Rule = { kind: 'boolean' };
const formats = (...values: string[]): Rule => ({ kind: 'enum', values });

interface EndpointSpec {
  required: string[];
  fields: Record<string, Rule>;
  /** The fields that carry images, in order. */
  images: string[];
  /** Credits for a task (per image; FLUX.2: first megapixel, see cost()). */
  price: number;
  /** FLUX.2: credits per further megapixel in and out. */
  perMp?: number;
  /** FLUX 3: fields it does not declare are refused (422 extra_forbidden) instead of ignored. */
  strict?: boolean;
  /** Statuses a running task reports in turn, each for an equal share of its time (default: Pending). */
  running?: string[];
  /** How long its result links stay valid, when it is not the options' resultTtlMs. */
  resultTtlMs?: number;
  /** The field whose image must have the size of `image` (Fill's and Erase's mask). */
  mask?: string;
  /** Output format when the request names none (jpeg otherwise). */
  defaultFormat?: 'png';
}

const COMMON: Record<string, Rule> = { prompt: str, seed: int(), webhook_url: str, webhook_secret: str };
const inputImages = (n: number) => ['input_image', ...Array.from({ length: n - 1 }, (_, i) => `input_image_${i + 2}`)];
const imageFields = (names: string[]) => Object.fromEntries(names.map((n) => [n, str]));

const fluxTools = (extra: Record<string, Rule>): EndpointSpec => ({
  required: ['image'],
  images: ['image'],
  price: 5,
  fields: {
    ...COMMON,
    image: str,
    steps: int(15, 50),
    guidance: num(1.5, 100),
    prompt_upsampling: bool,
    safety_tolerance: int(0, 6),
    output_format: formats('jpeg', 'png'),
    ...extra,
  },
});

const kontext = (price: number): EndpointSpec => ({
  required: ['prompt'],
  images: inputImages(4),
  price,
  defaultFormat: 'png',
  fields: {
    ...COMMON,
    ...imageFields(inputImages(4)),
    aspect_ratio: { kind: 'aspect' },
    prompt_upsampling: bool,
    safety_tolerance: int(0, 6),
    output_format: formats('jpeg', 'png'),
  },
});

const flux2 = (images: number, price: number, perMp: number, extra: Record<string, Rule>): EndpointSpec => ({
  required: ['prompt'],
  images: inputImages(images),
  price,
  perMp,
  fields: {
    ...COMMON,
    ...imageFields(inputImages(images)),
    width: int(64),
    height: int(64),
    safety_tolerance: int(0, 5),
    output_format: formats('jpeg', 'png', 'webp'),
    ...extra,
  },
});

/** FLUX 3 Image's aspect ratios: `auto` follows the first image. */
const FLUX3_ASPECTS = [
  'auto',
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
];
/** FLUX 3 Image's resolution classes and the megapixels of each. */
const FLUX3_MEGAPIXELS: Record<string, number> = { '768sq': 0.59, '1k': 1, '1.5k': 2.4, '2k': 4.2, '4k': 16.8 };
/** Outpainting's canvas may hold at most 4 MP (4,194,304 pixels). */
const OUTPAINT_MAX_PIXELS = 4_194_304;

const ENDPOINTS: Record<string, EndpointSpec> = {
  'flux-pro-1.0-fill': { ...fluxTools({ mask: str }), mask: 'mask' },
  'flux-pro-1.0-fill-finetuned': {
    ...fluxTools({ mask: str, finetune_id: str, finetune_strength: num(0, 2) }),
    required: ['image', 'finetune_id'],
    mask: 'mask',
    price: 6,
  },
  'flux-tools/erase-v1': {
    required: ['image', 'mask'],
    images: ['image'],
    mask: 'mask',
    // Resellers bill 3 cents for the first megapixel and 0.4 for each further one (BFL publishes no price).
    price: 3,
    perMp: 0.4,
    fields: {
      image: str,
      mask: str,
      dilate_pixels: int(0, 25),
      seed: int(),
      safety_tolerance: int(0, 5),
      output_format: formats('jpeg', 'png', 'webp'),
      webhook_url: str,
      webhook_secret: str,
    },
  },
  'flux-tools/outpainting-v1': {
    required: ['input_image', 'width', 'height'],
    images: ['input_image'],
    // BFL publishes no price for Outpainting: Expand's is assumed.
    price: 5,
    defaultFormat: 'png',
    fields: {
      input_image: str,
      width: int(64),
      height: int(64),
      reference_offset_x: int(),
      reference_offset_y: int(),
      auto_crop: bool,
      prompt: str,
      mode: formats('high', 'fast'),
      safety_tolerance: int(0, 5),
      output_format: formats('jpeg', 'png', 'webp'),
    },
  },
  'flux-3-image': {
    required: ['prompt'],
    images: ['images'],
    price: 4.8,
    strict: true,
    running: ['Pending', 'Reasoning', 'Generating'],
    resultTtlMs: 60 * 60_000,
    fields: {
      prompt: str,
      images: { kind: 'images', min: 1, max: 10 },
      aspect_ratio: formats(...FLUX3_ASPECTS),
      resolution: formats(...Object.keys(FLUX3_MEGAPIXELS)),
      grounding: bool,
      version: formats('latest'),
      safety_tolerance: int(0, 4),
      webhook_url: str,
      webhook_secret: str,
    },
  },
  'flux-pro-1.0-expand': fluxTools({
    top: int(0, 2048),
    bottom: int(0, 2048),
    left: int(0, 2048),
    right: int(0, 2048),
  }),
  'flux-kontext-pro': kontext(4),
  'flux-kontext-max': kontext(8),
  'flux-2-pro': flux2(8, 3, 1.5, { disable_pup: bool }),
  'flux-2-max': flux2(8, 7, 3, { disable_pup: bool }),
  'flux-2-flex': flux2(8, 6, 6, {
    steps: int(1, 50),
    guidance: num(1.5, 10),
    prompt_upsampling: bool,
    input_image_blob_path: str,
  }),
  'flux-2-klein-4b': flux2(4, 1.4, 0.1, {}),
  'flux-2-klein-9b': flux2(4, 1.5, 0.2, {}),
  // The newest weights behind a stable name; same fields and prices as the pinned names.
  'flux-2-pro-preview': flux2(8, 3, 1.5, { disable_pup: bool }),
  'flux-2-klein-9b-preview': flux2(4, 1.5, 0.2, {}),
};

interface DetailItem {
  loc: Array<string | number>;
  msg: string;
  type: string;
}

/** Kontext's aspect_ratio: "W:H" between 21:9 and 9:21. */
function aspectOk(v: unknown): boolean {
  const m = typeof v === 'string' ? /^(\d+):(\d+)$/.exec(v) : null;
  if (!m) return false;
  const r = Number(m[1]) / Number(m[2]);
  return r >= 9 / 21 - 1e-9 && r <= 21 / 9 + 1e-9;
}

function validate(spec: EndpointSpec, body: Record<string, unknown>): DetailItem[] {
  const detail: DetailItem[] = [];
  for (const field of spec.required) {
    if (body[field] === undefined || body[field] === null)
      detail.push({ loc: ['body', field], msg: 'Field required', type: 'missing' });
  }
  for (const [key, value] of Object.entries(body)) {
    const rule = spec.fields[key];
    // FastAPI ignores fields a model does not declare (the schemas set no additionalProperties); FLUX 3's
    // schema forbids them.
    if (!rule && spec.strict) {
      detail.push({ loc: ['body', key], msg: 'Extra inputs are not permitted', type: 'extra_forbidden' });
      continue;
    }
    if (!rule || value === null) continue;
    const at = ['body', key];
    switch (rule.kind) {
      case 'string':
        if (typeof value !== 'string')
          detail.push({ loc: at, msg: 'Input should be a valid string', type: 'string_type' });
        break;
      case 'boolean':
        if (typeof value !== 'boolean')
          detail.push({ loc: at, msg: 'Input should be a valid boolean', type: 'bool_type' });
        break;
      case 'enum':
        if (!rule.values.includes(String(value))) {
          detail.push({
            loc: at,
            msg: `Input should be ${rule.values
              .map((v) => `'${v}'`)
              .join(', ')
              .replace(/, ([^,]*)$/, ' or $1')}`,
            type: 'enum',
          });
        }
        break;
      case 'images': {
        const list = typeof value === 'string' ? [value] : value;
        if (!Array.isArray(list) || list.some((v) => typeof v !== 'string'))
          detail.push({ loc: at, msg: 'Input should be a valid list of strings', type: 'list_type' });
        else if (list.length < rule.min)
          detail.push({ loc: at, msg: `List should have at least ${rule.min} item`, type: 'too_short' });
        else if (list.length > rule.max)
          detail.push({ loc: at, msg: `List should have at most ${rule.max} items`, type: 'too_long' });
        break;
      }
      case 'aspect':
        if (!aspectOk(value))
          detail.push({ loc: at, msg: 'Aspect ratio must be between 21:9 and 9:21', type: 'value_error' });
        break;
      case 'number':
        if (typeof value !== 'number' || (rule.integer && !Number.isInteger(value))) {
          detail.push({
            loc: at,
            msg: `Input should be a valid ${rule.integer ? 'integer' : 'number'}`,
            type: rule.integer ? 'int_type' : 'float_type',
          });
        } else if (rule.min !== undefined && value < rule.min) {
          detail.push({
            loc: at,
            msg: `Input should be greater than or equal to ${rule.min}`,
            type: 'greater_than_equal',
          });
        } else if (rule.max !== undefined && value > rule.max) {
          detail.push({ loc: at, msg: `Input should be less than or equal to ${rule.max}`, type: 'less_than_equal' });
        }
    }
  }
  return detail;
}

/** A colour that depends on the prompt, so tests can tell results of different prompts apart. */
function promptColour(prompt: string): { r: number; g: number; b: number } {
  let h = 2166136261;
  for (const ch of prompt) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619);
  return { r: (h >>> 16) & 255, g: (h >>> 8) & 255, b: h & 255 };
}

const round16 = (v: number) => Math.max(64, Math.round(v / 16) * 16);

/** The images a request carries, in order: each image field, FLUX 3's `images` list taken item by item. */
function imagesOf(spec: EndpointSpec, body: Record<string, unknown>): Buffer[] {
  return spec.images.flatMap((field) => {
    const value = body[field];
    const list: unknown[] = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
    return list.filter((v): v is string => typeof v === 'string').map((v) => Buffer.from(v, 'base64'));
  });
}

/** Where Outpainting puts the picture on its canvas: the offsets, or centred where an offset is null. */
function placement(body: Record<string, unknown>, w: number, h: number) {
  const canvasW = body.width as number;
  const canvasH = body.height as number;
  const left = typeof body.reference_offset_x === 'number' ? body.reference_offset_x : Math.round((canvasW - w) / 2);
  const top = typeof body.reference_offset_y === 'number' ? body.reference_offset_y : Math.round((canvasH - h) / 2);
  const inside = left >= 0 && top >= 0 && left + w <= canvasW && top + h <= canvasH;
  const overlaps = left < canvasW && top < canvasH && left + w > 0 && top + h > 0;
  return { canvasW, canvasH, left, top, inside, overlaps };
}

/** FLUX 3's output size: the resolution class's megapixels at the asked ratio (auto: the first image's). */
function flux3Size(body: Record<string, unknown>, first: { width: number; height: number } | undefined) {
  const mp = FLUX3_MEGAPIXELS[String(body.resolution ?? '1k')] ?? 1;
  const asked = typeof body.aspect_ratio === 'string' && body.aspect_ratio !== 'auto' ? body.aspect_ratio : undefined;
  const [rw, rh] = asked ? asked.split(':').map(Number) : first ? [first.width, first.height] : [1, 1];
  const ratio = rw! / rh!;
  const height = Math.sqrt((mp * 1e6) / ratio);
  return { width: round16(height * ratio), height: round16(height) };
}

/**
 * Makes the result the way a model would change the picture, cheaply: Fill paints the masked area in the
 * prompt's colour, Erase paints it with the blurred picture around it, Expand adds margins, Outpainting puts
 * the picture on its canvas over a blurred stretch of itself, the instruction models tint the whole picture
 * and answer at sides that are multiples of 16.
 */
async function render(
  endpoint: string,
  body: Record<string, unknown>,
  spec: EndpointSpec,
): Promise<{ bytes: Buffer; mime: string; inputMp: number; outputMp: number; inputs: FakeTask['inputs'] }> {
  const format =
    body.output_format === 'png' || body.output_format === 'webp' || body.output_format === 'jpeg'
      ? body.output_format
      : (spec.defaultFormat ?? 'jpeg');
  const colour = promptColour(String(body.prompt ?? ''));
  const inputs = imagesOf(spec, body);
  const metas = await Promise.all(inputs.map((b) => sharp(b).metadata()));
  const inputMp = metas.reduce((sum, m) => sum + ((m.width ?? 0) * (m.height ?? 0)) / 1e6, 0);
  const described = metas.map((m) => ({ width: m.width ?? 0, height: m.height ?? 0, hasAlpha: Boolean(m.hasAlpha) }));
  let img: Sharp;
  if (endpoint === 'flux-3-image') {
    const { width, height } = flux3Size(body, described[0]);
    img =
      inputs.length === 0
        ? sharp({ create: { width, height, channels: 3, background: colour } })
        : sharp(inputs[0]).removeAlpha().greyscale().tint(colour).resize(width, height, { fit: 'cover' });
  } else if (inputs.length === 0) {
    img = sharp({ create: { width: 1024, height: 1024, channels: 3, background: colour } });
  } else {
    const width = described[0]!.width || 1;
    const height = described[0]!.height || 1;
    img = sharp(inputs[0]).removeAlpha();
    if (spec.mask) {
      const maskRaw = body[spec.mask]
        ? await sharp(Buffer.from(String(body[spec.mask]), 'base64'))
            .greyscale()
            .resize(width, height, { fit: 'fill' })
            .raw()
            .toBuffer()
        : Buffer.alloc(width * height, 255);
      // Erase leaves what is around the painted area, smeared into it; Fill paints the prompt's colour.
      const fillRgb =
        endpoint === 'flux-tools/erase-v1'
          ? await sharp(inputs[0])
              .removeAlpha()
              .blur(Math.max(3, Math.min(width, height) / 12))
              .raw()
              .toBuffer()
          : undefined;
      const overlay = Buffer.alloc(width * height * 4);
      for (let i = 0; i < width * height; i++) {
        const rgb = fillRgb ? fillRgb.subarray(i * 3, i * 3 + 3) : [colour.r, colour.g, colour.b];
        overlay.set([rgb[0]!, rgb[1]!, rgb[2]!, maskRaw[i]!], i * 4);
      }
      img = img.composite([{ input: overlay, raw: { width, height, channels: 4 } }]);
    } else if (endpoint.endsWith('expand')) {
      const pad = (k: string) => (typeof body[k] === 'number' ? (body[k] as number) : 0);
      img = img.extend({
        top: pad('top'),
        bottom: pad('bottom'),
        left: pad('left'),
        right: pad('right'),
        background: { ...colour, alpha: 1 },
      });
    } else if (endpoint === 'flux-tools/outpainting-v1') {
      const p = placement(body, width, height);
      // auto_crop: only the part of the picture on the canvas is kept.
      const x0 = Math.max(0, -p.left);
      const y0 = Math.max(0, -p.top);
      const w = Math.min(width, p.canvasW - p.left) - x0;
      const h = Math.min(height, p.canvasH - p.top) - y0;
      const [backdrop, piece] = await Promise.all([
        sharp(inputs[0]).removeAlpha().resize(p.canvasW, p.canvasH, { fit: 'cover' }).blur(8).toBuffer(),
        sharp(inputs[0]).removeAlpha().extract({ left: x0, top: y0, width: w, height: h }).toBuffer(),
      ]);
      img = sharp(backdrop).composite([{ input: piece, left: p.left + x0, top: p.top + y0 }]);
    } else {
      const w = typeof body.width === 'number' ? body.width : round16(width);
      const h = typeof body.height === 'number' ? body.height : round16(height);
      img = img.greyscale().tint(colour).resize(w, h, { fit: 'fill' });
    }
  }
  const { data: bytes, info } = await img.toFormat(format).toBuffer({ resolveWithObject: true });
  return { bytes, mime: `image/${format}`, inputMp, outputMp: (info.width * info.height) / 1e6, inputs: described };
}

/**
 * What FLUX refuses only once it has read the images: a mask of another size (Fill, Erase), a picture off
 * Outpainting's canvas without auto_crop or a canvas over 4 MP, FLUX 3 images under 256x256 or over 16 MP.
 */
async function checkImages(endpoint: string, spec: EndpointSpec, body: Record<string, unknown>): Promise<DetailItem[]> {
  const inputs = imagesOf(spec, body);
  const metas = await Promise.all(inputs.map((b) => sharp(b).metadata()));
  const detail: DetailItem[] = [];
  if (spec.mask && typeof body[spec.mask] === 'string') {
    const m = await sharp(Buffer.from(String(body[spec.mask]), 'base64')).metadata();
    if (metas[0]?.width !== m.width || metas[0]?.height !== m.height)
      detail.push({
        loc: ['body', spec.mask],
        msg: 'Mask dimensions must match the image dimensions',
        type: 'value_error',
      });
  }
  if (endpoint === 'flux-tools/outpainting-v1' && metas[0]) {
    const p = placement(body, metas[0].width ?? 0, metas[0].height ?? 0);
    if (p.canvasW * p.canvasH > OUTPAINT_MAX_PIXELS)
      detail.push({
        loc: ['body'],
        msg: `Value error, width x height must not exceed ${OUTPAINT_MAX_PIXELS} pixels (4 MP)`,
        type: 'value_error',
      });
    else if (!p.overlaps || (!p.inside && body.auto_crop !== true))
      detail.push({
        loc: ['body'],
        msg: 'Value error, the reference image extends beyond the canvas; move it inside or set auto_crop',
        type: 'value_error',
      });
  }
  if (endpoint === 'flux-3-image') {
    metas.forEach((m, i) => {
      const w = m.width ?? 0;
      const h = m.height ?? 0;
      if (w < 256 || h < 256 || w * h > 16_000_000)
        detail.push({
          loc: ['body', 'images', i],
          msg: 'Value error, each image must be at least 256x256 pixels and at most 16 megapixels',
          type: 'value_error',
        });
    });
  }
  return detail;
}

/** Credits: a fixed price per image, or for FLUX.2 the first megapixel plus every further one in and out. */
function cost(spec: EndpointSpec, inputMp: number, outputMp: number): number {
  if (spec.perMp === undefined) return spec.price;
  return Math.round((spec.price + Math.max(0, outputMp - 1) * spec.perMp + inputMp * spec.perMp) * 100) / 100;
}

const twoDecimals = (v: number) => Math.round(v * 100) / 100;

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Answers with a planned fault; returns false when there is none (or when it comes after accepting). */
function applyFault(fault: Fault | undefined, req: IncomingMessage, res: ServerResponse): boolean {
  if (fault === undefined || (typeof fault === 'object' && 'acceptThen' in fault)) return false;
  if (fault === 'reset') {
    req.socket.destroy();
  } else if (fault === 'garbage') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"id": "abc", "status": Pen');
  } else {
    const headers: Record<string, string> =
      fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {};
    sendJson(res, fault.status, fault.body ?? { detail: `fake fault ${fault.status}` }, headers);
  }
  return true;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A seed like the ones FLUX reports: around 10^12. */
const fluxSeed = () => randomInt(1_000_000_000_000, 9_999_999_999_999);

export async function startFakeFlux(
  options: Partial<FakeFluxOptions> & { hosts?: FakeHosts } = {},
  port = 0,
): Promise<FakeFlux> {
  const { hosts, ...rest } = options;
  const opts: FakeFluxOptions = {
    ...DEFAULTS,
    ...rest,
    outcomes: [...(rest.outcomes ?? [])],
    submitFaults: [...(rest.submitFaults ?? [])],
    pollFaults: [...(rest.pollFaults ?? [])],
  };
  const tasks = new Map<string, FakeTask>();
  const requests: FakeFlux['requests'] = [];
  const signatures = new Map<string, { task: FakeTask; expires: number }>();
  let peak = 0;
  let rendering = 0;
  let local = '';
  let resultTurn = 0;
  const at = (host: string | undefined) => (host ? local.replace('127.0.0.1', host) : local);

  const active = () => [...tasks.values()].filter((t) => Date.now() < t.readyAt).length;

  async function submit(endpoint: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const spec = ENDPOINTS[endpoint];
    // Retired endpoints (Canny, Depth, since 2025-10-31) are unknown routes: FastAPI's plain 404.
    if (!spec) return sendJson(res, 404, { detail: 'Not Found' });
    let body: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(await readBody(req));
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
      body = parsed as Record<string, unknown>;
    } catch {
      return sendJson(res, 422, { detail: [{ loc: ['body'], msg: 'JSON decode error', type: 'json_invalid' }] });
    }
    const fault = opts.submitFaults.shift();
    if (applyFault(fault, req, res)) return;
    const detail = validate(spec, body);
    if (detail.length) return sendJson(res, 422, { detail });
    if (active() + rendering >= opts.maxActive) {
      const headers: Record<string, string> =
        opts.retryAfterS !== undefined ? { 'retry-after': String(opts.retryAfterS) } : {};
      return sendJson(res, 429, { detail: `You have reached the limit of ${opts.maxActive} active tasks` }, headers);
    }
    let rendered: Awaited<ReturnType<typeof render>>;
    // The slot is taken while the result is made, or two concurrent submits could both pass the limit.
    rendering++;
    try {
      const refused = await checkImages(endpoint, spec, body);
      if (refused.length) return sendJson(res, 422, { detail: refused });
      rendered = await render(endpoint, body, spec);
    } catch {
      return sendJson(res, 422, {
        detail: [{ loc: ['body', spec.images[0]!], msg: 'Could not decode image', type: 'value_error' }],
      });
    } finally {
      rendering--;
    }
    const price = cost(spec, rendered.inputMp, rendered.outputMp);
    if (opts.credits !== undefined && opts.credits < price)
      return sendJson(res, 402, { detail: 'Insufficient credits' });
    if (opts.credits !== undefined) opts.credits = Math.round((opts.credits - price) * 100) / 100;
    const id = randomBytes(8).toString('hex');
    const params = Object.fromEntries(Object.entries(body).filter(([k]) => !spec.images.includes(k) && k !== 'mask'));
    const now = Date.now();
    const task: FakeTask = {
      id,
      endpoint,
      prompt: String(body.prompt ?? ''),
      params,
      inputs: rendered.inputs,
      createdAt: now,
      readyAt: now + opts.latencyMs + opts.submitDelayMs,
      outcome: opts.outcomes.shift() ?? 'Ready',
      polls: 0,
      downloads: 0,
      cost: price,
      result: {
        bytes: rendered.bytes,
        mime: rendered.mime,
        seed: typeof body.seed === 'number' ? body.seed : fluxSeed(),
      },
    };
    tasks.set(id, task);
    peak = Math.max(peak, active());
    const answer = () => {
      if (res.destroyed) return;
      if (fault && typeof fault === 'object' && 'acceptThen' in fault) {
        if (fault.acceptThen === 'reset') return void req.socket.destroy();
        return sendJson(res, fault.acceptThen, {
          detail: fault.acceptThen === 502 ? 'Bad Gateway' : 'Gateway Timeout',
        });
      }
      sendJson(res, 200, {
        id,
        polling_url: `${at(hosts?.polling)}/v1/get_result?id=${id}`,
        cost: price,
        input_mp: twoDecimals(rendered.inputMp),
        output_mp: twoDecimals(rendered.outputMp),
      });
    };
    if (opts.submitDelayMs > 0) setTimeout(answer, opts.submitDelayMs);
    else answer();
  }

  // Each branch ends by answering: `return sendJson(...)` reads as that.
  function poll(url: URL, req: IncomingMessage, res: ServerResponse) {
    if (applyFault(opts.pollFaults.shift(), req, res)) return;
    const task = tasks.get(url.searchParams.get('id') ?? '');
    if (!task)
      return sendJson(res, 200, {
        id: url.searchParams.get('id'),
        status: 'Task not found',
        result: null,
        progress: null,
        details: null,
        preview: null,
      });
    task.polls++;
    const now = Date.now();
    const progress = Math.min(0.99, (now - task.createdAt) / Math.max(1, task.readyAt - task.createdAt));
    const statuses = ENDPOINTS[task.endpoint]?.running;
    // FLUX 3 goes Pending -> Reasoning -> Generating, each told to at least one poll however late it comes.
    if (statuses)
      task.stage = Math.min(
        now < task.readyAt ? Math.floor(progress * statuses.length) : statuses.length,
        (task.stage ?? -1) + 1,
      );
    if (statuses ? task.stage! < statuses.length : now < task.readyAt) {
      return sendJson(res, 200, {
        id: task.id,
        status: statuses ? statuses[task.stage!] : 'Pending',
        result: null,
        progress: Math.round(progress * 100) / 100,
        details: null,
        preview: null,
      });
    }
    switch (task.outcome) {
      case 'Ready': {
        task.readyServedAt ??= now;
        const sig = randomBytes(12).toString('hex');
        signatures.set(sig, { task, expires: now + (ENDPOINTS[task.endpoint]?.resultTtlMs ?? opts.resultTtlMs) });
        const ext = task.result!.mime.split('/')[1];
        if (hosts && task.resultHost === undefined)
          task.resultHost = hosts.results[resultTurn++ % hosts.results.length];
        return sendJson(res, 200, {
          id: task.id,
          status: 'Ready',
          result: {
            sample: `${at(task.resultHost)}/results/${task.id}/sample.${ext}?sig=${sig}`,
            prompt: task.prompt,
            seed: task.result!.seed,
          },
          progress: null,
          details: null,
          preview: null,
        });
      }
      case 'Mystery':
        return sendJson(res, 200, {
          id: task.id,
          status: 'Thinking very hard',
          result: null,
          progress: null,
          details: null,
          preview: null,
        });
      case 'Request Moderated':
      case 'Content Moderated':
        return sendJson(res, 200, {
          id: task.id,
          status: task.outcome,
          result: null,
          progress: null,
          details: { 'Moderation Reasons': ['Derivative Works'] },
          preview: null,
        });
      default:
        return sendJson(res, 200, {
          id: task.id,
          status: task.outcome,
          result: null,
          progress: null,
          details: null,
          preview: null,
        });
    }
  }

  async function download(url: URL, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const entry = signatures.get(url.searchParams.get('sig') ?? '');
    if (!entry || Date.now() > entry.expires) {
      res.writeHead(403, { 'content-type': 'application/xml' });
      return void res.end('<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>');
    }
    entry.task.downloads++;
    const { bytes, mime } = entry.task.result!;
    switch (opts.download) {
      case 'reset':
        return void req.socket.destroy();
      case 'hang':
        return; // accepted, never answered
      case 'not-image':
        res.writeHead(200, { 'content-type': 'text/html' });
        return void res.end('<html>Sign in</html>');
      case 'truncated':
        res.writeHead(200, { 'content-type': mime, 'content-length': bytes.length });
        res.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
        return void setTimeout(() => req.socket.destroy(), 20);
      case 'huge': {
        res.writeHead(200, { 'content-type': mime });
        const chunk = Buffer.alloc(1024 * 1024, 7);
        let sent = 0;
        const pump = () => {
          while (sent < 300 && res.write(chunk)) sent++;
          if (sent < 300 && !res.destroyed) res.once('drain', pump);
          else res.end();
        };
        return pump();
      }
      case 'slow': {
        res.writeHead(200, { 'content-type': mime, 'content-length': bytes.length });
        let offset = 0;
        const timer = setInterval(() => {
          if (res.destroyed) return clearInterval(timer);
          res.write(bytes.subarray(offset, offset + 256));
          offset += 256;
          if (offset >= bytes.length) {
            clearInterval(timer);
            res.end();
          }
        }, 100);
        return;
      }
      default:
        res.writeHead(200, { 'content-type': mime, 'content-length': bytes.length });
        res.end(bytes);
    }
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', local);
    const key = req.headers['x-key'];
    const host = String(req.headers.host ?? '').replace(/:\d+$/, '');
    requests.push({
      method: req.method ?? '',
      host,
      path: url.pathname,
      key: typeof key === 'string' ? key : undefined,
    });
    const handle = async () => {
      if (url.pathname.startsWith('/results/') && req.method === 'GET') return download(url, req, res);
      if (opts.apiKey !== undefined && key !== opts.apiKey)
        return sendJson(res, 403, { detail: 'Not authenticated - Invalid Authentication' });
      if (url.pathname === '/v1/get_result' && req.method === 'GET') return poll(url, req, res);
      if (url.pathname === '/v1/credits' && req.method === 'GET')
        return sendJson(res, 200, { credits: opts.credits ?? 1_000 });
      if (url.pathname.startsWith('/v1/') && req.method === 'POST') return submit(url.pathname.slice(4), req, res);
      sendJson(res, 404, { detail: 'Not Found' });
    };
    handle().catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { detail: `fake server bug: ${String(err)}` });
    });
  });

  const sockets = new Set<Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  local = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const origin = at(hosts?.api);

  return {
    url: `${origin}/v1`,
    origin,
    origins: [...new Set([origin, at(hosts?.polling), ...(hosts?.results ?? []).map(at)])],
    options: opts,
    get tasks() {
      return [...tasks.values()];
    },
    requests,
    peakActive: () => peak,
    resetPeak: () => {
      peak = 0;
    },
    set(next) {
      Object.assign(opts, next);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
