/**
 * A FLUX API stand-in that follows ../shared FLUX-API contract closely enough to catch real bugs: it validates
 * bodies with the documented ranges (its own table, deliberately not the sidecar's), answers 422 with a detail
 * list, hands out polling URLs and expiring signed result URLs, reports progress, and makes real result images
 * with sharp. Fault switches reproduce what the real service and the network do on bad days.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import sharp from 'sharp';

/** A planned answer to one request instead of the normal one. */
export type Fault =
  | { status: number; body?: unknown; retryAfter?: number }
  /** Close the connection before answering. */
  | 'reset'
  /** 200 with a body that is not JSON. */
  | 'garbage';

export type Outcome = 'Ready' | 'Request Moderated' | 'Content Moderated' | 'Error' | 'Task not found' | 'Mystery';

export type DownloadMode = 'ok' | 'slow' | 'truncated' | 'not-image' | 'reset' | 'huge';

export interface FakeFluxOptions {
  /** Time from submit to Ready. */
  latencyMs: number;
  /** When set, requests must carry this x-key. */
  apiKey?: string | undefined;
  /** Credits left; every task costs 5. Undefined = unlimited. */
  credits?: number | undefined;
  /** Tasks that may be Pending at once before submits get 429 (BFL's default is 24). */
  maxActive: number;
  /** Retry-After seconds sent with a 429 for too many active tasks. */
  retryAfterS: number;
  /** How long a result URL stays valid. */
  resultTtlMs: number;
  download: DownloadMode;
  /** Statuses tasks end in, taken in order for new tasks; empty = Ready. */
  outcomes: Outcome[];
  /** Planned answers for the next submits / polls / credits requests, taken in order. */
  submitFaults: Fault[];
  pollFaults: Fault[];
}

export interface FakeTask {
  id: string;
  endpoint: string;
  prompt: string;
  /** The body without the image fields. */
  params: Record<string, unknown>;
  createdAt: number;
  readyAt: number;
  outcome: Outcome;
  polls: number;
  downloads: number;
  /** When a poll first answered Ready: the moment FLUX's result became visible to the client. */
  readyServedAt?: number;
  result?: { bytes: Buffer; mime: string; seed: number };
}

export interface FakeFlux {
  /** Base URL to use as FLUX_API_URL (ends in /v1). */
  url: string;
  origin: string;
  options: FakeFluxOptions;
  tasks: FakeTask[];
  /** Every request seen: method, path and whether it carried the right key. */
  requests: Array<{ method: string; path: string; key: string | undefined }>;
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
};

type Range = [min: number, max: number, integer: boolean];
const STEPS: Range = [15, 50, true];
const COMMON: Record<string, Range> = { safety_tolerance: [0, 6, true], seed: [0, 2 ** 32 - 1, true] };

interface EndpointSpec {
  image: 'image' | 'control_image';
  requires: Array<'image' | 'control_image' | 'prompt'>;
  ranges: Record<string, Range>;
}

const ENDPOINTS: Record<string, EndpointSpec> = {
  'flux-pro-1.0-fill': { image: 'image', requires: ['image'], ranges: { steps: STEPS, guidance: [1.5, 100, false] } },
  'flux-pro-1.0-canny': {
    image: 'control_image',
    requires: ['prompt', 'control_image'],
    ranges: { steps: STEPS, guidance: [1, 100, false], canny_low_threshold: [0, 500, true], canny_high_threshold: [0, 500, true] },
  },
  'flux-pro-1.0-depth': { image: 'control_image', requires: ['prompt', 'control_image'], ranges: { steps: STEPS, guidance: [1, 100, false] } },
  'flux-pro-1.0-expand': {
    image: 'image',
    requires: ['image'],
    ranges: { steps: STEPS, guidance: [1.5, 100, false], top: [0, 2048, true], bottom: [0, 2048, true], left: [0, 2048, true], right: [0, 2048, true] },
  },
};

const KNOWN_FIELDS = new Set(['prompt', 'image', 'mask', 'control_image', 'preprocessed_image', 'prompt_upsampling', 'output_format', 'webhook_url', 'webhook_secret']);

interface DetailItem {
  loc: Array<string | number>;
  msg: string;
  type: string;
}

function validate(spec: EndpointSpec, body: Record<string, unknown>): DetailItem[] {
  const detail: DetailItem[] = [];
  for (const field of spec.requires) {
    if (typeof body[field] !== 'string' || body[field] === '') detail.push({ loc: ['body', field], msg: 'Field required', type: 'missing' });
  }
  const ranges = { ...COMMON, ...spec.ranges };
  for (const [key, value] of Object.entries(body)) {
    const range = ranges[key];
    if (!range) {
      if (!KNOWN_FIELDS.has(key)) detail.push({ loc: ['body', key], msg: 'Extra inputs are not permitted', type: 'extra_forbidden' });
      continue;
    }
    const [min, max, integer] = range;
    if (typeof value !== 'number' || (integer && !Number.isInteger(value))) {
      detail.push({ loc: ['body', key], msg: `Input should be a valid ${integer ? 'integer' : 'number'}`, type: integer ? 'int_type' : 'float_type' });
    } else if (value < min) {
      detail.push({ loc: ['body', key], msg: `Input should be greater than or equal to ${min}`, type: 'greater_than_equal' });
    } else if (value > max) {
      detail.push({ loc: ['body', key], msg: `Input should be less than or equal to ${max}`, type: 'less_than_equal' });
    }
  }
  if (body.output_format !== undefined && !['jpeg', 'png', 'webp'].includes(String(body.output_format))) {
    detail.push({ loc: ['body', 'output_format'], msg: "Input should be 'jpeg', 'png' or 'webp'", type: 'enum' });
  }
  return detail;
}

/** A colour that depends on the prompt, so tests can tell results of different prompts apart. */
function promptColour(prompt: string): { r: number; g: number; b: number } {
  let h = 2166136261;
  for (const ch of prompt) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619);
  return { r: (h >>> 16) & 255, g: (h >>> 8) & 255, b: h & 255 };
}

/** Makes the result the way a model would change the picture, cheaply: the masked area painted over. */
async function render(endpoint: string, body: Record<string, unknown>, imageField: string): Promise<{ bytes: Buffer; mime: string }> {
  const input = Buffer.from(String(body[imageField]), 'base64');
  const format = body.output_format === 'png' ? 'png' : body.output_format === 'webp' ? 'webp' : 'jpeg';
  const colour = promptColour(String(body.prompt ?? ''));
  let img = sharp(input).removeAlpha();
  const meta = await sharp(input).metadata();
  const width = meta.width ?? 1;
  const height = meta.height ?? 1;
  if (endpoint.endsWith('fill')) {
    const maskRaw = body.mask
      ? await sharp(Buffer.from(String(body.mask), 'base64')).greyscale().resize(width, height, { fit: 'fill' }).raw().toBuffer()
      : Buffer.alloc(width * height, 255);
    const overlay = Buffer.alloc(width * height * 4);
    for (let i = 0; i < width * height; i++) overlay.set([colour.r, colour.g, colour.b, maskRaw[i]!], i * 4);
    img = img.composite([{ input: overlay, raw: { width, height, channels: 4 } }]);
  } else if (endpoint.endsWith('expand')) {
    const pad = (k: string) => (typeof body[k] === 'number' ? (body[k] as number) : 0);
    img = img.extend({ top: pad('top'), bottom: pad('bottom'), left: pad('left'), right: pad('right'), background: { ...colour, alpha: 1 } });
  } else {
    img = img.greyscale().tint(colour);
  }
  const bytes = await img.toFormat(format).toBuffer();
  return { bytes, mime: `image/${format}` };
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Answers with a planned fault; returns false when there is none. */
function applyFault(queue: Fault[], req: IncomingMessage, res: ServerResponse): boolean {
  const fault = queue.shift();
  if (fault === undefined) return false;
  if (fault === 'reset') {
    req.socket.destroy();
  } else if (fault === 'garbage') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"id": "abc", "status": Pen');
  } else {
    const headers: Record<string, string> = fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {};
    sendJson(res, fault.status, fault.body ?? { detail: `fake fault ${fault.status}` }, headers);
  }
  return true;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startFakeFlux(options: Partial<FakeFluxOptions> = {}, port = 0): Promise<FakeFlux> {
  const opts: FakeFluxOptions = { ...DEFAULTS, ...options, outcomes: [...(options.outcomes ?? [])], submitFaults: [...(options.submitFaults ?? [])], pollFaults: [...(options.pollFaults ?? [])] };
  const tasks = new Map<string, FakeTask>();
  const requests: FakeFlux['requests'] = [];
  const signatures = new Map<string, { task: FakeTask; expires: number }>();
  let peak = 0;
  let rendering = 0;
  let origin = '';

  const active = () => [...tasks.values()].filter((t) => Date.now() < t.readyAt).length;

  async function submit(endpoint: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const spec = ENDPOINTS[endpoint];
    if (!spec) return sendJson(res, 404, { detail: 'Not Found' });
    let body: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(await readBody(req));
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
      body = parsed as Record<string, unknown>;
    } catch {
      return sendJson(res, 422, { detail: [{ loc: ['body'], msg: 'JSON decode error', type: 'json_invalid' }] });
    }
    if (applyFault(opts.submitFaults, req, res)) return;
    const detail = validate(spec, body);
    if (detail.length) return sendJson(res, 422, { detail });
    if (opts.credits !== undefined && opts.credits < 5) return sendJson(res, 402, { detail: 'Insufficient credits' });
    if (active() + rendering >= opts.maxActive) {
      return sendJson(res, 429, { detail: `You have reached the limit of ${opts.maxActive} active tasks` }, { 'retry-after': String(opts.retryAfterS) });
    }
    let rendered: { bytes: Buffer; mime: string };
    // The slot is taken while the result is made, or two concurrent submits could both pass the limit.
    rendering++;
    try {
      rendered = await render(endpoint, body, spec.image);
    } catch {
      return sendJson(res, 422, { detail: [{ loc: ['body', spec.image], msg: 'Could not decode image', type: 'value_error' }] });
    } finally {
      rendering--;
    }
    if (opts.credits !== undefined) opts.credits -= 5;
    const id = randomBytes(8).toString('hex');
    const { image: _i, mask: _m, control_image: _c, ...params } = body;
    const now = Date.now();
    const task: FakeTask = {
      id,
      endpoint,
      prompt: String(body.prompt ?? ''),
      params,
      createdAt: now,
      readyAt: now + opts.latencyMs,
      outcome: opts.outcomes.shift() ?? 'Ready',
      polls: 0,
      downloads: 0,
      result: { ...rendered, seed: typeof body.seed === 'number' ? body.seed : now % 100_000 },
    };
    tasks.set(id, task);
    peak = Math.max(peak, active());
    sendJson(res, 200, { id, polling_url: `${origin}/v1/get_result?id=${id}`, cost: 5 });
  }

  function poll(url: URL, req: IncomingMessage, res: ServerResponse): void {
    if (applyFault(opts.pollFaults, req, res)) return;
    const task = tasks.get(url.searchParams.get('id') ?? '');
    if (!task) return sendJson(res, 200, { id: url.searchParams.get('id'), status: 'Task not found', result: null, progress: null, details: null });
    task.polls++;
    const now = Date.now();
    if (now < task.readyAt) {
      const progress = Math.min(0.99, (now - task.createdAt) / Math.max(1, task.readyAt - task.createdAt));
      const status = progress < 0.2 ? 'Pending' : 'Generating';
      return sendJson(res, 200, { id: task.id, status, result: null, progress: status === 'Pending' ? null : progress, details: null });
    }
    switch (task.outcome) {
      case 'Ready': {
        task.readyServedAt ??= now;
        const sig = randomBytes(12).toString('hex');
        signatures.set(sig, { task, expires: now + opts.resultTtlMs });
        const ext = task.result!.mime.split('/')[1];
        return sendJson(res, 200, {
          id: task.id,
          status: 'Ready',
          result: { sample: `${origin}/results/${task.id}/sample.${ext}?sig=${sig}`, prompt: task.prompt, seed: task.result!.seed },
          progress: 1,
          details: null,
        });
      }
      case 'Mystery':
        return sendJson(res, 200, { id: task.id, status: 'Thinking very hard', result: null, progress: null, details: null });
      default:
        return sendJson(res, 200, { id: task.id, status: task.outcome, result: null, progress: null, details: { 'Moderation Reasons': ['fake'] } });
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
    const url = new URL(req.url ?? '/', origin);
    const key = req.headers['x-key'];
    requests.push({ method: req.method ?? '', path: url.pathname, key: typeof key === 'string' ? key : undefined });
    const handle = async () => {
      if (url.pathname.startsWith('/results/') && req.method === 'GET') return download(url, req, res);
      if (opts.apiKey !== undefined && key !== opts.apiKey) return sendJson(res, 403, { detail: 'Not authenticated - Invalid Authentication' });
      if (url.pathname === '/v1/get_result' && req.method === 'GET') return poll(url, req, res);
      if (url.pathname === '/v1/credits' && req.method === 'GET') return sendJson(res, 200, { credits: opts.credits ?? 1_000 });
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
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: `${origin}/v1`,
    origin,
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
