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
  fake = await startFakeFlux({ latencyMs: 50 });
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
  return sidecar.api('/v1/jobs', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function waitForJob(id: string): Promise<Record<string, any>> {
  const res = await sidecar.api(`/v1/jobs/${id}/events`);
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  return lastJobEvent(res);
}

describe('jobs API over HTTP with the FLUX provider', () => {
  it('fill: submits, polls, downloads and serves a real image with the masked area changed', async () => {
    const res = await post({
      model: 'fill',
      prompt: 'a red square',
      image: image.toString('base64'),
      mask: mask.toString('base64'),
      params: { steps: 20 },
      output_format: 'png',
      provider: 'bfl',
    });
    expect(res.status).toBe(202);
    const { id, state } = await res.json();
    expect(state).toBe('queued');
    const final = await waitForJob(id);
    expect(final).toMatchObject({
      id,
      state: 'done',
      provider: 'bfl',
      model: 'fill',
      result: { mime: 'image/png', width: 256, height: 192 },
    });
    const result = await sidecar.api(`/v1/jobs/${id}/result`);
    expect(result.headers.get('content-type')).toBe('image/png');
    const out = await sharp(Buffer.from(await result.arrayBuffer()))
      .raw()
      .toBuffer({ resolveWithObject: true });
    const src = await sharp(image).raw().toBuffer({ resolveWithObject: true });
    const px = (buf: Buffer, ch: number, x: number, y: number) => [
      ...buf.subarray((y * 256 + x) * ch, (y * 256 + x) * ch + 3),
    ];
    expect(px(out.data, out.info.channels, 10, 10)).toEqual(px(src.data, src.info.channels, 10, 10));
    expect(px(out.data, out.info.channels, 128, 96)).not.toEqual(px(src.data, src.info.channels, 128, 96));
    const task = fake.tasks.find((t) => t.prompt === 'a red square');
    expect(task?.params).toMatchObject({ steps: 20 });
  });

  it.each([
    ['expand', { top: 32, left: 16 }, 'image/jpeg'],
    ['kontext-pro', { aspect_ratio: 'match' }, 'image/png'],
    ['flux-2-pro', { prompt_upsampling: false }, 'image/jpeg'],
  ] as const)('%s runs end to end', async (model, params, mime) => {
    const res = await post({
      model,
      prompt: `make it ${model}`,
      image: image.toString('base64'),
      params,
      provider: 'bfl',
    });
    expect(res.status).toBe(202);
    const final = await waitForJob((await res.json()).id);
    expect(final.state).toBe('done');
    expect(final.result.mime).toBe(mime);
    if (model === 'expand') expect(final.result).toMatchObject({ width: 256 + 16, height: 192 + 32 });
  });

  it('takes the mask as raw bytes (one per pixel), as the editor sends it', async () => {
    const raw = await sharp(mask).greyscale().raw().toBuffer();
    const res = await post({
      model: 'fill',
      prompt: 'raw mask',
      image: image.toString('base64'),
      mask: { format: 'raw', width: 256, height: 192, data: raw.toString('base64') },
      output_format: 'png',
      provider: 'bfl',
    });
    expect(res.status, await res.clone().text()).toBe(202);
    const final = await waitForJob((await res.json()).id);
    expect(final.state).toBe('done');
    const out = await sharp(Buffer.from(await (await sidecar.api(`/v1/jobs/${final.id}/result`)).arrayBuffer()))
      .removeAlpha()
      .raw()
      .toBuffer();
    const src = await sharp(image).removeAlpha().raw().toBuffer();
    expect([...out.subarray(0, 3)]).toEqual([...src.subarray(0, 3)]);
    const centre = (96 * 256 + 128) * 3;
    expect([...out.subarray(centre, centre + 3)]).not.toEqual([...src.subarray(centre, centre + 3)]);
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

  it('edits a previous result ({job}) and crops at full resolution', async () => {
    const first = await post({
      model: 'expand',
      prompt: 'wider',
      image: image.toString('base64'),
      params: { right: 64 },
      provider: 'bfl',
    });
    const firstId = (await first.json()).id;
    await waitForJob(firstId);
    const cropMask = await testMask(80, 48);
    const res = await post({
      model: 'fill',
      prompt: 'again',
      image: { job: firstId },
      mask: cropMask.toString('base64'),
      crop: { x: 0.5, y: 0.5, width: 0.5, height: 0.5 },
      provider: 'bfl',
    });
    expect(res.status, await res.clone().text()).toBe(202);
    const final = await waitForJob((await res.json()).id);
    expect(final.state).toBe('done');
    expect(final.result).toMatchObject({ width: 160, height: 96 });
  });

  it('lists jobs newest first, cancels a running job and deletes a finished one', async () => {
    fake.set({ latencyMs: 5_000 });
    try {
      const res = await post({
        model: 'fill',
        prompt: 'slow',
        image: image.toString('base64'),
        mask: mask.toString('base64'),
        provider: 'bfl',
      });
      const { id } = await res.json();
      const list = await (await sidecar.api('/v1/jobs')).json();
      expect(list.jobs[0].id).toBe(id);
      const cancelled = await sidecar.api(`/v1/jobs/${id}`, { method: 'DELETE' });
      expect((await cancelled.json()).state).toBe('cancelled');
      const gone = await sidecar.api(`/v1/jobs/${id}`, { method: 'DELETE' });
      expect(gone.status).toBe(204);
      expect((await sidecar.api(`/v1/jobs/${id}`)).status).toBe(404);
    } finally {
      fake.set({ latencyMs: 50 });
    }
  });
});

describe('jobs API refuses bad requests with a clear message', () => {
  it.each([
    [
      { model: 'paint', image: 'aGk=' },
      400,
      'invalid_request',
      'model: must be one of fill, erase, expand, outpaint, flux-3-image, kontext-pro',
    ],
    [{ model: 'canny', image: 'aGk=', prompt: 'x' }, 400, 'invalid_request', 'model: must be one of'],
    [{ model: 'fill', prompt: 'x', mask: 'aGk=' }, 400, 'invalid_request', 'image: must name a picture of the chat'],
    [{ model: 'fill', image: '***', mask: 'aGk=' }, 400, 'invalid_request', 'image.data: must be base64 text'],
    [
      { model: 'fill', image: 'aGk=', params: { steps: 99 } },
      400,
      'invalid_request',
      'params.steps: must be between 15 and 50.',
    ],
    [
      { model: 'fill', image: 'aGk=', params: { aspect_ratio: '1:1' } },
      400,
      'invalid_request',
      'params: FLUX.1 Fill [pro] has no field aspect_ratio',
    ],
    [
      { model: 'kontext-pro', image: 'aGk=' },
      400,
      'invalid_request',
      'prompt: FLUX.1 Kontext [pro] needs an instruction',
    ],
    [
      { model: 'fill', image: 'aGk=', output_format: 'webp' },
      400,
      'invalid_request',
      'output_format: FLUX.1 Fill [pro] cannot give webp; choose one of jpeg, png.',
    ],
    [
      { model: 'flux-2-flex', prompt: 'x', image: 'aGk=', params: { guidance: 11 } },
      400,
      'invalid_request',
      'params.guidance: must be between 1.5 and 10.',
    ],
    [
      { model: 'flux-2-pro', prompt: 'x', image: 'aGk=', params: { safety_tolerance: 6 } },
      400,
      'invalid_request',
      'params.safety_tolerance: must be between 0 and 5.',
    ],
    [
      { model: 'fill', image: 'aGk=', params: { seed: 2 ** 53 } },
      400,
      'invalid_request',
      'params.seed: must be a whole number.',
    ],
    [
      {
        model: 'kontext-pro',
        prompt: 'x',
        image: 'aGk=',
        references: [{ data: 'aGk=' }, { data: 'aGk=' }, { data: 'aGk=' }, { data: 'aGk=' }],
      },
      400,
      'invalid_request',
      'references: FLUX.1 Kontext [pro] takes at most 3 reference images',
    ],
    [
      { model: 'fill', image: 'aGk=', references: [{ data: 'aGk=' }] },
      400,
      'invalid_request',
      'references: FLUX.1 Fill [pro] takes no reference images',
    ],
    [
      { model: 'fill', image: 'aGk=', mask: { format: 'raw', width: 4, height: 4, data: 'aGk=' } },
      400,
      'invalid_request',
      'mask.data: must hold exactly width x height bytes',
    ],
    [
      { model: 'fill', image: { ref: 'abc' } },
      400,
      'invalid_request',
      'image: "ref" names a picture of an Open WebUI chat',
    ],
    [{ model: 'fill', image: 'aGk=', source_job: 'abc' }, 400, 'invalid_request', 'source_job'],
    [
      { model: 'flux-2-pro', prompt: 'x', image: 'aGk=', masked_only: 'yes' },
      400,
      'invalid_request',
      'masked_only: expected boolean.',
    ],
    [{ model: 'fill', image: 'aGk=', unknown: 1 }, 400, 'invalid_request', 'unknown'],
    [
      { model: 'fill', image: 'aGk=', prompt: 'x'.repeat(4001) },
      400,
      'invalid_request',
      'prompt: at most 4000 characters.',
    ],
  ])('%j -> %i %s', async (body, status, code, message) => {
    const res = await post(body);
    expect(res.status).toBe(status);
    const json = await res.json();
    expect(json.error.code).toBe(code);
    expect(json.error.message).toContain(message);
  });

  it('not an image, empty mask, wrong aspect, missing mask', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [
        { model: 'fill', image: Buffer.from('hello world').toString('base64'), mask: mask.toString('base64') },
        'image_unreadable',
      ],
      [
        {
          model: 'fill',
          image: image.toString('base64'),
          mask: (await testMask(256, 192, { x: 0, y: 0, w: 0, h: 0 })).toString('base64'),
        },
        'mask_empty',
      ],
      [
        { model: 'fill', image: image.toString('base64'), mask: (await testMask(100, 100)).toString('base64') },
        'mask_aspect_mismatch',
      ],
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
    const bad = await sidecar.api('/v1/jobs', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"model":',
    });
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
