import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeFlux, type FakeFlux } from '../fake-flux/server.js';
import { FakePage } from '../support/fake-page.js';
import { runSession } from '../support/fake-owui.js';
import { testImage, testMask } from '../support/images.js';
import { startTestSidecar, TEST_TOKEN } from '../support/sidecar.js';

let fake: FakeFlux;
beforeAll(async () => {
  fake = await startFakeFlux({ latencyMs: 2_500, apiKey: 'restart-key' });
});
afterAll(async () => {
  await fake?.close();
});

describe('the sidecar restarts while a job from Open WebUI runs', () => {
  it('the job resumes, and its result reaches the chat at the next Inpaint click, once', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'flux-bridge-restart-'));
    const env = {
      FLUX_INPAINT_RESULT_HOSTS: fake.origin,
      FLUX_INPAINT_POLL_INTERVAL_S: '0.2',
      FLUX_INPAINT_MAX_POLL_ATTEMPTS: '200',
    };
    const image = `data:image/png;base64,${(await testImage(128, 96)).toString('base64')}`;
    const mask = (await testMask(128, 96)).toString('base64');
    const content = `![p](${image})`;
    const valves = { FLUX_API_URL: fake.url, FLUX_API_KEY: 'restart-key', TRANSLATE_PROMPTS: 'never' };
    const messages = [{ id: 'a1', role: 'assistant', content }];

    const first = await startTestSidecar(env, dataDir);
    const interrupted = runSession({
      url: first.url,
      token: TEST_TOKEN,
      page: new FakePage({
        onInit: (init) => ({
          model: 'fill',
          prompt: 'survive',
          image: { ref: init.images[0].ref },
          mask,
          params: {},
          output_format: 'png',
        }),
      }),
      messages,
      clicked: 'a1',
      valves,
    });
    for (let i = 0; !fake.tasks.some((t) => t.prompt === 'survive'); i++) {
      if (i > 100) throw new Error('the job was never submitted');
      await new Promise((r) => setTimeout(r, 100));
    }
    await first.close();
    const cut = await interrupted;
    expect(cut.done).toBeUndefined();
    expect(cut.cut).toBe(true);
    const task = fake.tasks.find((t) => t.prompt === 'survive')!;
    // Stopped before FLUX ever said the task was ready: only the restarted sidecar can fetch its result.
    expect(task.readyServedAt).toBeUndefined();

    const second = await startTestSidecar(env, dataDir);
    try {
      // FLUX finishes the task as soon as the restarted sidecar has asked about it, not at the end of its 2.5 s.
      const polls = task.polls;
      for (let i = 0; task.polls === polls; i++) {
        if (i > 100) throw new Error('the restarted sidecar never polled the task');
        await new Promise((r) => setTimeout(r, 20));
      }
      task.readyAt = Date.now();
      for (let i = 0; ; i++) {
        const { jobs } = (await (await second.api('/v1/jobs')).json()) as { jobs: Array<{ state: string }> };
        if (jobs[0]?.state === 'done') break;
        if (i > 100) throw new Error(`job did not finish: ${JSON.stringify(jobs)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      const next = await runSession({
        url: second.url,
        token: TEST_TOKEN,
        page: new FakePage({ onInit: () => null }),
        messages,
        clicked: 'a1',
        valves,
      });
      const message = next.chat.get('a1')!;
      expect(message.content.startsWith(content)).toBe(true);
      expect(message.content, JSON.stringify(message.statusHistory)).toContain('](/api/v1/files/file-1/content)');
      expect(message.content).toContain('Prompt: survive');
      expect(message.statusHistory.map((s) => s.description)).toContain(
        'Added the result of an earlier edit that was interrupted.',
      );
      expect(fake.tasks.filter((t) => t.prompt === 'survive')).toHaveLength(1);

      const again = await runSession({
        url: second.url,
        token: TEST_TOKEN,
        page: new FakePage({ onInit: () => null }),
        messages,
        clicked: 'a1',
        valves,
      });
      expect(again.saved).toEqual([]);
      expect(again.chat.get('a1')!.content).toBe(content);
    } finally {
      await second.close();
    }
  }, 60_000);
});
