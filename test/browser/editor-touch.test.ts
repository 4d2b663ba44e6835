import type { Browser, CDPSession, Frame, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  baseInit,
  editorState,
  exportMask,
  launchBrowser,
  openEditor,
  previewDataUrl,
  startHost,
  toPage,
  type Host,
} from './harness.js';

let browser: Browser;
let host: Host;
let page: Page;
let cdp: CDPSession;

beforeAll(async () => {
  browser = await launchBrowser();
  host = await startHost(
    baseInit([
      { ref: 'img-1', label: 'Image 1 of the last message', preview: await previewDataUrl(), width: 800, height: 600 },
    ]),
  );
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
});

beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1000, height: 700 }, hasTouch: true });
  cdp = await page.context().newCDPSession(page);
});

afterEach(async () => {
  await page.close();
});

type Finger = { x: number; y: number; id: number };

/** Real touch input, as a touchscreen sends it: Chromium turns it into touch pointer events. */
async function touch(type: 'touchStart' | 'touchMove' | 'touchEnd', fingers: Finger[]): Promise<void> {
  await cdp.send('Input.dispatchTouchEvent', {
    type,
    touchPoints: fingers.map((f) => ({ ...f, radiusX: 4, radiusY: 4, force: 1 })),
  });
}

/** Chromium delivers moves with the next animation frame: wait for two before reading the editor's state. */
function frames(frame: Frame): Promise<void> {
  return frame.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
}

/** Image pixel -> page point, for a finger. */
async function at(frame: Frame, x: number, y: number, id: number): Promise<Finger> {
  return { ...(await toPage(frame, x, y)), id };
}

describe('touch and pen in the mask editor', { timeout: 120_000 }, () => {
  it('one finger paints a continuous stroke', async () => {
    const frame = await openEditor(page, host.url);
    await frame.fill('#t-size', '16');
    await touch('touchStart', [await at(frame, 80, 150, 0)]);
    for (let x = 120; x <= 320; x += 40) await touch('touchMove', [await at(frame, x, 150, 0)]);
    await touch('touchEnd', []);
    const mask = await exportMask(frame);
    for (let x = 82; x <= 318; x += 4) expect(mask.at(x, 150), `x=${x}`).toBe(255);
    expect(mask.at(200, 120)).toBe(0);
  });

  it('two fingers pinch to zoom and drag to pan, and the stroke the first finger began is dropped', async () => {
    const frame = await openEditor(page, host.url);
    const before = (await editorState(frame)).view;
    const a = await at(frame, 150, 150, 0);
    const b = await at(frame, 250, 150, 1);
    await touch('touchStart', [a]);
    await touch('touchMove', [{ ...a, x: a.x + 5 }]);
    await touch('touchStart', [{ ...a, x: a.x + 5 }, b]);
    // Spread the fingers to twice their distance, about their midpoint.
    const mid = (a.x + 5 + b.x) / 2;
    const half = (b.x - a.x - 5) / 2;
    for (let k = 1; k <= 5; k++) {
      const spread = half * (1 + k / 5);
      await touch('touchMove', [
        { ...a, x: mid - spread },
        { ...b, x: mid + spread },
      ]);
    }
    await frames(frame);
    const zoomed = (await editorState(frame)).view;
    expect(zoomed.scale / before.scale).toBeGreaterThan(1.8);
    expect(zoomed.scale / before.scale).toBeLessThan(2.2);
    // Both fingers move down together: the picture follows them.
    for (let k = 1; k <= 4; k++) {
      await touch('touchMove', [
        { ...a, x: mid - 2 * half, y: a.y + 15 * k },
        { ...b, x: mid + 2 * half, y: b.y + 15 * k },
      ]);
    }
    await frames(frame);
    const panned = (await editorState(frame)).view;
    expect(panned.scale).toBeCloseTo(zoomed.scale, 5);
    expect(panned.y - zoomed.y).toBeCloseTo(60, 0);
    await touch('touchEnd', []);
    const state = await editorState(frame);
    expect(state.maskEmpty).toBe(true);
    expect(state.history.undo).toBe(0);
  });

  it('a pen paints like the mouse', async () => {
    const frame = await openEditor(page, host.url);
    await frame.fill('#t-size', '16');
    const pen = async (type: 'mousePressed' | 'mouseMoved' | 'mouseReleased', x: number, y: number) => {
      const p = await toPage(frame, x, y);
      await cdp.send('Input.dispatchMouseEvent', {
        type,
        x: p.x,
        y: p.y,
        button: 'left',
        buttons: type === 'mouseReleased' ? 0 : 1,
        clickCount: 1,
        pointerType: 'pen',
        force: 0.5,
      });
    };
    await pen('mousePressed', 200, 60);
    for (let y = 90; y <= 240; y += 30) await pen('mouseMoved', 200, y);
    await pen('mouseReleased', 200, 240);
    const mask = await exportMask(frame);
    for (let y = 62; y <= 238; y += 4) expect(mask.at(200, y), `y=${y}`).toBe(255);
    expect(mask.at(150, 150)).toBe(0);
  });
});
