import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeFlux, type FakeFlux } from '../fake-flux/server.js';
import { FakePage } from '../support/fake-page.js';
import { runSession } from '../support/fake-owui.js';
import { testImage, testMask } from '../support/images.js';
import { startTestSidecar, TEST_TOKEN, type TestSidecar } from '../support/sidecar.js';

const FLUX_KEY = 'flux-secret-key-0123456789';
let fake: FakeFlux;
let sidecar: TestSidecar;
let imageUrl: string;
let valves: Record<string, unknown>;

beforeAll(async () => {
  fake = await startFakeFlux({ latencyMs: 400, apiKey: FLUX_KEY });
  sidecar = await startTestSidecar({ FLUX_INPAINT_RESULT_HOSTS: fake.origin, FLUX_INPAINT_POLL_INTERVAL_S: '0.1', FLUX_INPAINT_MAX_POLL_ATTEMPTS: '200' });
  imageUrl = `data:image/png;base64,${(await testImage(320, 240)).toString('base64')}`;
  valves = { FLUX_API_URL: fake.url, FLUX_API_KEY: FLUX_KEY, STEPS: 30, GUIDANCE: 40, SESSION_TTL_MINUTES: 1, SIDECAR_TOKEN: TEST_TOKEN };
});

afterAll(async () => {
  await sidecar?.close();
  await fake?.close();
});

const ORIGINAL = 'Here is your picture:\n\n![a cat](IMAGE)\n\nEnjoy!';

function conversation(content = ORIGINAL.replace('IMAGE', '')) {
  return [
    { id: 'u1', role: 'user', content: 'draw a cat' },
    { id: 'a1', role: 'assistant', content },
  ];
}

async function submitFor(init: Record<string, any>, prompt: string) {
  const img = init.images[0];
  return {
    model: 'fill',
    prompt,
    image: { ref: img.ref },
    mask: (await testMask(160, 120)).toString('base64'),
    params: { steps: 20 },
    output_format: 'png',
  };
}

describe('an Inpaint click in Open WebUI, through the bridge', () => {
  it('edits the image with a translated prompt and adds the result as a new message', async () => {
    const content = ORIGINAL.replace('IMAGE', imageUrl);
    let init: Record<string, any> = {};
    const page = new FakePage({
      onInit: async (value) => {
        init = value;
        return submitFor(value, 'ein roter Hut auf dem Kopf der Katze');
      },
    });
    const run = await runSession({
      url: sidecar.url,
      token: TEST_TOKEN,
      page,
      messages: conversation(content),
      clicked: 'a1',
      valves,
      complete: () => 'A red hat on the cat’s head.',
    });

    expect(run.done).toMatchObject({ ok: true });
    expect(init.mode).toBe('owui');
    expect(init.images).toHaveLength(1);
    expect(init.images[0]).toMatchObject({ width: 320, height: 240 });
    expect(init.defaults).toMatchObject({ steps: 30, guidance: 40 });

    // The editor is gone and the message is exactly as it was.
    expect(run.chat.get('a1')!.content).toBe(content);
    expect(page.ended).toBeTruthy();

    // The prompt was translated with the chat's model and FLUX got the English one.
    expect(run.completions[0]!.model).toBe('chat-model');
    expect(JSON.stringify(run.completions[0]!.messages)).toContain('ein roter Hut');
    const task = fake.tasks.at(-1)!;
    expect(task.prompt).toBe('A red hat on the cat’s head.');
    expect(task.params).toMatchObject({ steps: 20, safety_tolerance: 6 });

    // The result is its own assistant message under the clicked one, added after the action returned.
    const added = [...run.chat.values()].find((m) => m.parentId === 'a1')!;
    expect(added.role).toBe('assistant');
    expect(added.content).toContain('](/api/v1/files/file-1/content)');
    expect(added.content).toContain('Prompt: ein roter Hut auf dem Kopf der Katze');
    expect(added.content).toContain('English: A red hat on the cat’s head\\.');
    expect(added.content).toMatch(/FLUX Fill · 20 steps/);
    expect(run.detachedAt).toBeLessThan(run.addedAt!);
    const meta = await sharp(run.saved[0]!.bytes).metadata();
    expect([meta.width, meta.height, meta.format]).toEqual([320, 240, 'png']);

    const statuses = run.chat.get('a1')!.statusHistory.map((s) => s.description);
    expect(statuses).toContain('Translating the prompt to English…');
    expect(statuses.at(-1)).toMatch(/^Done in \d+ s\. The result is the next message\.$/);
    expect(run.chat.get('a1')!.statusHistory.at(-1)!.done).toBe(true);

    // Neither the FLUX key nor the sidecar token ever reached the page.
    // Nor the logs: keys are redacted, and images are never logged.
    const logs = sidecar.logs.join('');
    expect(logs).not.toContain(FLUX_KEY);
    expect(logs).not.toContain(imageUrl.slice(30, 90));
    const toPage = page.seen.join('\n');
    expect(toPage).not.toContain(FLUX_KEY);
    expect(toPage).not.toContain(TEST_TOKEN);
    // The chat stores only the small bootstrap while the editor is open.
    const artifact = run.ops.find((o) => o.op === 'emit' && o.event.type === 'message')!;
    expect(Buffer.byteLength(artifact.event.data.content)).toBeLessThanOrEqual(4096);
  });

  it('falls back to the clicked message when the page cannot show new messages', async () => {
    const content = ORIGINAL.replace('IMAGE', imageUrl);
    const page = new FakePage({ onInit: (v) => submitFor(v, 'a blue hat') });
    const run = await runSession({ url: sidecar.url, token: TEST_TOKEN, page, messages: conversation(content), clicked: 'a1', valves, pageShowsNewMessages: false });
    expect(run.done).toMatchObject({ ok: true });
    expect([...run.chat.values()].filter((m) => m.parentId === 'a1')).toEqual([]);
    const final = run.chat.get('a1')!.content;
    expect(final.startsWith(content)).toBe(true);
    expect(final).toContain('](/api/v1/files/file-1/content)');
  });

  it('falls back to the clicked message when Open WebUI cannot add a message', async () => {
    const content = ORIGINAL.replace('IMAGE', imageUrl);
    const page = new FakePage({ onInit: (v) => submitFor(v, 'a yellow hat') });
    const run = await runSession({ url: sidecar.url, token: TEST_TOKEN, page, messages: conversation(content), clicked: 'a1', valves, addMessageFails: true });
    expect(run.done).toMatchObject({ ok: true });
    expect(run.chat.get('a1')!.content).toContain('Prompt: a yellow hat');
  });

  it('RESULT_MESSAGE=same keeps the action attached and appends to the clicked message', async () => {
    const content = ORIGINAL.replace('IMAGE', imageUrl);
    const page = new FakePage({ onInit: (v) => submitFor(v, 'a green hat') });
    const run = await runSession({ url: sidecar.url, token: TEST_TOKEN, page, messages: conversation(content), clicked: 'a1', valves: { ...valves, RESULT_MESSAGE: 'same' } });
    expect(run.detachedAt).toBeUndefined();
    expect(run.ops.some((o) => o.op === 'add_message')).toBe(false);
    expect(run.chat.get('a1')!.content).toContain('Prompt: a green hat');
  });

  it('uses the original prompt and says so when translation fails', async () => {
    const page = new FakePage({ onInit: (v) => submitFor(v, 'un chapeau rouge') });
    const run = await runSession({
      url: sidecar.url,
      token: TEST_TOKEN,
      page,
      messages: conversation(ORIGINAL.replace('IMAGE', imageUrl)),
      clicked: 'a1',
      valves,
      complete: () => {
        throw new Error('model offline');
      },
    });
    expect(fake.tasks.at(-1)!.prompt).toBe('un chapeau rouge');
    const statuses = run.chat.get('a1')!.statusHistory.map((s) => s.description);
    expect(statuses.some((s) => s.startsWith('Translation failed (model offline)'))).toBe(true);
    expect(run.done).toMatchObject({ ok: true });
  });

  it('closing the editor without sending restores the message and submits nothing', async () => {
    const before = fake.tasks.length;
    const content = ORIGINAL.replace('IMAGE', imageUrl);
    const run = await runSession({ url: sidecar.url, token: TEST_TOKEN, page: new FakePage({ onInit: () => null }), messages: conversation(content), clicked: 'a1', valves });
    expect(run.done).toMatchObject({ ok: true, message: 'Inpaint closed without sending.' });
    expect(run.chat.get('a1')!.content).toBe(content);
    expect(fake.tasks.length).toBe(before);
  });

  it('no image in the chat: the editor opens empty with a notice', async () => {
    let init: Record<string, any> = {};
    const run = await runSession({
      url: sidecar.url,
      token: TEST_TOKEN,
      page: new FakePage({
        onInit: (v) => {
          init = v;
          return null;
        },
      }),
      messages: [{ id: 'a1', role: 'assistant', content: 'No pictures here.' }],
      clicked: 'a1',
      valves,
    });
    expect(init.images).toEqual([]);
    expect(init.notice).toMatch(/No image found/);
    expect(run.chat.get('a1')!.content).toBe('No pictures here.');
  });

  it('a FLUX failure is said in words and leaves the message intact', async () => {
    fake.set({ outcomes: ['Content Moderated'] });
    const content = ORIGINAL.replace('IMAGE', imageUrl);
    const run = await runSession({ url: sidecar.url, token: TEST_TOKEN, page: new FakePage({ onInit: (v) => submitFor(v, 'a hat') }), messages: conversation(content), clicked: 'a1', valves });
    expect(run.done).toMatchObject({ ok: false });
    expect(run.chat.get('a1')!.content).toBe(content);
    expect(run.chat.get('a1')!.statusHistory.at(-1)!.description).toMatch(/^Inpaint failed: FLUX generated an image but withheld it/);
  });

  it('refuses a wrong token and a malformed session', async () => {
    const wrong = await fetch(`${sidecar.url}/v1/sessions`, { method: 'POST', headers: { authorization: 'Bearer nope', 'content-type': 'application/json' }, body: '{}' });
    expect(wrong.status).toBe(401);
    const bad = await sidecar.api('/v1/sessions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ protocol: 2 }) });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('invalid_request');
    const reply = await sidecar.api('/v1/sessions/nope/replies/1', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"ok":true}' });
    expect(reply.status).toBe(404);
  });
});
