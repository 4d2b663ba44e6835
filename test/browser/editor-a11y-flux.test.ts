import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeFlux } from '../fake-flux/server.js';
import { photo } from '../support/photo.js';
import { startFluxSidecar, TEST_TOKEN, type TestSidecar } from '../support/sidecar.js';
import { launchBrowser, missedByAFinger, screenshotPath, stroke, violations } from './harness.js';

/** The editor for every hand, where FLUX's models matter: their checkboxes on a phone, their jobs failing. */
let fake: FakeFlux;
let sidecar: TestSidecar;
let browser: Browser;

beforeAll(async () => {
  ({ fake, sidecar } = await startFluxSidecar('a11y-flux-key', {}, { FLUX_INPAINT_PROVIDER: 'auto' }));
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await sidecar?.close();
  await fake?.close();
});

async function openAndPaint(page: Page): Promise<void> {
  await page.goto(`${sidecar.url}/#token=${TEST_TOKEN}`);
  await page.waitForSelector('.fi-app .panel');
  const { jpeg } = await photo(480, 360);
  await page.setInputFiles('#load-file', { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: jpeg });
  await page.waitForFunction(() => Boolean(window.__fluxEditor?.state().image));
  await stroke(page, page.mainFrame(), [
    [140, 120],
    [200, 140],
  ]);
}

describe('the editor with FLUX', () => {
  it('a job failing while Results is open: the message shows in the dialog, on top, and is announced', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await openAndPaint(page);
      await page.fill('#p-prompt', 'a paper boat');
      // The task stays Pending until the test decides it fails, once Results covers the editor.
      fake.set({ latencyMs: 600_000 });
      const before = fake.tasks.length;
      await page.getByRole('button', { name: 'Send' }).click();
      await expect.poll(() => fake.tasks.length).toBe(before + 1);
      await page.getByRole('button', { name: 'Results' }).click();
      await page.waitForSelector('.gallery[open]');
      const task = fake.tasks.at(-1)!;
      task.outcome = 'Error';
      task.readyAt = Date.now();

      const line = page.locator('.gallery-status.error');
      await line.waitFor({ state: 'visible' });
      const said = await line.textContent();
      expect(said?.length).toBeGreaterThan(10);
      expect(await page.textContent('.statusbar .status')).toBe(said);
      // The job's entry in the list says it failed, no longer that it is running.
      await expect.poll(() => page.locator('.gallery-list li').first().textContent()).toContain('Failed');
      // On top: the point at the line's centre is the line, not the editor behind the dialog.
      expect(
        await line.evaluate((el) => {
          const r = el.getBoundingClientRect();
          return el.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2));
        }),
      ).toBe(true);
      // Read out: a polite live region inside the modal dialog (the editor behind it is inert).
      expect(await line.getAttribute('role')).toBe('status');
      expect(await violations(page)).toEqual([]);
      await page.screenshot({ path: screenshotPath('editor-results-error-1280.png') });
      // Closed, the dialog keeps no stale copy; the editor's own line still says it.
      await page.keyboard.press('Escape');
      // The dialog's close event comes as its own task after the key.
      await expect.poll(() => page.locator('.gallery-status').textContent()).toBe('');
      expect(await page.textContent('.statusbar .status.error')).toBe(said);
    } finally {
      fake.set({ latencyMs: 200 });
      await page.close();
    }
  }, 90_000);

  it('on a phone the sliders and the checkboxes are 44 px targets', async () => {
    const page = await browser.newPage({ viewport: { width: 420, height: 860 }, hasTouch: true, isMobile: true });
    try {
      await openAndPaint(page);
      // FLUX.2 [pro] with a mask: "Only the painted area" and, under More, prompt upsampling.
      await page.selectOption('#p-model', 'flux-2-pro');
      await page.click('details.more summary');
      const boxes = page.locator('.fi-app input[type=checkbox]:visible');
      expect(await boxes.count()).toBeGreaterThanOrEqual(2);
      expect(await missedByAFinger(page)).toEqual([]);
      await boxes.last().scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath('editor-checkboxes-420.png') });
      expect(await violations(page)).toEqual([]);
      // The whole row toggles: a tap at the row's far end, on the label's area.
      const row = boxes.first().locator('xpath=..');
      const was = await boxes.first().isChecked();
      await row.scrollIntoViewIfNeeded();
      const r = (await row.boundingBox())!;
      await page.touchscreen.tap(r.x + r.width - 4, r.y + r.height - 3);
      expect(await boxes.first().isChecked()).toBe(!was);
    } finally {
      await page.close();
    }
  }, 90_000);
});
