import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caption } from '../../src/owui/deliver.js';
import { translator } from '../../src/i18n/t.js';
import { fetchExternalImage } from '../../src/net/external.js';
import { guardedDispatcher } from '../../src/net/ssrf.js';
import { testImage } from '../support/images.js';
import { openSession } from '../support/fake-owui.js';
import { startTestSidecar, TEST_TOKEN, type TestSidecar } from '../support/sidecar.js';

/**
 * Whatever arrives, the sidecar answers with a 4xx and a message, never a 5xx, a crash or an unhandled
 * rejection; it refuses to fetch from the private network; user text is escaped where it is embedded.
 */
let sidecar: TestSidecar;
const unhandled: unknown[] = [];
const onUnhandled = (err: unknown) => unhandled.push(err);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  sidecar = await startTestSidecar({ FLUX_INPAINT_RATE_LIMIT: '0', FLUX_INPAINT_PROVIDER: 'local' });
});

afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await sidecar?.close();
});

const anyJson = fc.jsonValue({ maxDepth: 3 });
const jobLike = fc.record(
  {
    model: fc.oneof(fc.constantFrom('fill', 'canny', 'depth', 'expand', 'kontext', ''), anyJson),
    prompt: fc.oneof(fc.string({ maxLength: 50 }), anyJson),
    image: fc.oneof(fc.base64String({ maxLength: 64 }), fc.string({ maxLength: 20 }), anyJson),
    mask: fc.oneof(fc.base64String({ maxLength: 64 }), anyJson),
    crop: fc.oneof(fc.record({ x: fc.double(), y: fc.double(), width: fc.double(), height: fc.double() }), anyJson),
    params: fc.oneof(
      fc.dictionary(
        fc.constantFrom('steps', 'guidance', 'seed', 'top', 'x'),
        fc.oneof(fc.double(), fc.integer(), anyJson),
      ),
      anyJson,
    ),
    output_format: fc.oneof(fc.constantFrom('jpeg', 'png', 'gif'), anyJson),
    provider: fc.oneof(fc.constantFrom('bfl', 'local', 'other'), anyJson),
    source_job: fc.oneof(fc.string({ maxLength: 70 }), anyJson),
  },
  { requiredKeys: [] },
);

async function expectClientError(res: Response): Promise<void> {
  const text = await res.text();
  expect(res.status, text).toBeGreaterThanOrEqual(400);
  expect(res.status, text).toBeLessThan(500);
  const body = JSON.parse(text) as { error: { code: string; message: string } };
  expect(body.error.code).toMatch(/^[a-z_]+$/);
  expect(body.error.message.length).toBeGreaterThan(5);
}

describe('malformed requests', () => {
  it('1,000 malformed job requests: all 4xx with a message', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(jobLike, anyJson), async (body) => {
        const res = await sidecar.api('/v1/jobs', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        // A random body can be a valid job only by accident: then it is accepted (202) and cancelled.
        if (res.status === 202) {
          const { id } = (await res.json()) as { id: string };
          await sidecar.api(`/v1/jobs/${id}`, { method: 'DELETE' });
          return;
        }
        await expectClientError(res);
      }),
      { numRuns: 1_000 },
    );
  });

  it('500 malformed session openings and replies: all 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(anyJson, fc.string({ maxLength: 80 }), async (body, id) => {
        const open = await sidecar.api('/v1/sessions', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        await expectClientError(open);
        const reply = await sidecar.api(`/v1/sessions/${encodeURIComponent(id)}/replies/1`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        await expectClientError(reply);
      }),
      { numRuns: 500 },
    );
  });

  it('raw garbage bytes with any content type', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 300 }),
        fc.constantFrom(
          'application/json',
          'multipart/form-data; boundary=x',
          'text/plain',
          'application/x-www-form-urlencoded',
        ),
        async (bytes, type) => {
          const res = await sidecar.api('/v1/jobs', { method: 'POST', headers: { 'content-type': type }, body: bytes });
          await expectClientError(res);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('odd ids and paths', async () => {
    for (const path of [
      '/v1/jobs/..%2F..%2Fetc%2Fpasswd',
      '/v1/jobs/%00',
      `/v1/jobs/${'a'.repeat(5000)}`,
      '/v1/jobs/x/result',
      '/v1/jobs/x/events',
    ]) {
      await expectClientError(await sidecar.api(path));
    }
  });

  it('a request larger than the limit is refused with 413', async () => {
    const small = await startTestSidecar({ FLUX_INPAINT_MAX_IMAGE_MB: '1', FLUX_INPAINT_PROVIDER: 'local' });
    try {
      const res = await small.api('/v1/jobs', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'fill', image: 'A'.repeat(4 * 1024 * 1024) }),
      });
      expect(res.status).toBe(413);
      expect((await res.json()).error.code).toBe('request_too_large');
    } finally {
      await small.close();
    }
  });

  it('no crash and no unhandled rejection after all that', async () => {
    expect(unhandled).toEqual([]);
    expect((await fetch(`${sidecar.url}/healthz`)).status).toBe(200);
  });
});

describe('rate limit', () => {
  it('new jobs and sessions are limited per user and minute, with Retry-After', async () => {
    const limited = await startTestSidecar({ FLUX_INPAINT_RATE_LIMIT: '3', FLUX_INPAINT_PROVIDER: 'local' });
    try {
      const post = () =>
        limited.api('/v1/jobs', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"model":"fill"}',
        });
      for (let i = 0; i < 3; i++) expect((await post()).status).toBe(400);
      const res = await post();
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
      expect((await res.json()).error).toMatchObject({ code: 'rate_limited' });
      // Reading is never limited.
      expect((await limited.api('/v1/jobs')).status).toBe(200);
      // Another Open WebUI user has a budget of their own.
      const session = await openSession(limited.url, TEST_TOKEN, { protocol: 3, user: { id: 'someone-else' } });
      expect(session.res.status).toBe(400);
    } finally {
      await limited.close();
    }
  });
});

describe('SSRF guard for image links', () => {
  let server: Server;
  let origin: string;
  let png: Buffer;
  const guarded = guardedDispatcher();
  const plain = new Agent();

  beforeAll(async () => {
    png = await testImage(16, 16);
    server = createServer((req, res) => {
      if (req.url === '/redirect') {
        res.writeHead(302, { location: `http://127.0.0.1:${(server.address() as AddressInfo).port}/img.png` }).end();
      } else if (req.url === '/to-metadata') {
        res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
      } else {
        res.writeHead(200, { 'content-type': 'image/png' }).end(png);
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.close();
    await Promise.all([guarded.close(), plain.close()]);
  });

  const load = (url: string, allow: string[] = []) =>
    fetchExternalImage(url, { guarded, plain, allow, maxBytes: 1_000_000 });

  it.each([
    'http://127.0.0.1:1/x.png',
    'http://10.1.2.3/x.png',
    'http://169.254.169.254/latest/meta-data/',
    'http://[::1]/x.png',
    'http://[::ffff:127.0.0.1]/x.png',
    'http://0.0.0.0/x.png',
    'http://192.168.1.1/x.png',
  ])('refuses %s', async (url) => {
    await expect(load(url)).rejects.toMatchObject({ code: 'image_url_refused' });
  });

  it('refuses a host name that resolves to loopback (checked at connect time)', async () => {
    await expect(load(`http://localhost:${new URL(origin).port}/img.png`)).rejects.toMatchObject({
      code: 'image_url_refused',
    });
  });

  it('refuses file:, credentials and other schemes', async () => {
    await expect(load('file:///etc/passwd')).rejects.toMatchObject({ code: 'image_url_refused' });
    await expect(load('http://user:pw@example.com/x.png')).rejects.toMatchObject({ code: 'image_url_refused' });
  });

  it('an allowed private origin loads, but its redirect to the metadata service does not', async () => {
    const ok = await load(`${origin}/img.png`, [origin]);
    expect(ok.mime).toBe('image/png');
    await expect(load(`${origin}/to-metadata`, [origin])).rejects.toMatchObject({ code: 'image_url_refused' });
  });
});

describe('user text embedded in the chat is escaped', () => {
  it.each([
    '</script><script>alert(1)</script>',
    '```html\n<b>x</b>\n```',
    '![x](javascript:alert(1))',
    '[link](http://evil)',
    'a\u202Eb\u0000c "quotes" \'single\'',
  ])('prompt %j', (prompt) => {
    const text = caption(
      {
        id: 'j',
        state: 'done',
        status: 'Done',
        progress: 1,
        elapsed_ms: 1000,
        model: 'fill',
        provider: 'bfl',
        prompt,
        created_at: '',
      } as never,
      { original_prompt: prompt, english: prompt },
      { steps: 20 },
      translator('en'),
    );
    // Only escaped: a backslash before each (test/unit/markdown.test.ts renders them as Open WebUI does).
    expect(text).not.toMatch(/(?<!\\)<\/?script/i);
    expect(text).not.toMatch(/(?<!\\)`/);
    expect(text).not.toMatch(/(?<!\\)\]\(/);
    expect(text.split('\n').length).toBeLessThanOrEqual(3);
  });
});
