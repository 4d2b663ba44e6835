import { getHeapSpaceStatistics } from 'node:v8';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeFlux, type FakeFlux } from '../fake-flux/server.js';
import { FakePage } from '../support/fake-page.js';
import { runSession } from '../support/fake-owui.js';
import { testImage, testMask } from '../support/images.js';
import { startTestSidecar, TEST_TOKEN, type TestSidecar } from '../support/sidecar.js';

const SESSIONS = 50;
let fake: FakeFlux;
let sidecar: TestSidecar;

/** The process's memory less V8's young generation, whose size each Node version picks (Node 24's is ~90 MB larger). */
function footprint(): number {
  const young = getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
  return process.memoryUsage().rss - (young?.physical_space_size ?? 0);
}

beforeAll(async () => {
  fake = await startFakeFlux({ latencyMs: 1_500, apiKey: 'load-key' });
  sidecar = await startTestSidecar({
    FLUX_INPAINT_RESULT_HOSTS: fake.origin,
    FLUX_INPAINT_POLL_INTERVAL_S: '0.25',
    FLUX_INPAINT_MAX_POLL_ATTEMPTS: '400',
    FLUX_INPAINT_MAX_ACTIVE_TASKS: '20',
    FLUX_INPAINT_RATE_LIMIT: '0',
    LOG_LEVEL: 'info',
  });
});

afterAll(async () => {
  await sidecar?.close();
  await fake?.close();
});

describe('load', () => {
  it(`${SESSIONS} concurrent Inpaint sessions all complete, none lost or duplicated, within the active-task limit`, async () => {
    const image = `data:image/png;base64,${(await testImage(256, 192)).toString('base64')}`;
    const mask = (await testMask(128, 96)).toString('base64');
    const before = footprint();
    const runs = await Promise.all(
      Array.from({ length: SESSIONS }, (_, i) =>
        runSession({
          url: sidecar.url,
          token: TEST_TOKEN,
          page: new FakePage({
            onInit: (init) => ({
              model: 'fill',
              prompt: `load ${i}`,
              image: { ref: init.images[0].ref },
              mask,
              params: { steps: 15 },
              output_format: 'jpeg',
            }),
          }),
          messages: [{ id: `a${i}`, role: 'assistant', content: `![p](${image})` }],
          clicked: `a${i}`,
          valves: { FLUX_API_URL: fake.url, FLUX_API_KEY: 'load-key', TRANSLATE_PROMPTS: 'never' },
        }),
      ),
    );
    for (const [i, run] of runs.entries()) {
      expect(run.done, `session ${i}`).toMatchObject({ ok: true });
      const added = [...run.chat.values()].filter((m) => m.parentId === `a${i}`);
      expect(added, `session ${i}`).toHaveLength(1);
      expect(added[0]!.content).toContain(`Prompt: load ${i}`);
    }
    for (let i = 0; i < SESSIONS; i++) expect(fake.tasks.filter((t) => t.prompt === `load ${i}`)).toHaveLength(1);
    expect(fake.peakActive()).toBeLessThanOrEqual(20);
    // Images are kept on disk, not in memory: 50 sessions must not grow the process by hundreds of MB.
    expect(footprint() - before).toBeLessThan(300 * 1024 * 1024);
  }, 120_000);
});
