import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadResult } from '../../src/providers/bfl/download.js';
import { createExternalFetcher, fetchExternalImage } from '../../src/net/external.js';
import { guardedDispatcher } from '../../src/net/ssrf.js';

/**
 * A server that answers at once and then sends one byte every 50 ms for ever, and one that never answers:
 * per-chunk timeouts never fire for them, so only a total deadline or a cancel ends the request. Neither ever
 * ends a request itself, so one that ends was let go by the client: a client that kept waiting would leave the
 * test hanging until its time limit fails it.
 */
let server: Server;
let origin: string;
const sockets = new Set<Socket>();
/** The paths of requests whose connection the client closed, in order. */
const letGo: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    res.on('close', () => letGo.push(req.url ?? ''));
    if (req.url?.startsWith('/silent')) return; // headers never come
    res.writeHead(200, { 'content-type': 'image/png' });
    const timer = setInterval(() => res.write(Buffer.from([0])), 50);
    res.on('close', () => clearInterval(timer));
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise<void>((r) => server.close(() => r()));
});

/** Runs `fn` and returns what it threw, once the server has seen the client close that request. */
async function failure(fn: () => Promise<unknown>, path: string): Promise<{ err: any }> {
  const seen = letGo.length;
  try {
    await fn();
  } catch (err) {
    while (!letGo.slice(seen).includes(path)) await new Promise((r) => setTimeout(r, 20));
    return { err };
  }
  throw new Error('expected a failure');
}

describe('images linked in a chat', () => {
  const guarded = guardedDispatcher();
  const plain = new Agent();
  afterAll(() => Promise.all([guarded.close(), plain.destroy()]));
  const opts = (extra: { timeoutMs?: number; signal?: AbortSignal }) => ({
    guarded,
    plain,
    allow: [origin],
    maxBytes: 10_000_000,
    ...extra,
  });

  it.each(['/trickle.png', '/silent.png'])(
    '%s ends at the total deadline with a message saying what to do',
    async (path) => {
      const { err } = await failure(() => fetchExternalImage(`${origin}${path}`, opts({ timeoutMs: 400 })), path);
      expect(err).toMatchObject({ code: 'image_fetch_timeout', status: 504 });
      expect(err.message).toBe(
        `The image on ${new URL(origin).host} did not arrive within 0.4 s; that server is too slow. Save the image and load it in the editor instead.`,
      );
    },
  );

  it('stops when the session ends, with the session’s reason', async () => {
    const session = new AbortController();
    setTimeout(() => session.abort(new Error('the session ended')), 200);
    const { err } = await failure(
      () => fetchExternalImage(`${origin}/trickle.png`, opts({ timeoutMs: 60_000, signal: session.signal })),
      '/trickle.png',
    );
    expect(err.message).toBe('the session ended');
  });

  it('an already ended session fetches nothing', async () => {
    const before = letGo.length;
    await expect(
      fetchExternalImage(`${origin}/trickle.png`, opts({ signal: AbortSignal.abort(new Error('gone')) })),
    ).rejects.toThrow('gone');
    expect(letGo.length).toBe(before);
  });

  it('a stopping sidecar does not wait for a slow image server', async () => {
    const stop = new AbortController();
    const fetcher = createExternalFetcher({ allow: [origin], maxBytes: 10_000_000, stop: stop.signal });
    const pending = fetcher.fetchExternal(`${origin}/trickle.png`).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 200));
    const seen = letGo.length;
    stop.abort(new Error('shutting down'));
    await fetcher.close();
    expect(((await pending) as Error).message).toBe('shutting down');
    while (!letGo.slice(seen).includes('/trickle.png')) await new Promise((r) => setTimeout(r, 20));
  });
});

describe('FLUX result downloads', () => {
  const dispatcher = new Agent();
  afterAll(() => dispatcher.destroy());
  // The test server is on loopback: trusted as a private origin, as FLUX_INPAINT_PRIVATE_ORIGINS would.
  const opts = (extra: { timeoutMs?: number; signal?: AbortSignal }) => ({
    policy: { strictHosts: [], privateOrigins: [origin], guarded: dispatcher, plain: dispatcher },
    maxBytes: 10_000_000,
    ...extra,
  });

  it.each(['/results/trickle.png', '/silent/result.png'])('%s ends at the total deadline', async (path) => {
    const { err } = await failure(() => downloadResult(`${origin}${path}`, opts({ timeoutMs: 400 })), path);
    expect(err).toMatchObject({
      code: 'result_download_timeout',
      message: `The result host ${origin} did not deliver the result within 0.4 s, so the download was stopped.`,
    });
  });

  it('stops when the job is cancelled', async () => {
    const job = new AbortController();
    setTimeout(() => job.abort(new Error('cancelled by the user')), 200);
    const { err } = await failure(
      () => downloadResult(`${origin}/results/trickle.png`, opts({ signal: job.signal })),
      '/results/trickle.png',
    );
    expect(err.message).toBe('cancelled by the user');
  });
});
