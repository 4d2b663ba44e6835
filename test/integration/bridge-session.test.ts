import { createHash, createHmac } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeFlux, type FakeFlux } from '../fake-flux/server.js';
import { type EditorScript, FakePage } from '../support/fake-page.js';
import { ERROR_CATALOGUES, errorMessage, renderError } from '../../src/i18n/errors/index.js';
import { translator } from '../../src/i18n/t.js';
import { DASHBOARD_URL } from '../../src/providers/bfl/errors.js';
import { seal } from '../../src/owui/seal.js';
import { askChallenge, type OpenOptions, openSession, replyMac, runSession } from '../support/fake-owui.js';
import { testImage, testMask } from '../support/images.js';
import { startTestSidecar, TEST_TOKEN, type TestSidecar } from '../support/sidecar.js';

const FLUX_KEY = 'flux-secret-key-0123456789';
let fake: FakeFlux;
let sidecar: TestSidecar;
let imageUrl: string;
let valves: Record<string, unknown>;

beforeAll(async () => {
  fake = await startFakeFlux({ latencyMs: 100, apiKey: FLUX_KEY });
  sidecar = await startTestSidecar({
    FLUX_INPAINT_RESULT_HOSTS: fake.origin,
    FLUX_INPAINT_POLL_INTERVAL_S: '0.1',
    FLUX_INPAINT_MAX_POLL_ATTEMPTS: '200',
  });
  imageUrl = `data:image/png;base64,${(await testImage(320, 240)).toString('base64')}`;
  valves = {
    FLUX_API_URL: fake.url,
    FLUX_API_KEY: FLUX_KEY,
    STEPS: 30,
    GUIDANCE: 40,
    SESSION_TTL_MINUTES: 1,
    SIDECAR_TOKEN: TEST_TOKEN,
  };
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

/** A click on answer a1 of the standard conversation (its picture shown), in `page`; options override any field. */
function click(page: FakePage, options: Partial<OpenOptions> = {}) {
  const messages = conversation(ORIGINAL.replace('IMAGE', imageUrl));
  return runSession({ url: sidecar.url, token: TEST_TOKEN, page, messages, clicked: 'a1', valves, ...options });
}

/** A click whose editor sends `prompt`. */
async function clickAndSend(prompt: string, options: Partial<OpenOptions> = {}) {
  const page = new FakePage({ onInit: (v) => submitFor(v, prompt) });
  return { run: await click(page, options), page, content: ORIGINAL.replace('IMAGE', imageUrl) };
}

/** A click whose editor only looks: it keeps what the sidecar sent it at init, then closes without sending. */
async function openAndClose(options: Partial<OpenOptions> = {}, script: Omit<EditorScript, 'onInit'> = {}) {
  let init: Record<string, any> = {};
  const onInit = (v: Record<string, any>) => {
    init = v;
    return null;
  };
  const page = new FakePage({ ...script, onInit });
  const run = await click(page, { messages: conversation(), ...options });
  return { run, page, init };
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
    const run = await click(page, { complete: () => 'A red hat on the cat’s head.' });

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
    expect(added.content).toContain('FLUX\\.1 Fill [pro\\] · 20 steps');
    expect(run.detachedAt).toBeLessThan(run.addedAt!);
    const meta = await sharp(run.saved[0]!.bytes).metadata();
    expect([meta.width, meta.height, meta.format]).toEqual([320, 240, 'png']);

    expect(run.events.filter((e) => e.type === 'chat:reload')).toHaveLength(1);
    const statuses = run.chat.get('a1')!.statusHistory.map((s) => s.description);
    expect(statuses).toContain('Translating the prompt to English…');
    expect(statuses.at(-1)).toMatch(/^Done in \d+ sec\. The result is the next message\.$/);
    expect(run.chat.get('a1')!.statusHistory.at(-1)!.done).toBe(true);

    // Neither the FLUX key nor the sidecar token ever reached the page.
    // Nor the logs: keys are redacted, and images are never logged.
    const logs = sidecar.logs.join('');
    expect(logs).not.toContain(FLUX_KEY);
    expect(logs).not.toContain(imageUrl.slice(30, 90));
    const toPage = page.seen.join('\n');
    expect(toPage).not.toContain(FLUX_KEY);
    expect(toPage).not.toContain(TEST_TOKEN);
    // The editor is an inline embed of the clicked message, the page alone holds (0.6.32+): a small loader,
    // undone by the function should the session break off, and gone again once it is sent.
    const shown = run.ops.find((o) => o.op === 'emit' && o.event.type === 'chat:message:embeds')!;
    expect(shown.event.data.embeds).toHaveLength(1);
    expect(Buffer.byteLength(shown.event.data.embeds[0])).toBeLessThanOrEqual(4096);
    expect(shown.restore).toEqual({ type: 'chat:message:embeds', data: { embeds: [] } });
    expect(run.pageEmbeds).toEqual([]);
    expect(run.restore).toBeNull();
    expect(run.events.some((e) => e.type === 'embeds' || e.type === 'message')).toBe(false);
  });

  it('falls back to the clicked message when the page cannot show new messages', async () => {
    const { run, content } = await clickAndSend('a blue hat', { pageShowsNewMessages: false });
    expect(run.done).toMatchObject({ ok: true });
    expect([...run.chat.values()].filter((m) => m.parentId === 'a1')).toEqual([]);
    const final = run.chat.get('a1')!.content;
    expect(final.startsWith(content)).toBe(true);
    expect(final).toContain('](/api/v1/files/file-1/content)');
  });

  it('falls back to the clicked message when Open WebUI cannot add a message', async () => {
    const { run } = await clickAndSend('a yellow hat', { addMessageFails: true });
    expect(run.done).toMatchObject({ ok: true });
    expect(run.chat.get('a1')!.content).toContain('Prompt: a yellow hat');
  });

  it('RESULT_MESSAGE=same appends to the clicked message, after the action returned and the page saved', async () => {
    const { run, page } = await clickAndSend('a green hat', { valves: { ...valves, RESULT_MESSAGE: 'same' } });
    expect(run.ops.some((o) => o.op === 'add_message')).toBe(false);
    expect(run.chat.get('a1')!.content).toContain('Prompt: a green hat');
    // The page's save (after the action returned) cannot race the result: the result comes after it.
    const detach = run.ops.findIndex((o) => o.op === 'detach');
    const result = run.ops.findIndex(
      (o) => o.op === 'emit' && String(o.event.data?.content ?? '').includes('Prompt: a green hat'),
    );
    expect(detach).toBeGreaterThan(0);
    expect(result).toBeGreaterThan(detach);
    expect(page.seen.some((c) => /"awaitSave":\d+/.test(c))).toBe(true);
  });

  it('uses the original prompt and says so when translation fails', async () => {
    const { run } = await clickAndSend('un chapeau rouge', {
      complete: () => {
        throw new Error('model offline');
      },
    });
    expect(fake.tasks.at(-1)!.prompt).toBe('un chapeau rouge');
    const statuses = run.chat.get('a1')!.statusHistory.map((s) => s.description);
    // An error Open WebUI raised inside the function keeps its words, in the reader's sentence.
    expect(statuses).toContain(
      'Translation failed (The FLUX Inpaint function failed inside Open WebUI (model offline).); sending the prompt as written.',
    );
    expect(run.done).toMatchObject({ ok: true });
  });

  it('closing the editor without sending restores the message and submits nothing', async () => {
    const before = fake.tasks.length;
    const content = ORIGINAL.replace('IMAGE', imageUrl);
    const run = await click(new FakePage({ onInit: () => null }));
    expect(run.done).toMatchObject({ ok: true, message: 'Inpaint closed without sending.' });
    expect(run.chat.get('a1')!.content).toBe(content);
    expect(fake.tasks.length).toBe(before);
  });

  it('no image in the chat: the editor opens empty with a notice', async () => {
    const { run, init } = await openAndClose({
      messages: [{ id: 'a1', role: 'assistant', content: 'No pictures here.' }],
    });
    expect(init.images).toEqual([]);
    expect(init.notice).toMatch(/No image found/);
    expect(run.chat.get('a1')!.content).toBe('No pictures here.');
  });

  it('a FLUX failure is said in words and leaves the message intact', async () => {
    fake.set({ outcomes: ['Content Moderated'] });
    const content = ORIGINAL.replace('IMAGE', imageUrl);
    const run = await click(new FakePage({ onInit: (v) => submitFor(v, 'a hat') }));
    expect(run.done).toMatchObject({ ok: false });
    expect(run.chat.get('a1')!.content).toBe(content);
    expect(run.chat.get('a1')!.statusHistory.at(-1)!.description).toMatch(
      /^Inpaint failed: FLUX generated an image but withheld it/,
    );
  });

  it("a German user's failing job is said in German end to end, the English kept for the API", async () => {
    fake.set({ outcomes: ['Content Moderated'] });
    const page = new FakePage({ onInit: (v) => submitFor(v, 'a hat'), locale: 'de-DE' });
    const run = await click(page, { complete: () => 'a hat' });
    expect(run.done).toMatchObject({ ok: false });
    const de = translator('de');
    const error = renderError('de', 'flux_content_moderated.reasons', {
      reasons: 'Derivative Works',
      dashboard: DASHBOARD_URL,
    });
    const said = de.t('chat.failed', { error });
    expect(run.chat.get('a1')!.statusHistory.at(-1)!.description).toBe(said);
    expect(said).toMatch(/^Inpaint fehlgeschlagen: FLUX hat ein Bild erzeugt, aber zurückgehalten.*Derivative Works/);
    // The HTTP API keeps saying it in English, with the key that lets any reader say it in their language.
    const listed = await fetch(`${sidecar.url}/v1/jobs`, { headers: { authorization: `Bearer ${TEST_TOKEN}` } });
    const moderated = ((await listed.json()).jobs as Array<{ error?: Record<string, unknown> }>).filter(
      (j) => j.error?.code === 'flux_content_moderated',
    );
    expect(moderated.length).toBeGreaterThan(0);
    for (const j of moderated) {
      expect(j.error).toMatchObject({ key: 'flux_content_moderated.reasons', params: { dashboard: DASHBOARD_URL } });
      expect(j.error!.message).toMatch(/^FLUX generated an image but withheld it/);
    }
  });

  it('a second click while the result is being delivered leaves it to the first: one picture, one message', async () => {
    let second: Awaited<ReturnType<typeof openAndClose>> | undefined;
    const { run } = await clickAndSend('a hat delivered once', {
      whileSaving: async () => {
        second ??= await openAndClose({ messages: conversation(ORIGINAL.replace('IMAGE', imageUrl)) });
      },
    });
    expect(run.done).toMatchObject({ ok: true });
    expect(run.saved).toHaveLength(1);
    const results = [...run.chat.values()].filter((m) => m.content.includes('a hat delivered once'));
    expect(results).toHaveLength(1);
    expect(second!.run.chat.get('a1')!.content).not.toContain('a hat delivered once');
    const secondStatuses = second!.run.chat.get('a1')!.statusHistory.map((s) => s.description);
    expect(secondStatuses).not.toContain(translator('en').t('chat.recovered'));
  });

  it('proves both ends: a wrong token, a replayed challenge, the old protocol and an unsigned reply are refused', async () => {
    const payload = { protocol: 3, body: { messages: [] }, user: { id: 'u' }, valves: {} };
    const wrong = await openSession(sidecar.url, 'not-the-token-at-all', payload);
    expect(wrong.proven).toBe(false);
    expect(wrong.res.status).toBe(401);
    expect((await wrong.res.json()).error.message).toMatch(/SIDECAR_TOKEN/);
    const old = await fetch(`${sidecar.url}/v1/sessions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...payload, protocol: 1 }),
    });
    expect(old.status).toBe(426);
    expect((await old.json()).error.code).toBe('protocol_mismatch');
    // A protocol-2 function: challenge without a nonce (so no proof), then its opening: told to update itself.
    const v2 = await fetch(`${sidecar.url}/v1/sessions/challenge`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    const v2Answer = await v2.json();
    // Anyone may ask for a challenge, but only with a small body.
    const padded = await fetch(`${sidecar.url}/v1/sessions/challenge`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ protocol: 3, nonce: 'n'.repeat(32), padding: 'x'.repeat(4096) }),
    });
    expect(padded.status).toBe(413);
    expect(v2.status).toBe(200);
    expect(v2Answer.proof).toBeUndefined();
    const v2Body = JSON.stringify({ ...payload, protocol: 2, valves: { FLUX_API_KEY: 'in clear' } });
    const v2Open = await fetch(`${sidecar.url}/v1/sessions`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-flux-inpaint-auth': `challenge=${v2Answer.challenge}, nonce=old-function-nonce-1, mac=${'0'.repeat(64)}`,
      },
      body: v2Body,
    });
    expect(v2Open.status).toBe(426);
    expect((await v2Open.json()).error.message).toMatch(
      /^This sidecar speaks bridge protocol 3: update the FLUX Inpaint function/,
    );
    const unsigned = await fetch(`${sidecar.url}/v1/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(unsigned.status).toBe(401);
    // A valid signature over a malformed body: the body is checked only after the signature.
    const bad = await openSession(sidecar.url, TEST_TOKEN, { protocol: 3 });
    expect(bad.res.status).toBe(400);
    expect((await bad.res.json()).error.code).toBe('invalid_request');
    // Each challenge opens one session at most.
    const nonce = 'nonce-nonce-nonce-1';
    const { challenge } = (await (
      await fetch(`${sidecar.url}/v1/sessions/challenge`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ protocol: 3, nonce }),
      })
    ).json()) as { challenge: string };
    const key = createHmac('sha256', TEST_TOKEN).update(`session\n${challenge}\n${nonce}`).digest();
    const body = JSON.stringify({ ...payload, valves: { FLUX_API_KEY: seal(key, 'FLUX_API_KEY', '') } });
    const mac = createHmac('sha256', TEST_TOKEN)
      .update(`open\n${challenge}\n${nonce}\n${createHash('sha256').update(body).digest('hex')}`)
      .digest('hex');
    const headers = {
      'content-type': 'application/json',
      'x-flux-inpaint-auth': `challenge=${challenge}, nonce=${nonce}, mac=${mac}`,
    };
    const first = await fetch(`${sidecar.url}/v1/sessions`, { method: 'POST', headers, body });
    expect(first.status).toBe(200);
    const replay = await fetch(`${sidecar.url}/v1/sessions`, { method: 'POST', headers, body });
    expect(replay.status).toBe(401);
    await first.body?.cancel();
    const reply = await fetch(`${sidecar.url}/v1/sessions/nope/replies/1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"ok":true}',
    });
    expect(reply.status).toBe(404);
  });

  it('a reply without the session MAC is refused and the op still waits for the real one', async () => {
    const { res, key } = await openSession(sidecar.url, TEST_TOKEN, {
      protocol: 3,
      body: { messages: [{ id: 'a1', role: 'assistant', content: 'x' }], chat_id: 'chat-9', id: 'a1' },
      user: { id: 'u' },
      valves,
    });
    const reader = res.body!.getReader();
    const lines: Array<Record<string, any>> = [];
    let buffer = '';
    while (!lines.some((l) => l.id)) {
      const { value } = await reader.read();
      buffer += new TextDecoder().decode(value);
      for (const line of buffer.split('\n').slice(0, -1)) if (line.trim()) lines.push(JSON.parse(line));
      buffer = buffer.slice(buffer.lastIndexOf('\n') + 1);
    }
    const hello = lines[0]!;
    const op = lines.find((l) => l.id)!;
    const url = `${sidecar.url}/v1/sessions/${hello.session}/replies/${op.id}`;
    const forged = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-flux-inpaint-mac': '0'.repeat(64) },
      body: '{"ok":true}',
    });
    expect(forged.status).toBe(401);
    const body = '{"ok":false,"error":{"code":"failed","message":"no page"}}';
    const real = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-flux-inpaint-mac': replyMac(key, hello.session, op.id, body) },
      body,
    });
    expect(real.status).toBe(204);
    await reader.cancel();
  });

  it('finds images in the stored chat: generated files, bare-id uploads, /cache paths, newest first', async () => {
    const png = await testImage(200, 100);
    const jpeg = await sharp(await testImage(90, 60))
      .jpeg()
      .toBuffer();
    const { run, init } = await openAndClose({
      messages: [
        { id: 'u1', role: 'user', content: 'here is my photo' },
        { id: 'a1', role: 'assistant', content: 'Nice. Here is another:' },
      ],
      files: {
        u1: [
          { type: 'file', url: 'upload-7', name: 'photo.jpg', content_type: 'image/jpeg' },
          { type: 'file', url: 'doc-1', content_type: 'application/pdf' },
        ],
        a1: [{ type: 'image', url: '/api/v1/files/gen-1/content' }],
      },
      images: {
        '/api/v1/files/gen-1/content': { mime: 'image/png', bytes: png },
        '/api/v1/files/upload-7/content': { mime: 'image/jpeg', bytes: jpeg },
      },
    });
    expect(run.done).toMatchObject({ ok: true });
    expect(init.images.map((i: any) => [i.label, i.width])).toEqual([
      ['this message', 200],
      ['the message above', 90],
    ]);
    expect(run.ops.filter((o) => o.op === 'read_image').map((o) => o.url)).toEqual([
      '/api/v1/files/gen-1/content',
      '/api/v1/files/upload-7/content',
    ]);
  });

  it('before Open WebUI 0.11 the result goes into the clicked message, and no event names a message the page lacks', async () => {
    const { run } = await clickAndSend('a purple hat', { version: '0.10.2' });
    expect(run.done).toMatchObject({ ok: true });
    expect(run.ops.some((o) => o.op === 'add_message')).toBe(false);
    expect(run.events.some((e) => e.type === 'chat:completion' || e.type === 'chat:reload')).toBe(false);
    expect(run.chat.get('a1')!.content).toContain('Prompt: a purple hat');
  });

  it('RESULT_MESSAGE=new tries a message of its own only where Open WebUI can take it back (0.10+)', async () => {
    const newValves = { valves: { ...valves, RESULT_MESSAGE: 'new' } };
    const old = await clickAndSend('a grey hat', { ...newValves, version: '0.6.43' });
    expect(old.run.ops.some((o) => o.op === 'add_message' || o.op === 'remove_message')).toBe(false);
    expect(old.run.chat.get('a1')!.content).toContain('Prompt: a grey hat');
    // 0.10 can remove a message, but its page does not reload the chat: added, not shown, taken out again.
    const tried = await clickAndSend('a teal hat', { ...newValves, version: '0.10.2' });
    expect(tried.run.ops.filter((o) => o.op === 'add_message' || o.op === 'remove_message').map((o) => o.op)).toEqual([
      'add_message',
      'remove_message',
    ]);
    expect([...tried.run.chat.values()].filter((m) => m.parentId === 'a1')).toEqual([]);
    expect(tried.run.chat.get('a1')!.content).toContain('Prompt: a teal hat');
  });

  it('0.11+: the result message is written after the page saved, then the page reloads the chat', async () => {
    const { run, page } = await clickAndSend('an orange hat', { version: '0.12.4' });
    const added = [...run.chat.values()].find((m) => m.parentId === 'a1')!;
    expect(added.content).toContain('Prompt: an orange hat');
    expect(run.events.filter((e) => e.type === 'chat:reload')).toHaveLength(1);
    expect(run.events.some((e) => e.type === 'chat:completion')).toBe(false);
    // The save watch was set up in the page, and its answer awaited, before anything was added.
    const watch = page.seen.findIndex((c) => c.includes('"watchSave":"chat-1"'));
    const wait = page.seen.findIndex((c) => /"awaitSave":\d+/.test(c));
    expect(watch).toBeGreaterThanOrEqual(0);
    expect(wait).toBeGreaterThan(watch);
  });

  it('a temporary chat (never stored) takes the result in the clicked message', async () => {
    const { run } = await clickAndSend('a grey hat', { temporary: true });
    expect(run.ops.some((o) => o.op === 'add_message')).toBe(false);
    expect(run.chat.get('a1')!.content).toContain('Prompt: a grey hat');
  });

  it('a direct-connection model is not asked to translate; the chat says why', async () => {
    const { run } = await clickAndSend('ein blauer Hut', { modelDirect: true });
    expect(run.completions).toEqual([]);
    expect(fake.tasks.at(-1)!.prompt).toBe('ein blauer Hut');
    const statuses = run.chat.get('a1')!.statusHistory.map((s) => s.description);
    expect(statuses.some((s) => /direct connection.*TRANSLATION_MODEL/.test(s))).toBe(true);
  });

  it("an empty FLUX_API_KEY valve uses the sidecar's own key", async () => {
    const own = await startTestSidecar({
      FLUX_API_KEY: FLUX_KEY,
      FLUX_INPAINT_RESULT_HOSTS: fake.origin,
      FLUX_INPAINT_POLL_INTERVAL_S: '0.1',
    });
    try {
      const page = new FakePage({ onInit: (v) => submitFor(v, 'a hat from the sidecar key') });
      const run = await click(page, { url: own.url, valves: { ...valves, FLUX_API_KEY: '' } });
      expect(run.done, JSON.stringify(run.chat.get('a1')!.statusHistory)).toMatchObject({ ok: true });
      expect(fake.tasks.at(-1)!.prompt).toBe('a hat from the sidecar key');
    } finally {
      await own.close();
    }
  });

  it('a 2 MB message of "![" never stalls the sidecar: health answers throughout', async () => {
    // How fast it answers meanwhile is measured by `npm run bench` (bench/markdown-scan.ts), not here.
    const hostile = '!['.repeat(1024 * 1024);
    let answered = 0;
    let stop = false;
    const probe = (async () => {
      while (!stop) {
        expect((await fetch(`${sidecar.url}/healthz`)).status).toBe(200);
        answered++;
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    const run = await click(new FakePage({ onInit: () => null }), {
      messages: [
        { id: 'u1', role: 'user', content: 'draw me something' },
        { id: 'a1', role: 'assistant', content: hostile },
      ],
    });
    stop = true;
    await probe;
    expect(run.done).toMatchObject({ ok: true });
    expect(answered).toBeGreaterThan(0);
  });

  it("a German user's refused picture link and stale picture are said in German, the key kept for the editor", async () => {
    const link = 'http://10.255.255.1/cat.png';
    const { init } = await openAndClose(
      { messages: conversation(ORIGINAL.replace('IMAGE', link)) },
      { locale: 'de-DE' },
    );
    const refused = renderError('de', 'image_url_refused.private', { origin: new URL(link).origin });
    expect(init.notice).toBe(translator('de').t('chat.image_unreadable', { reason: `diese Nachricht: ${refused}` }));
    expect(init.notice).toMatch(/^Das Bild im Chat ließ sich nicht öffnen .*privates Netz/);
    // The editor gets the messages of its language with init, to say the errors it meets in German too.
    expect(init.errors).toEqual({ locale: 'de', messages: ERROR_CATALOGUES.de });

    const page = new FakePage({
      onInit: async (v) => ({ ...(await submitFor(v, 'a hat')), image: { ref: 'no-such-picture' } }),
      locale: 'de-DE',
    });
    await click(page);
    const stale = page.responses.find((r) => r.rid === 'submit-1')!;
    expect(stale).toMatchObject({ ok: false, error: { code: 'image_not_found', key: 'image_not_found.gone' } });
    expect(stale.error.message).toBe('image: that picture is no longer available: reload the editor.');
    expect(errorMessage('de', stale.error)).toBe(
      'image: Dieses Bild ist nicht mehr verfügbar: Laden Sie den Editor neu.',
    );
  });

  it('Send with an out-of-range field is refused in words while the editor stays open; nothing is submitted', async () => {
    const before = fake.tasks.length;
    const page = new FakePage({ onInit: async (v) => ({ ...(await submitFor(v, 'a hat')), params: { steps: 5 } }) });
    const run = await click(page);
    const refused = page.responses.find((r) => r.rid === 'submit-1')!;
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(refused.error.message).toMatch(/^params\.steps: must be between 15 and 50\.$/);
    expect(fake.tasks.length).toBe(before);
    expect(run.done).toMatchObject({ ok: true, message: 'Inpaint closed without sending.' });
  });

  it('Erase from the editor in Open WebUI: no prompt to translate, the painted area removed, the result delivered', async () => {
    const page = new FakePage({
      onInit: async (v) => ({
        ...(await submitFor(v, '')),
        model: 'erase',
        params: { dilate_pixels: 8 },
      }),
    });
    const run = await click(page);
    expect(run.done).toMatchObject({ ok: true });
    expect(run.completions).toHaveLength(0);
    const task = fake.tasks.at(-1)!;
    expect(task.endpoint).toBe('flux-tools/erase-v1');
    expect(task.params).toMatchObject({ dilate_pixels: 8 });
    expect(task.params).not.toHaveProperty('prompt');
    const added = [...run.chat.values()].find((m) => m.parentId === 'a1' && m.content.includes('FLUX Erase'))!;
    expect(added.content).toContain('](/api/v1/files/');
    expect(added.content).not.toContain('Prompt:');
  });

  it('FLUX 3 from the editor in Open WebUI: the painted area sent as a box, the result delivered', async () => {
    const page = new FakePage({
      onInit: async (v) => {
        const { params: _fillOnly, ...rest } = await submitFor(v, 'a blue ball');
        return { ...rest, model: 'flux-3-image', params: { resolution: '768sq' } };
      },
    });
    const run = await click(page);
    expect(run.done).toMatchObject({ ok: true });
    const task = fake.tasks.at(-1)!;
    expect(task.endpoint).toBe('flux-3-image');
    expect(task.prompt).toContain('<edit_1>');
    expect(task.params).not.toHaveProperty('output_format');
    const added = [...run.chat.values()].find((m) => m.parentId === 'a1' && m.content.includes('FLUX 3 Image'))!;
    expect(added.content).toContain('](/api/v1/files/');
  });

  it('the caption and the status show what FLUX charged', async () => {
    const { run } = await clickAndSend('a costly hat');
    const added = [...run.chat.values()].find((m) => m.parentId === 'a1' && m.content.includes('a costly hat'))!;
    expect(added.content).toMatch(/ · credits: \d+(\.\d+)? · /);
  });

  it("unsigned openings never spend a user's session budget", async () => {
    const limited = await startTestSidecar({ FLUX_INPAINT_RATE_LIMIT: '2' });
    try {
      const body = JSON.stringify({ protocol: 3, body: { messages: [] }, user: { id: 'victim' }, valves: {} });
      for (let i = 0; i < 5; i++) {
        const res = await fetch(`${limited.url}/v1/sessions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
        expect(res.status).toBe(401);
      }
      const real = await openSession(limited.url, TEST_TOKEN, {
        protocol: 3,
        body: { messages: [] },
        user: { id: 'victim' },
        valves: {},
      });
      expect(real.res.status).toBe(200);
      await real.res.body?.cancel();
    } finally {
      await limited.close();
    }
  });

  it('challenges are rate-limited per client address, and a flood never costs the function its own', async () => {
    const limited = await startTestSidecar({ FLUX_INPAINT_CHALLENGE_LIMIT: '5' });
    try {
      const ask = () => fetch(`${limited.url}/v1/sessions/challenge`, { method: 'POST' });
      // The function's opening asks for its challenge first; then a tokenless flood from the same address.
      const asked = await askChallenge(limited.url, TEST_TOKEN);
      const flood = await Promise.all(Array.from({ length: 30 }, ask));
      const limitedAnswer = flood.find((r) => r.status === 429)!;
      expect(flood.filter((r) => r.status === 200).length).toBeLessThanOrEqual(4);
      expect((await limitedAnswer.json()).error).toMatchObject({
        code: 'rate_limited',
        message: expect.stringMatching(
          /^Too many session challenges from 127\.0\.0\.1: at most 5 a minute \(FLUX_INPAINT_CHALLENGE_LIMIT\)/,
        ),
      });
      const payload = { protocol: 3, body: { messages: [] }, user: { id: 'u' }, valves: {} };
      const { res } = await openSession(limited.url, TEST_TOKEN, payload, '', asked);
      expect(res.status).toBe(200);
      await res.body?.cancel();
    } finally {
      await limited.close();
    }
  });

  it('remembers the editor settings per Open WebUI user, never the prompt', async () => {
    const first = await openAndClose(
      {},
      { saveSettings: { model: 'kontext-pro', brush_size: 64, prompt: 'secret prompt' } },
    );
    expect(first.page.responses.find((r) => r.rid === 'settings-1')).toMatchObject({ ok: true });
    const second = await openAndClose();
    expect(first.init.settings ?? null).toBeNull();
    expect(second.init.settings).toMatchObject({ model: 'kontext-pro', brush_size: 64 });
    expect(JSON.stringify(second.init.settings)).not.toContain('secret prompt');
  });

  it("statuses and the caption speak Open WebUI's language (German)", async () => {
    const page = new FakePage({ onInit: (v) => submitFor(v, 'ein grüner Hut'), locale: 'de-DE' });
    const { init } = await openAndClose(
      { messages: conversation(ORIGINAL.replace('IMAGE', imageUrl)) },
      { locale: 'de-DE' },
    );
    expect(init.locale).toBe('de-DE');
    // Where the picture is, as the editor shows it, is said in German too.
    expect(init.images.map((i: any) => i.label)).toEqual(['diese Nachricht']);
    const run = await click(page, { complete: () => 'a green hat' });
    const statuses = run.chat.get('a1')!.statusHistory.map((s) => s.description);
    expect(statuses[0]).toBe(translator('de').t('chat.opening'));
    expect(statuses).toContain(translator('de').t('chat.translating'));
    expect(statuses.at(-1)).toMatch(/^Fertig \(\d+ Sek\.\)\. Das Ergebnis ist die nächste Nachricht\.$/);
    const added = [...run.chat.values()].find((m) => m.parentId === 'a1' && m.content.includes('grüner'))!;
    expect(added.content).toContain('20 Schritte');
  });
});
