import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeFlux, type FakeFlux } from '../fake-flux/server.js';
import { FakePage } from '../support/fake-page.js';
import { runSession } from '../support/fake-owui.js';
import { testImage, testMask } from '../support/images.js';
import { startTestSidecar, TEST_TOKEN, type TestSidecar } from '../support/sidecar.js';

/** The valves an admin sets in Open WebUI rule the chat's jobs, over the sidecar's own settings. */
const FLUX_KEY = 'flux-secret-key-valves';
let fake: FakeFlux;
let sidecar: TestSidecar;
let image: string;

beforeAll(async () => {
  // FLUX takes 3 s for each picture; the sidecar's own polling would wait for it (300 checks, 0.1 s apart).
  fake = await startFakeFlux({ latencyMs: 3_000, apiKey: FLUX_KEY });
  sidecar = await startTestSidecar({
    FLUX_INPAINT_RESULT_HOSTS: fake.origin,
    FLUX_INPAINT_POLL_INTERVAL_S: '0.1',
    FLUX_INPAINT_MAX_POLL_ATTEMPTS: '300',
  });
  image = `data:image/png;base64,${(await testImage(320, 240)).toString('base64')}`;
});

afterAll(async () => {
  await sidecar?.close();
  await fake?.close();
});

async function send(valves: Record<string, unknown>, params: Record<string, unknown> = {}) {
  let init: Record<string, any> = {};
  const mask = (await testMask(160, 120)).toString('base64');
  const page = new FakePage({
    onInit: (v) => {
      init = v;
      return { model: 'fill', prompt: 'a hat', image: { ref: v.images[0].ref }, mask, params, output_format: 'png' };
    },
  });
  const messages = [
    { id: 'u1', role: 'user', content: 'draw a cat' },
    { id: 'a1', role: 'assistant', content: `![cat](${image})` },
  ];
  const run = await runSession({
    url: sidecar.url,
    token: TEST_TOKEN,
    page,
    messages,
    clicked: 'a1',
    valves: { FLUX_API_URL: fake.url, FLUX_API_KEY: FLUX_KEY, SIDECAR_TOKEN: TEST_TOKEN, ...valves },
  });
  const statuses = run.chat.get('a1')!.statusHistory.map((s) => s.description);
  return { init, statuses, task: fake.tasks.at(-1)! };
}

describe("Open WebUI's valves for the chat's jobs", { timeout: 60_000 }, () => {
  it('POLL_INTERVAL x MAX_POLL_ATTEMPTS is the job budget: 2 checks 0.5 s apart give up on a 3 s picture', async () => {
    const { statuses, task } = await send({ POLL_INTERVAL: 0.5, MAX_POLL_ATTEMPTS: 2 });
    expect(statuses.at(-1)).toMatch(/POLL_INTERVAL x MAX_POLL_ATTEMPTS/);
    expect(task.polls).toBeLessThanOrEqual(2);
  });

  it('with room for it, the same picture arrives', async () => {
    const { statuses } = await send({ POLL_INTERVAL: 0.5, MAX_POLL_ATTEMPTS: 30 });
    expect(statuses.at(-1)).toMatch(/^Done in \d+ sec\./);
  });

  it("SAFETY_TOLERANCE is the ceiling: the editor's value may be stricter, never more permissive", async () => {
    const looser = await send({ SAFETY_TOLERANCE: 2, MAX_POLL_ATTEMPTS: 30 }, { safety_tolerance: 5 });
    expect(looser.init.ceilings).toEqual({ safety_tolerance: 2 });
    expect(looser.task.params.safety_tolerance).toBe(2);
    const stricter = await send({ SAFETY_TOLERANCE: 2, MAX_POLL_ATTEMPTS: 30 }, { safety_tolerance: 1 });
    expect(stricter.task.params.safety_tolerance).toBe(1);
    const unset = await send({ SAFETY_TOLERANCE: 4, MAX_POLL_ATTEMPTS: 30 });
    expect(unset.task.params.safety_tolerance).toBe(4);
  });
});
