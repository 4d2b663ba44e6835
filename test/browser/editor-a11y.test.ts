import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { photo } from '../support/photo.js';
import { startTestSidecar, TEST_TOKEN, type TestSidecar } from '../support/sidecar.js';
import { exportMask, launchBrowser, missedByAFinger, screenshotPath, stroke, toPage, violations } from './harness.js';

let sidecar: TestSidecar;
let browser: Browser;

beforeAll(async () => {
  sidecar = await startTestSidecar({ FLUX_INPAINT_PROVIDER: 'local' });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await sidecar?.close();
});

async function waitIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => !window.__fluxEditor?.state().busy);
}

describe('every state passes axe', () => {
  it.each([
    ['light', 1280, 800],
    ['dark', 1280, 800],
    ['light', 420, 860],
    ['dark', 420, 860],
  ] as const)(
    '%s at %i px',
    async (scheme, width, height) => {
      const page = await browser.newPage({ viewport: { width, height }, colorScheme: scheme });
      const found: Record<string, string[]> = {};
      try {
        await page.goto(`${sidecar.url}/#token=${TEST_TOKEN}`);
        await page.waitForSelector('.fi-app .panel');
        found.empty = await violations(page);
        const { jpeg } = await photo(480, 360);
        await page.setInputFiles('#load-file', { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: jpeg });
        await page.waitForFunction(() => Boolean(window.__fluxEditor?.state().image));
        found.picture = await violations(page);
        await stroke(page, page.mainFrame(), [
          [140, 120],
          [200, 140],
        ]);
        found.painting = await violations(page);
        await page.getByRole('button', { name: 'Send' }).click();
        await page.waitForSelector('.compare:not([hidden])', { timeout: 60_000 });
        await waitIdle(page);
        found.result = await violations(page);
        await page.keyboard.press('Escape');
        await page.getByRole('button', { name: 'Help and shortcuts' }).click();
        found.help = await violations(page);
        await page.keyboard.press('Escape');
        await page.getByRole('button', { name: 'Results' }).click();
        await page.waitForSelector('.gallery[open] li');
        found.gallery = await violations(page);
      } finally {
        await page.close();
      }
      expect(found).toEqual({ empty: [], picture: [], painting: [], result: [], help: [], gallery: [] });
    },
    120_000,
  );
});

/** A PNG whose header states `width` x `height`, with no pixel data: only a header reader can size it. */
function pngHeader(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write('IHDR', 4, 'ascii');
  ihdr.writeUInt32BE(width, 8);
  ihdr.writeUInt32BE(height, 12);
  ihdr.set([8, 2, 0, 0, 0], 16);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ihdr, Buffer.alloc(64)]);
}

async function openWithPhoto(page: Page): Promise<void> {
  await page.goto(`${sidecar.url}/#token=${TEST_TOKEN}`);
  await page.waitForSelector('.fi-app .panel');
  const { jpeg } = await photo(480, 360);
  await page.setInputFiles('#load-file', { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: jpeg });
  await page.waitForFunction(() => Boolean(window.__fluxEditor?.state().image));
}

const state = (page: Page) => page.evaluate(() => window.__fluxEditor!.state() as Record<string, any>);
const box = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });

describe('by keyboard', () => {
  it('a skip link leads to the prompt; the focused canvas paints with arrows and Space, its ring inside', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await openWithPhoto(page);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('p-prompt');

      // From the header, Tab reaches the tools, then the picture.
      await page.focus('.load');
      let onCanvas = false;
      for (let i = 0; i < 40 && !onCanvas; i++) {
        await page.keyboard.press('Tab');
        onCanvas = await page.evaluate(() => document.activeElement?.classList.contains('stage-canvas') ?? false);
      }
      expect(onCanvas).toBe(true);
      const ring = await page.evaluate(() => {
        const s = getComputedStyle(document.activeElement!);
        return { style: s.outlineStyle, offset: parseFloat(s.outlineOffset), width: parseFloat(s.outlineWidth) };
      });
      // Drawn inside the canvas, so the stage (which clips) cannot hide it.
      expect(ring.style).toBe('solid');
      expect(ring.offset + ring.width).toBeLessThanOrEqual(0);

      expect((await state(page)).maskEmpty).toBe(true);
      await page.keyboard.press('Shift+ArrowLeft');
      await page.keyboard.down(' ');
      for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowRight');
      await page.keyboard.up(' ');
      const painted = await state(page);
      expect(painted.maskEmpty).toBe(false);
      expect(painted.history.undo).toBe(1);
      // The picture was not panned by that Space.
      expect(painted.view).toEqual((await state(page)).view);
      const mask = await exportMask(page.mainFrame());
      const row = mask.height >> 1;
      const paintedInRow = [...mask.values.subarray(row * mask.width, (row + 1) * mask.width)].filter((v) => v > 0);
      // A horizontal stroke: much wider than one dab of the brush.
      expect(paintedInRow.length).toBeGreaterThan(painted.brushSize * 3);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      expect((await state(page)).history.undo).toBe(2);
    } finally {
      await page.close();
    }
  }, 60_000);
});

describe('the toolbar and the rectangle by keyboard', () => {
  it('the toolbar is one tab stop for its buttons (arrows, Home, End move), its fields one each', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await openWithPhoto(page);
      const focused = () =>
        page.evaluate(() => {
          const el = document.activeElement!;
          return { inToolbar: Boolean(el.closest('.toolbar')), canvas: el.classList.contains('stage-canvas') };
        });
      const name = () =>
        page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.id);
      // One cycle from the header to the picture: every stop inside the toolbar counted.
      const toolbarStops = async (): Promise<string[]> => {
        await page.focus('.load');
        const stops: string[] = [];
        for (let i = 0; i < 60; i++) {
          await page.keyboard.press('Tab');
          const f = await focused();
          if (f.canvas) return stops;
          if (f.inToolbar) stops.push((await name()) ?? '?');
        }
        throw new Error('Tab never reached the picture');
      };
      // Before: 12 usable buttons and 5 fields, 17 stops. Now the buttons are one stop, beside size, hardness, amount,
      // colour and opacity.
      expect(await toolbarStops()).toEqual(['Brush', 't-size', 't-hardness', 't-amount', 't-colour', 't-opacity']);

      await page.focus('.toolbar button[aria-label="Brush"]');
      await page.keyboard.press('ArrowRight');
      expect(await name()).toBe('Eraser');
      await page.keyboard.press('End');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('+Zoom in');
      await page.keyboard.press('ArrowRight');
      expect(await name()).toBe('Brush');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowLeft');
      expect(await name()).toBe('Fit');
      // The undo and redo buttons are disabled (nothing painted yet): the arrows pass them by.
      await page.keyboard.press('Home');
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
      expect(await name()).toBe('Clear');
      // Tab leaves the buttons and comes back to the one used last; Enter uses it.
      await page.keyboard.press('Tab');
      expect(await name()).toBe('t-amount');
      await page.keyboard.press('Shift+Tab');
      expect(await name()).toBe('Clear');
      await page.focus('.toolbar button[aria-label="Eraser"]');
      await page.keyboard.press('Enter');
      expect((await state(page)).tool).toBe('eraser');
      expect(await toolbarStops()).toEqual(['Eraser', 't-size', 't-hardness', 't-amount', 't-colour', 't-opacity']);
    } finally {
      await page.close();
    }
  }, 60_000);

  it('R, arrows and Enter fill a rectangle into the mask (one undo step); Escape drops one; both announced', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await openWithPhoto(page);
      await page.focus('.stage-canvas');
      const { brushSize } = await state(page);
      const step = Math.max(2, Math.round(brushSize / 4));
      await page.keyboard.press('r');
      expect(await page.textContent('.statusbar .status')).toContain('Rectangle started');
      for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
      for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowLeft');
      await page.screenshot({ path: screenshotPath('editor-keyboard-rectangle-1280.png') });
      // Space does not paint while a rectangle is sized.
      await page.keyboard.press(' ');
      expect((await state(page)).maskEmpty).toBe(true);
      await page.keyboard.press('Enter');
      expect(await page.textContent('.statusbar .status')).toContain('Rectangle applied to the mask');
      expect((await state(page)).history.undo).toBe(1);

      const mask = await exportMask(page.mainFrame());
      // The brush starts at the picture's centre; the far corner moved 3 steps right and 3 down.
      const x0 = Math.round(mask.width / 2);
      const y0 = Math.round(mask.height / 2);
      const inside = (x: number, y: number) => x >= x0 && x <= x0 + 3 * step && y >= y0 && y <= y0 + 3 * step;
      let wrong = 0;
      let painted = 0;
      for (let y = 0; y < mask.height; y++)
        for (let x = 0; x < mask.width; x++) {
          const v = mask.at(x, y);
          if (v !== (inside(x, y) ? 255 : 0)) wrong++;
          if (v) painted++;
        }
      expect(painted).toBe((3 * step + 1) ** 2);
      expect(wrong).toBe(0);

      // Escape drops a rectangle: the mask and the history stay as they were.
      await page.keyboard.press('R');
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('Escape');
      expect(await page.textContent('.statusbar .status')).toContain('Rectangle cancelled');
      expect((await state(page)).history.undo).toBe(1);
      // With the eraser, a rectangle clears what it covers; undo brings the paint back.
      await page.keyboard.press('x');
      expect((await state(page)).tool).toBe('eraser');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('r');
      await page.keyboard.press('Shift+ArrowUp');
      await page.keyboard.press('Shift+ArrowLeft');
      await page.keyboard.press('Enter');
      expect((await state(page)).maskEmpty).toBe(true);
      await page.keyboard.press('Control+z');
      expect((await state(page)).maskEmpty).toBe(false);

      await page.getByRole('button', { name: 'Help and shortcuts' }).click();
      expect(await page.textContent('.help')).toContain('R starts it at the brush');
    } finally {
      await page.close();
    }
  }, 60_000);
  it('L, arrows and Space set the corners of a lasso; Enter fills the polygon into the mask as one undo step', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await openWithPhoto(page);
      await page.focus('.stage-canvas');
      const { brushSize } = await state(page);
      const side = 8 * Math.max(2, Math.round(brushSize / 4));
      const status = () => page.textContent('.statusbar .status');
      await page.keyboard.press('l');
      expect(await status()).toContain('Lasso started');
      // Two corners are not an area yet: said, and the lasso stays.
      await page.keyboard.press('Enter');
      expect(await status()).toContain('at least three corners');
      for (let i = 0; i < 2; i++) await page.keyboard.press('Shift+ArrowRight');
      await page.keyboard.press(' ');
      expect(await status()).toContain('Corner set');
      for (let i = 0; i < 2; i++) await page.keyboard.press('Shift+ArrowDown');
      await page.screenshot({ path: screenshotPath('editor-keyboard-lasso-1280.png') });
      await page.keyboard.press('Enter');
      expect(await status()).toContain('Lasso applied to the mask');
      expect((await state(page)).history.undo).toBe(1);

      // The triangle from the centre, right by `side`, then down by `side`: under its diagonal, nothing outside.
      const mask = await exportMask(page.mainFrame());
      const x0 = Math.round(mask.width / 2);
      const y0 = Math.round(mask.height / 2);
      let outside = 0;
      let missing = 0;
      let painted = 0;
      for (let y = 0; y < mask.height; y++)
        for (let x = 0; x < mask.width; x++) {
          const dx = x - x0;
          const dy = y - y0;
          const v = mask.at(x, y);
          if (v) painted++;
          if (v && (dx < 0 || dx > side || dy < 0 || dy > dx)) outside++;
          if (!v && dy > 0 && dx < side && dy < dx - 1) missing++;
          if (v && v !== 255) outside++;
        }
      expect(outside).toBe(0);
      expect(missing).toBe(0);
      expect(painted).toBeGreaterThan((side * side) / 2 - side);
      await page.keyboard.press('Control+z');
      expect((await state(page)).maskEmpty).toBe(true);
    } finally {
      await page.close();
    }
  }, 60_000);
});

describe('dialogs, help and the result view', () => {
  it('Results is a modal dialog: focus in and kept, Escape closes, focus back; Delete asks, naming the result', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await openWithPhoto(page);
      await stroke(page, page.mainFrame(), [
        [140, 120],
        [200, 140],
      ]);
      await page.fill('#p-prompt', 'a kite in the sky');
      await page.getByRole('button', { name: 'Send' }).click();
      await page.waitForSelector('.compare:not([hidden])', { timeout: 60_000 });
      await waitIdle(page);

      // Hold to compare: the H key and a press on the Hold button show the picture before.
      const holding = () => page.locator('.compare').evaluate((el) => el.classList.contains('holding'));
      await page.keyboard.down('h');
      expect(await holding()).toBe(true);
      await page.keyboard.up('h');
      expect(await holding()).toBe(false);
      const hold = page.locator('.cmp-actions .hold');
      await hold.hover();
      await page.mouse.down();
      expect(await holding()).toBe(true);
      await page.mouse.up();
      expect(await holding()).toBe(false);
      // The divider has a handle, and the slider's focus shows on its frame.
      expect(await page.locator('.cmp-handle').isVisible()).toBe(true);
      await page.focus('.cmp-slider');
      await page.keyboard.press('ArrowLeft');
      expect(await page.locator('.cmp-frame').evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');

      const results = page.getByRole('button', { name: 'Results' });
      await results.focus();
      await page.keyboard.press('Enter');
      await page.waitForSelector('.gallery[open] li');
      const inDialog = () => page.evaluate(() => Boolean(document.activeElement?.closest('dialog.gallery')));
      expect(await inDialog()).toBe(true);
      for (let i = 0; i < 12; i++) {
        await page.keyboard.press('Tab');
        expect(await inDialog()).toBe(true);
      }
      await page.keyboard.press('Escape');
      expect(await page.locator('.gallery').evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Results');

      await results.click();
      await page.waitForSelector('.gallery[open] li');
      await page.getByRole('button', { name: 'Delete result: a kite in the sky' }).click();
      const question = await page.locator('.confirm-text').textContent();
      expect(question).toContain('a kite in the sky');
      expect(question).toContain('cannot be brought back');
      await page.getByRole('button', { name: 'Keep' }).click();
      expect(
        (await (await sidecar.api('/v1/jobs')).json()).jobs.some((j: any) => j.prompt === 'a kite in the sky'),
      ).toBe(true);
      await page.getByRole('button', { name: 'Delete result: a kite in the sky' }).click();
      await page.getByRole('button', { name: 'Delete for good' }).click();
      await expect
        .poll(async () =>
          (await (await sidecar.api('/v1/jobs')).json()).jobs.some((j: any) => j.prompt === 'a kite in the sky'),
        )
        .toBe(false);
    } finally {
      await page.close();
    }
  }, 120_000);

  it.each([420, 1280])(
    'the help reads in phrases at %i px',
    async (width) => {
      const page = await browser.newPage({ viewport: { width, height: 860 } });
      try {
        await openWithPhoto(page);
        await page.getByRole('button', { name: 'Help and shortcuts' }).click();
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('help');
        const widths = await page
          .locator('.help dd')
          .evaluateAll((dds) => dds.map((d) => d.getBoundingClientRect().width));
        // Room for several words a line: never one word per line.
        expect(Math.min(...widths)).toBeGreaterThan(150);
        if (width === 420) await page.screenshot({ path: screenshotPath('editor-help-420.png') });
      } finally {
        await page.close();
      }
    },
    60_000,
  );
});

describe('feedback and wrong input', () => {
  it('one status line under the picture; each wrong file said once, in the right words, before decoding', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await page.goto(`${sidecar.url}/#token=${TEST_TOKEN}`);
      await page.waitForSelector('.fi-app .panel');
      // No picture: every tool and mask operation is disabled (its settings can be set ahead).
      expect(await page.locator('.toolbar button:enabled').count()).toBe(0);
      expect(await page.locator('.toolbar button').count()).toBeGreaterThan(10);

      await page.setInputFiles('#load-file', { name: 'empty.png', mimeType: 'image/png', buffer: Buffer.alloc(0) });
      await page.waitForSelector('.status.error:has-text("empty.png is empty (0 bytes)")');
      await page.setInputFiles('#load-file', {
        name: 'huge.png',
        mimeType: 'image/png',
        buffer: pngHeader(12_000, 12_000),
      });
      await page.waitForSelector('.status.error:has-text("huge.png has 12000 × 12000 pixels, more than")');
      const body = await page.evaluate(() => document.body.textContent ?? '');
      expect(body.split('12000 × 12000').length - 1).toBe(1);
      // The status is right under the picture.
      const stage = await box(page, '.stage');
      const status = await box(page, '.status');
      expect(status.y).toBeGreaterThanOrEqual(stage.y + stage.height);
      expect(status.y).toBeLessThan(stage.y + stage.height + 20);

      const { jpeg } = await photo(480, 360);
      await page.setInputFiles('#load-file', { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: jpeg });
      await page.waitForSelector('.status:not(.error):has-text("photo.jpg: 480 × 360")');
      // A mask over the whole picture is explained before Send.
      await page.keyboard.press('i');
      expect((await state(page)).sendEnabled).toBe(false);
      expect(await page.textContent('#p-hint')).toContain('covers the whole picture');
      await page.keyboard.press('i');
      expect(await page.textContent('#p-hint')).toContain('Paint over the part');

      // Expand: a margin out of range is refused in its field, not clamped.
      await page.selectOption('#p-model', 'expand');
      await page.fill('#f-expand-top', '99999');
      const top = page.locator('#f-expand-top');
      expect(await top.getAttribute('aria-invalid')).toBe('true');
      expect(await page.textContent('#f-expand-top-error')).toContain('99999 is outside');
      expect(await top.inputValue()).toBe('99999');
      expect((await state(page)).margins.top).toBe(0);
      expect((await state(page)).sendEnabled).toBe(false);
      expect(await page.textContent('#p-hint')).toContain('enter a value from');
      await page.fill('#f-expand-top', '64');
      expect(await top.getAttribute('aria-invalid')).toBeNull();
      expect((await state(page)).margins.top).toBe(64);
    } finally {
      await page.close();
    }
  }, 60_000);

  it('a wrong token: a styled page that says where the token is, asking again', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await page.goto(`${sidecar.url}/#token=not-the-right-token-at-all`);
      await page.waitForSelector('.token-form');
      const text = await page.textContent('.token-form');
      expect(text).toContain('did not accept');
      expect(text).toContain('data folder');
      expect(await page.locator('.token-form').evaluate((f) => getComputedStyle(f).borderStyle)).toBe('solid');
      expect(await violations(page)).toEqual([]);
      await page.fill('#token', TEST_TOKEN);
      await page.click('.token-form button[type=submit]');
      await page.waitForSelector('.fi-app .panel');
    } finally {
      await page.close();
    }
  }, 60_000);
});

describe('the mask on the picture', () => {
  it('on a red ball the mask shows a light and a dark edge', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await openWithPhoto(page);
      // The photo's red ball sits about here (image pixels); paint across its middle with a small brush.
      const a = await toPage(page.mainFrame(), 130, 282);
      const b = await toPage(page.mainFrame(), 170, 282);
      const clip = { x: a.x - 10, y: a.y - 30, width: b.x - a.x + 20, height: 60 };
      const grey = async (png: Buffer) => (await sharp(png).greyscale().raw().toBuffer()) as Buffer;
      await page.mouse.move(0, 0);
      const before = await grey(await page.screenshot({ clip }));
      await page.fill('#t-size', '12');
      await stroke(page, page.mainFrame(), [
        [140, 282],
        [160, 282],
      ]);
      await page.mouse.move(0, 0);
      // The stage draws on the next animation frame.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const after = await grey(await page.screenshot({ clip }));
      let light = 0;
      let dark = 0;
      for (let i = 0; i < after.length; i++) {
        if (after[i]! > 215 && before[i]! < 150) light++;
        if (after[i]! < 40 && before[i]! > 60) dark++;
      }
      // Both lines of the outline stand out from the red: one lighter, one darker than anything there before.
      expect(light).toBeGreaterThan(20);
      expect(dark).toBeGreaterThan(20);
    } finally {
      await page.close();
    }
  }, 60_000);
});

describe('layout', () => {
  it.each([
    [1280, 800],
    [420, 860],
  ])(
    'at %i px: nothing moves between tools or into the result; Send in view; 44 px targets on a phone',
    async (width, height) => {
      const page = await browser.newPage({ viewport: { width, height } });
      try {
        await openWithPhoto(page);
        const stage = await box(page, '.stage');
        const tools = await box(page, '.toolbar');
        await page.keyboard.press('c');
        expect((await state(page)).tool).toBe('crop');
        expect(await box(page, '.stage')).toEqual(stage);
        expect(await box(page, '.toolbar')).toEqual(tools);
        await page.keyboard.press('b');
        await page.selectOption('#p-model', 'expand');
        expect(await box(page, '.stage')).toEqual(stage);
        expect(await box(page, '.toolbar')).toEqual(tools);
        await page.selectOption('#p-model', 'fill');
        await stroke(page, page.mainFrame(), [
          [140, 120],
          [200, 140],
        ]);
        const send = await box(page, '.send');
        expect(send.y + send.height).toBeLessThanOrEqual(height);
        if (width < 600) {
          const small = await page
            .locator('.fi-app button:visible, .fi-app select:visible, .fi-app input[type=number]:visible')
            .evaluateAll((els) =>
              els
                .map((el) => ({ el: el.id || el.className || el.textContent, r: el.getBoundingClientRect() }))
                .filter(({ r }) => r.width > 0 && (r.height < 44 || r.width < 44))
                .map(({ el }) => el),
            );
          expect(small).toEqual([]);
          expect(await missedByAFinger(page)).toEqual([]);
        }
        await page.getByRole('button', { name: 'Send' }).click();
        await page.waitForSelector('.compare:not([hidden])', { timeout: 60_000 });
        expect(await box(page, '.stage')).toEqual(stage);
        // The result fills the stage as the picture did: at the stage's fit padding.
        const frame = await box(page, '.cmp-frame');
        expect(frame.x - stage.x).toBe(16);
        expect(frame.y - stage.y).toBe(16);
        if (width === 1280) await page.screenshot({ path: screenshotPath('editor-result-1280.png') });
      } finally {
        await page.close();
      }
    },
    120_000,
  );
});
