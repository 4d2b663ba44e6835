import { describe, expect, it } from 'vitest';
import {
  baseInit,
  decodeMask,
  editorState,
  exportMask,
  openEditor,
  previewDataUrl,
  startHost,
  stroke,
  toPage,
} from './harness.js';
import { editorSuite } from './suite.js';

const suite = editorSuite(async () => {
  const preview = await previewDataUrl();
  return baseInit([
    { ref: 'img-1', label: 'Image 1 of the last message', preview, width: 800, height: 600 },
    { ref: 'img-2', label: 'Image 2 of the last message', preview, width: 800, height: 600 },
  ]);
});

const submits = () =>
  suite.page.evaluate(() => (window as unknown as { __submits: Array<Record<string, unknown>> }).__submits);

describe('mask editor in the Open WebUI artifact frame', { timeout: 120_000 }, () => {
  it('paints hard and soft strokes, erases, undoes, redoes, inverts and clears', async () => {
    const frame = await openEditor(suite.page, suite.host.url);
    const s0 = await editorState(frame);
    expect(s0.image).toEqual({ width: 400, height: 300, fullWidth: 800, fullHeight: 600 });
    expect(s0.sendEnabled).toBe(false);
    await frame.fill('#t-size', '20');

    await stroke(suite.page, frame, [
      [60, 80],
      [340, 80],
    ]);
    let m = await exportMask(frame);
    expect([m.width, m.height]).toEqual([400, 300]);
    expect(m.at(200, 80)).toBe(255);
    expect(m.at(60, 80)).toBe(255);
    expect(m.at(200, 95)).toBe(0);
    expect(m.at(10, 250)).toBe(0);
    // The stroke is continuous even though the mouse jumped in large steps.
    for (let x = 62; x <= 338; x++) expect(m.at(x, 80)).toBe(255);

    await frame.fill('#t-hardness', '0');
    await frame.fill('#t-size', '40');
    await stroke(suite.page, frame, [
      [60, 200],
      [340, 200],
    ]);
    m = await exportMask(frame);
    expect(m.at(200, 200)).toBeGreaterThan(240);
    const column = Array.from({ length: 24 }, (_, i) => m.at(200, 200 + i));
    const greys = column.filter((v) => v > 0 && v < 255);
    expect(greys.length).toBeGreaterThan(5);
    expect(m.at(200, 225)).toBe(0);

    await frame.fill('#t-hardness', '100');
    await frame.press('canvas.stage-canvas', 'e');
    expect((await editorState(frame)).tool).toBe('eraser');
    await stroke(suite.page, frame, [
      [200, 60],
      [200, 100],
    ]);
    m = await exportMask(frame);
    expect(m.at(200, 80)).toBe(0);
    expect(m.at(100, 80)).toBe(255);

    await suite.page.keyboard.press('Control+z');
    expect((await exportMask(frame)).at(200, 80)).toBe(255);
    await suite.page.keyboard.press('Control+Shift+z');
    expect((await exportMask(frame)).at(200, 80)).toBe(0);
    await suite.page.keyboard.press('Control+z');
    await suite.page.keyboard.press('Control+y');
    expect((await exportMask(frame)).at(200, 80)).toBe(0);

    await frame.click('button:has-text("Invert")');
    m = await exportMask(frame);
    expect(m.at(10, 250)).toBe(255);
    expect(m.at(100, 80)).toBe(0);
    await frame.click('button:has-text("Clear")');
    expect((await editorState(frame)).maskEmpty).toBe(true);
    await suite.page.keyboard.press('Control+z');
    expect((await editorState(frame)).maskEmpty).toBe(false);
  });

  it('keeps Send disabled until there is a mask and a prompt, then submits them', async () => {
    const frame = await openEditor(suite.page, suite.host.url);
    await frame.fill('#p-prompt', 'ein roter Ballon');
    expect((await editorState(frame)).sendEnabled).toBe(false);
    expect(await frame.textContent('#p-hint')).toContain('Paint over');
    await stroke(suite.page, frame, [
      [100, 100],
      [150, 120],
    ]);
    expect((await editorState(frame)).sendEnabled).toBe(true);
    await frame.fill('#p-prompt', '   ');
    expect((await editorState(frame)).sendEnabled).toBe(false);
    await frame.fill('#p-prompt', 'ein roter Ballon');
    await frame.selectOption('.picker', '1');
    await frame.waitForFunction(() => (window.__fluxEditor!.state() as { maskEmpty: boolean }).maskEmpty);
    await stroke(suite.page, frame, [
      [100, 100],
      [150, 120],
    ]);
    await frame.click('button.send');
    await frame.waitForSelector('text=Sent — the result will appear in the chat');
    await frame.waitForSelector('.job-status:has-text("Generating")');
    const [req] = await submits();
    expect(req).toMatchObject({
      model: 'fill',
      prompt: 'ein roter Ballon',
      image: { ref: 'img-2' },
      output_format: 'png',
      params: { steps: 40, guidance: 50, safety_tolerance: 2 },
    });
    // Deflated: everything the editor sends crosses Open WebUI's socket, at most 1,000,000 bytes a message.
    expect((req!.mask as { encoding?: string }).encoding).toBe('deflate');
    expect(String((req!.mask as { data: string }).data).length).toBeLessThan(400 * 300);
    const mask = decodeMask(req!.mask);
    expect([mask.width, mask.height]).toEqual([400, 300]);
    expect(mask.at(125, 110)).toBe(255);
    expect(req!.crop).toBeUndefined();
    expect((await editorState(frame)).sendEnabled).toBe(false);
  });

  it('shows a large Send crossing the page, and says so when the page loses its connection on the way', async () => {
    await suite.page.clock.install();
    const frame = await openEditor(suite.page, suite.host.url);
    await suite.page.evaluate(() => {
      (window as unknown as { __stallUpload: boolean }).__stallUpload = true;
    });
    await stroke(suite.page, frame, [
      [100, 100],
      [150, 120],
    ]);
    await frame.fill('#p-prompt', 'ein roter Ballon');
    await frame.click('button.send');
    await frame.waitForSelector('.job-status:has-text("Sending to Open WebUI… 6%")');
    // No further part is taken for half a minute: the page's socket is gone.
    await suite.page.clock.fastForward(31_000);
    await frame.waitForSelector('.status.error:has-text("The Open WebUI page lost its connection to the server")');
    expect((await editorState(frame)).sendEnabled).toBe(true);
  });

  it('shows each model only its own fields and sends expand margins dragged on the canvas', async () => {
    const frame = await openEditor(suite.page, suite.host.url);
    const visible = (sel: string) => frame.isVisible(sel);
    expect(await visible('#f-fill-steps')).toBe(true);
    await frame.selectOption('#p-model', 'kontext-pro');
    expect(await visible('#f-kontext-pro-aspect_ratio')).toBe(true);
    expect(await frame.inputValue('#f-kontext-pro-aspect_ratio')).toBe('match');
    expect(await visible('#f-fill-steps')).toBe(false);
    // Instruction models may take a mask: the brush stays.
    expect(await visible('#t-size')).toBe(true);
    await frame.selectOption('#p-model', 'flux-2-flex');
    expect(await visible('#f-flux-2-flex-guidance')).toBe(true);
    expect(await frame.inputValue('#f-flux-2-flex-guidance')).toBe('5');
    expect(await visible('#f-kontext-pro-aspect_ratio')).toBe(false);

    await frame.selectOption('#p-model', 'expand');
    expect(await visible('#f-expand-top')).toBe(true);
    expect(await visible('#t-size')).toBe(false);
    expect((await editorState(frame)).sendEnabled).toBe(false);
    // Drag the right handle 50 preview px outwards = 100 px at full resolution.
    const from = await toPage(frame, 400, 150);
    const to = await toPage(frame, 450, 150);
    await suite.page.mouse.move(from.x, from.y);
    await suite.page.mouse.down();
    await suite.page.mouse.move(to.x, to.y, { steps: 5 });
    await suite.page.mouse.up();
    expect((await editorState(frame)).margins.right).toBeGreaterThanOrEqual(98);
    expect((await editorState(frame)).margins.right).toBeLessThanOrEqual(102);
    expect(Number(await frame.inputValue('#f-expand-right'))).toBe((await editorState(frame)).margins.right);
    await frame.fill('#f-expand-top', '64');
    await frame.click('button.send');
    await frame.waitForSelector('text=Sent — the result will appear in the chat');
    const [req] = await submits();
    expect(req!.model).toBe('expand');
    expect(req!.mask).toBeUndefined();
    expect(req!.params).toMatchObject({ top: 64, bottom: 0, left: 0 });
    expect((req!.params as Record<string, number>).right).toBeGreaterThanOrEqual(98);
  });

  it('crops with an aspect preset and sends the mask of the cropped area', async () => {
    const frame = await openEditor(suite.page, suite.host.url);
    await frame.fill('#p-prompt', 'a cat');
    await frame.press('canvas.stage-canvas', 'c');
    await frame.selectOption('#t-aspect', { label: '1:1' });
    let st = await editorState(frame);
    // The largest centred square of a 4:3 picture.
    expect(st.crop!.height).toBeCloseTo(1, 3);
    expect(st.crop!.width).toBeCloseTo(0.75, 2);
    expect(st.crop!.x).toBeCloseTo(0.125, 2);
    // Dragging inside a crop moves it: remove it first, then drag a new one.
    await frame.selectOption('#t-aspect', { label: 'Free' });
    await frame.click('button:has-text("No crop")');
    expect((await editorState(frame)).crop).toBeNull();
    await stroke(suite.page, frame, [
      [100, 50],
      [300, 250],
    ]);
    st = await editorState(frame);
    expect(st.crop!.x).toBeCloseTo(0.25, 2);
    expect(st.crop!.y).toBeCloseTo(50 / 300, 2);
    expect(st.crop!.width).toBeCloseTo(0.5, 2);
    expect(st.crop!.height).toBeCloseTo(200 / 300, 2);
    // The button, not the B key: a key press in a frame lands wherever the host page last put focus.
    await frame.click('button.tool[aria-label="Brush"]');
    await frame.waitForSelector('button.tool[aria-label="Brush"][aria-pressed="true"]');
    // Paint outside the crop only: still nothing to send.
    await frame.fill('#t-size', '10');
    await stroke(suite.page, frame, [
      [20, 20],
      [60, 20],
    ]);
    expect((await editorState(frame)).sendEnabled).toBe(false);
    await stroke(suite.page, frame, [
      [150, 150],
      [250, 150],
    ]);
    await frame.click('button.send');
    await frame.waitForSelector('text=Sent — the result will appear in the chat');
    const [req] = await submits();
    expect(req!.crop).toMatchObject({ x: 0.25, width: 0.5 });
    const mask = decodeMask(req!.mask);
    expect([mask.width, mask.height]).toEqual([200, 200]);
    expect(mask.at(100, 100)).toBe(255); // preview (200, 150) inside the crop
    expect(mask.at(100, 20)).toBe(0);
  });

  it('closes without sending through the bridge', async () => {
    const frame = await openEditor(suite.page, suite.host.url);
    await frame.click('button:has-text("Close")');
    await frame.waitForSelector('text=Inpaint closed without sending.');
    expect(await suite.page.evaluate(() => (window as unknown as { __closed: number }).__closed)).toBe(1);
  });
});

describe('remembered settings in Open WebUI (kept by the sidecar per user)', { timeout: 120_000 }, () => {
  const remembered = async (frame: import('playwright-core').Frame) => ({
    model: await frame.inputValue('#p-model'),
    steps: await frame.inputValue('#f-flux-2-flex-steps'),
    format: await frame.inputValue('#p-format'),
    size: await frame.inputValue('#t-size'),
    hardness: await frame.inputValue('#t-hardness'),
    colour: await frame.inputValue('#t-colour'),
    opacity: await frame.inputValue('#t-opacity'),
    aspect: await frame.inputValue('#t-aspect'),
    maskedOnly: await frame.isChecked('#p-masked-only'),
    fillSteps: await frame.inputValue('#f-fill-steps'),
  });

  it('come back after the editor is closed and opened again, without the prompt; Reset restores the valve defaults and forgets them', async () => {
    let frame = await openEditor(suite.page, suite.host.url);
    const defaults = await remembered(frame);
    expect(defaults).toMatchObject({
      model: 'fill',
      format: 'png',
      hardness: '100',
      aspect: 'free',
      maskedOnly: true,
      fillSteps: '40',
    });
    await frame.fill('#p-prompt', 'a very private prompt');
    // Margins belong to one picture: not remembered.
    await frame.selectOption('#p-model', 'expand');
    await frame.fill('#f-expand-top', '64');
    await frame.selectOption('#p-model', 'flux-2-flex');
    await frame.fill('#f-flux-2-flex-steps', '30');
    await frame.selectOption('#p-format', 'webp');
    await frame.fill('#t-size', '55');
    await frame.fill('#t-hardness', '40');
    await frame.fill('#t-opacity', '70');
    await frame.fill('#t-colour', '#00cc44');
    await stroke(suite.page, frame, [
      [100, 100],
      [140, 110],
    ]);
    await frame.uncheck('#p-masked-only');
    await frame.press('canvas.stage-canvas', 'c');
    await frame.selectOption('#t-aspect', '16:9');
    await expect.poll(() => suite.host.settings(), { timeout: 5000 }).toMatchObject({ crop_ratio: '16:9' });
    const stored = await suite.host.settings();
    expect(stored).toEqual({
      model: 'flux-2-flex',
      // Only what differs from the defaults: a valve changed later still reaches the fields never touched.
      fields: { 'flux-2-flex': { steps: 30 } },
      output_format: 'webp',
      masked_only: false,
      brush_size: 55,
      brush_hardness: 0.4,
      overlay_colour: '#00cc44',
      overlay_opacity: 0.7,
      crop_ratio: '16:9',
    });
    expect(JSON.stringify(stored)).not.toContain('private');
    expect(JSON.stringify(stored)).not.toContain('img-1');

    frame = await openEditor(await suite.reopen(), suite.host.url);
    const again = await remembered(frame);
    expect(again).toEqual({
      model: 'flux-2-flex',
      steps: '30',
      format: 'webp',
      size: '55',
      hardness: '40',
      colour: '#00cc44',
      opacity: '70',
      aspect: '16:9',
      maskedOnly: false,
      fillSteps: '40',
    });
    expect(await frame.inputValue('#p-prompt')).toBe('');
    expect((await editorState(frame)).model).toBe('flux-2-flex');

    await frame.click('button.reset');
    await frame.waitForSelector('.status:has-text("Settings are back to the defaults.")');
    expect(await remembered(frame)).toEqual({ ...defaults, steps: '50' });
    expect((await editorState(frame)).brushSize).toBe(16); // 1/25 of the 400 px picture
    await expect.poll(() => suite.host.settings(), { timeout: 5000 }).toEqual({});

    frame = await openEditor(await suite.reopen(), suite.host.url);
    expect(await remembered(frame)).toEqual({ ...defaults, steps: '50' });
  });

  it('one settings write per burst of changes, not one per slider step', async () => {
    const frame = await openEditor(suite.page, suite.host.url);
    for (const v of ['10', '20', '30', '40', '50', '60']) await frame.fill('#t-opacity', v);
    await expect.poll(() => suite.host.settings(), { timeout: 5000 }).toMatchObject({ overlay_opacity: 0.6 });
    await new Promise((r) => setTimeout(r, 700));
    expect(await suite.page.evaluate(() => (window as unknown as { __saves: unknown[] }).__saves.length)).toBe(1);
  });

  it('a refused save is said in the status line, and the editor keeps working', async () => {
    const frame = await openEditor(suite.page, suite.host.url);
    // The store refuses what is not settings; make the page's relay send such a thing.
    await suite.page.evaluate(() => {
      const original = window.fetch;
      window.fetch = (input, init) =>
        String(input) === '/settings' ? original(input, { ...init, body: '"not settings"' }) : original(input, init);
    });
    await frame.fill('#t-hardness', '20');
    await frame.waitForSelector('.status.error:has-text("Your settings could not be saved")');
    await frame.fill('#p-prompt', 'still works');
    await stroke(suite.page, frame, [
      [100, 100],
      [140, 110],
    ]);
    expect((await editorState(frame)).sendEnabled).toBe(true);
  });
});

describe('settings from the sidecar that no longer fit', { timeout: 120_000 }, () => {
  it('a model that is not offered falls back to the default; the rest is kept; a changed valve reaches untouched fields', async () => {
    const init = baseInit([
      { ref: 'img-1', label: 'Image 1', preview: await previewDataUrl(), width: 800, height: 600 },
    ]);
    const other = await startHost({
      ...init,
      defaults: { ...init.defaults, steps: 25 },
      models: ['fill', 'flux-2-pro'],
      settings: { model: 'kontext-pro', brush_hardness: 0.3, overlay_colour: '#123456' },
    });
    const tab = await suite.browser.newPage({ viewport: { width: 1000, height: 700 } });
    try {
      const frame = await openEditor(tab, other.url);
      expect(
        await frame.locator('#p-model option').evaluateAll((o) => o.map((e) => (e as HTMLOptionElement).value)),
      ).toEqual(['fill', 'flux-2-pro']);
      expect(await frame.inputValue('#p-model')).toBe('fill');
      expect(await frame.inputValue('#t-hardness')).toBe('30');
      expect(await frame.inputValue('#t-colour')).toBe('#123456');
      expect(await frame.inputValue('#f-fill-steps')).toBe('25');
    } finally {
      await tab.close();
      await other.close();
    }
  });
});

describe('a setting changed just before Send or Close', { timeout: 120_000 }, () => {
  it.each([['button.send'], ['button:has-text("Close")']])('is saved at once by %s', async (button) => {
    const frame = await openEditor(suite.page, suite.host.url);
    await frame.fill('#p-prompt', 'a boat');
    await stroke(suite.page, frame, [
      [100, 100],
      [140, 110],
    ]);
    await frame.fill('#t-hardness', '25');
    await frame.click(button);
    // Well before the half second the editor otherwise waits after a change.
    const saves = () =>
      suite.page.evaluate(() => (window as unknown as { __saves: Array<Record<string, unknown>> }).__saves);
    await expect
      .poll(saves, { timeout: 350, interval: 20 })
      .toEqual([expect.objectContaining({ brush_hardness: 0.25 })]);
    await expect.poll(() => suite.host.settings()).toMatchObject({ brush_hardness: 0.25 });
  });
});
