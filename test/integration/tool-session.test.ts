import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeFlux, type FakeFlux } from '../fake-flux/server.js';
import { FakePage } from '../support/fake-page.js';
import { type OpenOptions, runSession } from '../support/fake-owui.js';
import { photo } from '../support/photo.js';
import { startTestSidecar, TEST_TOKEN, type TestSidecar } from '../support/sidecar.js';

const FLUX_KEY = 'flux-secret-key-0123456789';
const UPLOAD = '/api/v1/files/upload-1/content';
const RESULT = '/api/v1/files/result-1/content';
let fake: FakeFlux;
let sidecar: TestSidecar;
let images: OpenOptions['images'];

beforeAll(async () => {
  fake = await startFakeFlux({ latencyMs: 100, apiKey: FLUX_KEY });
  sidecar = await startTestSidecar({
    FLUX_INPAINT_RESULT_HOSTS: fake.origin,
    FLUX_INPAINT_POLL_INTERVAL_S: '0.1',
  });
  // The person's upload (a 320 x 240 photo), and a picture generated after it (256 x 192).
  images = {
    [UPLOAD]: { mime: 'image/jpeg', bytes: (await photo(320, 240)).jpeg },
    [RESULT]: { mime: 'image/jpeg', bytes: (await photo(256, 192, 3)).jpeg },
  };
});

afterAll(async () => {
  await sidecar?.close();
  await fake?.close();
});

beforeEach(() => fake.set({ outcomes: [] }));

const MESSAGES = [
  { id: 'u1', role: 'user', content: 'my garden photo' },
  { id: 'a1', role: 'assistant', content: 'Lovely.' },
  { id: 'u2', role: 'user', content: 'paint it as a sunset' },
  { id: 'a2', role: 'assistant', content: 'Here it is:' },
  { id: 'u3', role: 'user', content: 'mach den Himmel stürmisch' },
  { id: 'r', role: 'assistant', content: '' },
];
const FILES = {
  u1: [{ type: 'file', id: 'upload-1', content_type: 'image/jpeg' }],
  a2: [{ type: 'image', url: RESULT }],
};

/** The chat model calls the tool while reply `r` is written. */
function call(tool: Record<string, unknown>, options: Partial<OpenOptions> = {}) {
  return runSession({
    url: sidecar.url,
    token: TEST_TOKEN,
    // The tool never shows anything in the page: no editor opens.
    page: new FakePage({ onInit: () => null }),
    messages: MESSAGES,
    files: FILES,
    clicked: 'r',
    images,
    valves: { FLUX_API_URL: fake.url, FLUX_API_KEY: FLUX_KEY, SIDECAR_TOKEN: TEST_TOKEN },
    tool: { name: 'edit_image', instruction: 'mach den Himmel stürmisch', ...tool },
    ...options,
  });
}

const statuses = (run: Awaited<ReturnType<typeof call>>) => run.chat.get('r')!.statusHistory.map((s) => s.description);

describe('the image-editing Tool, through the bridge', () => {
  it('edits the newest picture and starts the reply with it (default mode), answering the model in words', async () => {
    const before = fake.tasks.length;
    const run = await call({ mode: 'default' });

    expect(run.done).toMatchObject({ ok: true });
    expect(run.done!.message).toMatch(/^Edited the picture \(2 messages up\) with FLUX\.2 \[pro\] · seed \d+/);
    const task = fake.tasks[before]!;
    expect(task.endpoint).toBe('flux-2-pro');
    // The generated picture, not the older upload.
    expect(task.inputs[0]).toMatchObject({ width: 256, height: 192 });
    // FLUX.2 reads German: nothing was translated.
    expect(task.prompt).toBe('mach den Himmel stürmisch');
    expect(run.completions).toHaveLength(0);
    expect(run.chat.get('r')!.content).toMatch(/^!\[FLUX\\\.2 pro result\]\(\/api\/v1\/files\/file-1\/content\)/);
    expect(run.saved).toHaveLength(1);
    expect(statuses(run).at(-1)).toMatch(/^Edited the picture/);
  });

  it('puts the picture into the reply as a file in native mode, where the reply text would overwrite it', async () => {
    const run = await call({ mode: 'native' }, { version: '0.11.0' });

    expect(run.done).toMatchObject({ ok: true });
    expect(run.events).toContainEqual({ type: 'files', data: { files: [{ type: 'image', url: run.saved[0]!.url }] } });
    expect(run.chat.get('r')!.content).toBe('');
  });

  it('translates only for a model that needs English (Kontext)', async () => {
    const before = fake.tasks.length;
    const run = await call({ model: 'kontext-pro' }, { complete: () => 'make the sky stormy' });

    expect(run.done).toMatchObject({ ok: true });
    expect(run.completions).toHaveLength(1);
    expect(fake.tasks[before]).toMatchObject({ endpoint: 'flux-kontext-pro', prompt: 'make the sky stormy' });
  });

  it('edits the picture `which` names', async () => {
    const before = fake.tasks.length;
    const run = await call({ which: 'the garden photo' });

    expect(run.done).toMatchObject({ ok: true });
    expect(fake.tasks[before]!.inputs[0]).toMatchObject({ width: 320, height: 240 });
  });

  it('says there is no picture, and asks FLUX nothing', async () => {
    const before = fake.tasks.length;
    const run = await call({}, { files: {} });

    expect(run.done).toMatchObject({ ok: false });
    expect(run.done!.message).toMatch(/There is no picture in this chat to edit/);
    expect(fake.tasks).toHaveLength(before);
  });

  it('answers a moderated result so that the model does not retry it', async () => {
    fake.set({ outcomes: ['Request Moderated'] });
    const run = await call({});

    expect(run.done).toMatchObject({ ok: false });
    expect(run.done!.message).toMatch(/^FLUX's moderation refused this edit .*do not retry the same request/);
    expect(run.saved).toHaveLength(0);
  });

  it('refuses a MODEL valve that cannot edit by instruction before anything runs, naming those that can', async () => {
    await expect(call({ model: 'fill' })).rejects.toThrow(
      /400 .*MODEL must be one of flux-3-image, kontext-pro, kontext-max, flux-2-pro/,
    );
  });
});
