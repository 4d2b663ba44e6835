import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrapHtml } from '../../src/artifact/bootstrap.js';
import { launchBrowser } from './harness.js';

/** The loader that stays in the chat: reopened after its session ended, it must say so and how to start again. */
const NONCE = 'bootstrap-test-nonce-01';
let server: Server;
let url: string;
let browser: Browser;

function page(answer: 'ended' | 'silent'): string {
  // The parent answers like the host script does when the session is over, or not at all (page reloaded).
  const host =
    answer === 'ended'
      ? `addEventListener('message', (e) => { if (e.data && e.data.type === 'hello') e.source.postMessage({ source: 'flux-inpaint', nonce: ${JSON.stringify(NONCE)}, type: 'ended', message: 'Inpaint closed without sending.' }, '*'); });`
      : '';
  return `<!DOCTYPE html><html><body><iframe id="a" sandbox="allow-scripts allow-downloads"></iframe>
<script>${host}document.getElementById('a').srcdoc = ${JSON.stringify(bootstrapHtml({ nonce: NONCE })).replace(/</g, '\\u003c')};</script></body></html>`;
}

beforeAll(async () => {
  server = createServer((req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(page(req.url === '/ended' ? 'ended' : 'silent')));
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
    expect(Buffer.byteLength(bootstrapHtml({ nonce: NONCE }))).toBeLessThanOrEqual(4096);
  }, 40_000);
});
