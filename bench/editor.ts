/**
 * The mask editor in Chromium on a 4096x4096 picture: how much work one frame of a brush stroke costs, how long
 * handing the mask to Send takes, and what 50 undo steps hold in memory compared with keeping a copy per step;
 * then Send end to end, standalone (editor-send.ts) and through Open WebUI's chat path (owui-send.ts).
 */
import sharp from 'sharp';
import { baseInit, launchBrowser, openEditor, startHost, stroke } from '../test/browser/harness.js';
import { benchSendToFlux } from './editor-send.js';
import { benchOwuiSend } from './owui-send.js';
import { atMost, info, quantile, round, type Result } from './result.js';

const SIZE = 4096;
const STROKES = 50;

interface Sample {
  kind: 'move' | 'raf';
  ms: number;
}

declare global {
  interface Window {
    __work?: Sample[];
  }
}

async function bigPicture(): Promise<string> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}"><defs><linearGradient id="g" x2="1" y2="1"><stop offset="0" stop-color="#3b6fd8"/><stop offset="1" stop-color="#f2c14e"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/></svg>`;
  const png = await sharp(Buffer.from(svg)).png({ compressionLevel: 1 }).toBuffer();
  return `data:image/png;base64,${png.toString('base64')}`;
}

export async function benchEditor(): Promise<Result[]> {
  const host = await startHost(
    baseInit([{ ref: 'big', label: 'A 4096 x 4096 picture', preview: await bigPicture(), width: SIZE, height: SIZE }]),
  );
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    const frame = await openEditor(page, host.url);
    await frame.fill('#t-size', '60');
    // Work per frame: pointer handlers (timed between a first capturing and a last bubbling listener on the
    // window) plus the animation-frame callbacks, where the editor draws.
    await frame.evaluate(() => {
      const work: Sample[] = [];
      window.__work = work;
      const raf = window.requestAnimationFrame.bind(window);
      window.requestAnimationFrame = (cb) =>
        raf((t) => {
          const started = performance.now();
          cb(t);
          work.push({ kind: 'raf', ms: performance.now() - started });
        });
      let moveStarted = 0;
      window.addEventListener('pointermove', () => (moveStarted = performance.now()), true);
      window.addEventListener('pointermove', () => work.push({ kind: 'move', ms: performance.now() - moveStarted }));
    });
    const state = (await frame.evaluate(() => window.__fluxEditor!.state())) as {
      image: { width: number; height: number };
    };
    const { width, height } = state.image;
    for (let i = 0; i < STROKES; i++) {
      const y = ((i % 25) + 1) * (height / 27);
      const x0 = (i < 25 ? 0.05 : 0.5) * width;
      await stroke(page, frame, [
        [x0, y],
        [x0 + width * 0.2, y + height * 0.02],
        [x0 + width * 0.4, y],
      ]);
    }
    const samples = await frame.evaluate(() => window.__work ?? []);
    const frames: number[] = [];
    let pending = 0;
    for (const s of samples) {
      if (s.kind === 'move') pending += s.ms;
      else {
        frames.push(pending + s.ms);
        pending = 0;
      }
    }
    const exportTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      exportTimes.push(
        await frame.evaluate(() => {
          const started = performance.now();
          window.__fluxEditor!.exportMask();
          return performance.now() - started;
        }),
      );
    }
    const after = (await frame.evaluate(() => window.__fluxEditor!.state())) as {
      history: { undo: number; bytes: number };
    };
    const snapshotBytes = after.history.undo * width * height;
    return [
      atMost(
        'editor: stroke frame work p95, 4096x4096 picture',
        round(quantile(frames, 0.95)),
        'ms',
        16,
        `${frames.length} frames over ${STROKES} strokes, painted at ${width}x${height}`,
      ),
      info('editor: stroke frame work max', round(Math.max(...frames)), 'ms'),
      atMost(
        'editor: mask hand-off (raw bytes), median',
        round(quantile(exportTimes, 0.5)),
        'ms',
        100,
        `${width}x${height} mask, read and base64-encoded for Send`,
      ),
      info(
        'editor: memory of the undo steps',
        round(after.history.bytes / 1024 / 1024, 2),
        'MB',
        `${after.history.undo} steps kept`,
      ),
      atMost(
        'editor: undo memory / one full copy per step',
        round(after.history.bytes / snapshotBytes, 3),
        'x',
        0.25,
        `${round(snapshotBytes / 1024 / 1024)} MB with full copies`,
      ),
      ...(await benchSendToFlux()),
      ...(await benchOwuiSend()),
    ];
  } finally {
    await browser.close();
    await host.close();
  }
}
