import { inflateSync } from 'node:zlib';
import { mkdirSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { testImage } from '../support/images.js';
import { buildEditorBundle } from '../../artifact/build.js';
import { bootstrapHtml } from '../../src/owui/page/bootstrap.js';
import type { AppError } from '../../src/errors.js';
import { SettingsStore } from '../../src/settings/store.js';
import type { EditorInit, EditorSettings, RawMask } from '../../artifact/src/transport/types.js';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

/** Debian's Chromium unless CHROMIUM_PATH names another build. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

const ROOT = join(import.meta.dirname, '..', '..');

/**
 * Where a test saves a screenshot: test/.artifacts/screenshots (ignored by git), so a test run changes no
 * tracked file; with UPDATE_SCREENSHOTS=1 it refreshes the pictures in docs/screenshots that README shows.
 */
export function screenshotPath(name: string): string {
  const dir =
    process.env.UPDATE_SCREENSHOTS === '1'
      ? join(ROOT, 'docs', 'screenshots')
      : join(ROOT, 'test', '.artifacts', 'screenshots');
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}

const NONCE = 'test-nonce-0123456789';
const BOOTSTRAP = await bootstrapHtml({ nonce: NONCE });

/**
 * Plays Open WebUI's page: an artifact iframe sandboxed exactly like Open WebUI's ("allow-scripts
 * allow-downloads", no same origin) running the real bootstrap, and a host script that hands over the
 * bundle, answers init, and records what the editor submits.
 */
/** JSON that is safe inside a <script> element (the bootstrap itself contains "</script>"). */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function hostPage(): string {
  const script = `
const NONCE = ${scriptJson(NONCE)};
window.__submits = []; window.__closed = 0; window.__saves = [];
const frame = document.getElementById('artifact');
const send = (m) => frame.contentWindow.postMessage(Object.assign({ source: 'flux-inpaint', nonce: NONCE }, m), '*');
const bundle = fetch('/bundle.js').then((r) => r.text());
addEventListener('message', async (e) => {
  const d = e.data;
  if (e.source !== frame.contentWindow || !d || d.source !== 'flux-inpaint' || d.nonce !== NONCE) return;
  if (d.type === 'hello') send({ type: 'bundle', code: await bundle });
  if (d.type !== 'request') return;
  if (d.method === 'init') send({ type: 'response', rid: d.rid, ok: true, value: await (await fetch('/init')).json() });
  if (d.method === 'save_settings') {
    window.__saves.push(d.params.settings);
    const res = await fetch('/settings', { method: 'POST', body: JSON.stringify(d.params.settings) });
    send(res.ok ? { type: 'response', rid: d.rid, ok: true, value: null } : { type: 'response', rid: d.rid, ok: false, error: await res.json() });
  }
  if (d.method === 'cancel') { window.__closed++; send({ type: 'response', rid: d.rid, ok: true, value: null }); }
  if (d.method === 'submit') {
    window.__submits.push(d.params);
    // The sidecar refused the Send: the error as the wire carries it (code, English message, key, values).
    if (window.__refuseSubmit) return send({ type: 'response', rid: d.rid, ok: false, error: window.__refuseSubmit });
    // The page's socket drops while a large Send crosses it: one part went, then nothing more.
    if (window.__stallUpload) return send({ type: 'upload', sent: 256000, total: 4000000 });
    send({ type: 'response', rid: d.rid, ok: true, value: { id: 'job-1' } });
    send({ type: 'job', job: { id: 'job-1', state: 'running', status: 'Generating', progress: 0.4, elapsed_ms: 1200, model: d.params.model,
      provider: 'bfl', prompt: d.params.prompt, created_at: new Date().toISOString() } });
  }
});`;
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><style>html,body{margin:0;height:100%}iframe{border:0;width:100%;height:100%;display:block}</style></head>
<body><iframe id="artifact" sandbox="allow-scripts allow-downloads"></iframe>
<script>document.getElementById('artifact').srcdoc = ${scriptJson(BOOTSTRAP)};</script>
<script>${script}</script></body></html>`;
}

/** A test picture with structure: preview 400x300 of a "full-resolution" 800x600 image. */
export async function previewDataUrl(): Promise<string> {
  const png = await testImage(400, 300);
  return `data:image/png;base64,${png.toString('base64')}`;
}

export function baseInit(images: EditorInit['images']): EditorInit {
  return {
    mode: 'owui',
    images,
    defaults: { steps: 40, guidance: 50, safety_tolerance: 2, output_format: 'png' },
    providers: ['bfl'],
    provider: 'bfl',
    limits: { maxImageBytes: 2 * 1024 * 1024, maxImagePixels: 4_000_000, maxPromptChars: 4000 },
  };
}

export interface Host {
  url: string;
  /** What the sidecar side keeps for this (one) Open WebUI user, through the real settings store. */
  settings(): Promise<EditorSettings | null>;
  /** Forgets them, so each test opens the editor as a new user would. */
  forgetSettings(): Promise<void>;
  close(): Promise<void>;
}

const USER = 'owui-user-1';

/** `init` as the sidecar would answer it; `settings` in it is replaced by what the store holds at each open. */
export async function startHost(init: EditorInit): Promise<Host> {
  const bundle = await buildEditorBundle({ minify: true });
  const page = hostPage();
  const store = await SettingsStore.open(await mkdtemp(join(tmpdir(), 'flux-host-settings-')));
  if (init.settings) await store.put(USER, init.settings);
  const server: Server = createServer((req, res) => {
    if (req.url === '/bundle.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle);
    else if (req.url === '/') res.writeHead(200, { 'content-type': 'text/html' }).end(page);
    else if (req.url === '/init') {
      void store
        .get(USER)
        .then((settings) =>
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ...init, settings })),
        );
    } else if (req.url === '/settings' && req.method === 'POST') {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        store.put(USER, JSON.parse(body)).then(
          () => res.writeHead(204).end(),
          (err: AppError) =>
            res
              .writeHead(400, { 'content-type': 'application/json' })
              .end(JSON.stringify({ code: err.code, message: err.message })),
        );
      });
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    settings: () => store.get(USER),
    forgetSettings: () => store.put(USER, {}),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Opens the host page and waits until the editor in the artifact frame has its picture. */
export async function openEditor(page: Page, url: string, waitForImage = true): Promise<Frame> {
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  const frameEl = await page.waitForSelector('iframe#artifact');
  const frame = (await frameEl.contentFrame())!;
  await frame.waitForSelector('.fi-app .panel', { timeout: 60_000 });
  if (waitForImage)
    await frame.waitForFunction(() => (window.__fluxEditor?.state() as { image: unknown } | undefined)?.image);
  return frame;
}

export interface EditorState {
  model: string;
  tool: string;
  brushSize: number;
  hardness: number;
  image: { width: number; height: number; fullWidth: number; fullHeight: number } | null;
  crop: { x: number; y: number; width: number; height: number } | null;
  margins: Record<string, number>;
  maskEmpty: boolean;
  history: { undo: number; redo: number; bytes: number };
  view: { scale: number; x: number; y: number };
  sendEnabled: boolean;
}

export function editorState(frame: Frame): Promise<EditorState> {
  return frame.evaluate(() => window.__fluxEditor!.state() as unknown as EditorState);
}

/**
 * Resolves once the frame has handled a message that the page sent after handling every message the frame had
 * sent before: the page's answers to the loader's hellos have all arrived, and any editor they could start runs.
 */
export async function roundTrip(page: Page, frame: Frame): Promise<void> {
  await page.evaluate(() =>
    addEventListener('message', (e) => {
      if (e.data === 'test-round-trip') (e.source as Window).postMessage('test-round-trip', '*');
    }),
  );
  await frame.evaluate(
    () =>
      new Promise<void>((resolve) => {
        addEventListener('message', (e) => e.data === 'test-round-trip' && resolve());
        parent.postMessage('test-round-trip', '*');
      }),
  );
}

/** Image pixel (in the mask's resolution) -> page coordinates for page.mouse. */
export async function toPage(frame: Frame, x: number, y: number): Promise<{ x: number; y: number }> {
  const box = (await (await frame.$('canvas.stage-canvas'))!.boundingBox())!;
  const { view } = await editorState(frame);
  return { x: box.x + view.x + x * view.scale, y: box.y + view.y + y * view.scale };
}

/**
 * Waits until the editor stops moving: an embed grows to its height, the page scrolls to it, the canvas fits
 * the picture to its new size. A person paints on what stands still.
 */
export async function untilStill(frame: Frame): Promise<void> {
  let last = '';
  for (let same = 0; same < 3; ) {
    const where = JSON.stringify(await toPage(frame, 0, 0));
    same = where === last ? same + 1 : 0;
    last = where;
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Drags through image points with the mouse, in small steps like a real hand. */
export async function stroke(page: Page, frame: Frame, points: Array<[number, number]>): Promise<void> {
  const [first, ...rest] = points;
  const start = await toPage(frame, first![0], first![1]);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  for (const [x, y] of rest) {
    const p = await toPage(frame, x, y);
    await page.mouse.move(p.x, p.y, { steps: 4 });
  }
  await page.mouse.up();
}

export interface DecodedMask {
  width: number;
  height: number;
  values: Uint8Array;
  at(x: number, y: number): number;
}

/** The mask as the editor sends it (raw single-channel bytes, base64, deflated or not), one grey value per pixel. */
export function decodeMask(mask: unknown): DecodedMask {
  const m = mask as RawMask;
  if (m?.format !== 'raw' || !Number.isInteger(m.width) || !Number.isInteger(m.height))
    throw new Error(`not a raw mask: ${JSON.stringify(mask)?.slice(0, 80)}`);
  const bytes = Buffer.from(m.data, 'base64');
  const values = new Uint8Array(m.encoding === 'deflate' ? inflateSync(bytes) : bytes);
  if (values.length !== m.width * m.height)
    throw new Error(`raw mask of ${m.width}x${m.height} has ${values.length} bytes`);
  return { width: m.width, height: m.height, values, at: (x, y) => values[y * m.width + x]! };
}

export async function exportMask(frame: Frame): Promise<DecodedMask> {
  const mask = await frame.evaluate(() => window.__fluxEditor!.exportMask());
  if (!mask) throw new Error('no mask');
  return decodeMask(mask);
}

/**
 * Ids of the visible sliders and checkboxes a fingertip misses: touching 21 px above or below the centre must
 * still land on the control or its label (a 44 px tall target), and a slider must be 44 px wide.
 */
export function missedByAFinger(frame: Page | Frame): Promise<string[]> {
  return frame.locator('.fi-app input[type=range]:visible, .fi-app input[type=checkbox]:visible').evaluateAll((els) =>
    els.flatMap((el) => {
      const input = el as HTMLInputElement;
      input.scrollIntoView({ block: 'center' });
      const r = input.getBoundingClientRect();
      const cx = r.x + r.width / 2;
      const cy = r.y + r.height / 2;
      const ours = (n: Element | null) =>
        n === input || [...(input.labels ?? [])].some((l) => l === n || (n !== null && l.contains(n)));
      const off = [-21, 21].filter((dy) => !ours(document.elementFromPoint(cx, cy + dy)));
      return off.length || (input.type === 'range' && r.width < 44) ? [input.id] : [];
    }),
  );
}

/** axe-core, as a page would load it: the same checks a screen-reader user's tools run. */
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Every axe violation on the page, as "rule: element" lines (empty when the page passes). */
export async function violations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document): Promise<{ violations: any[] }> } }).axe;
    const r = await axe.run(document);
    return r.violations.map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`);
  });
}
