import type { Dispatcher } from 'undici';
import { AppError, isAppError } from '../errors.js';
import { FluxClient, type PollResponse } from '../flux/client.js';
import { fluxTaskError, TERMINAL_FAILURES } from '../flux/errors.js';
import { buildFluxBody } from '../flux/models.js';
import { downloadResult } from '../jobs/download.js';
import { KeyedLimiter } from '../jobs/limiter.js';
import { DurationStats, nextPollDelay } from '../jobs/poller.js';
import { KeyStore } from '../jobs/keys.js';
import { backoffMs, sleep } from '../util/time.js';
import type { Provider, ProviderInput, ProviderResult, RunContext } from './provider.js';

export interface BflProviderOptions {
  client: FluxClient;
  resultHosts: readonly string[];
  maxResultBytes: number;
  maxActiveTasks: number;
  /** POLL_INTERVAL and MAX_POLL_ATTEMPTS: their product is how long a task may take. */
  polling: { intervalMs: number; maxAttempts: number };
  /** Bounded retries of transient failures (5xx, resets, garbage) per step. */
  maxRetries?: number;
}

interface Checkpoint {
  taskId: string;
  pollingUrl: string;
  submittedAt: number;
}

/** The real FLUX API: submit, poll the returned polling URL, download the signed result at once. */
export class BflProvider implements Provider {
  readonly name = 'bfl' as const;
  readonly limiter: KeyedLimiter;
  private readonly durations = new DurationStats();
  private readonly maxRetries: number;

  constructor(private readonly opts: BflProviderOptions) {
    this.limiter = new KeyedLimiter(opts.maxActiveTasks);
    this.maxRetries = opts.maxRetries ?? 4;
  }

  async run(input: ProviderInput, ctx: RunContext): Promise<ProviderResult> {
    if (!input.flux?.apiKey) {
      throw new AppError('flux_key_missing', 'No FLUX API key: set FLUX_API_KEY (the sidecar variable or the Open WebUI valve).', {
        status: 400,
      });
    }
    const { apiUrl, apiKey } = input.flux;
    const resumed = parseCheckpoint(ctx.resume);
    const keyRef = KeyStore.fingerprint(apiKey);
    ctx.progress({ status: resumed ? 'Resuming' : 'Waiting for a free FLUX slot', progress: null });
    const release = await this.limiter.acquire(keyRef, { signal: ctx.signal, force: resumed !== undefined });
    let task: Checkpoint;
    let final: PollResponse;
    try {
      task = resumed ?? (await this.submit(input, apiUrl, apiKey, ctx));
      final = await this.pollUntilDone(task, input, apiKey, ctx);
    } finally {
      release();
    }
    this.durations.record(input.model, Date.now() - task.submittedAt);
    const sample = final.result?.sample;
    if (!sample) throw new AppError('flux_bad_response', 'FLUX reported the image ready but gave no download link; send again.', { status: 502 });
    ctx.progress({ status: 'Downloading', progress: 1, phase: 'downloading' });
    const downloaded = await this.withRetries(ctx.signal, () =>
      downloadResult(sample, {
        dispatcher: this.opts.client.dispatcher as Dispatcher,
        allowlist: this.opts.resultHosts,
        maxBytes: this.opts.maxResultBytes,
        signal: ctx.signal,
      }),
    );
    const seed = typeof final.result?.seed === 'number' ? final.result.seed : undefined;
    return { bytes: downloaded.bytes, mime: downloaded.mime, seed };
  }

  private async submit(input: ProviderInput, apiUrl: string, apiKey: string, ctx: RunContext): Promise<Checkpoint> {
    const body = buildFluxBody({
      model: input.model,
      prompt: input.prompt,
      image: input.image.toString('base64'),
      mask: input.mask?.toString('base64'),
      params: input.params,
      outputFormat: input.outputFormat,
    });
    ctx.progress({ status: 'Submitting to FLUX', progress: null, phase: 'submitting' });
    const submitted = await this.withRetries(ctx.signal, () => this.opts.client.submit(apiUrl, apiKey, input.model, body, ctx.signal), (err) =>
      ctx.progress({ status: err.message, progress: null }),
    );
    const checkpoint: Checkpoint = { taskId: submitted.id, pollingUrl: submitted.pollingUrl, submittedAt: Date.now() };
    await ctx.checkpoint({ ...checkpoint });
    return checkpoint;
  }

  private async pollUntilDone(task: Checkpoint, input: ProviderInput, apiKey: string, ctx: RunContext): Promise<PollResponse> {
    const { intervalMs, maxAttempts } = this.opts.polling;
    const deadline = task.submittedAt + intervalMs * maxAttempts;
    let progress: number | null = null;
    for (;;) {
      const elapsedMs = Date.now() - task.submittedAt;
      const wait = nextPollDelay({ baseMs: intervalMs, elapsedMs, progress, typicalMs: this.durations.typical(input.model) });
      if (Date.now() + wait > deadline) {
        throw new AppError(
          'flux_timeout',
          `FLUX did not finish within ${Math.round((intervalMs * maxAttempts) / 1000)} s (POLL_INTERVAL x MAX_POLL_ATTEMPTS). Raise them, or send again later.`,
          { status: 504 },
        );
      }
      await sleep(wait, ctx.signal);
      const r = await this.withRetries(ctx.signal, () => this.opts.client.poll(task.pollingUrl, apiKey, ctx.signal));
      if (r.status === 'Ready') return r;
      if (TERMINAL_FAILURES.has(r.status)) throw fluxTaskError(r.status, r.details);
      progress = typeof r.progress === 'number' ? Math.min(1, Math.max(0, r.progress)) : progress;
      ctx.progress({ status: r.status === 'Pending' ? 'Generating' : r.status, progress, phase: 'running' });
    }
  }

  /**
   * Retries transient failures with jittered backoff, a bounded number of times. A 429 is not a fault but a
   * queue at FLUX: it waits as long as FLUX asks, for as long as the job's time budget allows.
   */
  private async withRetries<T>(signal: AbortSignal, fn: () => Promise<T>, onRetry?: (err: AppError) => void): Promise<T> {
    const budgetEnds = Date.now() + this.opts.polling.intervalMs * this.opts.polling.maxAttempts;
    for (let faults = 0; ; ) {
      try {
        return await fn();
      } catch (err) {
        if (signal.aborted || !isAppError(err) || !err.transient) throw err;
        const rateLimited = err.code === 'flux_rate_limited';
        const wait = err.retryAfter !== undefined ? err.retryAfter * 1000 : backoffMs(faults);
        if (rateLimited ? Date.now() + wait > budgetEnds : faults >= this.maxRetries) throw err;
        if (!rateLimited) faults++;
        onRetry?.(err);
        await sleep(wait, signal);
      }
    }
  }
}

function parseCheckpoint(resume: Record<string, unknown> | undefined): Checkpoint | undefined {
  if (!resume) return undefined;
  const { taskId, pollingUrl, submittedAt } = resume;
  if (typeof taskId === 'string' && typeof pollingUrl === 'string' && typeof submittedAt === 'number') {
    return { taskId, pollingUrl, submittedAt };
  }
  return undefined;
}
