import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startFakeFlux, type FakeFlux, type FakeFluxOptions } from '../fake-flux/server.js';
import { testImage, testMask } from '../support/images.js';
import { jobEvents, lastJobEvent } from '../support/events.js';
import { startTestSidecar, type TestSidecar } from '../support/sidecar.js';

/**
 * Every way FLUX and the network fail, over real HTTP: each fault must end in a clear error with the right
 * code (or be survived), never in a hang, a double submission or a partial file.
 */
let fake: FakeFlux;
let sidecar: TestSidecar;
let body: Record<string, unknown>;
/** These tests count retries; waiting out the production backoff between them would only add seconds. */
const RETRY_BASE_S = '0.01';

const CLEAN: Partial<FakeFluxOptions> = {
  latencyMs: 50,
  apiKey: 'good-key',
  credits: undefined,
  maxActive: 24,
  retryAfterS: 1,
  resultTtlMs: 600_000,
  download: 'ok',
  outcomes: [],
  submitFaults: [],
  pollFaults: [],
};

beforeAll(async () => {
  fake = await startFakeFlux(CLEAN);
  sidecar = await startTestSidecar({
    FLUX_API_KEY: 'good-key',
    FLUX_API_URL: fake.url,
    FLUX_INPAINT_RESULT_HOSTS: fake.origin,
    FLUX_INPAINT_POLL_INTERVAL_S: '0.1',
    FLUX_INPAINT_MAX_POLL_ATTEMPTS: '60',
    FLUX_INPAINT_MAX_RESULT_MB: '2',
    FLUX_INPAINT_MAX_ACTIVE_TASKS: '3',
    FLUX_INPAINT_RETRY_BASE_S: RETRY_BASE_S,
  });
  const image = await testImage(128, 96);
  body = {
    model: 'fill',
    prompt: 'fault test',
    image: image.toString('base64'),
    mask: (await testMask(128, 96)).toString('base64'),
    provider: 'bfl',
  };
});

afterEach(() => fake.set({ ...CLEAN, outcomes: [], submitFaults: [], pollFaults: [] }));

afterAll(async () => {
  await sidecar?.close();
  await fake?.close();
});

async function run(extra: Record<string, unknown> = {}): Promise<Record<string, any>> {
  const res = await sidecar.api('/v1/jobs', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...body, ...extra }),
  });
  expect(res.status).toBe(202);
  const { id } = await res.json();
  return lastJobEvent(await sidecar.api(`/v1/jobs/${id}/events`));
}

const submits = (prompt: string) => fake.tasks.filter((t) => t.prompt === prompt).length;

describe('FLUX refuses the job', () => {
  it.each([
    [
      '402 out of credits',
      { credits: 0 },
      'flux_out_of_credits',
      'FLUX account is out of credits (402): top up at https://dashboard.bfl.ai/',
    ],
    [
      '403 wrong key',
      { apiKey: 'another-key' },
      'flux_forbidden',
      'FLUX refused the API key (403): check FLUX_API_KEY',
    ],
  ] as const)('%s', async (_name, opts, code, message) => {
    fake.set(opts);
    const job = await run();
    expect(job.state).toBe('failed');
    expect(job.error.code).toBe(code);
    expect(job.error.message).toContain(message);
  });

  it('422 with a detail list names the field and the reason', async () => {
    fake.set({
      submitFaults: [
        {
          status: 422,
          body: {
            detail: [
              { loc: ['body', 'prompt'], msg: 'String should have at most 10 characters', type: 'string_too_long' },
            ],
          },
        },
      ],
    });
    const job = await run();
    expect(job.error.code).toBe('flux_validation');
    expect(job.error.message).toContain('prompt');
    expect(job.error.message).toContain('String should have at most 10 characters');
  });

  it('400 names what FLUX said and what to check', async () => {
    fake.set({ submitFaults: [{ status: 400, body: { detail: 'Invalid image format' } }] });
    const job = await run();
    expect(job.error).toEqual({
      code: 'flux_bad_request',
      message: 'FLUX rejected the request (400): Invalid image format. Check the prompt and the parameters.',
      key: 'flux_bad_request',
      params: { detail: ': Invalid image format' },
    });
  });

  it('404 at submit: a retired model endpoint says so', async () => {
    fake.set({ submitFaults: [{ status: 404, body: { detail: 'Not Found' } }] });
    const job = await run();
    expect(job.error.code).toBe('flux_model_unavailable');
    expect(job.error.message).toContain('retired');
  });

  it('the fake answers a retired endpoint (Canny) as FLUX does: 404 Not Found', async () => {
    const res = await fetch(`${fake.url}/flux-pro-1.0-canny`, {
      method: 'POST',
      headers: { 'x-key': 'good-key', 'content-type': 'application/json' },
      body: '{"prompt":"x"}',
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ detail: 'Not Found' });
  });

  it('404 while polling: expired or wrong region, with what to do', async () => {
    fake.set({ pollFaults: [{ status: 404, body: { detail: 'Not Found' } }] });
    const job = await run({ prompt: 'poll 404' });
    expect(job.error.code).toBe('flux_task_not_found');
    expect(job.error.message).toContain('expired');
    expect(job.error.message).toContain('wrong region');
    expect(job.error.message).toContain('FLUX_API_URL');
    expect(submits('poll 404')).toBe(1);
  });

  it.each([
    ['Request Moderated', 'flux_request_moderated', 'reasons given: Derivative Works'],
    ['Content Moderated', 'flux_content_moderated', 'SAFETY_TOLERANCE'],
    ['Error', 'flux_task_error', 'FLUX failed to generate the image (Error)'],
    ['Task not found', 'flux_task_not_found', 'expired'],
  ] as const)('task ends %s', async (outcome, code, message) => {
    fake.set({ outcomes: [outcome] });
    const job = await run();
    expect(job.state).toBe('failed');
    expect(job.error).toMatchObject({ code });
    expect(job.error.message).toContain(message);
    expect(job.error.message).not.toContain('not charged');
  });
});

describe('transient faults are survived, bounded', () => {
  it('a burst of 5xx at submit is retried and the task is created once', async () => {
    fake.set({ submitFaults: [{ status: 503 }, { status: 500 }] });
    const job = await run({ prompt: 'burst' });
    expect(job.state).toBe('done');
    expect(submits('burst')).toBe(1);
  });

  it('500/503 that never ends gives up with a clear error', async () => {
    fake.set({ submitFaults: Array.from({ length: 10 }, () => ({ status: 503 })) });
    const job = await run({ prompt: 'never' });
    expect(job.error.code).toBe('flux_server_error');
    expect(job.error.message).toContain('Try again in a minute');
    expect(submits('never')).toBe(0);
    expect(fake.options.submitFaults.length).toBeGreaterThan(0);
  });

  it('polls that fail (5xx, reset, garbage JSON) are retried and the job completes', async () => {
    fake.set({ pollFaults: [{ status: 500 }, 'reset', 'garbage'] });
    const job = await run({ prompt: 'poll faults' });
    expect(job.state).toBe('done');
    expect(fake.options.pollFaults).toEqual([]);
  });

  it('an unknown status counts as running', async () => {
    fake.set({ outcomes: ['Mystery'] });
    const res = await sidecar.api('/v1/jobs', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...body, prompt: 'mystery' }),
    });
    const { id } = await res.json();
    // The sidecar asks again after each answer: the fourth poll means it took at least two unknown ones in.
    await expect.poll(() => fake.tasks.find((t) => t.prompt === 'mystery')?.polls ?? 0).toBeGreaterThanOrEqual(4);
    const job = await (await sidecar.api(`/v1/jobs/${id}`)).json();
    expect(job.state).toBe('running');
    expect(job.status).toBe('Thinking very hard');
    await sidecar.api(`/v1/jobs/${id}`, { method: 'DELETE' });
  });

  it('a 429 storm: jobs wait as told by Retry-After and never exceed the active-task limits', async () => {
    fake.set({ latencyMs: 600, maxActive: 2, retryAfterS: 0.3 });
    fake.resetPeak();
    const jobs = await Promise.all(Array.from({ length: 6 }, (_, i) => run({ prompt: `storm ${i}` })));
    expect(jobs.map((j) => j.state)).toEqual(Array(6).fill('done'));
    expect(fake.peakActive()).toBeLessThanOrEqual(2);
    for (let i = 0; i < 6; i++) expect(submits(`storm ${i}`)).toBe(1);
  });

  it('never more active tasks than FLUX_INPAINT_MAX_ACTIVE_TASKS', async () => {
    fake.set({ latencyMs: 500, maxActive: 24 });
    const before = fake.tasks.length;
    const jobs = await Promise.all(Array.from({ length: 7 }, (_, i) => run({ prompt: `limit ${i}` })));
    expect(jobs.every((j) => j.state === 'done')).toBe(true);
    const mine = fake.tasks.slice(before);
    const overlapping = Math.max(
      ...mine.map((t) => mine.filter((o) => o.createdAt <= t.createdAt && o.readyAt > t.createdAt).length),
    );
    expect(overlapping).toBeLessThanOrEqual(3);
  });
});

describe('ambiguous submits are not repeated (a second task would be paid twice)', () => {
  it.each([
    ['connection reset', 'reset' as const],
    ['garbage JSON', 'garbage' as const],
    ['a 502', { status: 502 }],
    ['a 504', { status: 504 }],
  ])('%s at submit: failed, not resent, the user is told it may have been charged', async (name, fault) => {
    const prompt = `ambiguous ${name}`;
    const posts = fake.requests.filter((r) => r.method === 'POST').length;
    fake.set({ submitFaults: [fault] });
    const job = await run({ prompt });
    expect(job.state).toBe('failed');
    expect(job.error.code).toBe('submit_outcome_unknown');
    expect(job.error.message).toContain('may have accepted this job and charged for it');
    expect(fake.requests.filter((r) => r.method === 'POST').length).toBe(posts + 1);
  });

  it.each([502, 504, 'reset'] as const)(
    'FLUX accepts the task, then the answer is lost (%s): exactly one task, never a second',
    async (after) => {
      const prompt = `accepted then ${after}`;
      fake.set({ submitFaults: [{ acceptThen: after }] });
      const job = await run({ prompt });
      expect(job.state).toBe('failed');
      expect(job.error.code).toBe('submit_outcome_unknown');
      expect(job.error.message).toContain(`Job ${job.id}: FLUX.1 Fill [pro], "${prompt}"`);
      expect(job.error.message).toContain('https://dashboard.bfl.ai/');
      await new Promise((r) => setTimeout(r, 300));
      expect(submits(prompt)).toBe(1);
    },
  );
});

describe('429: wait as asked, at least a second, within the budget', () => {
  it('Retry-After: 0 does not spin: a few requests a second at most', async () => {
    const prompt = 'retry after zero';
    const posts = () => fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('fill')).length;
    const before = posts();
    fake.set({ submitFaults: Array.from({ length: 3 }, () => ({ status: 429, retryAfter: 0 })) });
    const res = await sidecar.api('/v1/jobs', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...body, prompt }),
    });
    const states = await jobEvents(await sidecar.api(`/v1/jobs/${(await res.json()).id}/events`));
    expect(states.at(-1)!.state).toBe('done');
    expect(posts() - before).toBe(4);
    // Three waits, each of at least a second, as the job's status says while it waits.
    const waits = states
      .filter((s, i) => s.status !== states[i - 1]?.status)
      .map((s) => /trying again in about (\d+) s/.exec(s.status)?.[1])
      .filter((s) => s !== undefined)
      .map(Number);
    expect(waits).toHaveLength(3);
    for (const seconds of waits) expect(seconds).toBeGreaterThanOrEqual(1);
    expect(submits(prompt)).toBe(1);
  });

  it('a Retry-After beyond the job budget gives up at once, and says so (not "waiting 300 s")', async () => {
    // Waiting 600 s would outlast the test's time limit: it gives up instead.
    fake.set({ submitFaults: [{ status: 429, retryAfter: 600 }] });
    const job = await run({ prompt: 'too long a wait' });
    expect(job.state).toBe('failed');
    expect(job.error.code).toBe('flux_rate_limited');
    expect(job.error.message).toMatch(/^Gave up: FLUX has too many active tasks/);
    expect(job.error.message).toContain('asked to wait 600 s');
    expect(job.error.message).toContain('nothing was charged');
    expect(job.error.message).not.toMatch(/waiting \d+ s/);
    expect(submits('too long a wait')).toBe(0);
  });
});

describe('downloads', () => {
  it('a slow download completes', async () => {
    fake.set({ download: 'slow' });
    expect((await run({ output_format: 'jpeg' })).state).toBe('done');
  });

  it('a jump of the wall clock while FLUX works neither ends the job nor stretches its budget', async () => {
    fake.set({ latencyMs: 300 });
    const realNow = Date.now.bind(Date);
    let jumpMs = 0;
    const clock = vi.spyOn(Date, 'now').mockImplementation(() => realNow() + jumpMs);
    try {
      const res = await sidecar.api('/v1/jobs', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...body, prompt: 'clock jump' }),
      });
      let final: Record<string, any> = {};
      for await (const view of sidecar.engine.watch((await res.json()).id)) {
        // FLUX has the task: the clock jumps two hours ahead, far past the job's 6 s budget.
        if (view.state === 'running') jumpMs = 2 * 3600_000;
        final = view;
      }
      expect(final).toMatchObject({ state: 'done' });
    } finally {
      clock.mockRestore();
    }
  });

  it('a result host that never answers holds the job no longer than its budget, and is named', async () => {
    // 0.1 s x 15 polls: a budget of 1.5 s, against download attempts of up to 120 s each.
    const short = await startTestSidecar({
      FLUX_API_KEY: 'good-key',
      FLUX_API_URL: fake.url,
      FLUX_INPAINT_RESULT_HOSTS: fake.origin,
      FLUX_INPAINT_POLL_INTERVAL_S: '0.1',
      FLUX_INPAINT_MAX_POLL_ATTEMPTS: '15',
      FLUX_INPAINT_RETRY_BASE_S: RETRY_BASE_S,
    });
    try {
      fake.set({ download: 'hang' });
      const res = await short.api('/v1/jobs', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...body, prompt: 'hung host' }),
      });
      const job = await short.engine.wait((await res.json()).id);
      expect(job.state).toBe('failed');
      expect(job.error).toMatchObject({ code: 'result_download_timeout' });
      expect(job.error!.message).toMatch(
        new RegExp(`^The result host ${fake.origin} did not deliver the result within`),
      );
      expect(job.error!.message).not.toMatch(/FLUX (at|API)/);
      expect(fake.tasks.find((t) => t.prompt === 'hung host')!.downloads).toBeGreaterThanOrEqual(1);
    } finally {
      await short.close();
    }
  });

  it('a download cut off mid-body is retried, then fails cleanly', async () => {
    fake.set({ download: 'truncated' });
    const job = await run({ prompt: 'truncated' });
    expect(job.state).toBe('failed');
    expect(['result_truncated', 'result_download_failed']).toContain(job.error.code);
    expect(fake.tasks.find((t) => t.prompt === 'truncated')!.downloads).toBeGreaterThan(1);
  });

  it.each([
    ['not-image', 'result_not_image'],
    ['huge', 'result_too_large'],
    ['reset', 'result_download_failed'],
  ] as const)('%s download fails cleanly', async (mode, code) => {
    fake.set({ download: mode });
    const job = await run();
    expect(job.state).toBe('failed');
    expect(job.error.code).toBe(code);
  });

  it('an expired result link says so', async () => {
    fake.set({ resultTtlMs: -1 });
    const job = await run();
    expect(job.error.code).toBe('result_expired');
    expect(job.error.message).toContain('expired');
  });

  it('no partial or temporary files are left behind', async () => {
    const files = await readdir(join(sidecar.dataDir, 'results'));
    expect(files.filter((f) => f.includes('.tmp') || f.startsWith('.'))).toEqual([]);
  });
});

describe('FLUX unreachable', () => {
  it('a closed port fails with flux_unreachable after bounded retries', async () => {
    const other = await startTestSidecar({
      FLUX_API_KEY: 'k',
      FLUX_API_URL: 'http://127.0.0.1:9/v1',
      FLUX_INPAINT_POLL_INTERVAL_S: '0.1',
      FLUX_INPAINT_RETRY_BASE_S: RETRY_BASE_S,
    });
    try {
      const res = await other.api('/v1/jobs', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const { id } = await res.json();
      const job = await lastJobEvent(await other.api(`/v1/jobs/${id}/events`));
      expect(job.error.code).toBe('flux_unreachable');
      expect(job.error.message).toContain('check the network and FLUX_API_URL');
    } finally {
      await other.close();
    }
  });

  it('the API key never appears in the logs', () => {
    expect(sidecar.logs.join('')).not.toContain('good-key');
  });
});
