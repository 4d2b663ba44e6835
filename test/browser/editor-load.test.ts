import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { baseInit, editorState, launchBrowser, openEditor, startHost, type Host } from './harness.js';

let browser: Browser;
let host: Host;
let page: Page;
let png: Buffer;

beforeAll(async () => {
  png = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#3a7' } })
    .png()
    .toBuffer();
  browser = await launchBrowser();
  host = await startHost({ ...baseInit([]), notice: 'No image found in this chat: load one.' });
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
});

beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 900, height: 700 } });
});

afterEach(async () => {
  await page.close();
});

describe('loading a picture into the editor', { timeout: 120_000 }, () => {
  it('loads through the file input and sends it as base64', async () => {
    const frame = await openEditor(page, host.url, false);
    expect(await frame.textContent('.status')).toContain('No image found');
    expect(await frame.isVisible('.empty-state')).toBe(true);
    await frame.setInputFiles('#load-file', { name: 'photo.png', mimeType: 'image/png', buffer: png });
    await frame.waitForFunction(() => (window.__fluxEditor!.state() as { image: unknown }).image);
    const st = await editorState(frame);
    expect(st.image).toEqual({ width: 1200, height: 900, fullWidth: 1200, fullHeight: 900 });
    expect(await frame.isVisible('.empty-state')).toBe(false);
    expect(await frame.textContent('.status')).toContain('photo.png: 1200 × 900');
  });

  it('loads a pasted image and refuses files that are not pictures or too large', async () => {
    const frame = await openEditor(page, host.url, false);
    const paste = (b64: string, name: string, type: string) =>
      frame.evaluate(
        ([data, n, t]) => {
          const bytes = Uint8Array.from(atob(data!), (c) => c.charCodeAt(0));
          const dt = new DataTransfer();
          dt.items.add(new File([bytes], n!, { type: t! }));
          document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
        },
        [b64, name, type],
      );
    await paste(Buffer.from('not a picture at all').toString('base64'), 'notes.txt', 'text/plain');
    await frame.waitForSelector('.status.error:has-text("not a PNG, JPEG or WebP")');
    const huge = await sharp({ create: { width: 1600, height: 1600, channels: 3, background: '#888' } })
      .png({ compressionLevel: 0 })
      .toBuffer();
    await paste(huge.toString('base64'), 'huge.png', 'image/png');
    await frame.waitForSelector('.status.error:has-text("the limit is 2 MB")');
    expect((await editorState(frame)).image).toBeNull();
    await paste(png.toString('base64'), 'image.png', 'image/png');
    await frame.waitForFunction(() => (window.__fluxEditor!.state() as { image: unknown }).image);
    expect((await editorState(frame)).image).toMatchObject({ fullWidth: 1200, fullHeight: 900 });
  });
});
