import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FakePage } from '../support/fake-page.js';
import { runSession } from '../support/fake-owui.js';
import { testImage } from '../support/images.js';
import { startTestSidecar, TEST_TOKEN, type TestSidecar } from '../support/sidecar.js';

let sidecar: TestSidecar;
beforeAll(async () => {
  sidecar = await startTestSidecar();
});
afterAll(async () => {
  await sidecar?.close();
});

describe('session time limit', () => {
  it('an editor left open past SESSION_TTL_MINUTES closes itself and restores the message', async () => {
    const content = `![p](data:image/png;base64,${(await testImage(64, 48)).toString('base64')})`;
    // Once the editor is open, the clock jumps past the minute: the session must notice the time that passed
    // (it reads Date.now), and the test takes a second instead of a real minute.
    const realNow = Date.now.bind(Date);
    let skippedMs = 0;
    const clock = vi.spyOn(Date, 'now').mockImplementation(() => realNow() + skippedMs);
    const page = new FakePage({
      onInit: () => {
        skippedMs = 60_000;
        return new Promise<null>(() => undefined);
      },
    });
    const started = performance.now();
    try {
      const run = await runSession({
        url: sidecar.url,
        token: TEST_TOKEN,
        page,
        messages: [{ id: 'a1', role: 'assistant', content }],
        clicked: 'a1',
        valves: { FLUX_API_KEY: 'k', SESSION_TTL_MINUTES: 1 },
      });
      const expected =
        'The inpaint editor was open for 1 minute without Send and has closed. Click Inpaint to start again.';
      expect(skippedMs).toBe(60_000);
      expect(performance.now() - started).toBeLessThan(20_000);
      expect(run.done).toMatchObject({ ok: true, message: expected });
      expect(run.chat.get('a1')!.content).toBe(content);
      expect(run.chat.get('a1')!.statusHistory.at(-1)).toEqual({ description: expected, done: true });
      expect(page.ended).toBe(expected);
    } finally {
      clock.mockRestore();
    }
  }, 60_000);
});
