import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeFlux, type FakeFlux } from '../fake-flux/server.js';
import { testImage, testMask } from '../support/images.js';
import { runSidecarExpectingFailure, spawnSidecar } from '../support/process.js';

const TOKEN = 'restart-token-0123456789';
let fake: FakeFlux;

beforeAll(async () => {
  fake = await startFakeFlux({ latencyMs: 4_000 });
});
afterAll(async () => {
  await fake?.close();
});

function api(url: string, path: string, init: RequestInit = {}) {
  return fetch(`${url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
  });
}

async function until<T>(fn: () => Promise<T | undefined>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A built sidecar with its own data dir, and one Fill job sent to it. */
async function sidecarWithJob(dirPrefix: string, prompt: string) {
  const dataDir = await mkdtemp(join(tmpdir(), dirPrefix));
  const env = {
    FLUX_INPAINT_PORT: '0',
    FLUX_INPAINT_DATA_DIR: dataDir,
    FLUX_INPAINT_TOKEN: TOKEN,
    FLUX_API_KEY: 'test-key',
    FLUX_API_URL: fake.url,
    FLUX_INPAINT_RESULT_HOSTS: fake.origin,
    FLUX_INPAINT_POLL_INTERVAL_S: '0.2',
    FLUX_INPAINT_MAX_POLL_ATTEMPTS: '200',
  };
  const first = await spawnSidecar(env);
  const image = await testImage(128, 96);
  const res = await api(first.url, '/v1/jobs', {
    method: 'POST',
    body: JSON.stringify({
      model: 'fill',
      prompt,
      image: image.toString('base64'),
      mask: (await testMask(128, 96)).toString('base64'),
      provider: 'bfl',
    }),
  });
  expect(res.status).toBe(202);
  const { id } = (await res.json()) as { id: string };
  return { dataDir, env, first, id };
}

describe('restart', () => {
  it('a job killed while Pending resumes after a restart and its result is saved once', async () => {
    const { dataDir, env, first, id } = await sidecarWithJob('flux-restart-', 'survive a restart');
    await until(async () => {
      const job = await (await api(first.url, `/v1/jobs/${id}`)).json();
      return job.state === 'running' ? job : undefined;
    });
    await first.kill('SIGKILL');
    const submitsBefore = fake.tasks.filter((t) => t.prompt === 'survive a restart').length;
    expect(submitsBefore).toBe(1);
    const task = fake.tasks.find((t) => t.prompt === 'survive a restart')!;
    // Killed before FLUX ever said the task was ready: only the restarted sidecar can fetch its result.
    expect(task.readyServedAt).toBeUndefined();

    const second = await spawnSidecar(env);
    try {
      // FLUX finishes the task as soon as the restarted sidecar has asked about it, not at the end of its 4 s.
      const polls = task.polls;
      await until(async () => (task.polls > polls ? true : undefined));
      task.readyAt = Date.now();
      const done = await until(async () => {
        const job = await (await api(second.url, `/v1/jobs/${id}`)).json();
        return job.state === 'done' || job.state === 'failed' ? job : undefined;
      }, 20_000);
      expect(done.state).toBe('done');
      expect(fake.tasks.filter((t) => t.prompt === 'survive a restart')).toHaveLength(1);
      const results = (await readdir(join(dataDir, 'results'))).filter((f) => !f.startsWith('.'));
      expect(results).toHaveLength(1);
      const image2 = await api(second.url, `/v1/jobs/${id}/result`);
      expect(image2.status).toBe(200);
      // The key of the finished job is no longer kept on disk.
      await until(
        async () => ((await readFile(join(dataDir, 'keys.json'), 'utf8')).includes('test-key') ? undefined : true),
        5_000,
      );
    } finally {
      await second.kill();
    }
  });

  describe('a restart while a job is being sent never pays twice', () => {
    const SUBMIT_DELAY_MS = 1_500;

    async function startSlowSubmit(prompt: string) {
      const { env, first, id } = await sidecarWithJob('flux-submit-', prompt);
      // FLUX has the task (and charged for it) but has not answered yet.
      await until(async () => (fake.tasks.some((t) => t.prompt === prompt) ? true : undefined));
      return { env, first, id };
    }

    async function finalState(url: string, id: string) {
      return until(async () => {
        const job = await (await api(url, `/v1/jobs/${id}`)).json();
        return ['done', 'failed', 'cancelled'].includes(job.state) ? job : undefined;
      }, 20_000);
    }

    it('graceful stop (SIGTERM): the submit in flight is drained and journaled, then polled after the restart', async () => {
      fake.set({ submitDelayMs: SUBMIT_DELAY_MS, latencyMs: 500 });
      try {
        const prompt = 'graceful during submit';
        const { env, first, id } = await startSlowSubmit(prompt);
        await first.kill('SIGTERM');
        // It waited for FLUX's answer instead of dropping it: the restarted sidecar polls that task (a job
        // whose answer was dropped would end as "may have been charged" instead).
        fake.set({ submitDelayMs: 0 });
        const second = await spawnSidecar(env);
        try {
          const done = await finalState(second.url, id);
          expect(done.state).toBe('done');
          expect(fake.tasks.filter((t) => t.prompt === prompt)).toHaveLength(1);
        } finally {
          await second.kill();
        }
      } finally {
        fake.set({ submitDelayMs: 0, latencyMs: 4_000 });
      }
    });

    it('hard stop (kill -9): the job whose outcome is unknown is not sent again, and says so', async () => {
      fake.set({ submitDelayMs: SUBMIT_DELAY_MS, latencyMs: 500 });
      try {
        const prompt = 'killed during submit';
        const { env, first, id } = await startSlowSubmit(prompt);
        await first.kill('SIGKILL');
        fake.set({ submitDelayMs: 0 });
        const second = await spawnSidecar(env);
        try {
          const job = await finalState(second.url, id);
          expect(job.state).toBe('failed');
          expect(job.error.code).toBe('submit_outcome_unknown');
          expect(job.error.message).toContain('The sidecar stopped while this job was being sent to FLUX.');
          expect(job.error.message).toContain('https://dashboard.bfl.ai/');
          await new Promise((r) => setTimeout(r, 500));
          expect(fake.tasks.filter((t) => t.prompt === prompt)).toHaveLength(1);
        } finally {
          await second.kill();
        }
      } finally {
        fake.set({ submitDelayMs: 0, latencyMs: 4_000 });
      }
    });
  });

  it('a wrong setting stops the start with one line naming the variable', async () => {
    const { code, output } = await runSidecarExpectingFailure({ FLUX_INPAINT_PORT: 'eighty' });
    expect(code).toBe(2);
    expect(output.trim()).toBe(
      'flux-inpaint: Invalid FLUX_INPAINT_PORT="eighty": must be a whole number from 0 to 65535',
    );
  });

  it('an unwritable data dir stops the start with a clear message', async () => {
    const { code, output } = await runSidecarExpectingFailure({
      FLUX_INPAINT_DATA_DIR: '/proc/flux-inpaint-test',
      FLUX_INPAINT_PORT: '0',
    });
    expect(code).toBe(1);
    expect(output).toMatch(
      /cannot start: The sidecar cannot write to its data dir \(ENOENT\): make FLUX_INPAINT_DATA_DIR writable by the user running the sidecar\. \(data dir: \/proc\/flux-inpaint-test\)/,
    );
  });

  it('the generated token is stored with mode 600 and printed once', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'flux-token-'));
    const p = await spawnSidecar({ FLUX_INPAINT_PORT: '0', FLUX_INPAINT_DATA_DIR: dataDir, FLUX_INPAINT_TOKEN: '' });
    await p.kill();
    const token = (await readFile(join(dataDir, 'token'), 'utf8')).trim();
    expect(p.output()).toContain(`Token (new, stored in ${dataDir}/token): ${token}`);
    const again = await spawnSidecar({
      FLUX_INPAINT_PORT: '0',
      FLUX_INPAINT_DATA_DIR: dataDir,
      FLUX_INPAINT_TOKEN: '',
    });
    await again.kill();
    expect(again.output()).not.toContain('Token (new');
    expect(again.output()).toContain(`#token=${token}`);
  });
});
