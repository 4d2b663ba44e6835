import type { Frame } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { baseInit, editorState, exportMask, openEditor, previewDataUrl } from './harness.js';
import { editorSuite } from './suite.js';

/** "Load mask…" and dropping a file on the mask: a mask made elsewhere, by its alpha or its brightness. */
const suite = editorSuite(async () =>
  baseInit([
    { ref: 'img-1', label: 'Image 1 of the last message', preview: await previewDataUrl(), width: 800, height: 600 },
  ]),
);

/** The painted layer of another editor: transparent, with an opaque rectangle, at full resolution (800x600). */
async function alphaPng(): Promise<Buffer> {
  const w = 800;
  const h = 600;
  const data = Buffer.alloc(w * h * 4);
  for (let y = 200; y < 400; y++) for (let x = 200; x < 400; x++) data.fill(255, (y * w + x) * 4, (y * w + x) * 4 + 4);
  // The colour does not matter, only the alpha: a black opaque stripe is still "repaint".
  for (let y = 500; y < 520; y++) for (let x = 0; x < w; x++) data[(y * w + x) * 4 + 3] = 255;
  return sharp(data, { raw: { width: w, height: h, channels: 4 } })
    .png()
    .toBuffer();
}

/** A black-and-white mask as JPEG (no alpha), at the preview's size: white circle, centre (300, 150), radius 50. */
async function bwJpeg(width = 400, height = 300): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#000"/><circle cx="${width * 0.75}" cy="${height / 2}" r="${Math.min(width, height) / 6}" fill="#fff"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 90 }).toBuffer();
}

/** Drags a file over the editor and drops it on one of the two zones; says whether the zones were shown. */
const drop = (frame: Frame, file: Buffer, name: string, mime: string, zone: 'mask' | 'picture') =>
  frame.evaluate(
    async ({ b64, name, mime, zone }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], name, { type: mime }));
      const stage = document.querySelector('.stage')!;
      stage.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      const target = document.querySelector(`[data-drop="${zone}"]`)!;
      const visible = !(target.parentElement as HTMLElement).hidden;
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      return visible;
    },
    { b64: file.toString('base64'), name, mime, zone },
  );

const status = (frame: Frame) => frame.textContent('.status');

describe('mask import', { timeout: 120_000 }, () => {
  it('an alpha PNG at another size: opaque = repaint, scaled to the picture, one undo step', async () => {
    const frame = await openEditor(suite.page, suite.host.url);
    await frame.setInputFiles('#load-mask', { name: 'layer.png', mimeType: 'image/png', buffer: await alphaPng() });
    await frame.waitForFunction(() => !(window.__fluxEditor!.state() as { maskEmpty: boolean }).maskEmpty);
    expect(await status(frame)).toBe('Mask loaded from layer.png (800 × 600).');
    const m = await exportMask(frame);
    expect([m.width, m.height]).toEqual([400, 300]);
    expect(m.at(150, 150)).toBe(255); // full-size (300, 300)
    expect(m.at(105, 105)).toBe(255);
    expect(m.at(90, 150)).toBe(0);
    expect(m.at(150, 255)).toBe(255); // the black but opaque stripe
    expect(m.at(300, 50)).toBe(0);
    expect((await editorState(frame)).history.undo).toBe(1);
    await frame.focus('canvas.stage-canvas');
    await suite.page.keyboard.press('Control+z');
    expect((await editorState(frame)).maskEmpty).toBe(true);
    await suite.page.keyboard.press('Control+y');
    expect((await exportMask(frame)).at(150, 150)).toBe(255);
  });

  it('a black-and-white JPEG: white = repaint, replacing what was painted', async () => {
    const frame = await openEditor(suite.page, suite.host.url);
    await frame.click('button:has-text("Invert")'); // everything painted before the import
    await frame.setInputFiles('#load-mask', { name: 'mask.jpg', mimeType: 'image/jpeg', buffer: await bwJpeg() });
    await frame.waitForSelector('.status:has-text("Mask loaded from mask.jpg")');
    const m = await exportMask(frame);
    expect(m.at(300, 150)).toBeGreaterThan(245);
    expect(m.at(300, 110)).toBeGreaterThan(200);
    expect(m.at(100, 150)).toBeLessThan(10);
    expect(m.at(300, 40)).toBeLessThan(10);
    // Undo brings back the inverted (full) mask, not an empty one.
    await suite.page.keyboard.press('Control+z');
    expect((await exportMask(frame)).at(100, 150)).toBe(255);
  });

  it('a mask of other proportions is stretched, and the user is told', async () => {
    const frame = await openEditor(suite.page, suite.host.url);
    await frame.setInputFiles('#load-mask', {
      name: 'square.jpg',
      mimeType: 'image/jpeg',
      buffer: await bwJpeg(300, 300),
    });
    await frame.waitForSelector('.status:has-text("has another shape than the picture")');
    expect((await editorState(frame)).maskEmpty).toBe(false);
  });

  it('a file that is not an image is refused with a reason, and the mask stays', async () => {
    const frame = await openEditor(suite.page, suite.host.url);
    await frame.setInputFiles('#load-mask', {
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('hello'),
    });
    await frame.waitForSelector('.status.error:has-text("notes.txt is not a PNG, JPEG or WebP image")');
    expect((await editorState(frame)).history.undo).toBe(0);
  });

  it('dropped on "use it as the mask" it becomes the mask; dropped on the other side, the picture', async () => {
    const frame = await openEditor(suite.page, suite.host.url);
    expect(await drop(frame, await bwJpeg(), 'drop-mask.jpg', 'image/jpeg', 'mask')).toBe(true);
    await frame.waitForSelector('.status:has-text("Mask loaded from drop-mask.jpg")');
    expect((await exportMask(frame)).at(300, 150)).toBeGreaterThan(245);
    expect((await editorState(frame)).image).toMatchObject({ fullWidth: 800 });
    expect(await frame.isHidden('.drop-zones')).toBe(true);

    expect(await drop(frame, await bwJpeg(200, 100), 'new-picture.jpg', 'image/jpeg', 'picture')).toBe(true);
    await frame.waitForSelector('.status:has-text("new-picture.jpg: 200 × 100")');
    expect((await editorState(frame)).maskEmpty).toBe(true);
  });

  it('a model without a mask (Expand) offers no mask import; a dropped file opens as the picture', async () => {
    const frame = await openEditor(suite.page, suite.host.url);
    await frame.selectOption('#p-model', 'expand');
    expect(await frame.isVisible('button.load-mask')).toBe(false);
    expect(await drop(frame, await bwJpeg(200, 100), 'dropped.jpg', 'image/jpeg', 'mask')).toBe(false);
    await frame.waitForSelector('.status:has-text("dropped.jpg: 200 × 100")');
  });
});
