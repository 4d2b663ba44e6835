import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeFlux } from '../fake-flux/server.js';
import { photo } from '../support/photo.js';
import { startFluxSidecar, TEST_TOKEN, type TestSidecar } from '../support/sidecar.js';
import { editorState, launchBrowser, screenshotPath, stroke } from './harness.js';

/**
 * The standalone editor with FLUX's 2026 models against the fake FLUX: Remove (Erase), Outpaint's frame,
 * FLUX 3's fields and its Reasoning status, Fill's fine-tune field.
 */
let fake: FakeFlux;
let sidecar: TestSidecar;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const W = 480;
const H = 360;

beforeAll(async () => {
  ({ fake, sidecar } = await startFluxSidecar('editor-2026-key', {}, { FLUX_INPAINT_PROVIDER: 'auto' }));
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  page.on('pageerror', (err) => pageErrors.push(err.message));
  await page.goto(`${sidecar.url}/#token=${TEST_TOKEN}`);
  await page.waitForSelector('.fi-app .panel');
  const { jpeg } = await photo(W, H);
  await page.setInputFiles('#load-file', { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: jpeg });
  await page.waitForFunction(() => Boolean(window.__fluxEditor?.state().image));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await sidecar?.close();
  await fake?.close();
});

const lastJob = async () =>
  ((await (await sidecar.api('/v1/jobs')).json()) as { jobs: Array<Record<string, any>> }).jobs[0]!;

async function backToEditor(): Promise<void> {
  await page.click('.cmp-actions button:has-text("Back to the editor")');
}

describe('the 2026 models in the standalone editor', () => {
  it('Erase: paint, press Remove, no prompt; dilate_pixels under More', async () => {
    const labels = await page.locator('#p-model option').evaluateAll((o) => o.map((e) => e.textContent ?? ''));
    expect(labels.find((l) => l.startsWith('Kontext Pro'))).toMatch(/\(legacy\)$/);
    await page.selectOption('#p-model', 'erase');
    // No prompt field, and the button says what it does.
    expect(await page.isVisible('#p-prompt')).toBe(false);
    expect(await page.textContent('button.send')).toBe('Remove');
    expect((await editorState(page.mainFrame())).sendEnabled).toBe(false);
    await page.fill('#t-size', '40');
    await stroke(page, page.mainFrame(), [
      [140, 272],
      [170, 272],
      [178, 292],
      [140, 292],
    ]);
    await page.click('details.more summary');
    expect(await page.isVisible('#f-erase-dilate_pixels')).toBe(true);
    await page.fill('#f-erase-dilate_pixels', '14');
    await page.screenshot({ path: screenshotPath('editor-erase.png') });
    await page.getByRole('button', { name: 'Remove' }).click();
    await page.waitForSelector('.compare:not([hidden])', { timeout: 30_000 });
    const task = fake.tasks.at(-1)!;
    expect(task.endpoint).toBe('flux-tools/erase-v1');
    expect(task.params).toMatchObject({ dilate_pixels: 14 });
    expect(task.params).not.toHaveProperty('prompt');
    expect(await lastJob()).toMatchObject({ state: 'done', model: 'erase' });
    await page.click('details.more summary');
    await backToEditor();
  }, 90_000);

  it('Outpaint: a ratio preset places the frame, dragging its edge widens it, Send sends width/height/offsets', async () => {
    await page.selectOption('#p-model', 'outpaint');
    // The frame is the picture itself until it is changed: nothing to send yet.
    expect(await page.textContent('#p-hint')).toContain('Drag the frame');
    expect(await page.inputValue('#f-outpaint-width')).toBe(String(W));
    // 16:9 with the picture on the left: the canvas grows to the right only.
    await page.selectOption('#f-outpaint-place', 'start');
    await page.selectOption('#f-outpaint-ratio', '16:9');
    expect(await page.inputValue('#f-outpaint-width')).toBe('640');
    expect(await page.inputValue('#f-outpaint-height')).toBe(String(H));
    expect(await page.inputValue('#f-outpaint-reference_offset_x')).toBe('0');
    // Drag the frame's bottom edge down: the canvas gets taller, the picture stays at the top.
    const view = await page.evaluate(
      () => (window.__fluxEditor!.state() as { view: { scale: number; x: number; y: number } }).view,
    );
    const box = (await page.locator('.stage canvas').first().boundingBox())!;
    const bottom = { x: box.x + view.x + 320 * view.scale, y: box.y + view.y + H * view.scale };
    await page.mouse.move(bottom.x, bottom.y);
    await page.mouse.down();
    await page.mouse.move(bottom.x, bottom.y + 40 * view.scale, { steps: 4 });
    await page.mouse.up();
    const height = Number(await page.inputValue('#f-outpaint-height'));
    expect(height).toBeGreaterThan(H + 30);
    await page.screenshot({ path: screenshotPath('editor-outpaint.png') });
    expect((await editorState(page.mainFrame())).sendEnabled).toBe(true);
    await page.getByRole('button', { name: 'Send' }).click();
    await page.waitForSelector('.compare:not([hidden])', { timeout: 30_000 });
    const task = fake.tasks.at(-1)!;
    expect(task.endpoint).toBe('flux-tools/outpainting-v1');
    expect(task.params).toMatchObject({
      width: 640,
      height,
      reference_offset_x: 0,
      reference_offset_y: 0,
      auto_crop: false,
    });
    const job = await lastJob();
    expect(job).toMatchObject({ state: 'done', model: 'outpaint' });
    const result = Buffer.from(await (await sidecar.api(`/v1/jobs/${job.id}/result`)).arrayBuffer());
    const meta = await sharp(result).metadata();
    expect([meta.width, meta.height]).toEqual([640, height]);
    await backToEditor();
    expect(pageErrors).toEqual([]);
  }, 90_000);

  it('FLUX 3: its own fields, no seed; a painted area goes as a box, and the status says it is reasoning', async () => {
    await page.selectOption('#p-model', 'flux-3-image');
    await page.click('details.more summary');
    expect(await page.isVisible('#f-flux-3-image-resolution')).toBe(true);
    expect(await page.isVisible('#f-flux-3-image-grounding')).toBe(true);
    // FLUX 3's schema refuses a seed: the field is not offered.
    expect(await page.isVisible('#f-seed')).toBe(false);
    await page.click('details.more summary');
    await page.selectOption('#f-flux-3-image-resolution', '2k');
    await page.uncheck('#f-flux-3-image-grounding');
    await page.fill('#p-prompt', 'a blue ball');
    await page.fill('#t-size', '40');
    await stroke(page, page.mainFrame(), [
      [140, 272],
      [178, 292],
    ]);
    await page.screenshot({ path: screenshotPath('editor-flux3.png') });
    // Every status the progress line shows, as it changes.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __statuses: string[] }).__statuses = seen;
      new MutationObserver(() => {
        for (const el of document.querySelectorAll('.job-status')) seen.push(el.textContent ?? '');
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByRole('button', { name: 'Send' }).click();
    await page.waitForSelector('.compare:not([hidden])', { timeout: 30_000 });
    const statuses = await page.evaluate(() => (window as unknown as { __statuses: string[] }).__statuses);
    expect(statuses).toContain('FLUX 3 is thinking about the edit…');
    const task = fake.tasks.at(-1)!;
    expect(task.endpoint).toBe('flux-3-image');
    expect(task.params).toMatchObject({ resolution: '2k', grounding: false, aspect_ratio: 'auto' });
    expect(task.params).not.toHaveProperty('seed');
    expect(task.params).not.toHaveProperty('output_format');
    expect(task.prompt).toContain('<edit_1>');
    expect(await lastJob()).toMatchObject({ state: 'done', model: 'flux-3-image' });
    await backToEditor();
  }, 90_000);

  it("Fill: the fine-tune ID under More; its strength only once an ID is set; then Fill's fine-tuned endpoint", async () => {
    await page.selectOption('#p-model', 'fill');
    await page.click('details.more summary');
    expect(await page.isVisible('#f-fill-finetune_id')).toBe(true);
    expect(await page.isVisible('#f-fill-finetune_strength')).toBe(false);
    expect(await page.isVisible('#f-seed')).toBe(true);
    await page.fill('#f-fill-finetune_id', 'my-style-42');
    expect(await page.isVisible('#f-fill-finetune_strength')).toBe(true);
    await page.fill('#f-fill-finetune_strength', '1.3');
    await page.fill('#p-prompt', 'a red ball');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.waitForSelector('.compare:not([hidden])', { timeout: 30_000 });
    const task = fake.tasks.at(-1)!;
    expect(task.endpoint).toBe('flux-pro-1.0-fill-finetuned');
    expect(task.params).toMatchObject({ finetune_id: 'my-style-42', finetune_strength: 1.3 });
    await backToEditor();
    expect(pageErrors).toEqual([]);
  }, 90_000);
});
