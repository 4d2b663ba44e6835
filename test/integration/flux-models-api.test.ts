import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MODEL_INFO, type ModelName } from '../../src/catalogue/models.js';
import { fakeFluxLookup, REGIONAL_HOSTS } from '../fake-flux/hosts.js';
import { startFakeFlux, type FakeFlux } from '../fake-flux/server.js';
import { lastJobEvent } from '../support/events.js';
import { testImage, testMask } from '../support/images.js';
import { startTestSidecar, type TestSidecar } from '../support/sidecar.js';

/**
 * Every model against a fake that answers like FLUX: submits on api.bfl.local, polling URLs on a regional host
 * (api.us1.bfl.local), results on three delivery hosts of two domains, all resolved to 127.0.0.1 here.
 */
let fake: FakeFlux;
let sidecar: TestSidecar;
let image: Buffer;
let mask: Buffer;
const W = 200;
const H = 150;

beforeAll(async () => {
  fake = await startFakeFlux({ latencyMs: 50, apiKey: 'model-key', hosts: REGIONAL_HOSTS });
  sidecar = await startTestSidecar(
    {
      FLUX_API_KEY: 'model-key',
      FLUX_API_URL: fake.url,
      // No FLUX_INPAINT_RESULT_HOSTS: any host FLUX names is taken. The fake's hosts resolve to 127.0.0.1,
      // which the SSRF guard refuses unless listed as trusted private origins.
      FLUX_INPAINT_PRIVATE_ORIGINS: fake.origins.join(','),
      FLUX_INPAINT_POLL_INTERVAL_S: '0.1',
      FLUX_INPAINT_MAX_POLL_ATTEMPTS: '100',
    },
    undefined,
    { lookup: fakeFluxLookup },
  );
  image = await testImage(W, H);
  mask = await testMask(W, H);
});

afterEach(() => fake.set({ credits: undefined, outcomes: [] }));

afterAll(async () => {
  await sidecar?.close();
  await fake?.close();
});

async function run(body: Record<string, unknown>): Promise<Record<string, any>> {
  const res = await sidecar.api('/v1/jobs', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ image: image.toString('base64'), provider: 'bfl', ...body }),
  });
  expect(res.status, await res.clone().text()).toBe(202);
  return lastJobEvent(await sidecar.api(`/v1/jobs/${(await res.json()).id}/events`));
}

const taskOf = (prompt: string) => {
  const found = fake.tasks.filter((t) => t.prompt === prompt);
  expect(found).toHaveLength(1);
  return found[0]!;
};

async function resultOf(id: string): Promise<Buffer> {
  return Buffer.from(await (await sidecar.api(`/v1/jobs/${id}/result`)).arrayBuffer());
}

describe('each model, with its own fields, against the fake', () => {
  const cases: Array<[ModelName, Record<string, unknown>, Record<string, unknown>]> = [
    ['fill', { steps: 20, guidance: 30 }, { steps: 20, guidance: 30 }],
    ['expand', { top: 16, right: 8 }, { top: 16, right: 8 }],
    ['kontext-pro', { aspect_ratio: '4:3', prompt_upsampling: true }, { aspect_ratio: '4:3', prompt_upsampling: true }],
    ['kontext-max', { aspect_ratio: 'match' }, {}],
    ['flux-2-pro', { prompt_upsampling: false }, { disable_pup: true }],
    ['flux-2-max', { prompt_upsampling: true }, { disable_pup: false }],
    [
      'flux-2-flex',
      { steps: 12, guidance: 3.5, prompt_upsampling: false },
      { steps: 12, guidance: 3.5, prompt_upsampling: false },
    ],
    ['flux-2-klein-4b', { safety_tolerance: 5 }, { safety_tolerance: 5 }],
    ['flux-2-klein-9b', { seed: 42 }, { seed: 42 }],
  ];

  it.each(cases)(
    '%s: right endpoint, right field names, cost and megapixels on the job',
    async (model, params, sent) => {
      const prompt = `model ${model}`;
      const job = await run({ model, prompt, params, ...(model === 'fill' ? { mask: mask.toString('base64') } : {}) });
      expect(job.state, JSON.stringify(job.error)).toBe('done');
      const task = taskOf(prompt);
      expect(task.endpoint).toBe(MODEL_INFO[model].endpoint);
      expect(task.params).toMatchObject(sent);
      expect(task.params.aspect_ratio === undefined).toBe(!('aspect_ratio' in sent));
      // Nothing is sent that the endpoint does not take.
      expect(Object.keys(task.params).filter((k) => ['mask', 'control_image', 'image'].includes(k))).toEqual([]);
      expect(job.cost).toBe(task.cost);
      expect(job.input_mp).toBeCloseTo((W * H) / 1e6, 2);
      expect(job.output_mp).toBeGreaterThan(0);
    },
  );

  it('references go to input_image_2.. up to the model limit', async () => {
    const refs = await Promise.all([testImage(64, 64), testImage(96, 64), testImage(64, 96)]);
    const job = await run({
      model: 'kontext-pro',
      prompt: 'with references',
      references: refs.map((r) => ({ data: r.toString('base64'), mime: 'image/png' })),
    });
    expect(job.state).toBe('done');
    expect(taskOf('with references').inputs.map((i) => [i.width, i.height])).toEqual([
      [W, H],
      [64, 64],
      [96, 64],
      [64, 96],
    ]);
  });

  it('Fill gets an opaque picture when a mask is painted (transparent areas would be repainted too)', async () => {
    const rgba = Buffer.alloc(W * H * 4, 255);
    for (let p = 0; p < W * 20; p++) rgba[p * 4 + 3] = 0;
    const withAlpha = await sharp(rgba, { raw: { width: W, height: H, channels: 4 } })
      .png()
      .toBuffer();
    const job = await run({
      model: 'fill',
      prompt: 'alpha',
      image: withAlpha.toString('base64'),
      mask: mask.toString('base64'),
    });
    expect(job.state).toBe('done');
    expect(taskOf('alpha').inputs[0]).toMatchObject({ width: W, height: H, hasAlpha: false });
  });

  it('FLUX.2 inputs above 4 megapixels are scaled down before sending', async () => {
    const big = await sharp({ create: { width: 2400, height: 1800, channels: 3, background: '#336699' } })
      .png()
      .toBuffer();
    const job = await run({ model: 'flux-2-klein-4b', prompt: 'big input', image: big.toString('base64') });
    expect(job.state).toBe('done');
    const [sent] = taskOf('big input').inputs;
    expect(sent!.width * sent!.height).toBeLessThanOrEqual(4_000_000);
    expect(sent!.width / sent!.height).toBeCloseTo(4 / 3, 2);
  });
});

describe('only the painted area changes with the instruction models', () => {
  async function pixels(bytes: Buffer) {
    return sharp(bytes).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  }

  it.each(['flux-2-pro', 'kontext-pro'] as const)(
    '%s: every unpainted pixel is byte-identical at png, the painted ones changed',
    async (model) => {
      const job = await run({
        model,
        prompt: `only the middle ${model}`,
        mask: mask.toString('base64'),
        output_format: 'png',
      });
      expect(job.state, JSON.stringify(job.error)).toBe('done');
      expect(job.result).toMatchObject({ mime: 'image/png', width: W, height: H });
      const [src, out, m] = await Promise.all([
        pixels(image),
        pixels(await resultOf(job.id)),
        sharp(mask).greyscale().raw().toBuffer(),
      ]);
      let kept = 0;
      let changed = 0;
      for (let p = 0; p < W * H; p++) {
        const a = src.data.subarray(p * 3, p * 3 + 3);
        const b = out.data.subarray(p * 3, p * 3 + 3);
        if (m[p] === 0) {
          expect(Buffer.compare(a, b), `pixel ${p % W},${Math.floor(p / W)}`).toBe(0);
          kept++;
        } else if (Buffer.compare(a, b) !== 0) changed++;
      }
      expect(kept).toBeGreaterThan(W * H * 0.5);
      expect(changed).toBeGreaterThan(W * H * 0.2);
      // FLUX.2 answered at sides that are multiples of 16: the result was brought back to the original's size.
      if (model === 'flux-2-pro')
        expect(taskOf(`only the middle ${model}`).inputs[0]).toMatchObject({ width: W, height: H });
    },
  );

  it('a soft (grey) mask edge mixes the two pictures; 0 stays the original', async () => {
    const soft = Buffer.alloc(W * H);
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) soft[y * W + x] = x < 50 ? 0 : x < 100 ? 128 : 255;
    const job = await run({
      model: 'flux-2-flex',
      prompt: 'soft edge',
      mask: { format: 'raw', width: W, height: H, data: soft.toString('base64') },
      output_format: 'png',
    });
    expect(job.state).toBe('done');
    const [src, out] = await Promise.all([pixels(image), pixels(await resultOf(job.id))]);
    const at = (buf: Buffer, x: number, y: number) => [...buf.subarray((y * W + x) * 3, (y * W + x) * 3 + 3)];
    expect(at(out.data, 10, 70)).toEqual(at(src.data, 10, 70));
    expect(at(out.data, 75, 70)).not.toEqual(at(src.data, 75, 70));
  });

  it('masked_only: false takes FLUX whole picture; without a mask the whole picture is edited', async () => {
    const whole = await run({
      model: 'flux-2-pro',
      prompt: 'whole picture',
      mask: mask.toString('base64'),
      masked_only: false,
      output_format: 'png',
    });
    expect(whole.result).toMatchObject({ width: 208, height: 144 });
    const noMask = await run({ model: 'flux-2-pro', prompt: 'no mask', output_format: 'png' });
    expect(noMask.result).toMatchObject({ width: 208, height: 144 });
  });
});

describe('results, seeds, money', () => {
  it('results come from three different delivery hosts, polls always go to the returned regional polling_url', async () => {
    const before = fake.requests.length;
    const jobs = await Promise.all(
      [0, 1, 2].map((i) => run({ model: 'fill', prompt: `host ${i}`, mask: mask.toString('base64') })),
    );
    expect(jobs.map((j) => j.state)).toEqual(['done', 'done', 'done']);
    const hosts = new Set([0, 1, 2].map((i) => taskOf(`host ${i}`).resultHost));
    expect(hosts.size).toBe(3);
    const seen = fake.requests.slice(before);
    expect(new Set(seen.filter((r) => r.path.startsWith('/results/')).map((r) => r.host))).toEqual(hosts);
    const polls = seen.filter((r) => r.path === '/v1/get_result');
    expect(polls.length).toBeGreaterThan(0);
    expect(polls.every((r) => r.host === REGIONAL_HOSTS.polling)).toBe(true);
    // The key goes to FLUX's hosts, never to a delivery host.
    expect(seen.filter((r) => r.path.startsWith('/results/')).every((r) => r.key === undefined)).toBe(true);
  });

  it('seeds around 10^12 round-trip exactly, sent or returned', async () => {
    const seed = 4_503_599_627_370_493;
    const sent = await run({ model: 'fill', prompt: 'large seed', mask: mask.toString('base64'), params: { seed } });
    expect(taskOf('large seed').params.seed).toBe(seed);
    expect(sent.result.seed).toBe(seed);
    const chosen = await run({ model: 'flux-2-pro', prompt: 'flux seed' });
    expect(chosen.result.seed).toBeGreaterThanOrEqual(1e12);
    expect(chosen.result.seed).toBe(taskOf('flux seed').result!.seed);
    const again = await (await sidecar.api(`/v1/jobs/${chosen.id}`)).json();
    expect(again.result.seed).toBe(chosen.result.seed);
  });

  it('warns on the job when the FLUX balance looks too low for it, and still sends it', async () => {
    fake.set({ credits: 4.4 });
    // A fresh sidecar: the balance is asked at most every 30 s per key, and this one has asked already.
    const other = await startTestSidecar(
      {
        FLUX_API_KEY: 'model-key',
        FLUX_API_URL: fake.url,
        FLUX_INPAINT_PRIVATE_ORIGINS: fake.origins.join(','),
        FLUX_INPAINT_POLL_INTERVAL_S: '0.1',
      },
      undefined,
      { lookup: fakeFluxLookup },
    );
    try {
      const res = await other.api('/v1/jobs', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'flux-2-pro', prompt: 'low balance', image: image.toString('base64') }),
      });
      const job = await lastJobEvent(await other.api(`/v1/jobs/${(await res.json()).id}/events`));
      expect(job.state).toBe('done');
      expect(job.warning).toMatchObject({
        code: 'flux_out_of_credits',
        key: 'flux_out_of_credits.low',
        params: { balance: 4.4, model: 'FLUX.2 [pro]', needed: 4.5 },
      });
      expect(job.warning.message).toContain('Your FLUX balance is 4.4 credits; FLUX.2 [pro] costs at least 4.5');
      expect(fake.requests.filter((r) => r.path === '/v1/credits').length).toBeGreaterThan(0);
    } finally {
      await other.close();
    }
  });

  it('moderation shows the reasons FLUX gives and does not claim it was free', async () => {
    fake.set({ outcomes: ['Content Moderated'] });
    const job = await run({ model: 'kontext-pro', prompt: 'moderated' });
    expect(job.error.code).toBe('flux_content_moderated');
    expect(job.error.message).toContain('reasons given: Derivative Works');
    expect(job.error.message).not.toMatch(/not charged|free/);
  });
});
