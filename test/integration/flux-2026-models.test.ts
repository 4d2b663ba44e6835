import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FakeFlux } from '../fake-flux/server.js';
import { type Photo, photo } from '../support/photo.js';
import { startFluxSidecar, startTestSidecar, type TestSidecar } from '../support/sidecar.js';

/**
 * The models BFL added in 2026, through the jobs API against the fake: Erase, Outpainting, FLUX 3 Image, the
 * preview names, Fill with a fine-tune. Each sends what BFL's page documents and nothing its schema refuses.
 */
let fake: FakeFlux;
let sidecar: TestSidecar;
let pic: Photo;
let mask: string;
const W = 320;
const H = 240;

beforeAll(async () => {
  ({ fake, sidecar } = await startFluxSidecar(
    'k26',
    { latencyMs: 150 },
    { FLUX_INPAINT_POLL_INTERVAL_S: '0.05', FLUX_INPAINT_MAX_POLL_ATTEMPTS: '400' },
  ));
  pic = await photo(W, H);
  mask = (
    await sharp(Buffer.from(pic.masks.ball), { raw: { width: W, height: H, channels: 1 } })
      .png()
      .toBuffer()
  ).toString('base64');
});

afterEach(() => fake.set({ credits: undefined, submitFaults: [] }));

afterAll(async () => {
  await sidecar?.close();
  await fake?.close();
});

async function post(body: Record<string, unknown>): Promise<Response> {
  return sidecar.api('/v1/jobs', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ image: pic.jpeg.toString('base64'), provider: 'bfl', ...body }),
  });
}

/** Runs a job to its end; returns every state the event stream sent, the last one last. */
async function run(body: Record<string, unknown>): Promise<Array<Record<string, any>>> {
  const res = await post(body);
  expect(res.status, await res.clone().text()).toBe(202);
  return states(await (await sidecar.api(`/v1/jobs/${(await res.json()).id}/events`)).text());
}

function states(events: string): Array<Record<string, any>> {
  return events
    .split('\n')
    .filter((l) => l.startsWith('data: '))
    .map((l) => JSON.parse(l.slice(6)) as Record<string, any>);
}

const lastJob = (events: string) => states(events).at(-1)!;

async function done(body: Record<string, unknown>): Promise<Record<string, any>> {
  const job = (await run(body)).at(-1)!;
  expect(job.state, JSON.stringify(job.error)).toBe('done');
  return job;
}

const lastTask = () => fake.tasks.at(-1)!;

async function rgbOf(id: string) {
  const bytes = Buffer.from(await (await sidecar.api(`/v1/jobs/${id}/result`)).arrayBuffer());
  return sharp(bytes).removeAlpha().raw().toBuffer({ resolveWithObject: true });
}

describe('Erase', () => {
  it('needs no prompt, sends image, mask and dilate_pixels to erase-v1, and removes only the painted area', async () => {
    const job = await done({ model: 'erase', mask, params: { dilate_pixels: 12 }, output_format: 'png' });
    const task = lastTask();
    expect(task.endpoint).toBe('flux-tools/erase-v1');
    expect(task.params).toEqual({ dilate_pixels: 12, output_format: 'png' });
    const { data, info } = await rgbOf(job.id);
    expect([info.width, info.height]).toEqual([W, H]);
    let changed = 0;
    let kept = 0;
    for (let i = 0; i < W * H; i++) {
      const d = Math.abs(data[i * 3]! - pic.rgb[i * 3]!);
      if (pic.masks.ball[i]) changed = Math.max(changed, d);
      else kept += d;
    }
    expect(changed).toBeGreaterThan(40);
    expect(kept / (W * H)).toBeLessThan(3);
  });

  it('refuses Erase without a mask and dilate_pixels above 25, naming the field', async () => {
    const noMask = await post({ model: 'erase' });
    expect(noMask.status).toBe(400);
    expect((await noMask.json()).error.message).toMatch(/mask/i);
    const wide = await post({ model: 'erase', mask, params: { dilate_pixels: 26 } });
    expect(wide.status).toBe(400);
    expect((await wide.json()).error.message).toContain('dilate_pixels');
  });

  it('warns before sending when the balance is below what Erase costs', async () => {
    // A sidecar of its own: the balance is looked up at most every 30 s per key, and the others already did.
    const fresh = await startTestSidecar({
      FLUX_API_KEY: 'k26',
      FLUX_API_URL: fake.url,
      FLUX_INPAINT_RESULT_HOSTS: fake.origin,
      FLUX_INPAINT_POLL_INTERVAL_S: '0.05',
    });
    try {
      fake.set({ credits: 2 });
      const res = await fresh.api('/v1/jobs', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ image: pic.jpeg.toString('base64'), model: 'erase', mask, provider: 'bfl' }),
      });
      const job = lastJob(await (await fresh.api(`/v1/jobs/${(await res.json()).id}/events`)).text());
      expect(job.warning.message).toMatch(/FLUX Erase costs at least 3/);
      // FLUX then decides: 2 credits do not cover Erase's 3, so it answers 402.
      expect(job.error.code).toBe('flux_out_of_credits');
    } finally {
      await fresh.close();
    }
  });
});

describe('Outpaint', () => {
  it('sends the frame as width, height and offsets; the picture lands where the frame put it', async () => {
    const job = await done({
      model: 'outpaint',
      params: { width: 640, height: 360, reference_offset_x: 0, reference_offset_y: 60 },
    });
    expect(lastTask().endpoint).toBe('flux-tools/outpainting-v1');
    expect(lastTask().params).toMatchObject({
      width: 640,
      height: 360,
      reference_offset_x: 0,
      reference_offset_y: 60,
      auto_crop: false,
    });
    const { data, info } = await rgbOf(job.id);
    expect([info.width, info.height]).toEqual([640, 360]);
    expect(Math.abs(data[((60 + 120) * 640 + 100) * 3]! - pic.rgb[(120 * W + 100) * 3]!)).toBeLessThan(12);
  });

  it('sets auto_crop when the frame cuts the picture, and scales a frame over 4 MP down', async () => {
    await done({
      model: 'outpaint',
      params: { width: 400, height: 240, reference_offset_x: -40, reference_offset_y: 0 },
    });
    expect(lastTask().params).toMatchObject({ reference_offset_x: -40, auto_crop: true });
    await done({
      model: 'outpaint',
      params: { width: 4000, height: 2000, reference_offset_x: 100, reference_offset_y: 100 },
    });
    const sent = lastTask().params as { width: number; height: number };
    expect(sent.width * sent.height).toBeLessThanOrEqual(4_194_304);
    expect(sent.width / sent.height).toBeCloseTo(2, 2);
  });

  it('refuses a canvas side under 64 px, naming the field', async () => {
    const res = await post({ model: 'outpaint', params: { width: 63, height: 300 } });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toContain('width');
  });
});

describe('FLUX 3 Image', () => {
  it('sends the picture (scaled up to 256 px) and references as images, shows Reasoning, nothing its schema refuses', async () => {
    const ref = (await photo(300, 300, 3)).jpeg.toString('base64');
    const events = await run({
      model: 'flux-3-image',
      prompt: 'make the ball blue',
      references: [{ data: ref }],
      params: { resolution: '768sq', aspect_ratio: '16:9', grounding: false },
      output_format: 'webp',
    });
    expect(events.at(-1)!.state).toBe('done');
    // FLUX 3 takes no output format and answered in its own (jpeg): the result is in the one asked for.
    expect(lastTask().result!.mime).toBe('image/jpeg');
    expect(events.at(-1)!.result.mime).toBe('image/webp');
    const saved = Buffer.from(await (await sidecar.api(`/v1/jobs/${events.at(-1)!.id}/result`)).arrayBuffer());
    expect((await sharp(saved).metadata()).format).toBe('webp');
    expect(events.map((e) => e.status)).toContain('Reasoning');
    const task = lastTask();
    expect(task.endpoint).toBe('flux-3-image');
    expect(task.inputs).toHaveLength(2);
    // FLUX 3 takes images from 256x256: the 320x240 picture went up to 342x256.
    expect(task.inputs[0]).toMatchObject({ width: 342, height: 256 });
    expect(Object.keys(task.params).sort()).toEqual(['aspect_ratio', 'grounding', 'prompt', 'resolution']);
  });

  it('with a painted mask: the box in the prompt, the picture kept, the result blended back through the mask', async () => {
    const job = await done({ model: 'flux-3-image', prompt: 'a blue ball', mask, output_format: 'png' });
    const task = lastTask();
    const [, boxes] = task.prompt.split('\n');
    const [row] = JSON.parse(boxes!) as Array<{ bbox: number[] }>;
    // The ball sits at about (0.32, 0.78) of the picture.
    expect(row!.bbox[0]).toBeGreaterThan(600);
    expect(row!.bbox[1]).toBeGreaterThan(200);
    expect(task.params.aspect_ratio).toBe('auto');
    const { data, info } = await rgbOf(job.id);
    expect([info.width, info.height]).toEqual([W, H]);
    const original = await sharp(pic.jpeg).raw().toBuffer();
    for (let i = 0; i < W * H; i += 97) if (!pic.masks.ball[i]) expect(data[i * 3]).toBe(original[i * 3]);
  });

  it('refuses seed and safety_tolerance above 4 before sending, and turns a 422 into a message naming the field', async () => {
    const seeded = await post({ model: 'flux-3-image', prompt: 'x', params: { seed: 1 } });
    expect(seeded.status).toBe(400);
    expect((await seeded.json()).error.message).toContain('seed');
    expect((await post({ model: 'flux-3-image', prompt: 'x', params: { safety_tolerance: 5 } })).status).toBe(400);
    fake.set({
      submitFaults: [
        {
          status: 422,
          body: { detail: [{ loc: ['body', 'images', 0], msg: 'Value error, image too large', type: 'value_error' }] },
        },
      ],
    });
    const job = (await run({ model: 'flux-3-image', prompt: 'x' })).at(-1)!;
    expect(job.state).toBe('failed');
    expect(job.error.code).toBe('flux_validation');
    expect(job.error.message).toContain('"images.0"');
  });
});

describe('the preview names and Fill with a fine-tune', () => {
  it.each(['flux-2-pro-preview', 'flux-2-klein-9b-preview'])('%s goes to its own endpoint', async (model) => {
    await done({ model, prompt: 'a red ball' });
    expect(lastTask().endpoint).toBe(model);
  });

  it('Fill with a finetune_id goes to flux-pro-1.0-fill-finetuned; without one, to plain Fill', async () => {
    await done({ model: 'fill', prompt: 'a rock', mask, params: { finetune_id: 'ft-42', finetune_strength: 1.2 } });
    expect(lastTask().endpoint).toBe('flux-pro-1.0-fill-finetuned');
    expect(lastTask().params).toMatchObject({ finetune_id: 'ft-42', finetune_strength: 1.2 });
    await done({ model: 'fill', prompt: 'a rock', mask });
    expect(lastTask().endpoint).toBe('flux-pro-1.0-fill');
    expect(lastTask().params).not.toHaveProperty('finetune_id');
  });
});
