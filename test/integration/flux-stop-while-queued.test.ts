import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFakeFlux, type FakeFlux } from '../fake-flux/server.js';
import { lastJobEvent } from '../support/events.js';
import { testImage, testMask } from '../support/images.js';
import { startTestSidecar } from '../support/sidecar.js';

/**
 * A job FLUX turned away (429) is known not to be a task: a stop while it waits must neither hold the stop up
 * nor mark it as possibly charged. After the restart it is sent, once.
 */
let fake: FakeFlux;

beforeAll(async () => {
  fake = await startFakeFlux({ latencyMs: 200, apiKey: 'stop-key' });
});
afterAll(async () => {
  await fake?.close();
});

it('stopping while a 429 is waited out leaves the job unsent; after the restart it is sent once and done', async () => {
  const env = {
    FLUX_API_KEY: 'stop-key',
    FLUX_API_URL: fake.url,
    FLUX_INPAINT_RESULT_HOSTS: fake.origin,
    FLUX_INPAINT_POLL_INTERVAL_S: '0.5',
    FLUX_INPAINT_MAX_POLL_ATTEMPTS: '300',
  };
  const first = await startTestSidecar(env);
  // A wait within the job's 150 s, but longer than the test may take: a stop that waited it out fails the test.
  fake.set({ submitFaults: [{ status: 429, retryAfter: 120 }] });
  const image = await testImage(96, 64);
  const res = await first.api('/v1/jobs', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      model: 'fill',
      prompt: 'stopped while queued',
      image: image.toString('base64'),
      mask: (await testMask(96, 64)).toString('base64'),
    }),
  });
  const { id } = await res.json();
  for (let i = 0; i < 100 && fake.options.submitFaults.length > 0; i++) await new Promise((r) => setTimeout(r, 50));
  expect(fake.options.submitFaults).toEqual([]);
  await new Promise((r) => setTimeout(r, 100));
  expect((await (await first.api(`/v1/jobs/${id}`)).json()).state).toBe('queued');
  await first.close();
  // Stopped while waiting, before anything more went to FLUX.
  expect(fake.tasks.filter((t) => t.prompt === 'stopped while queued')).toHaveLength(0);

  const second = await startTestSidecar(env, first.dataDir);
  try {
    const job = await lastJobEvent(await second.api(`/v1/jobs/${id}/events`));
    expect(job.state).toBe('done');
    expect(fake.tasks.filter((t) => t.prompt === 'stopped while queued')).toHaveLength(1);
  } finally {
    await second.close();
  }
});
