import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODEL_INFO } from '../../src/catalogue/models.js';
import { type FakeFlux, startFakeFlux } from '../fake-flux/server.js';
import {
  changedOutside,
  gradientEnergy,
  meanDifference,
  openCvTelea,
  outsideRingRange,
  ring,
} from '../support/fill-measure.js';
import { type Photo, photo } from '../support/photo.js';
import { startTestSidecar, type TestSidecar } from '../support/sidecar.js';

/**
 * The models BFL added in 2026 on pictures of the size people send (2048 px and 4096 px photos, a portrait one),
 * through the jobs API: what FLUX receives stays within each endpoint's limits, masks arrive at the picture's
 * size, and the result comes back at the right size with the unpainted pixels kept. The offline provider's Erase
 * and Outpaint are held to the same pictures.
 */

// Pixel work on 3 to 12 MP pictures, next to other test files on two cores: generous limits.
const SLOW = { timeout: 120_000 };

/**
 * Mean difference per sample that encoding the photo again as JPEG leaves on kept pixels (measured: 0.4 after the
 * fake's quality 80, 0.8 after the sidecar's 92).
 */
const JPEG_MEAN = 3;
/** Mean difference per sample over a repainted object (measured 41 to 70); an untouched one stays under JPEG_MEAN. */
const REPAINTED = 20;

let fake: FakeFlux;
let flux: Recorder;
let sidecar: TestSidecar;
/** 2048x1536, 1536x2048 portrait, 4096x3072: the same scene at each size. */
let landscape: Photo;
let portrait: Photo;

beforeAll(async () => {
  fake = await startFakeFlux({ latencyMs: 150, apiKey: 'klarge' });
  flux = await recorder(fake);
  sidecar = await startTestSidecar({
    FLUX_API_KEY: 'klarge',
    FLUX_API_URL: flux.url,
    FLUX_INPAINT_RESULT_HOSTS: fake.origin,
    FLUX_INPAINT_POLL_INTERVAL_S: '0.05',
    FLUX_INPAINT_MAX_POLL_ATTEMPTS: '1200',
  });
  [landscape, portrait] = await Promise.all([photo(2048, 1536), photo(1536, 2048, 11)]);
}, SLOW.timeout);

afterAll(async () => {
  await sidecar?.close();
  await flux?.close();
  await fake?.close();
});

interface Recorder {
  url: string;
  /** Every submit's whole body (the fake keeps only the sizes of its images), in order. */
  bodies: Array<{ endpoint: string; body: Record<string, any> }>;
  close(): Promise<void>;
}

/**
 * Stands between the sidecar and the fake FLUX, passing every call through and keeping each submit's body.
 * Its answers name it as the polling host, as FLUX names its own region (the sidecar sends its key to no other).
 */
async function recorder(target: FakeFlux): Promise<Recorder> {
  const bodies: Recorder['bodies'] = [];
  let origin = '';
  const server: Server = createServer((req, res) => {
    const relay = async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = req.method === 'POST' ? Buffer.concat(chunks) : undefined;
      if (body) bodies.push({ endpoint: String(req.url).replace(/^\/v1\//, ''), body: JSON.parse(body.toString()) });
      const answer = await fetch(`${target.origin}${req.url}`, {
        method: req.method,
        headers: { 'content-type': 'application/json', 'x-key': String(req.headers['x-key'] ?? '') },
        body,
      });
      const text = await answer.text();
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(body ? text.replaceAll(target.origin, origin) : text);
    };
    relay().catch((err: unknown) => {
      res.writeHead(502);
      res.end(String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/v1`,
    bodies,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Runs a job to its end over HTTP; returns its last state, which must be done. */
async function done(body: Record<string, unknown>): Promise<Record<string, any>> {
  const res = await sidecar.api('/v1/jobs', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status, await res.clone().text()).toBe(202);
  const events = await (await sidecar.api(`/v1/jobs/${(await res.json()).id}/events`)).text();
  const last = events
    .split('\n')
    .filter((l) => l.startsWith('data: '))
    .at(-1);
  const job = JSON.parse(last!.slice(6)) as Record<string, any>;
  expect(job.state, JSON.stringify(job.error)).toBe('done');
  return job;
}

async function resultOf(job: Record<string, any>): Promise<{ bytes: Buffer; rgb: Uint8Array; w: number; h: number }> {
  const bytes = Buffer.from(await (await sidecar.api(`/v1/jobs/${job.id}/result`)).arrayBuffer());
  const { data, info } = await sharp(bytes).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { bytes, rgb: new Uint8Array(data), w: info.width, h: info.height };
}

/** The body of the last job FLUX received. */
const lastBody = () => flux.bodies.at(-1)!;

async function sizeOf(base64: string) {
  const meta = await sharp(Buffer.from(base64, 'base64')).metadata();
  return { width: meta.width, height: meta.height, format: meta.format };
}

const pngOf = (mask: Uint8Array, width: number, height: number) =>
  sharp(mask, { raw: { width, height, channels: 1 } })
    .png()
    .toBuffer();

/** A mask grown by `by` pixels (square, as FLUX's dilate_pixels and the offline Erase grow it). */
function grown(mask: Uint8Array, w: number, h: number, by: number): Uint8Array {
  const band = ring(mask, w, h, by);
  return mask.map((v, i) => (v || band[i] ? 255 : 0));
}

function union(a: Uint8Array, b: Uint8Array): Uint8Array {
  return a.map((v, i) => (v || b[i] ? 255 : 0));
}

/** Mean per sample of the pixels a mask holds. */
function meanColour(rgb: Uint8Array, mask: Uint8Array): number[] {
  const sum = [0, 0, 0];
  let n = 0;
  for (let p = 0; p < mask.length; p++) {
    if (!mask[p]) continue;
    for (let c = 0; c < 3; c++) sum[c]! += rgb[p * 3 + c]!;
    n++;
  }
  return sum.map((s) => s / n);
}

const inverse = (mask: Uint8Array) => mask.map((v) => (v ? 0 : 255));

describe('FLUX on large photos', SLOW, () => {
  it('Erase at 2048x1536 with a mask painted on a 1024x768 preview: FLUX gets both at the picture size and only the painted area changes', async () => {
    const { width: W, height: H } = landscape;
    const preview = await photo(1024, 768);
    const job = await done({
      model: 'erase',
      provider: 'bfl',
      image: landscape.jpeg.toString('base64'),
      // As the editor inside Open WebUI sends it: raw bytes of the preview, deflated.
      mask: {
        format: 'raw',
        width: 1024,
        height: 768,
        encoding: 'deflate',
        data: deflateSync(preview.masks.ball).toString('base64'),
      },
      params: { dilate_pixels: 12 },
      output_format: 'jpeg',
    });
    const { endpoint, body } = lastBody();
    expect(endpoint).toBe('flux-tools/erase-v1');
    expect(body).not.toHaveProperty('prompt');
    // Erase documents no size limit: the picture goes as it is, and the mask at exactly its size.
    expect(MODEL_INFO.erase.maxInputMegapixels).toBeUndefined();
    expect(await sizeOf(body.image)).toMatchObject({ width: W, height: H });
    expect(await sizeOf(body.mask)).toMatchObject({ width: W, height: H });
    // The preview's strokes scaled up cover the ball of the full picture: they differ only along the edge.
    const sent = await sharp(Buffer.from(body.mask, 'base64')).greyscale().raw().toBuffer();
    let painted = 0;
    let differ = 0;
    for (let p = 0; p < W * H; p++) {
      if (landscape.masks.ball[p]) painted++;
      if (sent[p]! > 127 !== Boolean(landscape.masks.ball[p])) differ++;
    }
    expect(differ / painted).toBeLessThan(0.03);

    const out = await resultOf(job);
    expect([out.w, out.h, (await sizeOf(out.bytes.toString('base64'))).format]).toEqual([W, H, 'jpeg']);
    const reach = grown(landscape.masks.ball, W, H, 12);
    expect(meanDifference(out.rgb, landscape.rgb, inverse(reach)).absolute).toBeLessThan(JPEG_MEAN);
    // And the ball itself was erased.
    expect(meanDifference(out.rgb, landscape.rgb, landscape.masks.ball).absolute).toBeGreaterThan(REPAINTED);
  });

  it('Outpaint of a 2048x1536 photo into a 3072x2048 frame: the canvas is scaled to 4 MP, picture included, and keeps the frame', async () => {
    const { width: W, height: H } = landscape;
    const frame = { width: 3072, height: 2048, reference_offset_x: 512, reference_offset_y: 256 };
    const job = await done({
      model: 'outpaint',
      provider: 'bfl',
      image: landscape.jpeg.toString('base64'),
      params: frame,
    });
    const { endpoint, body } = lastBody();
    expect(endpoint).toBe('flux-tools/outpainting-v1');
    // 6.3 MP asked: FLUX takes at most 4,194,304 pixels of canvas.
    expect(body.width * body.height).toBeLessThanOrEqual(4_194_304);
    expect(body.width * body.height).toBeGreaterThan(4_194_304 * 0.99);
    expect(body.width / body.height).toBeCloseTo(frame.width / frame.height, 2);
    const scale = body.width / frame.width;
    const picture = await sizeOf(body.input_image);
    expect(picture.width).toBeCloseTo(W * scale, -1);
    expect(picture.height).toBeCloseTo(H * scale, -1);
    expect(body.reference_offset_x).toBeCloseTo(frame.reference_offset_x * scale, -1);
    expect(body.reference_offset_y).toBeCloseTo(frame.reference_offset_y * scale, -1);
    // The scaled frame still holds the whole picture.
    expect(body.auto_crop).toBe(false);
    expect(body.reference_offset_x + picture.width!).toBeLessThanOrEqual(body.width);

    const out = await resultOf(job);
    expect([out.w, out.h]).toEqual([body.width, body.height]);
    expect(out.w / out.h).toBeCloseTo(3 / 2, 2);
    // The picture sits where the frame put it, scaled like the canvas (by the same library: within rounding).
    const placed = await sharp(out.bytes)
      .removeAlpha()
      .extract({
        left: body.reference_offset_x,
        top: body.reference_offset_y,
        width: picture.width!,
        height: picture.height!,
      })
      .raw()
      .toBuffer();
    const scaled = await sharp(landscape.jpeg).resize(picture.width, picture.height, { fit: 'fill' }).raw().toBuffer();
    const all = new Uint8Array(picture.width! * picture.height!).fill(255);
    expect(meanDifference(placed, scaled, all).absolute).toBeLessThan(1);
  });

  it('FLUX 3 Image on a 4096x3072 photo with a painted PNG mask: nothing its schema refuses, png back, unpainted pixels kept', async () => {
    const big = await photo(4096, 3072);
    const { width: W, height: H } = big;
    const job = await done({
      model: 'flux-3-image',
      provider: 'bfl',
      prompt: 'a blue ball',
      image: big.jpeg.toString('base64'),
      mask: (await pngOf(big.masks.ball, W, H)).toString('base64'),
      output_format: 'png',
    });
    const { endpoint, body } = lastBody();
    expect(endpoint).toBe('flux-3-image');
    for (const refused of ['seed', 'output_format', 'width', 'height', 'prompt_upsampling', 'mask'])
      expect(body).not.toHaveProperty(refused);
    // 12.6 MP is within FLUX 3's 256 px to 16 MP: sent as it is.
    expect(W * H).toBeLessThanOrEqual(MODEL_INFO['flux-3-image'].maxInputMegapixels! * 1e6);
    expect(body.images).toHaveLength(1);
    expect(await sizeOf(body.images[0])).toMatchObject({ width: W, height: H });
    expect(body.aspect_ratio).toBe('auto');
    // FLUX 3 answered in jpeg at about 1 MP; the result is the chosen png at the picture's size.
    expect(fake.tasks.at(-1)!.result!.mime).toBe('image/jpeg');
    const out = await resultOf(job);
    expect(out.bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect([out.w, out.h]).toEqual([W, H]);
    expect(changedOutside(big.rgb, out.rgb, big.masks.ball)).toBe(0);
    expect(meanDifference(out.rgb, big.rgb, big.masks.ball).absolute).toBeGreaterThan(REPAINTED);
  });

  it('Fill with a fine-tune on a 1536x2048 portrait: the fine-tuned endpoint with finetune_strength, the mask at the picture size', async () => {
    const { width: W, height: H } = portrait;
    const job = await done({
      model: 'fill',
      provider: 'bfl',
      prompt: 'a wooden bench',
      image: portrait.jpeg.toString('base64'),
      mask: { format: 'raw', width: W, height: H, data: Buffer.from(portrait.masks.sign).toString('base64') },
      params: { finetune_id: 'ft-portrait-7', finetune_strength: 0.8 },
      output_format: 'png',
    });
    const { endpoint, body } = lastBody();
    expect(endpoint).toBe('flux-pro-1.0-fill-finetuned');
    expect(body).toMatchObject({ finetune_id: 'ft-portrait-7', finetune_strength: 0.8, prompt: 'a wooden bench' });
    expect(await sizeOf(body.image)).toMatchObject({ width: W, height: H });
    expect(await sizeOf(body.mask)).toMatchObject({ width: W, height: H });
    const out = await resultOf(job);
    expect([out.w, out.h]).toEqual([W, H]);
    // FLUX repainted the sign and nothing else (the fake paints in the prompt's colour).
    expect(changedOutside(portrait.rgb, out.rgb, portrait.masks.sign)).toBe(0);
    expect(meanDifference(out.rgb, portrait.rgb, portrait.masks.sign).absolute).toBeGreaterThan(REPAINTED);
  });
});

describe('the offline provider on a 2048x1536 photo', SLOW, () => {
  it('Erase of the ball and the sun: a plausible fill in each, no starburst, nothing changed beyond the grown mask', async () => {
    const { width: W, height: H } = landscape;
    const dilate = 12;
    const painted = union(landscape.masks.ball, landscape.masks.sun);
    const job = await done({
      model: 'erase',
      provider: 'local',
      image: landscape.jpeg.toString('base64'),
      mask: (await pngOf(painted, W, H)).toString('base64'),
      params: { dilate_pixels: dilate },
      output_format: 'png',
    });
    const out = await resultOf(job);
    expect([out.w, out.h]).toEqual([W, H]);
    const hole = grown(painted, W, H, dilate);
    expect(changedOutside(landscape.rgb, out.rgb, hole)).toBe(0);
    // The band the mask grew by was filled too: most of its samples changed (the photo's grain is not refilled).
    const band = ring(painted, W, H, dilate);
    const bandSamples = band.reduce((n, v) => n + v * 3, 0);
    expect(changedOutside(landscape.rgb, out.rgb, inverse(band))).toBeGreaterThan(bandSamples * 0.5);
    const reference = await openCvTelea(landscape.rgb, hole, W, H);
    for (const name of ['ball', 'sun'] as const) {
      const object = grown(landscape.masks[name], W, H, dilate);
      const around = ring(object, W, H, 6);
      // Filled, not left as a hole: its mean colour is that of the ring around it (a black or white patch, or
      // the object left in place, is far from it).
      const filled = meanColour(out.rgb, object);
      const surround = meanColour(landscape.rgb, around);
      for (let c = 0; c < 3; c++) expect(Math.abs(filled[c]! - surround[c]!), `${name} channel ${c}`).toBeLessThan(12);
      // No starburst: no colour from outside the ring's range, and no busier than the photo's texture around it.
      expect(outsideRingRange(landscape.rgb, out.rgb, object, W, H).worst).toBeLessThanOrEqual(2);
      expect(gradientEnergy(out.rgb, object, W, H)).toBeLessThan(gradientEnergy(landscape.rgb, around, W, H) * 1.2);
      expect(meanDifference(out.rgb, reference, object).absolute).toBeLessThanOrEqual(8);
    }
  });

  it('Outpaint into a wider 16:9 frame (absent offsets centre the picture): the frame size, the picture kept, smooth borders', async () => {
    const { width: W, height: H } = landscape;
    const frame = { width: 2730, height: 1536 };
    const job = await done({
      model: 'outpaint',
      provider: 'local',
      image: landscape.jpeg.toString('base64'),
      params: frame,
      output_format: 'jpeg',
    });
    const out = await resultOf(job);
    expect([out.w, out.h]).toEqual([frame.width, frame.height]);
    const left = Math.round((frame.width - W) / 2);
    const canvas = new Uint8Array(frame.width * frame.height * 3);
    const picture = new Uint8Array(frame.width * frame.height);
    for (let y = 0; y < H; y++) {
      canvas.set(landscape.rgb.subarray(y * W * 3, (y + 1) * W * 3), (y * frame.width + left) * 3);
      picture.fill(255, y * frame.width + left, y * frame.width + left + W);
    }
    expect(meanDifference(out.rgb, canvas, picture).absolute).toBeLessThan(JPEG_MEAN);
    // Each border continues its own side of the picture, and is smoother than the photo along that side.
    const onLeft = (i: number) => i % frame.width < left;
    for (const leftSide of [true, false]) {
      const border = inverse(picture).map((v, i) => (v && onLeft(i) === leftSide ? 255 : 0));
      const edge = ring(border, frame.width, frame.height, 24);
      expect(outsideRingRange(canvas, out.rgb, border, frame.width, frame.height, { tolerance: 6 }).share).toBeLessThan(
        0.01,
      );
      expect(gradientEnergy(out.rgb, border, frame.width, frame.height)).toBeLessThan(
        gradientEnergy(canvas, edge, frame.width, frame.height),
      );
    }
  });
});
