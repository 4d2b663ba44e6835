import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeFlux } from '../fake-flux/server.js';
import { testImage } from '../support/images.js';
import { photo } from '../support/photo.js';
import { startTestSidecar, TEST_TOKEN, type TestSidecar } from '../support/sidecar.js';
import { editorState, launchBrowser, screenshotPath, stroke } from './harness.js';

/** `npm start` with no API key: the editor in a plain browser tab, served by the sidecar, with the local provider. */
let sidecar: TestSidecar;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  sidecar = await startTestSidecar({ FLUX_INPAINT_PROVIDER: 'auto' });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  page.on('pageerror', (err) => pageErrors.push(err.message));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await sidecar?.close();
});

const jobs = async () => ((await (await sidecar.api('/v1/jobs')).json()) as { jobs: Array<Record<string, any>> }).jobs;

async function waitForResult(count: number): Promise<Record<string, any>> {
  for (let i = 0; i < 300; i++) {
    const list = await jobs();
    if (list.length >= count && list[0]!.state !== 'queued' && list[0]!.state !== 'running') return list[0]!;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the job did not finish');
}

describe('standalone editor with the offline provider', () => {
  it('load, paint, send, compare, edit the result, and manage earlier results', async () => {
    await page.goto(`${sidecar.url}/#token=${TEST_TOKEN}`);
    // The token leaves the address bar at once.
    await page.waitForSelector('.fi-app .panel');
    expect(page.url()).not.toContain(TEST_TOKEN);

    // A photo-like picture (meadow, sky, a red ball, a sign), as a user would try the offline fill on.
    const { jpeg } = await photo(480, 360);
    await page.setInputFiles('#load-file', { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: jpeg });
    await page.waitForFunction(() => Boolean(window.__fluxEditor?.state().image));
    const frame = page.mainFrame();
    // Over the ball and its shadow.
    await page.fill('#t-size', '40');
    await stroke(page, frame, [
      [140, 272],
      [170, 272],
      [178, 292],
      [140, 292],
    ]);
    await page.fill('#p-prompt', 'remove the ball');
    // PNG, so untouched pixels can be compared exactly.
    await page.selectOption('#p-format', 'png');
    await page.screenshot({ path: screenshotPath('standalone-editor.png') });
    expect((await editorState(frame)).sendEnabled).toBe(true);
    await page.getByRole('button', { name: 'Send' }).click();

    const first = await waitForResult(1);
    expect(first).toMatchObject({ state: 'done', provider: 'local', model: 'fill', prompt: 'remove the ball' });
    await page.waitForSelector('.compare:not([hidden])', { timeout: 30_000 });
    // The slider left of the ball, so the picture shows the filled grass.
    await page.locator('.cmp-slider').fill('22');
    await page.screenshot({ path: screenshotPath('standalone-result.png') });
    const download = page.locator('.compare a', { hasText: 'Download' });
    expect(await download.getAttribute('href')).toMatch(/^blob:/);

    // The painted area changed, the rest is the original picture.
    const result = await (await sidecar.api(`/v1/jobs/${first.id}/result`)).arrayBuffer();
    const out = await sharp(Buffer.from(result)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const src = await sharp(jpeg).removeAlpha().raw().toBuffer();
    const px = (buf: Buffer, x: number, y: number) => [...buf.subarray((y * 480 + x) * 3, (y * 480 + x) * 3 + 3)];
    expect([out.info.width, out.info.height]).toEqual([480, 360]);
    expect(px(out.data, 10, 10)).toEqual(px(src, 10, 10));
    // Where the ball was, the grass around it: green, no longer red.
    const [r, g] = px(out.data, 154, 281);
    expect(px(src, 154, 281)[0]).toBeGreaterThan(150);
    expect(g!).toBeGreaterThan(r!);

    // Edit this result: the next job starts from the first one's image.
    await page.getByRole('button', { name: 'Edit this result' }).click();
    await page.waitForFunction(() => window.__fluxEditor?.state().maskEmpty === true);
    await stroke(page, frame, [
      [60, 300],
      [120, 300],
    ]);
    await page.getByRole('button', { name: 'Send' }).click();
    const second = await waitForResult(2);
    expect(second.state).toBe('done');

    // Earlier results, newest first, can be deleted.
    await page.getByRole('button', { name: 'Results' }).click();
    await page.waitForSelector('.gallery[open] .gallery-list li');
    expect(await page.locator('.gallery-list li').count()).toBe(2);
    await page.screenshot({ path: screenshotPath('standalone-results.png') });
    await page.getByRole('button', { name: `Delete result: remove the ball` }).first().click();
    await page.getByRole('button', { name: 'Delete for good' }).click();
    await expect.poll(async () => (await jobs()).length, { timeout: 10_000 }).toBe(1);
    expect(pageErrors).toEqual([]);
  }, 180_000);

  it('with a FLUX key both providers are offered, FLUX first, and a job goes through FLUX', async () => {
    const fake = await startFakeFlux({ latencyMs: 200, apiKey: 'standalone-flux-key' });
    const both = await startTestSidecar({
      FLUX_API_KEY: 'standalone-flux-key',
      FLUX_API_URL: fake.url,
      FLUX_INPAINT_RESULT_HOSTS: fake.origin,
      FLUX_INPAINT_POLL_INTERVAL_S: '0.2',
      FLUX_INPAINT_PROVIDER: 'auto',
    });
    const tab = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    try {
      await tab.goto(`${both.url}/#token=${TEST_TOKEN}`);
      await tab.waitForSelector('#p-provider');
      expect(
        await tab.locator('#p-provider option').evaluateAll((o) => o.map((e) => (e as HTMLOptionElement).value)),
      ).toEqual(['bfl', 'local']);
      expect(await tab.inputValue('#p-provider')).toBe('bfl');
      await tab.setInputFiles('#load-file', {
        name: 'photo.png',
        mimeType: 'image/png',
        buffer: await testImage(320, 240),
      });
      await tab.waitForFunction(() => Boolean(window.__fluxEditor?.state().image));
      await stroke(tab, tab.mainFrame(), [
        [100, 100],
        [200, 140],
      ]);
      await tab.fill('#p-prompt', 'a hot-air balloon');
      await tab.getByRole('button', { name: 'Send' }).click();
      await tab.waitForSelector('.compare:not([hidden])', { timeout: 30_000 });
      const { jobs: list } = (await (await both.api('/v1/jobs')).json()) as { jobs: Array<Record<string, unknown>> };
      expect(list[0]).toMatchObject({ state: 'done', provider: 'bfl', prompt: 'a hot-air balloon' });
      expect(fake.tasks.map((t) => t.prompt)).toEqual(['a hot-air balloon']);

      // FLUX.2 with a reference image and the painted area only: the sidecar accepts what the editor sends.
      await tab.click('.cmp-actions button:has-text("Back to the editor")');
      await tab.selectOption('#p-model', 'flux-2-pro');
      await tab.setInputFiles('#refs-file', {
        name: 'hat.png',
        mimeType: 'image/png',
        buffer: await testImage(96, 64),
      });
      await tab.waitForSelector('.refs-list li');
      expect(await tab.isChecked('#p-masked-only')).toBe(true);
      await tab.fill('#p-prompt', 'give the balloon a hat');
      await tab.getByRole('button', { name: 'Send' }).click();
      await expect.poll(() => fake.tasks.length, { timeout: 30_000 }).toBe(2);
      const task = fake.tasks[1]!;
      expect(task.endpoint).toContain('flux-2-pro');
      expect(task.inputs.map((i) => [i.width, i.height])).toEqual([
        [320, 240],
        [96, 64],
      ]);
      await tab.waitForFunction(() => !(window.__fluxEditor!.state() as { busy: boolean }).busy, undefined, {
        timeout: 30_000,
      });
      const second = ((await (await both.api('/v1/jobs')).json()) as { jobs: Array<Record<string, unknown>> }).jobs[0];
      expect(second).toMatchObject({ state: 'done', model: 'flux-2-pro' });
    } finally {
      await tab.close();
      await both.close();
      await fake.close();
    }
  }, 90_000);

  it('a model file that cannot be used: the classical fill, and the editor says why in its language', async () => {
    const offline = await startTestSidecar({ FLUX_INPAINT_LOCAL_MODEL: '/nonexistent/lama_fp32.onnx' });
    const tab = await browser.newPage({ viewport: { width: 1200, height: 800 }, locale: 'de-DE' });
    try {
      await tab.goto(`${offline.url}/#token=${TEST_TOKEN}`);
      await tab.waitForSelector('.fi-app .panel');
      const { jpeg } = await photo(480, 360);
      await tab.setInputFiles('#load-file', { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: jpeg });
      await tab.waitForFunction(() => Boolean(window.__fluxEditor?.state().image));
      await stroke(tab, tab.mainFrame(), [
        [140, 280],
        [170, 280],
      ]);
      await tab.getByRole('button', { name: 'Senden' }).click();
      await tab.waitForSelector('.compare:not([hidden])', { timeout: 30_000 });
      // The job's warning is the model's own error from the catalogue, in the browser's language.
      await tab.waitForSelector('text=FLUX_INPAINT_LOCAL_MODEL=/nonexistent/lama_fp32.onnx: Dort gibt es keine Datei.');
      expect(await tab.textContent('body')).toContain('um die klassische Füllung zu nutzen');
      const jobs = (await (await offline.api('/v1/jobs')).json()) as { jobs: Array<Record<string, any>> };
      expect(jobs.jobs[0]).toMatchObject({ state: 'done', warning: { code: 'local_model_missing' } });
    } finally {
      await tab.close();
      await offline.close();
    }
  }, 90_000);

  it('remembers its settings in this browser across reloads, and Reset forgets them', async () => {
    const tab = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    const reload = async () => {
      await tab.reload();
      await tab.waitForSelector('.fi-app .panel');
    };
    try {
      await tab.goto(`${sidecar.url}/#token=${TEST_TOKEN}`);
      await tab.waitForSelector('.fi-app .panel');
      await tab.fill('#t-hardness', '35');
      // Offline, so among the models the local provider runs (the others are disabled here); Expand shows its
      // margins instead of the brush.
      await tab.selectOption('#p-model', 'expand');
      await tab.selectOption('#p-format', 'png');
      await tab.fill('#p-prompt', 'never stored');
      const stored = () => tab.evaluate(() => localStorage.getItem('flux-inpaint.editor-settings'));
      await expect.poll(async () => JSON.parse((await stored()) ?? '{}').brush_hardness, { timeout: 5000 }).toBe(0.35);
      expect(await stored()).not.toContain('never stored');
      // The token survives the reload in the history entry; the settings in localStorage.
      await reload();
      expect(await tab.inputValue('#p-model')).toBe('expand');
      expect(await tab.inputValue('#p-format')).toBe('png');
      expect(await tab.inputValue('#t-hardness')).toBe('35');
      expect(await tab.inputValue('#p-prompt')).toBe('');
      await tab.click('button.reset');
      expect(await stored()).toBeNull();
      expect(await tab.inputValue('#p-model')).toBe('fill');
      await reload();
      expect(await tab.inputValue('#t-hardness')).toBe('100');
      // Damaged by hand: the editor opens with the defaults instead of failing.
      for (const damaged of [
        '{"model": "kontext-pro", "brush_',
        '{"model": 42, "brush_hardness": "soft", "overlay_colour": "red", "crop_ratio": 7}',
      ]) {
        await tab.evaluate((v) => localStorage.setItem('flux-inpaint.editor-settings', v), damaged);
        await reload();
        expect(await tab.inputValue('#p-model')).toBe('fill');
        expect(await tab.inputValue('#t-colour')).toBe('#ff2d6f');
        expect(await tab.inputValue('#t-hardness')).toBe('100');
        expect(await tab.inputValue('#t-aspect')).toBe('free');
      }
    } finally {
      await tab.close();
    }
  }, 60_000);
});
