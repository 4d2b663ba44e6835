import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FakePage } from '../support/fake-page.js';
import { runSession } from '../support/fake-owui.js';
import { testImage } from '../support/images.js';
import { startTestSidecar, TEST_TOKEN, type TestSidecar } from '../support/sidecar.js';

let sidecar: TestSidecar;
let content: string;
beforeAll(async () => {
  sidecar = await startTestSidecar();
  content = `![p](data:image/png;base64,${(await testImage(64, 48)).toString('base64')})`;
});
afterAll(async () => {
  await sidecar?.close();
});

/** One click whose editor does what `onInit` says; SESSION_TTL_MINUTES is 1. */
function click(onInit: () => Promise<null>) {
  const page = new FakePage({ onInit });
  const run = runSession({
    url: sidecar.url,
    token: TEST_TOKEN,
    page,
    messages: [{ id: 'a1', role: 'assistant', content }],
    clicked: 'a1',
    valves: { FLUX_API_KEY: 'k', SESSION_TTL_MINUTES: 1 },
  });
  return { page, run };
}

describe('session time limit', () => {
  it('an editor left open past SESSION_TTL_MINUTES closes itself and restores the message', async () => {
    // Once the editor is open, the monotonic clock (performance.now) skips past the minute: the session must
    // notice the time that passed, and the test takes a second instead of a real minute.
    const realNow = performance.now.bind(performance);
    let skippedMs = 0;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => realNow() + skippedMs);
    try {
      const { page, run } = click(() => {
        skippedMs = 60_000;
        return new Promise<null>(() => undefined);
      });
      const expected =
        'The inpaint editor was open for 1 minute without Send and has closed. Click Inpaint to start again.';
      const done = await run;
      expect(skippedMs).toBe(60_000);
      expect(done.done).toMatchObject({ ok: true, message: expected });
      expect(done.chat.get('a1')!.content).toBe(content);
      expect(done.chat.get('a1')!.statusHistory.at(-1)).toEqual({ description: expected, done: true });
      expect(page.ended).toBe(expected);
    } finally {
      clock.mockRestore();
    }
  }, 60_000);

  it('a jump of the wall clock neither ends the session nor stretches it', async () => {
    const realNow = Date.now.bind(Date);
    let jumpMs = 0;
    const clock = vi.spyOn(Date, 'now').mockImplementation(() => realNow() + jumpMs);
    try {
      // The editor is open when the clock jumps two hours ahead; it then stays a moment and closes by itself.
      const { run } = click(async () => {
        jumpMs = 2 * 3600_000;
        await new Promise((r) => setTimeout(r, 500));
        return null;
      });
      expect((await run).done).toMatchObject({ ok: true, message: 'Inpaint closed without sending.' });
    } finally {
      clock.mockRestore();
    }
  });
});
