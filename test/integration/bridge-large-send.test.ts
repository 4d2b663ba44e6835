import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeFlux, type FakeFlux } from '../fake-flux/server.js';
import { FakePage } from '../support/fake-page.js';
import { runSession, type SessionRun } from '../support/fake-owui.js';
import { photo } from '../support/photo.js';
import { startTestSidecar, TEST_TOKEN, type TestSidecar } from '../support/sidecar.js';

/**
 * Everything the editor sends crosses Open WebUI's page socket, whose server takes at most 1,000,000 bytes a
 * message and closes the socket on a larger one (the fake page does the same). Real sizes: a 2048 px picture
 * from the chat, a 12-megapixel photo loaded from disk with 7 references and an imported mask.
 */
const FLUX_KEY = 'flux-secret-key-large-send';
let fake: FakeFlux;
let sidecar: TestSidecar;

beforeAll(async () => {
  fake = await startFakeFlux({ latencyMs: 50, apiKey: FLUX_KEY });
  sidecar = await startTestSidecar({
    FLUX_INPAINT_RESULT_HOSTS: fake.origin,
    FLUX_INPAINT_POLL_INTERVAL_S: '0.1',
    FLUX_INPAINT_MAX_POLL_ATTEMPTS: '300',
  });
}, 60_000);

afterAll(async () => {
  await sidecar?.close();
  await fake?.close();
});

/** A soft-edged blob, one byte per pixel, as the editor paints it. */
function paintedMask(width: number, height: number): Buffer {
  const m = Buffer.alloc(width * height);
  const cx = width * 0.6;
  const cy = height * 0.65;
  const r = Math.min(width, height) * 0.15;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const d = Math.hypot(x - cx, y - cy);
      m[y * width + x] = d < r ? 255 : d < r + 6 ? Math.round(255 * (1 - (d - r) / 6)) : 0;
    }
  return m;
}

function send(image: string, submit: (init: Record<string, any>) => Record<string, unknown>, url = sidecar.url) {
  const page = new FakePage({ onInit: (init) => submit(init) });
  const messages = [
    { id: 'u1', role: 'user', content: 'a meadow with a red ball' },
    { id: 'a1', role: 'assistant', content: `Here it is:\n\n![meadow](${image})` },
  ];
  const valves = {
    FLUX_API_URL: fake.url,
    FLUX_API_KEY: FLUX_KEY,
    SIDECAR_TOKEN: TEST_TOKEN,
    TRANSLATE_PROMPTS: 'never',
  };
  return { page, run: runSession({ url, token: TEST_TOKEN, page, messages, clicked: 'a1', valves }) };
}

/** The session ended well, and no answer the page sent came near the socket's limit. */
async function crossed(page: FakePage, run: Promise<SessionRun>): Promise<SessionRun> {
  const done = await run;
  expect(done.done).toMatchObject({ ok: true });
  expect(page.socketClosed).toBe(false);
  expect(page.largestAnswer).toBeLessThanOrEqual(512 * 1024);
  return done;
}

describe("a Send larger than Open WebUI's socket takes in one message", { timeout: 120_000 }, () => {
  it('a 2048 x 2048 picture of the chat with its full-size raw mask arrives, no answer over 512 KB', async () => {
    const picture = (await photo(2048, 2048)).jpeg;
    const mask = paintedMask(1600, 1600);
    const { page, run } = send(`data:image/jpeg;base64,${picture.toString('base64')}`, (init) => ({
      model: 'fill',
      prompt: 'a blue ball',
      image: { ref: init.images[0].ref },
      // A browser without CompressionStream sends the mask as it was painted: 2.5 MB of it.
      mask: { format: 'raw', width: 1600, height: 1600, data: mask.toString('base64') },
      params: {},
      output_format: 'jpeg',
    }));
    await crossed(page, run);
    const task = fake.tasks.at(-1)!;
    expect(task.prompt).toBe('a blue ball');
    expect(task.inputs.map((i) => [i.width, i.height])).toEqual([[2048, 2048]]);
    // The fake FLUX refuses a mask of another size than the picture (422), as FLUX does.
  });

  it('a 12-megapixel photo from disk, 7 references and an imported mask arrive in parts', async () => {
    const [chat, fromDisk, ...references] = (
      await Promise.all([
        photo(1024, 1024),
        photo(4000, 3000),
        ...Array.from({ length: 7 }, (_, i) => photo(1024 + i * 64, 1024, i + 1)),
      ])
    ).map((p) => p.jpeg);
    // As base64, alone more than one socket message may carry.
    expect(fromDisk!.toString('base64').length).toBeGreaterThan(1_000_000);
    const mask = paintedMask(1600, 1200);
    const { page, run } = send(`data:image/jpeg;base64,${chat!.toString('base64')}`, () => ({
      model: 'flux-2-pro',
      // Characters of two and four bytes, cut between parts as anywhere else.
      prompt: 'the ball in the style of the references, мяч 🎈 ボール',
      image: { data: fromDisk!.toString('base64'), mime: 'image/jpeg' },
      references: references.map((r) => ({ data: r.toString('base64'), mime: 'image/jpeg' })),
      mask: {
        format: 'raw',
        width: 1600,
        height: 1200,
        data: deflateSync(mask).toString('base64'),
        encoding: 'deflate',
      },
      masked_only: true,
      params: {},
      output_format: 'jpeg',
    }));
    const done = await crossed(page, run);
    const task = fake.tasks.at(-1)!;
    expect(task.endpoint).toContain('flux-2-pro');
    expect(task.prompt).toBe('the ball in the style of the references, мяч 🎈 ボール');
    // The photo (fitted to FLUX.2's input size) and every reference, in order.
    expect(task.inputs).toHaveLength(8);
    const result = done.saved.at(-1)!;
    const meta = await sharp(result.bytes).metadata();
    expect([meta.width, meta.height]).toEqual([4000, 3000]);
  });

  it('a Send too large for any job is refused with words, not a hang', async () => {
    // Pictures of at most 1 MB: nine of them (picture, 7 references, mask) can never exceed 12 MB.
    const small = await startTestSidecar({ FLUX_INPAINT_MAX_IMAGE_MB: '1', FLUX_INPAINT_RESULT_HOSTS: fake.origin });
    const huge = Buffer.alloc(2 * 1024 * 1024, 7).toString('base64');
    const { page, run } = send(
      'data:image/png;base64,iVBORw0KGgo=',
      () => ({
        model: 'flux-2-pro',
        prompt: 'x',
        image: { data: huge, mime: 'image/png' },
        references: Array.from({ length: 7 }, () => ({ data: huge, mime: 'image/png' })),
        params: {},
        output_format: 'jpeg',
      }),
      small.url,
    );
    const done = await run.finally(() => small.close());
    expect(page.largestAnswer).toBeLessThanOrEqual(512 * 1024);
    const statuses = done.chat.get('a1')!.statusHistory.map((s) => s.description);
    expect(statuses.at(-1)).toMatch(/more than \d+ MB at once/);
  });

  it("the page's socket dropping mid-session ends it in words and takes the editor out of the message", async () => {
    const picture = (await photo(1024, 1024)).jpeg;
    const page = new FakePage({
      onInit: () => {
        page.socketClosed = true;
        return null;
      },
    });
    const messages = [
      { id: 'u1', role: 'user', content: 'a meadow' },
      { id: 'a1', role: 'assistant', content: `![meadow](data:image/jpeg;base64,${picture.toString('base64')})` },
    ];
    const valves = { FLUX_API_URL: fake.url, FLUX_API_KEY: FLUX_KEY, SIDECAR_TOKEN: TEST_TOKEN };
    const run = await runSession({
      url: sidecar.url,
      token: TEST_TOKEN,
      page,
      messages,
      clicked: 'a1',
      valves,
      version: '0.10.1',
    });
    const statuses = run.chat.get('a1')!.statusHistory.map((s) => s.description);
    expect(statuses.at(-1)).toBe('Inpaint stopped: The Open WebUI page stopped answering (tab closed or reloaded).');
    expect(run.pageEmbeds).toEqual([]);
    expect(run.restore).toBeNull();
  });
});
