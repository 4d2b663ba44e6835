/**
 * Send in the standalone editor, in Chromium, on a 2048x2048 picture with a painted mask: the time from the
 * click to the FLUX stand-in receiving the task. Everything on that path counts: reading the mask, the request
 * from the page, the sidecar's checks, crop and mask scaling (sharp), and the submit to FLUX.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Frame } from 'playwright-core';
import sharp from 'sharp';
import { launchBrowser, stroke } from '../test/browser/harness.js';
import { atMost, info, quantile, round, type Result } from './result.js';
import { BENCH_TOKEN, startStack } from './stack.js';

const SIZE = 2048;
const SENDS = 7;

/** A photo-like picture (gradients, shapes and noise), as a JPEG of usual quality. */
async function picture(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}"><defs><linearGradient id="g" x2="1" y2="1"><stop offset="0" stop-color="#2a5fb0"/><stop offset="1" stop-color="#e8b04a"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/><circle cx="1300" cy="700" r="380" fill="#c23b3b"/><rect x="300" y="1200" width="700" height="500" fill="#3b8c4a"/></svg>`;
  const noise = await sharp({
    create: {
      width: SIZE,
      height: SIZE,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 24 },
    },
  })
    .png()
    .toBuffer();
  return sharp(Buffer.from(svg))
    .composite([{ input: noise, blend: 'overlay' }])
    .jpeg({ quality: 90 })
    .toBuffer();
}

/**
 * Sits between the sidecar and the FLUX stand-in and notes when each submit has fully arrived: the fake itself
 * stamps a task only after making its result, which real FLUX does later, so its stamp would count work that
 * is not on the path.
 */
export async function stampingProxy(): Promise<{
  url: string;
  received: number[];
  forwardTo(url: string): void;
  close(): Promise<void>;
}> {
  const received: number[] = [];
  let target: URL | undefined;
  const server: Server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method === 'POST') received.push(Date.now());
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(([k]) => !['host', 'content-length', 'connection'].includes(k)),
      ) as Record<string, string>;
      if (!target) return void res.writeHead(503).end();
      fetch(new URL(req.url ?? '/', target.origin), {
        method: req.method!,
        headers,
        ...(chunks.length ? { body: Buffer.concat(chunks) } : {}),
      }).then(
        async (answer) => {
          res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
          res.end(Buffer.from(await answer.arrayBuffer()));
        },
        () => res.writeHead(502).end(),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    // The stand-in's API lives under /v1, like FLUX's.
    url: `http://127.0.0.1:${port}/v1`,
    received,
    forwardTo: (url) => (target = new URL(url)),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * Clicks the editor's Send and returns the milliseconds from the click (stamped in the page) until the FLUX
 * stand-in has received the task (`received`, stamped by the proxy).
 */
export async function sendToFlux(frame: Frame, received: number[]): Promise<number> {
  const before = received.length;
  await frame.evaluate(() => {
    const w = window as unknown as { __clickAt: number };
    document
      .querySelector('button.send')!
      .addEventListener('click', () => (w.__clickAt = performance.timeOrigin + performance.now()), {
        capture: true,
        once: true,
      });
  });
  await frame.click('button.send');
  // At once: inside Open WebUI the editor's frame goes away after Send.
  const clickAt = await frame.evaluate(() => (window as unknown as { __clickAt: number }).__clickAt);
  const deadline = Date.now() + 60_000;
  while (received.length === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  if (received.length === before) throw new Error('the FLUX stand-in received no task within 60 s');
  return received[before]! - clickAt;
}

export async function benchSendToFlux(): Promise<Result[]> {
  const jpeg = await picture();
  const proxy = await stampingProxy();
  const real = await startStack(300, { FLUX_API_URL: proxy.url });
  proxy.forwardTo(real.fake.url);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(`${real.url}/#token=${BENCH_TOKEN}`);
    await page.waitForSelector('.fi-app .panel');
    await page.setInputFiles('#load-file', { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: jpeg });
    await page.waitForFunction(() => Boolean(window.__fluxEditor?.state().image));
    const state = (await page.evaluate(() => window.__fluxEditor!.state())) as {
      image: { width: number; height: number };
    };
    const { width, height } = state.image;
    await page.fill('#t-size', '80');
    await stroke(page, page.mainFrame(), [
      [width * 0.5, height * 0.25],
      [width * 0.75, height * 0.35],
      [width * 0.6, height * 0.5],
    ]);
    await page.fill('#p-prompt', 'a red kite in the sky');
    const times: number[] = [];
    for (let i = 0; i < SENDS; i++) {
      await page.waitForFunction(
        () => (window.__fluxEditor!.state() as { sendEnabled: boolean }).sendEnabled,
        undefined,
        { timeout: 60_000 },
      );
      times.push(await sendToFlux(page.mainFrame(), proxy.received));
      // The job ends (the result or an error); then "Back to the editor" and the same mask is sent again.
      await page.waitForFunction(() => !(window.__fluxEditor!.state() as { busy: boolean }).busy, undefined, {
        timeout: 60_000,
      });
      if (await page.isVisible('.compare')) await page.click('.cmp-actions button:last-child');
    }
    // The first send warms the sidecar's code paths and sharp's pools: reported, not judged.
    const warm = times.slice(1);
    return [
      atMost(
        'editor: Send click to FLUX receiving the task, 2048x2048, median',
        round(quantile(warm, 0.5)),
        'ms',
        500,
        `${warm.length} sends after a first one of ${round(times[0]!)} ms; mask painted at ${width}x${height}`,
      ),
      info('editor: Send click to FLUX receiving the task, max', round(Math.max(...warm)), 'ms'),
    ];
  } finally {
    await browser.close();
    await real.close();
    await proxy.close();
  }
}
