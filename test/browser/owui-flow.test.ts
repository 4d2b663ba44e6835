import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeFlux, type FakeFlux } from '../fake-flux/server.js';
import { startTestSidecar, TEST_TOKEN, type TestSidecar } from '../support/sidecar.js';
import { editorState, exportMask, launchBrowser, screenshotPath, stroke } from './harness.js';

/**
 * The whole Open WebUI flow in Chromium: a page that behaves like Open WebUI's chat page, the real function
 * run by a Python server as Open WebUI runs it, the real sidecar, and the fake FLUX server.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const FLUX_KEY = 'owui-flow-flux-key-0123456789';

let fake: FakeFlux;
let sidecar: TestSidecar;
let owui: ChildProcess;
let owuiUrl: string;
let browser: Browser;
let page: Page;
const toPageLog: string[] = [];

beforeAll(async () => {
  fake = await startFakeFlux({ latencyMs: 2_500, apiKey: FLUX_KEY });
  sidecar = await startTestSidecar({
    FLUX_INPAINT_RESULT_HOSTS: fake.origin,
    FLUX_INPAINT_POLL_INTERVAL_S: '0.3',
    FLUX_INPAINT_MAX_POLL_ATTEMPTS: '200',
  });
  const valves = {
    SIDECAR_URL: sidecar.url,
    SIDECAR_TOKEN: TEST_TOKEN,
    FLUX_API_URL: fake.url,
    FLUX_API_KEY: FLUX_KEY,
    STEPS: 28,
  };
  owui = spawn(
    'python3',
    [join(ROOT, 'python-shim', 'tests', 'owui_server.py'), '--port', '0', '--valves', JSON.stringify(valves)],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  owui.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  owuiUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the Open WebUI test server did not start:\n${out}`)), 30_000);
    owui.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /owui at (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
  });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  // Everything the page receives from the server: it must never carry a key or the sidecar token.
  page.on('response', async (res) => {
    if (res.url().includes('/api/events')) toPageLog.push(await res.text().catch(() => ''));
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  owui?.kill();
  await sidecar?.close();
  await fake?.close();
});

async function editorFrame(): Promise<Frame> {
  const handle = await page.waitForSelector('#artifacts iframe', { timeout: 30_000 });
  const frame = (await handle.contentFrame())!;
  await frame.waitForFunction(() => Boolean(window.__fluxEditor?.state().image), undefined, { timeout: 30_000 });
  return frame;
}

const storedChat = async () =>
  (await (await fetch(`${owuiUrl}/api/chat`)).json()) as {
    history: { messages: Record<string, any>; currentId: string };
    busy: number;
  };

describe('Inpaint in Open WebUI', () => {
  it('click, paint, write a German prompt, Send: the edited image arrives as a new message', async () => {
    await page.goto(owuiUrl);
    const before = await storedChat();
    const clickedId = before.history.currentId;
    const original = before.history.messages[clickedId].content as string;
    await page.screenshot({ path: screenshotPath('owui-1-chat.png') });

    await page.getByRole('button', { name: 'Inpaint' }).click();
    const frame = await editorFrame();
    const state = await editorState(frame);
    expect(state.image?.fullWidth).toBe(480);
    expect(state.sendEnabled).toBe(false);
    // While the editor is open the chat holds only the small loader.
    const open = await storedChat();
    expect(
      Buffer.byteLength(open.history.messages[clickedId].content) - Buffer.byteLength(original),
    ).toBeLessThanOrEqual(4096);

    const w = state.image!.width;
    const h = state.image!.height;
    await stroke(page, frame, [
      [w * 0.62, h * 0.22],
      [w * 0.78, h * 0.22],
      [w * 0.78, h * 0.38],
      [w * 0.62, h * 0.38],
      [w * 0.7, h * 0.3],
    ]);
    const mask = await exportMask(frame);
    expect(mask.at(Math.round(w * 0.7), Math.round(h * 0.3))).toBe(255);
    expect(mask.at(5, h - 5)).toBe(0);
    await frame.locator('#p-prompt').fill('ein roter Hut auf der Sonne, Comic-Stil');
    await page.screenshot({ path: screenshotPath('owui-2-editor.png') });
    expect((await editorState(frame)).sendEnabled).toBe(true);
    await frame.getByRole('button', { name: 'Send' }).click();

    // The new message appears without a reload and becomes the current one.
    await page.waitForFunction(
      () =>
        document.querySelectorAll('.msg.assistant').length === 2 &&
        document.querySelector('.msg.assistant:last-child img'),
      undefined,
      {
        timeout: 60_000,
      },
    );
    await page
      .waitForFunction(() => /Done in \d+ s/.test(document.body.textContent ?? ''), undefined, { timeout: 30_000 })
      .catch(() => undefined);
    await page.waitForFunction(() => [...document.images].every((img) => img.complete));
    await page
      .locator('.msg.assistant')
      .last()
      .evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await page.screenshot({ path: screenshotPath('owui-3-result.png') });

    // The stored chat, after Open WebUI's own save: the artifact is gone, the clicked message is intact,
    // the result is its own message under it, and its image is served.
    for (let i = 0; (await storedChat()).busy > 0 && i < 100; i++) await new Promise((r) => setTimeout(r, 100));
    const after = await storedChat();
    const clicked = after.history.messages[clickedId];
    expect(clicked.content).toBe(original);
    expect(clicked.childrenIds).toHaveLength(1);
    const result = after.history.messages[clicked.childrenIds[0]];
    expect(after.history.currentId).toBe(result.id);
    expect(result).toMatchObject({ role: 'assistant', parentId: clickedId });
    // Markdown-escaped, so a prompt can never become markup.
    expect(result.content).toContain('Prompt: ein roter Hut auf der Sonne, Comic\\-Stil');
    expect(result.content).toContain('English: A red hat on the sun, cartoon style');
    expect(result.content).toMatch(/FLUX Fill · 28 steps · guidance 60/);
    const url = /\]\((\/api\/v1\/files\/[\w-]+\/content)\)/.exec(result.content)![1]!;
    const image = await fetch(`${owuiUrl}${url}`);
    expect(image.headers.get('content-type')).toMatch(/^image\//);
    const meta = await sharp(Buffer.from(await image.arrayBuffer())).metadata();
    expect([meta.width, meta.height]).toEqual([480, 320]);
    const statuses = (clicked.statusHistory as Array<{ description: string }>).map((s) => s.description);
    expect(statuses).toContain('Translating the prompt to English…');
    expect(statuses.some((s) => /^Generating/.test(s))).toBe(true);
    expect(statuses.at(-1)).toMatch(/^Done in \d+ s\./);
    expect(fake.tasks.at(-1)!.prompt).toBe('A red hat on the sun, cartoon style');

    // The result has an Inpaint button of its own.
    await expect(page.locator(`#message-${result.id} button`, { hasText: 'Inpaint' }).count()).resolves.toBe(1);
    expect(await page.locator('#artifacts iframe').count()).toBe(0);

    const seen = toPageLog.join('\n');
    expect(seen).not.toContain(FLUX_KEY);
    expect(seen).not.toContain(TEST_TOKEN);
  }, 150_000);
});
