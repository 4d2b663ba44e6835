import { mkdir, mkdtemp, readdir, unlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastJobEvent } from '../support/events.js';
import { testImage, testMask } from '../support/images.js';
import { startTestSidecar, type TestSidecar } from '../support/sidecar.js';

/**
 * A FLUX API whose result host serves whatever the prompt names: jobs whose "result" is no picture must fail
 * with a message and keep nothing; real pictures are served as the type they decode as, never sniffed.
 */
let flux: Server;
let sidecar: TestSidecar;
let image: Buffer;
let mask: Buffer;
const results: Record<string, { type: string; body: Buffer }> = {};

beforeAll(async () => {
  image = await testImage(64, 48);
  mask = await testMask(64, 48);
  const jpeg = await sharp(image).jpeg().toBuffer();
  Object.assign(results, {
    svg: {
      type: 'image/svg+xml',
      body: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><script>alert(1)</script></svg>'),
    },
    html: { type: 'image/png', body: Buffer.from('<html><script>alert(document.domain)</script></html>') },
    bin: { type: 'image/png', body: Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 31) % 256)) },
    'jpeg-named-png': { type: 'image/png', body: jpeg },
  });
  flux = createServer((req, res) => {
    const origin = `http://127.0.0.1:${(flux.address() as AddressInfo).port}`;
    const url = new URL(req.url!, origin);
    const json = (value: unknown) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(value));
    if (req.method === 'POST') {
      let body = '';
      req.on('data', (c: Buffer) => (body += c));
      req.on('end', () => {
        const kind = (JSON.parse(body) as { prompt: string }).prompt;
        json({ id: kind, polling_url: `${origin}/v1/get_result?id=${kind}` });
      });
    } else if (url.pathname === '/v1/credits') {
      // The sidecar checks the balance before a submit (GET /v1/credits -> {credits}).
      json({ credits: 1000 });
    } else if (url.pathname === '/v1/get_result') {
      const kind = url.searchParams.get('id')!;
      json({
        id: kind,
        status: 'Ready',
        result: { sample: `${origin}/results/${kind}.png` },
        progress: 1,
        details: null,
      });
    } else {
      const r = results[url.pathname.slice('/results/'.length).replace(/\.png$/, '')]!;
      res.writeHead(200, { 'content-type': r.type, 'content-length': r.body.length }).end(r.body);
    }
  });
  await new Promise<void>((r) => flux.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(flux.address() as AddressInfo).port}`;
  sidecar = await startTestSidecar({
    FLUX_API_KEY: 'test-key',
    FLUX_API_URL: `${origin}/v1`,
    FLUX_INPAINT_RESULT_HOSTS: origin,
    FLUX_INPAINT_POLL_INTERVAL_S: '0.1',
  });
});

afterAll(async () => {
  await sidecar?.close();
  await new Promise<void>((r) => flux?.close(() => r()));
});

async function runJob(prompt: string): Promise<Record<string, any>> {
  const res = await sidecar.api('/v1/jobs', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      model: 'fill',
      prompt,
      image: image.toString('base64'),
      mask: mask.toString('base64'),
      provider: 'bfl',
    }),
  });
  expect(res.status).toBe(202);
  const { id } = (await res.json()) as { id: string };
  return lastJobEvent(await sidecar.api(`/v1/jobs/${id}/events`));
}

describe('results that are no pictures', () => {
  it.each([
    ['svg', 'a file of type SVG', { key: 'result_not_image.format', params: { format: 'SVG' } }],
    ['html', 'data that is no picture', { key: 'result_not_image.data' }],
    ['bin', 'data that is no picture', { key: 'result_not_image.data' }],
  ])('%s: the job fails with a message and nothing is kept', async (kind, said, text) => {
    const before = await readdir(join(sidecar.dataDir, 'results'));
    const job = await runJob(kind);
    expect(job.state).toBe('failed');
    expect(job.error).toEqual({
      code: 'result_not_image',
      message: `The result host sent ${said} instead of a PNG, JPEG or WebP picture, so it was not kept. Send the edit again; if it happens again, check FLUX_INPAINT_RESULT_HOSTS.`,
      ...text,
    });
    expect(await readdir(join(sidecar.dataDir, 'results'))).toEqual(before);
    const served = await sidecar.api(`/v1/jobs/${job.id}/result`);
    expect(served.status).toBe(409);
    expect((await served.json()).error.code).toBe('result_not_ready');
  });
});

describe('serving results', () => {
  it('a JPEG sent as image/png is kept and served as image/jpeg, with nosniff', async () => {
    const job = await runJob('jpeg-named-png');
    expect(job).toMatchObject({ state: 'done', result: { mime: 'image/jpeg' } });
    const res = await sidecar.api(`/v1/jobs/${job.id}/result`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-disposition')).toBe(`inline; filename="flux-${job.id}.jpg"`);
    expect((await sharp(Buffer.from(await res.arrayBuffer())).metadata()).format).toBe('jpeg');
  });

  it('a result file gone from disk answers 410 in words, not a cached 500', async () => {
    const job = await runJob('jpeg-named-png');
    const dir = join(sidecar.dataDir, 'results');
    for (const name of await readdir(dir)) if (name.endsWith('.jpg')) await unlink(join(dir, name));
    const res = await sidecar.api(`/v1/jobs/${job.id}/result`);
    expect(res.status).toBe(410);
    expect(res.headers.get('cache-control')).toBeNull();
    expect(await res.json()).toEqual({
      error: {
        code: 'result_gone',
        message: `The result of job ${job.id} is no longer on disk (deleted, or removed after FLUX_INPAINT_KEEP_RESULTS_DAYS). Send the edit again to make a new one.`,
        key: 'result_gone.deleted',
        params: { id: job.id },
      },
    });
    // "Edit this result" with that job as the source says the same.
    const again = await sidecar.api('/v1/jobs', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'fill',
        prompt: 'x',
        image: { job: job.id },
        mask: mask.toString('base64'),
        provider: 'bfl',
      }),
    });
    expect(again.status).toBe(410);
    expect((await again.json()).error.code).toBe('result_gone');
  });

  it('a result kept before results were verified is offered as a file, never shown inline', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'flux-inpaint-legacy-'));
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
    await mkdir(join(dir, 'results'));
    await writeFile(join(dir, 'results', 'legacy0000000000.svg'), svg);
    const now = new Date().toISOString();
    const record = {
      id: 'legacyjob0001',
      model: 'fill',
      provider: 'bfl',
      prompt: 'x',
      params: {},
      outputFormat: 'png',
      state: 'done',
      status: 'Done',
      progress: 1,
      createdAt: now,
      updatedAt: now,
      finishedAt: now,
      resultName: 'legacy0000000000',
      result: { file: 'legacy0000000000.svg', mime: 'image/svg+xml', bytes: svg.length },
      owner: 'standalone',
    };
    await writeFile(join(dir, 'journal.jsonl'), `${JSON.stringify(record)}\n`);
    const old = await startTestSidecar({ FLUX_INPAINT_PROVIDER: 'local' }, dir);
    try {
      const res = await old.api('/v1/jobs/legacyjob0001/result');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/octet-stream');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="flux-legacyjob0001.svg"');
      // Read to the end, as a browser does: an unread response keeps the connection busy and the sidecar's close waits.
      expect(Buffer.from(await res.arrayBuffer()).toString()).toBe(svg);
    } finally {
      await old.close();
    }
  });

  it('an unknown job answers 404 in the same shape', async () => {
    const res = await sidecar.api('/v1/jobs/abcdefghijklmnopqrstu/result');
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('job_not_found');
  });
});
