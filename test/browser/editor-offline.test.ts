import { describe, expect, it } from 'vitest';
import { baseInit, editorState, openEditor, previewDataUrl, screenshotPath, stroke } from './harness.js';
import { editorSuite } from './suite.js';

/** The editor on the local provider: it says it is offline, and offers only what the local provider can do. */
const suite = editorSuite(async () => {
  const preview = await previewDataUrl();
  return {
    ...baseInit([{ ref: 'img-1', label: 'Image 1 of the last message', preview, width: 800, height: 600 }]),
    providers: ['bfl', 'local'],
    provider: 'local',
  };
});

const submits = () =>
  suite.page.evaluate(() => (window as unknown as { __submits: Array<Record<string, unknown>> }).__submits);
const modelOptions = (frame: import('playwright-core').Frame) =>
  frame.locator('#p-model option').evaluateAll((o) =>
    o.map((e) => ({
      value: (e as HTMLOptionElement).value,
      disabled: (e as HTMLOptionElement).disabled,
      text: e.textContent,
    })),
  );

describe('offline mode in the editor', { timeout: 120_000 }, () => {
  it('shows a badge, sends Fill without a prompt, hides what FLUX alone reads, and disables the FLUX-only models', async () => {
    const frame = await openEditor(suite.page, suite.host.url);
    expect(await frame.isVisible('.offline-badge')).toBe(true);
    expect(await frame.textContent('.offline-badge')).toBe('Offline: local fill');
    expect(await frame.textContent('#p-offline-hint')).toContain('the prompt is not used');

    const options = await modelOptions(frame);
    for (const o of options) {
      const local = ['fill', 'erase', 'expand', 'outpaint'].includes(o.value);
      expect(o.disabled).toBe(!local);
      expect(o.text?.endsWith('needs a FLUX key')).toBe(!local);
    }
    // Steps, guidance and the "More" settings only matter to FLUX.
    expect(await frame.isVisible('#f-fill-steps')).toBe(false);
    expect(await frame.isVisible('#f-fill-guidance')).toBe(false);
    expect(await frame.isVisible('details.more')).toBe(false);
    await frame.selectOption('#p-model', 'expand');
    expect(await frame.isVisible('#f-expand-top')).toBe(true);
    expect(await frame.isVisible('#f-expand-steps')).toBe(false);
    await frame.selectOption('#p-model', 'fill');

    await stroke(suite.page, frame, [
      [100, 100],
      [160, 120],
    ]);
    expect(await frame.inputValue('#p-prompt')).toBe('');
    expect((await editorState(frame)).sendEnabled).toBe(true);
    await suite.page.screenshot({ path: screenshotPath('editor-offline.png') });
    await frame.click('button.send');
    await frame.waitForSelector('text=Sent — the result will appear in the chat');
    expect((await submits())[0]).toMatchObject({ model: 'fill', prompt: '', provider: 'local' });

    // Back on FLUX, everything is offered again and the prompt is required.
    await frame.selectOption('#p-provider', 'bfl');
    expect(await frame.isVisible('.offline-badge')).toBe(false);
    expect((await modelOptions(frame)).every((o) => !o.disabled)).toBe(true);
    expect(await frame.isVisible('#f-fill-steps')).toBe(true);
    expect((await editorState(frame)).sendEnabled).toBe(false);
  });
});
