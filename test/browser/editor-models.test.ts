import { describe, expect, it } from 'vitest';
import { testImage } from '../support/images.js';
import { baseInit, decodeMask, editorState, openEditor, previewDataUrl, screenshotPath, stroke } from './harness.js';
import { editorSuite } from './suite.js';

/** Kontext and FLUX.2 in the editor: their own fields and formats, reference images, and "Only the painted area". */
const suite = editorSuite(
  async () => {
    const preview = await previewDataUrl();
    return baseInit([
      { ref: 'img-1', label: 'Image 1 of the last message', preview, width: 800, height: 600 },
      { ref: 'img-2', label: 'Image 2 of the last message', preview, width: 800, height: 600 },
    ]);
  },
  { viewport: { width: 1000, height: 800 } },
);

const submits = () =>
  suite.page.evaluate(() => (window as unknown as { __submits: Array<Record<string, any>> }).__submits);
const options = (frame: import('playwright-core').Frame, sel: string) =>
  frame.locator(`${sel} option`).evaluateAll((o) => o.map((e) => (e as HTMLOptionElement).value));

describe('instruction models in the editor', { timeout: 120_000 }, () => {
  it('FLUX.2: its formats, reference images from the chat and from a file, the painted area only, Send', async () => {
    const frame = await openEditor(suite.page, suite.host.url);
    await frame.fill('#p-prompt', 'give her a red umbrella');
    await frame.selectOption('#p-model', 'flux-2-pro');
    expect(await options(frame, '#p-format')).toEqual(['jpeg', 'png', 'webp']);
    await frame.selectOption('#p-format', 'webp');
    expect(await frame.isVisible('.refs')).toBe(true);
    expect(await frame.textContent('#refs-count')).toBe('0 of 7');
    // Without a mask the whole picture is edited, and Send is possible at once.
    expect((await editorState(frame)).sendEnabled).toBe(true);
    expect(await frame.isVisible('#p-masked-only')).toBe(false);

    await frame.selectOption('#refs-chat', '1');
    await frame.setInputFiles('#refs-file', {
      name: 'umbrella.png',
      mimeType: 'image/png',
      buffer: await testImage(64, 48),
    });
    await frame.waitForFunction(() => document.querySelectorAll('.refs-list li').length === 2);
    expect(await frame.textContent('#refs-count')).toBe('2 of 7');
    // A file that is no picture is refused with a reason, and nothing is added.
    await frame.setInputFiles('#refs-file', {
      name: 'notes.png',
      mimeType: 'image/png',
      buffer: Buffer.from('not a picture'),
    });
    await frame.waitForSelector('.status.error:has-text("notes.png is not a PNG, JPEG or WebP image")');
    expect(await frame.locator('.refs-list li').count()).toBe(2);

    await stroke(suite.page, frame, [
      [100, 100],
      [160, 120],
    ]);
    expect(await frame.isVisible('#p-masked-only')).toBe(true);
    expect(await frame.isChecked('#p-masked-only')).toBe(true);
    expect(await frame.textContent('#p-masked-only-hint')).toContain('every unpainted pixel stays');
    await suite.page.screenshot({ path: screenshotPath('editor-flux2-references.png') });

    // Fill takes no webp: its own default is shown, and the choice comes back with FLUX.2.
    await frame.selectOption('#p-model', 'fill');
    expect(await options(frame, '#p-format')).toEqual(['jpeg', 'png']);
    expect(await frame.inputValue('#p-format')).toBe('jpeg');
    expect(await frame.isVisible('.refs')).toBe(false);
    await frame.selectOption('#p-model', 'flux-2-pro');
    expect(await frame.inputValue('#p-format')).toBe('webp');

    await frame.click('button.send');
    await frame.waitForSelector('text=Sent — the result will appear in the chat');
    const [req] = await submits();
    expect(req).toMatchObject({
      model: 'flux-2-pro',
      prompt: 'give her a red umbrella',
      image: { ref: 'img-1' },
      output_format: 'webp',
      masked_only: true,
      params: { safety_tolerance: 2, prompt_upsampling: true },
    });
    expect(req!.references).toHaveLength(2);
    expect(req!.references[0]).toEqual({ ref: 'img-2' });
    expect(req!.references[1]).toMatchObject({ mime: 'image/png' });
    expect(Buffer.from(req!.references[1].data, 'base64').subarray(1, 4).toString()).toBe('PNG');
    const mask = decodeMask(req!.mask);
    expect([mask.width, mask.height]).toEqual([400, 300]);
    expect(mask.at(130, 110)).toBe(255);
    expect(mask.at(300, 250)).toBe(0);
  });

  it('Kontext: aspect ratio, at most 3 references, and with the switch off the mask is not sent', async () => {
    const frame = await openEditor(suite.page, suite.host.url);
    await frame.fill('#p-prompt', 'make it winter');
    await frame.selectOption('#p-model', 'kontext-max');
    expect(await frame.isVisible('#f-kontext-max-aspect_ratio')).toBe(true);
    expect(await frame.isVisible('#f-safety')).toBe(false); // folded under More
    await frame.selectOption('#f-kontext-max-aspect_ratio', '16:9');
    expect(await options(frame, '#p-format')).toEqual(['png', 'jpeg']);
    for (let i = 0; i < 3; i++) await frame.selectOption('#refs-chat', String(i % 2));
    expect(await frame.textContent('#refs-count')).toBe('3 of 3');
    expect(await frame.isDisabled('#refs-chat')).toBe(true);
    // Removing one frees a place.
    await frame.click('.refs-list li:first-child button');
    expect(await frame.textContent('#refs-count')).toBe('2 of 3');

    await stroke(suite.page, frame, [
      [100, 100],
      [160, 120],
    ]);
    await frame.uncheck('#p-masked-only');
    await frame.click('button.send');
    await frame.waitForSelector('text=Sent — the result will appear in the chat');
    const [req] = await submits();
    expect(req).toMatchObject({ model: 'kontext-max', output_format: 'png', params: { aspect_ratio: '16:9' } });
    expect(req!.references).toEqual([{ ref: 'img-2' }, { ref: 'img-1' }]);
    expect(req!.mask).toBeUndefined();
    expect(req!.masked_only).toBeUndefined();
  });

  it('a model whose safety maximum is lower gets at most that', async () => {
    const frame = await openEditor(suite.page, suite.host.url);
    await frame.fill('#p-prompt', 'snow');
    await frame.click('summary:has-text("More")');
    await frame.fill('#f-safety', '6');
    await frame.selectOption('#p-model', 'flux-2-max');
    await frame.click('button.send');
    await frame.waitForSelector('text=Sent — the result will appear in the chat');
    const [req] = await submits();
    expect(req!.params.safety_tolerance).toBe(5);
    expect(req!.mask).toBeUndefined();
  });
});
