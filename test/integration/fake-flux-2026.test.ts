import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeFlux, startFakeFlux } from '../fake-flux/server.js';
import { photo } from '../support/photo.js';

/**
 * The fake FLUX server's endpoints added in 2026 (Erase, Outpainting, FLUX 3 Image, the preview names, Fill
 * with a fine-tune) behave as BFL documents them (TRACE.md): the sidecar's own tests can only be as right as
 * the fake they run against.
 */
let fake: FakeFlux;
beforeAll(async () => {
  fake = await startFakeFlux({ latencyMs: 300, apiKey: 'k' });
});
afterAll(() => fake?.close());

async function post(endpoint: string, body: Record<string, unknown>) {
  const res = await fetch(`${fake.url}/${endpoint}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-key': 'k' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Polls a task to its end; returns every status seen and the downloaded result. */
async function finish(pollingUrl: string): Promise<{ statuses: string[]; image: Buffer; sample: string }> {
  const statuses: string[] = [];
  for (;;) {
    const r = (await (await fetch(pollingUrl, { headers: { 'x-key': 'k' } })).json()) as {
      status: string;
      result: { sample: string } | null;
    };
    if (statuses.at(-1) !== r.status) statuses.push(r.status);
    if (r.status === 'Ready') {
      // A moment passes, so a link a test cut to 1 ms has expired before it is fetched.
      await new Promise((resolve) => setTimeout(resolve, 5));
      const got = await fetch(r.result!.sample);
      if (!got.ok) throw new Error(`result link answered ${got.status}`);
      const image = Buffer.from(await got.arrayBuffer());
      return { statuses, image, sample: r.result!.sample };
    }
    if (!['Pending', 'Reasoning', 'Generating'].includes(r.status)) throw new Error(`ended ${r.status}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const b64 = (b: Buffer) => b.toString('base64');
const locs = (body: Record<string, unknown>) => (body.detail as Array<{ loc: unknown[] }>).map((d) => d.loc.join('.'));

async function maskPng(mask: Uint8Array, width: number, height: number): Promise<Buffer> {
  return sharp(Buffer.from(mask), { raw: { width, height, channels: 1 } })
    .png()
    .toBuffer();
}

describe('Erase (POST /v1/flux-tools/erase-v1)', () => {
  it('takes an image and a mask without a prompt, changes only the painted area, keeps the size', async () => {
    const p = await photo(320, 240);
    const mask = await maskPng(p.masks.ball, 320, 240);
    const sent = await post('flux-tools/erase-v1', { image: b64(p.jpeg), mask: b64(mask), dilate_pixels: 10 });
    expect(sent.status).toBe(200);
    const { image } = await finish(String(sent.body.polling_url));
    const { data, info } = await sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([320, 240]);
    let inside = 0;
    let outside = 0;
    for (let i = 0; i < 320 * 240; i++) {
      const d = Math.abs(data[i * 3]! - p.rgb[i * 3]!);
      if (p.masks.ball[i]) inside = Math.max(inside, d);
      else outside += d;
    }
    expect(inside).toBeGreaterThan(40);
    // JPEG re-encoding only: the unpainted picture stays.
    expect(outside / (320 * 240)).toBeLessThan(4);
  });

  it('refuses a missing mask, dilate_pixels above 25, and a mask of another size, naming the field', async () => {
    const p = await photo(160, 120);
    const mask = await maskPng(p.masks.ball, 160, 120);
    expect(locs((await post('flux-tools/erase-v1', { image: b64(p.jpeg) })).body)).toEqual(['body.mask']);
    const tooMuch = await post('flux-tools/erase-v1', { image: b64(p.jpeg), mask: b64(mask), dilate_pixels: 26 });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.detail).toEqual([
      { loc: ['body', 'dilate_pixels'], msg: 'Input should be less than or equal to 25', type: 'less_than_equal' },
    ]);
    const small = await maskPng(new Uint8Array(80 * 60).fill(255), 80, 60);
    expect(locs((await post('flux-tools/erase-v1', { image: b64(p.jpeg), mask: b64(small) })).body)).toEqual([
      'body.mask',
    ]);
  });
});

describe('Outpainting (POST /v1/flux-tools/outpainting-v1)', () => {
  it('places the picture on a width x height canvas at the offsets and paints the rest', async () => {
    const p = await photo(320, 240);
    const sent = await post('flux-tools/outpainting-v1', {
      input_image: b64(p.jpeg),
      width: 640,
      height: 360,
      reference_offset_x: 0,
      reference_offset_y: 60,
    });
    expect(sent.status).toBe(200);
    const { image, sample } = await finish(String(sent.body.polling_url));
    // png is Outpainting's documented default format.
    expect(sample).toMatch(/\.png\?/);
    const { data, info } = await sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([640, 360]);
    // The picture's own pixels sit at (0, 60).
    const at = (x: number, y: number) => data[(y * 640 + x) * 3]!;
    expect(Math.abs(at(100, 60 + 100) - p.rgb[(100 * 320 + 100) * 3]!)).toBeLessThan(8);
  });

  it('refuses a picture off the canvas unless auto_crop is set, a canvas over 4 MP, and sides under 64', async () => {
    const p = await photo(320, 240);
    const image = b64(p.jpeg);
    const off = { input_image: image, width: 640, height: 360, reference_offset_x: 400 };
    expect((await post('flux-tools/outpainting-v1', off)).status).toBe(422);
    expect((await post('flux-tools/outpainting-v1', { ...off, auto_crop: true })).status).toBe(200);
    const huge = await post('flux-tools/outpainting-v1', { input_image: image, width: 2100, height: 2100 });
    expect(huge.status).toBe(422);
    expect(
      locs((await post('flux-tools/outpainting-v1', { input_image: image, width: 63, height: 300 })).body),
    ).toEqual(['body.width']);
  });
});

describe('FLUX 3 Image (POST /v1/flux-3-image)', () => {
  it('edits from images, reports Pending, Reasoning, Generating, Ready, and keeps its link an hour', async () => {
    const p = await photo(512, 384);
    const sent = await post('flux-3-image', {
      prompt: 'make the ball blue',
      images: [b64(p.jpeg)],
      resolution: '768sq',
      aspect_ratio: 'auto',
    });
    expect(sent.status).toBe(200);
    const done = await finish(String(sent.body.polling_url));
    expect(done.statuses).toContain('Reasoning');
    expect(done.statuses.at(-1)).toBe('Ready');
    const order = ['Pending', 'Reasoning', 'Generating', 'Ready'];
    expect(done.statuses.map((s) => order.indexOf(s))).toEqual(done.statuses.map((s) => order.indexOf(s)).sort());
    // Other models' links last 10 minutes (here cut to 1 ms); FLUX 3's last about an hour.
    fake.set({ resultTtlMs: 1 });
    const other = await post('flux-2-klein-4b', { prompt: 'x' });
    const klein = await finish(String(other.body.polling_url)).catch(() => undefined);
    expect(klein).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect((await fetch(done.sample)).status).toBe(200);
    fake.set({ resultTtlMs: 10 * 60_000 });
    const meta = await sharp(done.image).metadata();
    // 768sq is about 0.59 MP, at the first image's 4:3.
    expect(Math.abs((meta.width ?? 0) / (meta.height ?? 1) - 4 / 3)).toBeLessThan(0.05);
    expect(((meta.width ?? 0) * (meta.height ?? 0)) / 1e6).toBeCloseTo(0.59, 1);
  });

  it('refuses what its strict schema does not declare: seed, width, height, output_format, prompt_upsampling', async () => {
    for (const extra of [
      { seed: 1 },
      { width: 1024 },
      { height: 1024 },
      { output_format: 'png' },
      { prompt_upsampling: false },
    ]) {
      const r = await post('flux-3-image', { prompt: 'a cat', ...extra });
      expect(r.status).toBe(422);
      expect(r.body.detail).toEqual([
        { loc: ['body', Object.keys(extra)[0]], msg: 'Extra inputs are not permitted', type: 'extra_forbidden' },
      ]);
    }
  });

  it('refuses more than 10 images, images under 256x256, an unknown resolution, and safety_tolerance above 4', async () => {
    const p = await photo(300, 300);
    const tooMany = await post('flux-3-image', { prompt: 'x', images: Array(11).fill(b64(p.jpeg)) });
    expect(locs(tooMany.body)).toEqual(['body.images']);
    const small = b64((await photo(200, 200)).jpeg);
    expect(locs((await post('flux-3-image', { prompt: 'x', images: [b64(p.jpeg), small] })).body)).toEqual([
      'body.images.1',
    ]);
    expect(locs((await post('flux-3-image', { prompt: 'x', resolution: '3k' })).body)).toEqual(['body.resolution']);
    expect(locs((await post('flux-3-image', { prompt: 'x', safety_tolerance: 5 })).body)).toEqual([
      'body.safety_tolerance',
    ]);
  });
});

describe('the preview names and Fill with a fine-tune', () => {
  it('answers flux-2-pro-preview and flux-2-klein-9b-preview like the pinned names', async () => {
    const p = await photo(256, 192);
    for (const endpoint of ['flux-2-pro-preview', 'flux-2-klein-9b-preview']) {
      const r = await post(endpoint, { prompt: 'a cat', input_image: b64(p.jpeg) });
      expect(r.status).toBe(200);
      expect((await finish(String(r.body.polling_url))).statuses.at(-1)).toBe('Ready');
    }
    expect((await post('flux-2-klein-9b-preview', { prompt: 'x', safety_tolerance: 6 })).status).toBe(422);
  });

  it('needs finetune_id for flux-pro-1.0-fill-finetuned and charges 6 credits', async () => {
    const p = await photo(256, 192);
    const mask = b64(await maskPng(p.masks.ball, 256, 192));
    expect(locs((await post('flux-pro-1.0-fill-finetuned', { image: b64(p.jpeg), mask })).body)).toEqual([
      'body.finetune_id',
    ]);
    const ok = await post('flux-pro-1.0-fill-finetuned', {
      image: b64(p.jpeg),
      mask,
      finetune_id: 'my-finetune',
      prompt: 'a rock',
    });
    expect(ok.status).toBe(200);
    expect(ok.body.cost).toBe(6);
  });
});
