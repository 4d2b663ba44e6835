import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeFlux, type FakeFlux } from '../fake-flux/server.js';
import { testImage, testMask } from '../support/images.js';
import { lastJobEvent } from '../support/events.js';
import { startTestSidecar, type TestSidecar } from '../support/sidecar.js';

let fake: FakeFlux;
let sidecar: TestSidecar;
let image: Buffer;
let mask: Buffer;

beforeAll(async () => {
  fake = await startFakeFlux({ latencyMs: 300 });
  sidecar = await startTestSidecar({
    FLUX_API_KEY: 'test-key',
    FLUX_API_URL: fake.url,
    FLUX_INPAINT_RESULT_HOSTS: fake.origin,
    FLUX_INPAINT_POLL_INTERVAL_S: '0.1',
    FLUX_INPAINT_MAX_POLL_ATTEMPTS: '100',
  });
  image = await testImage(256, 192);
  mask = await testMask(256, 192);
});

afterAll(async () => {
  await sidecar?.close();
  await fake?.close();
});

async function post(body: unknown) {
  return sidecar.api('/v1/jobs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

async function waitForJob(id: string): Promise<Record<string, any>> {
  const res = await sidecar.api(`/v1/jobs/${id}/events`);
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  return lastJobEvent(res);
}

describe('jobs API over HTTP with the FLUX provider', () => {
  it('fill: submits, polls, downloads and serves a real image with the masked area changed', async () => {
    const res = await post({ model: 'fill', prompt: 'a red square', image: image.toString('base64'), mask: mask.toString('base64'), params: { steps: 20 }, output_format: 'png', provider: 'bfl' });
    expect(res.status).toBe(202);
    const { id, state } = await res.json();
    expect(state).toBe('queued');
    const final = await waitForJob(id);
    expect(final).toMatchObject({ id, state: 'done', provider: 'bfl', model: 'fill', result: { mime: 'image/png', width: 256, height: 192 } });
    const result = await sidecar.api(`/v1/jobs/${id}/result`);
    expect(result.headers.get('content-type')).toBe('image/png');
    const out = await sharp(Buffer.from(await result.arrayBuffer())).raw().toBuffer({ resolveWithObject: true });
    const src = await sharp(image).raw().toBuffer({ resolveWithObject: true });
    const px = (buf: Buffer, ch: number, x: number, y: number) => [...buf.subarray((y * 256 + x) * ch, (y * 256 + x) * ch + 3)];
    expect(px(out.data, out.info.channels, 10, 10)).toEqual(px(src.data, src.info.channels, 10, 10));
    expect(px(out.data, out.info.channels, 128, 96)).not.toEqual(px(src.data, src.info.channels, 128, 96));
    const task = fake.tasks.find((t) => t.prompt === 'a red square');
    expect(task?.params).toMatchObject({ steps: 20 });
  });

  it.each(['canny', 'depth', 'expand'] as const)('%s runs end to end', async (model) => {
    const params = model === 'expand' ? { top: 32, left: 16 } : {};
    const res = await post({ model, prompt: `make it ${model}`, image: image.toString('base64'), params, provider: 'bfl' });
    expect(res.status).toBe(202);
    const final = await waitForJob((await res.json()).id);
    expect(final.state).toBe('done');
    expect(final.result.mime).toBe('image/jpeg');
    if (model === 'expand') expect(final.result).toMatchObject({ width: 256 + 16, height: 192 + 32 });
  });

  it('accepts multipart uploads with the same field names', async () => {
    const form = new FormData();
    form.set('model', 'fill');
    form.set('prompt', 'multipart');
    form.set('provider', 'bfl');
    form.set('params', JSON.stringify({ guidance: 30 }));
    form.set('image', new Blob([new Uint8Array(image)], { type: 'image/png' }), 'in.png');
    form.set('mask', new Blob([new Uint8Array(mask)], { type: 'image/png' }), 'mask.png');
    const res = await sidecar.api('/v1/jobs', { method: 'POST', body: form });
    expect(res.status).toBe(202);
    expect((await waitForJob((await res.json()).id)).state).toBe('done');
  });

  it('edits a previous result with source_job and crops at full resolution', async () => {
    const first = await post({ model: 'expand', prompt: 'wider', image: image.toString('base64'), params: { right: 64 }, provider: 'bfl' });
    const firstId = (await first.json()).id;
    await waitForJob(firstId);
    const cropMask = await testMask(80, 48);
    const res = await post({ model: 'fill', prompt: 'again', source_job: firstId, mask: cropMask.toString('base64'), crop: { x: 0.5, y: 0.5, width: 0.5, height: 0.5 }, provider: 'bfl' });
    expect(res.status, await res.clone().text()).toBe(202);
    const final = await waitForJob((await res.json()).id);
    expect(final.state).toBe('done');
    expect(final.result).toMatchObject({ width: 160, height: 96 });
  });

  it('lists jobs newest first, cancels a running job and deletes a finished one', async () => {
    fake.set({ latencyMs: 5_000 });
    try {
      const res = await post({ model: 'fill', prompt: 'slow', image: image.toString('base64'), mask: mask.toString('base64'), provider: 'bfl' });
      const { id } = await res.json();
      const list = await (await sidecar.api('/v1/jobs')).json();
      expect(list.jobs[0].id).toBe(id);
      const cancelled = await sidecar.api(`/v1/jobs/${id}`, { method: 'DELETE' });
      expect((await cancelled.json()).state).toBe('cancelled');
      const gone = await sidecar.api(`/v1/jobs/${id}`, { method: 'DELETE' });
      expect(gone.status).toBe(204);
      expect((await sidecar.api(`/v1/jobs/${id}`)).status).toBe(404);
    } finally {
      fake.set({ latencyMs: 300 });
    }
  });
});

describe('jobs API refuses bad requests with a clear message', () => {
  it.each([
    [{ model: 'paint', image: 'aGk=' }, 400, 'invalid_request', 'model must be one of fill, canny, depth, expand'],
    [{ model: 'fill', prompt: 'x', mask: 'aGk=' }, 400, 'invalid_request', 'send exactly one of image'],
    [{ model: 'fill', image: '***', mask: 'aGk=' }, 400, 'invalid_request', 'image must be base64'],
    [{ model: 'fill', image: 'aGk=', params: { steps: 99 } }, 400, 'invalid_request', 'params.steps: steps must be between 15 and 50'],
    [{ model: 'canny', image: 'aGk=' }, 400, 'invalid_request', 'canny needs a prompt'],
    [{ model: 'fill', image: 'aGk=', unknown: 1 }, 400, 'invalid_request', 'unknown'],
    [{ model: 'fill', image: 'aGk=', prompt: 'x'.repeat(4001) }, 400, 'invalid_request', 'prompt must be at most 4000 characters'],
  ])('%j -> %i %s', async (body, status, code, message) => {
    const res = await post(body);
    expect(res.status).toBe(status);
    const json = await res.json();
    expect(json.error.code).toBe(code);
    expect(json.error.message).toContain(message);
  });

  it('not an image, empty mask, wrong aspect, missing mask', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ model: 'fill', image: Buffer.from('hello world').toString('base64'), mask: mask.toString('base64') }, 'image_unreadable'],
      [{ model: 'fill', image: image.toString('base64'), mask: (await testMask(256, 192, { x: 0, y: 0, w: 0, h: 0 })).toString('base64') }, 'mask_empty'],
      [{ model: 'fill', image: image.toString('base64'), mask: (await testMask(100, 100)).toString('base64') }, 'mask_aspect_mismatch'],
      [{ model: 'fill', image: image.toString('base64') }, 'mask_required'],
    ];
    for (const [body, code] of cases) {
      const res = await post({ provider: 'bfl', ...body });
      expect(res.status, code).toBe(400);
      expect((await res.json()).error.code).toBe(code);
    }
  });

  it('needs the token everywhere but /healthz and the editor page', async () => {
    expect((await fetch(`${sidecar.url}/healthz`)).status).toBe(200);
    const none = await fetch(`${sidecar.url}/v1/jobs`);
    expect(none.status).toBe(401);
    expect((await none.json()).error.message).toContain('Missing token');
    const wrong = await fetch(`${sidecar.url}/v1/jobs`, { headers: { authorization: 'Bearer nope' } });
    expect((await wrong.json()).error).toMatchObject({ code: 'unauthorized' });
  });

  it('unknown job, unknown route, invalid JSON, no stack traces', async () => {
    expect((await (await sidecar.api('/v1/jobs/nope')).json()).error.code).toBe('job_not_found');
    expect((await (await sidecar.api('/v1/nothing')).json()).error.code).toBe('not_found');
    const bad = await sidecar.api('/v1/jobs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"model":' });
    expect(bad.status).toBe(400);
    const text = await bad.text();
    expect(text).not.toMatch(/at .*\.ts:\d+/);
    expect(JSON.parse(text).error.code).toBe('invalid_json');
  });

  it('leaves no partial files behind after refused jobs', async () => {
    const files = await readdir(join(sidecar.dataDir, 'results'));
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
