import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP_BUDGET_BYTES, bootstrapHtml } from '../../src/owui/page/bootstrap.js';
import { launchBrowser, roundTrip } from './harness.js';

/** The loader that stays in the chat: reopened after its session ended, it must say so and how to start again. */
const NONCE = 'bootstrap-test-nonce-01';
const BOOTSTRAP = await bootstrapHtml({ nonce: NONCE });
let server: Server;
let url: string;
let browser: Browser;

/**
 * Open WebUI up to 0.6.34 (Artifacts.svelte) pulls the inline scripts out of an artifact and adds them again,
 * so the loader's script runs twice in one frame; 0.5.0-0.6.2 also make the frame same-origin.
 */
function doubledPage(sandbox: string): string {
  const html = BOOTSTRAP;
  const script = /<script>([\s\S]*)<\/script>/.exec(html)![1]!;
  const srcdoc = `${html}<script>${script}</script>`;
  const host = `addEventListener('message', (e) => { if (e.data && e.data.type === 'hello') e.source.postMessage({ source: 'flux-inpaint', nonce: ${JSON.stringify(NONCE)}, type: 'bundle', code: 'window.__editors = (window.__editors || 0) + 1; const d = document.createElement("div"); d.className = "editor-root"; document.body.append(d);' }, '*'); });`;
  return `<!DOCTYPE html><html><body><iframe id="a" sandbox="${sandbox}"></iframe>
<script>${host}document.getElementById('a').srcdoc = ${JSON.stringify(srcdoc).replace(/</g, '\\u003c')};</script></body></html>`;
}

/**
 * Timers in the frame run a hundred times faster, so that the loader's 24 unanswered hellos, half a second
 * apart, take a tenth of a second; the loader itself is the one the chat stores.
 */
const FAST_TIMERS =
  '<script>const later = setTimeout; window.setTimeout = (f, ms, ...a) => later(f, (ms ?? 0) / 100, ...a);</script>';

function page(answer: 'ended' | 'silent'): string {
  // The parent answers like the host script does when the session is over, or not at all (page reloaded).
  const host =
    answer === 'ended'
      ? `addEventListener('message', (e) => { if (e.data && e.data.type === 'hello') e.source.postMessage({ source: 'flux-inpaint', nonce: ${JSON.stringify(NONCE)}, type: 'ended', message: 'Inpaint closed without sending.' }, '*'); });`
      : '';
  const frame = answer === 'silent' ? BOOTSTRAP.replace('<head>', `<head>${FAST_TIMERS}`) : BOOTSTRAP;
  return `<!DOCTYPE html><html><body><iframe id="a" sandbox="allow-scripts allow-downloads"></iframe>
<script>${host}document.getElementById('a').srcdoc = ${JSON.stringify(frame).replace(/</g, '\\u003c')};</script></body></html>`;
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const body =
      req.url === '/doubled-opaque'
        ? doubledPage('allow-scripts allow-downloads')
        : req.url === '/doubled-same-origin'
          ? doubledPage('allow-scripts allow-forms allow-same-origin')
          : page(req.url === '/ended' ? 'ended' : 'silent');
    res.writeHead(200, { 'content-type': 'text/html' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

async function frameText(path: string, text: string, timeout: number): Promise<void> {
  const tab = await browser.newPage();
  try {
    await tab.goto(`${url}${path}`);
    const frame = (await (await tab.waitForSelector('iframe#a')).contentFrame())!;
    // The visible message, not the loader's script (which holds the same words).
    await frame.waitForFunction((t) => document.getElementById('fi-msg')?.textContent?.includes(t), text, { timeout });
  } finally {
    await tab.close();
  }
}

describe('artifact loader', () => {
  it('shows the reason the host gives when the session is over', async () => {
    await frameText('/ended', 'Inpaint closed without sending.', 10_000);
  });

  it('with nobody answering (the page was reloaded), says the session ended and to click Inpaint again', async () => {
    await frameText('/silent', 'Click the Inpaint button under the image to start again.', 30_000);
    expect(Buffer.byteLength(BOOTSTRAP)).toBeLessThanOrEqual(BOOTSTRAP_BUDGET_BYTES);
  }, 40_000);

  it.each(['/doubled-opaque', '/doubled-same-origin'])(
    '%s: the loader run twice starts exactly one editor',
    async (path) => {
      const tab = await browser.newPage();
      try {
        await tab.goto(`${url}${path}`);
        const frame = (await (await tab.waitForSelector('iframe#a')).contentFrame())!;
        await frame.waitForSelector('.editor-root', { state: 'attached', timeout: 10_000 });
        // Both copies of the script have said hello, and the page's answers have arrived.
        await roundTrip(tab, frame);
        // Counted where the editor code runs: a second copy would wipe the first one's page but keep it running.
        expect(await frame.evaluate(() => (window as unknown as { __editors: number }).__editors)).toBe(1);
        expect(await frame.evaluate(() => document.querySelectorAll('.editor-root').length)).toBe(1);
      } finally {
        await tab.close();
      }
    },
  );
});
