/**
 * Send through Open WebUI's chat path, in Chromium: the stand-in chat page and server (python-shim/tests/
 * owui_server.py, Open WebUI 0.11.0) running the real function, the sidecar as users start it, and the FLUX
 * stand-in behind a stamping proxy. Measured: the time from the Send click in the editor (an inline embed of
 * the message) to FLUX receiving the task, for 1024 and 2048 px pictures of the chat, and the largest socket
 * message the page sent in all those sessions (Open WebUI's server closes the socket over 1,000,000 bytes).
 */
import type { Frame, Page } from 'playwright-core';
import { launchBrowser, stroke, untilStill } from '../test/browser/harness.js';
import { startOwuiServer } from '../test/support/owui-server.js';
import { sendToFlux, stampingProxy } from './editor-send.js';
import { atMost, quantile, round, type Result } from './result.js';
import { BENCH_FLUX_KEY, BENCH_TOKEN, startStack } from './stack.js';

const SENDS = 4;
const SIZES = [1024, 2048] as const;

async function openEditor(page: Page, url: string, size: number): Promise<{ frame: Frame; chat: string }> {
  const made = await fetch(`${url}/__test__/chats`, {
    method: 'POST',
    body: JSON.stringify({ scenario: 'files', size: [size, size] }),
  });
  const { id } = (await made.json()) as { id: string };
  await page.goto(`${url}/c/${id}`);
  // The picture is in the first answer; a later turn follows it (an older message is clicked, as people do).
  const button = page.locator('.msg.assistant').first().locator('.actions button');
  await button.click();
  const handle = await page.waitForSelector('.embeds iframe', { timeout: 60_000 });
  const frame = (await handle.contentFrame())!;
  await frame.waitForFunction(() => Boolean(window.__fluxEditor?.state().image), undefined, { timeout: 60_000 });
  await untilStill(frame);
  return { frame, chat: id };
}

/** Until the function and the sidecar have nothing running for the chat: the result is in it. */
async function settledChat(url: string, chat: string): Promise<void> {
  for (const end = Date.now() + 60_000; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
    const { busy } = (await (await fetch(`${url}/__test__/chats/${chat}`)).json()) as { busy: number };
    if (busy === 0) return;
  }
  throw new Error('the chat session did not end within 60 s');
}

export async function benchOwuiSend(): Promise<Result[]> {
  const proxy = await stampingProxy();
  const stack = await startStack(300);
  proxy.forwardTo(stack.fake.url);
  const owui = await startOwuiServer('0.11.0', {
    SIDECAR_URL: stack.url,
    SIDECAR_TOKEN: BENCH_TOKEN,
    FLUX_API_URL: proxy.url,
    FLUX_API_KEY: BENCH_FLUX_KEY,
  });
  const browser = await launchBrowser();
  const results: Result[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
    for (const size of SIZES) {
      const times: number[] = [];
      for (let i = 0; i < SENDS; i++) {
        const { frame, chat } = await openEditor(page, owui.url, size);
        const { width, height } = (
          (await frame.evaluate(() => window.__fluxEditor!.state())) as {
            image: { width: number; height: number };
          }
        ).image;
        await frame.fill('#t-size', '60');
        await stroke(page, frame, [
          [width * 0.5, height * 0.25],
          [width * 0.75, height * 0.35],
          [width * 0.6, height * 0.5],
        ]);
        await frame.fill('#p-prompt', 'a red kite in the sky');
        times.push(await sendToFlux(frame, proxy.received));
        // The result arrives in the chat before the next session starts.
        await settledChat(owui.url, chat);
      }
      const warm = times.slice(1);
      results.push(
        atMost(
          `owui: Send click to FLUX receiving the task, ${size}x${size} chat picture, median`,
          round(quantile(warm, 0.5)),
          'ms',
          size >= 2048 ? 1500 : 1000,
          `${warm.length} sends after a first one of ${round(times[0]!)} ms; page script, function, sidecar`,
        ),
      );
    }
    const { largest_answer } = (await (await fetch(`${owui.url}/__test__/socket`)).json()) as {
      largest_answer: number;
    };
    results.push(
      atMost(
        'owui: largest socket message from the page in a session',
        round(largest_answer / 1024),
        'KB',
        512,
        `${SENDS * SIZES.length} sessions; Open WebUI closes the socket over 1,000,000 bytes`,
      ),
    );
    return results;
  } finally {
    await browser.close();
    owui.proc.kill();
    await stack.close();
    await proxy.close();
  }
}
