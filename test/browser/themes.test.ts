import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baseInit,
  launchBrowser,
  openEditor,
  previewDataUrl,
  screenshotPath,
  startHost,
  stroke,
  type Host,
} from './harness.js';

/** Light and dark themes at panel and phone widths, saved for the README and checked for what a user sees. */
let browser: Browser;
let host: Host;

beforeAll(async () => {
  host = await startHost(
    baseInit([
      { ref: 'img-1', label: 'Image 1 of the last message', preview: await previewDataUrl(), width: 800, height: 600 },
    ]),
  );
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await host?.close();
});

describe('themes and widths', () => {
  it.each([
    ['light', 1000, 680],
    ['light', 420, 860],
    ['dark', 1000, 680],
    ['dark', 420, 860],
  ] as const)(
    '%s at %i px',
    async (scheme, width, height) => {
      const page = await browser.newPage({ viewport: { width, height }, colorScheme: scheme });
      try {
        const frame = await openEditor(page, host.url);
        await frame.fill('#p-prompt', 'a red hot-air balloon');
        await stroke(page, frame, [
          [150, 110],
          [220, 130],
          [250, 180],
        ]);
        await frame.evaluate(() => {
          (document.activeElement as HTMLElement | null)?.blur();
          window.scrollTo(0, 0);
        });
        // Nothing sticks out sideways, even on a phone.
        expect(await frame.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        const path = screenshotPath(`editor-${scheme}-${width}.png`);
        await page.screenshot({ path });
        // The page background follows the system theme.
        const corner = await sharp(path)
          .extract({ left: width - 6, top: height - 6, width: 4, height: 4 })
          .greyscale()
          .stats();
        const mean = corner.channels[0]!.mean;
        if (scheme === 'dark') expect(mean).toBeLessThan(80);
        else expect(mean).toBeGreaterThan(175);
      } finally {
        await page.close();
      }
    },
    60_000,
  );
});
