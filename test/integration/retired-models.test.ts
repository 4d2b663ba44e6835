import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeFlux, type FakeFlux } from '../fake-flux/server.js';
import { testImage, testMask } from '../support/images.js';
import { startTestSidecar } from '../support/sidecar.js';

/**
 * A journal written before BFL retired Canny and Depth (models "canny", "depth", endpoints
 * flux-pro-1.0-canny / -depth), or by another version: every entry ends, paid results are kept, the start goes on.
 */
let fake: FakeFlux;
beforeAll(async () => {
  fake = await startFakeFlux({ latencyMs: 1_500, apiKey: 'old-journal-key' });
});
afterAll(() => fake?.close());

const env = () => ({
  FLUX_API_KEY: 'old-journal-key',
  FLUX_API_URL: fake.url,
  FLUX_INPAINT_RESULT_HOSTS: fake.origin,
  FLUX_INPAINT_POLL_INTERVAL_S: '0.1',
  FLUX_INPAINT_MAX_POLL_ATTEMPTS: '300',
});

function entry(id: string, fields: Record<string, unknown>): string {
  const at = new Date().toISOString();
  return `${JSON.stringify({
    id,
    provider: 'bfl',
    prompt: `old ${id}`,
    params: {},
    outputFormat: 'png',
    status: 'Old',
    progress: null,
    createdAt: at,
    updatedAt: at,
    resultName: `result-${id}`,
    owner: 'standalone',
    ...fields,
  })}\n`;
}

describe('a journal with entries this version no longer knows', () => {
  it('starts, ends each entry with a clear message, and keeps every result FLUX was paid for', async () => {
    // A Depth job FLUX is working on: sent by a sidecar, journaled with its checkpoint, then the sidecar stopped.
    const first = await startTestSidecar(env());
    const dir = first.dataDir;
    const res = await first.api('/v1/jobs', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'fill',
        prompt: 'a running depth job',
        image: (await testImage(128, 96)).toString('base64'),
        mask: (await testMask(128, 96)).toString('base64'),
        provider: 'bfl',
      }),
    });
    const { id: running } = await res.json();
    for await (const view of first.engine.watch(running)) if (view.state === 'running') break;
    await first.close();
    const journal = join(dir, 'journal.jsonl');
    await writeFile(journal, (await readFile(journal, 'utf8')).replaceAll('"model":"fill"', '"model":"depth"'));
    const checkpoint = {
      taskId: 'old-task',
      pollingUrl: `${fake.url}/get_result?id=old-task`,
      submittedAt: Date.now(),
    };
    await writeFile(join(dir, 'results', 'result-downloaded.png'), await testImage(64, 48));
    await appendFile(
      journal,
      [
        entry('queued', { model: 'canny', state: 'queued' }),
        entry('sending', { model: 'flux-pro-1.0-canny', state: 'submitting' }),
        entry('downloaded', { model: 'flux-pro-1.0-depth', state: 'downloading', checkpoint }),
        entry('future', { model: 'fill', state: 'paused' }),
      ].join(''),
    );

    const second = await startTestSidecar(env(), dir);
    try {
      const ended = async (id: string) => second.engine.wait(id);
      expect(await ended('queued')).toMatchObject({
        state: 'failed',
        error: {
          code: 'job_entry_unknown',
          message:
            'This job, "old queued", asked for FLUX canny, which this version no longer offers. It never reached FLUX, so nothing was charged: send the edit again with another model.',
        },
      });
      expect(await ended('sending')).toMatchObject({
        state: 'failed',
        error: { code: 'submit_outcome_unknown', message: expect.stringContaining('FLUX flux-pro-1.0-canny') },
      });
      expect(await ended('downloaded')).toMatchObject({ state: 'done', result: { mime: 'image/png' } });
      expect(await ended('future')).toMatchObject({ state: 'failed', error: { code: 'job_entry_unknown' } });
      // FLUX finishes the Depth task: its result is downloaded and kept, not thrown away.
      expect(await ended(running)).toMatchObject({ state: 'done', model: 'depth', result: { mime: 'image/jpeg' } });
      // Read to the end: a body left unread keeps the connection busy, and the sidecar's close waits for it.
      const result = await second.api(`/v1/jobs/${running}/result`);
      expect(result.status).toBe(200);
      expect(Buffer.from(await result.arrayBuffer()).subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    } finally {
      await second.close();
    }
  });

  it('reads a job not yet sent again as a new request: a value this version does not take ends it, unsent', async () => {
    const first = await startTestSidecar(env());
    const dir = first.dataDir;
    await first.close();
    const submits = fake.requests.filter((r) => r.method === 'POST').length;
    await appendFile(
      join(dir, 'journal.jsonl'),
      [
        // Journaled when Fill's steps went to 99, say, or edited by hand.
        entry('steps', { model: 'fill', state: 'queued', params: { steps: 99 } }),
        entry('field', { model: 'erase', state: 'queued', params: { guidance: 30 } }),
        entry('format', { model: 'kontext-pro', state: 'queued', prompt: 'x', outputFormat: 'webp' }),
        // Fields this version takes: it goes on to its inputs (none kept here, so it ends for that reason).
        entry('fine', { model: 'fill', state: 'queued', params: { steps: 30, finetune_id: '' } }),
      ].join(''),
    );
    const second = await startTestSidecar(env(), dir);
    try {
      expect(await second.engine.wait('steps')).toMatchObject({
        state: 'failed',
        error: {
          code: 'job_entry_unknown',
          key: 'job_entry_unknown.fields',
          params: { field: 'params.steps' },
          message:
            'This job, "old steps", was kept from an earlier version with a value this version does not take (params.steps). It never reached FLUX, so nothing was charged: send the edit again.',
        },
      });
      expect(await second.engine.wait('field')).toMatchObject({ error: { params: { field: 'params' } } });
      expect(await second.engine.wait('format')).toMatchObject({ error: { params: { field: 'output_format' } } });
      expect(await second.engine.wait('fine')).toMatchObject({
        state: 'failed',
        error: { code: 'job_inputs_missing' },
      });
      expect(fake.requests.filter((r) => r.method === 'POST').length).toBe(submits);
    } finally {
      await second.close();
    }
  });
});
