import { describe, expect, it } from 'vitest';
import { testImage, testMask } from '../support/images.js';
import { startTestSidecar } from '../support/sidecar.js';

/** The job engine's delivery claim, across a restart: taken at once, journaled, lapsing with its run. */
describe('a finished job is reported once', () => {
  it('claimed by one caller at a time; given back when the report fails; lapsing with the run that claimed it', async () => {
    const env = { FLUX_INPAINT_PROVIDER: 'local' };
    const first = await startTestSidecar(env);
    const res = await first.api('/v1/jobs', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'fill',
        prompt: 'reported once',
        image: (await testImage(64, 48)).toString('base64'),
        mask: (await testMask(64, 48)).toString('base64'),
        provider: 'local',
      }),
    });
    const { id } = await res.json();
    expect((await first.engine.wait(id)).state).toBe('done');
    let reports = 0;
    // A report under way when the sidecar stops: it never ends.
    void first.engine.reportOnce(id, () => new Promise(() => undefined));
    expect(await first.engine.reportOnce(id, async () => ++reports)).toBeUndefined();
    await first.close();

    const second = await startTestSidecar(env, first.dataDir);
    try {
      await expect(
        second.engine.reportOnce(id, async () => {
          throw new Error('the page went away');
        }),
      ).rejects.toThrow('the page went away');
      expect(await second.engine.reportOnce(id, async () => ++reports)).toEqual({ value: 1 });
      expect(await second.engine.reportOnce(id, async () => ++reports)).toBeUndefined();
    } finally {
      await second.close();
    }
    const third = await startTestSidecar(env, first.dataDir);
    try {
      expect(await third.engine.reportOnce(id, async () => ++reports)).toBeUndefined();
      expect(reports).toBe(1);
    } finally {
      await third.close();
    }
  });
});
