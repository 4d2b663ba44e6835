/**
 * Renders the editor for the docs: light and dark, 1000 px and 420 px wide, into docs/screenshots/.
 * Run: npx tsx test/browser/screenshots.ts
 */
import { baseInit, launchBrowser, openEditor, previewDataUrl, startHost, stroke } from './harness.js';

const preview = await previewDataUrl();
const host = await startHost(baseInit([{ ref: 'img-1', label: 'Image 1 of the last message', preview, width: 800, height: 600 }]));
const browser = await launchBrowser();
try {
  for (const scheme of ['light', 'dark'] as const) {
    for (const [width, height] of [
      [1000, 680],
      [420, 860],
    ] as const) {
      const page = await browser.newPage({ viewport: { width, height }, colorScheme: scheme });
      const frame = await openEditor(page, host.url);
      await frame.fill('#p-prompt', 'a red hot-air balloon');
      await stroke(page, frame, [[150, 110], [220, 130], [250, 180]]);
      await frame.evaluate(() => {
        (document.activeElement as HTMLElement | null)?.blur();
        window.scrollTo(0, 0);
      });
      await page.screenshot({ path: `docs/screenshots/editor-${scheme}-${width}.png` });
      await page.close();
    }
  }
} finally {
  await browser.close();
  await host.close();
}
