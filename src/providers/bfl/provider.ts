import type { Logger } from 'pino';
import { AppError, appError, isAppError } from '../../errors.js';
import { type FluxClient, type PollResponse, safeOrigin } from './client.js';
import { CreditsCache, lowBalanceWarning } from './credits.js';
import { fluxTaskError, MIN_RETRY_AFTER_S, rateLimitGaveUp, TERMINAL_FAILURES } from './errors.js';
import { fluxRequest } from './request.js';
import { isModelName, MODEL_INFO } from '../../catalogue/models.js';
import { encodeAs } from '../../images/blend.js';
import sharp from '../../images/vips.js';
import { downloadResult, type ResultHostPolicy } from './download.js';
import { KeyedLimiter } from '../../util/limiter.js';
import { DurationStats, nextPollDelay } from './poller.js';
import { keyRef as fingerprint } from '../../util/key-ref.js';
import { backoffMs, monotonicMs, sleep } from '../../util/time.js';
import type { Polling, Provider, ProviderInput, ProviderResult, RunContext } from '../provider.js';

interface BflProviderOptions {
  client: FluxClient;
  results: ResultHostPolicy;
  maxResultBytes: number;
  maxActiveTasks: number;
  /** POLL_INTERVAL and MAX_POLL_ATTEMPTS: their product is how long a task may take. */
  polling: { intervalMs: number; maxAttempts: number };
  /** Bounded retries of transient failures (5xx, resets, garbage) per step. */
  maxRetries?: number;
  /** RETRY_BASE: the backoff before the first retry of such a failure; half of it starts the spread of 429 waits. */
  retryBaseMs: number;
  logger?: Logger | undefined;
}

interface Checkpoint {
  taskId: string;
  pollingUrl: string;
  /** Wall-clock time: the one clock that means the same before and after a restart. */
  submittedAt: number;
}

/** One attempt to download a result at most, when the job's budget leaves more. */
const DOWNLOAD_TIMEOUT_MS = 120_000;

/** How long the balance check may hold up a submit: it is advice, not a condition. */
const CREDITS_TIMEOUT_MS = 3_000;

/** The real FLUX API: submit, poll the returned polling URL, download the signed result at once. */
export class BflProvider implements Provider {
  readonly name = 'bfl' as const;
  readonly limiter: KeyedLimiter;
  private readonly durations = new DurationStats();
  private readonly maxRetries: number;
  private readonly credits: CreditsCache;

  constructor(private readonly opts: BflProviderOptions) {
    this.limiter = new KeyedLimiter(opts.maxActiveTasks);
    this.maxRetries = opts.maxRetries ?? 4;
    this.credits = new CreditsCache(opts.client);
  }

  async run(input: ProviderInput, ctx: RunContext): Promise<ProviderResult> {
    if (!input.flux?.apiKey) {
      throw new AppError('flux_key_missing');
    }
    const { apiUrl, apiKey } = input.flux;
    // Open WebUI's valves set a chat job's polling; the sidecar's own settings the rest.
    const polling = input.flux.polling ?? this.opts.polling;
    const budgetMs = polling.intervalMs * polling.maxAttempts;
    const resumed = parseCheckpoint(ctx.resume);
    const keyRef = fingerprint(apiKey);
    ctx.progress({ status: resumed ? 'Resuming' : 'Waiting for a free FLUX slot', progress: null });
    const release = await this.limiter.acquire(keyRef, { signal: ctx.signal, force: resumed !== undefined });
    let deadline: number;
    let final: PollResponse;
    try {
      const task = resumed ?? (await this.submit(input, apiUrl, apiKey, keyRef, budgetMs, ctx));
      // The task's budget runs from its submit. Within this run it is kept on the monotonic clock; the wall
      // clock only says how much of it a resumed task used before the restart.
      deadline = monotonicMs() + budgetMs - Math.max(0, resumed ? Date.now() - resumed.submittedAt : 0);
      final = await this.pollUntilDone(task, { deadline, ms: budgetMs }, polling, input, apiKey, ctx);
    } finally {
      release();
    }
    this.durations.record(input.model, budgetMs - (deadline - monotonicMs()));
    const sample = final.result?.sample;
    if (!sample) throw appError('flux_bad_response.no_link');
    ctx.progress({ status: 'Downloading', progress: 1, phase: 'downloading' });
    // Every attempt fits in what is left of the job's budget: a hanging result host cannot hold the job longer.
    const downloaded = await this.withRetries(ctx.signal, 'poll', { deadline, ms: budgetMs }, () => {
      const timeoutMs = Math.floor(Math.min(DOWNLOAD_TIMEOUT_MS, deadline - monotonicMs()));
      if (timeoutMs <= 0) throw downloadOutOfTime(sample, budgetMs);
      return downloadResult(sample, {
        policy: this.opts.results,
        maxBytes: this.opts.maxResultBytes,
        signal: ctx.signal,
        timeoutMs,
      });
    });
    const seed = typeof final.result?.seed === 'number' ? final.result.seed : undefined;
    return { ...(await inFormatAsked(input, downloaded)), seed };
  }

  private async submit(
    input: ProviderInput,
    apiUrl: string,
    apiKey: string,
    keyRef: string,
    budgetMs: number,
    ctx: RunContext,
  ): Promise<Checkpoint> {
    const { body, endpoint } = await fluxRequest(input);
    await this.checkBalance(input, apiUrl, apiKey, keyRef, ctx);
    const submitted = await this.withRetries(
      ctx.signal,
      'submit',
      { deadline: monotonicMs() + budgetMs, ms: budgetMs },
      async () => {
        await ctx.submitting();
        ctx.progress({ status: 'Submitting to FLUX', progress: null });
        return this.opts.client.submit(apiUrl, apiKey, input.model, body, ctx.signal, endpoint);
      },
      // Only failures that prove no task was made are retried (429, 500/503, no connection): the job waits
      // as not sent, so a stop during the wait leaves it to be sent after the restart.
      async (err) => {
        await ctx.notSent();
        ctx.progress({ status: err.message, progress: null });
      },
    );
    const checkpoint: Checkpoint = { taskId: submitted.id, pollingUrl: submitted.pollingUrl, submittedAt: Date.now() };
    await ctx.checkpoint(
      { ...checkpoint },
      { cost: submitted.cost, inputMp: submitted.inputMp, outputMp: submitted.outputMp },
    );
    return checkpoint;
  }

  /** Warns on the job when the balance looks too low for it; FLUX itself decides (402), so a failed check only gets logged. */
  private async checkBalance(
    input: ProviderInput,
    apiUrl: string,
    apiKey: string,
    keyRef: string,
    ctx: RunContext,
  ): Promise<void> {
    const signal = AbortSignal.any([ctx.signal, AbortSignal.timeout(CREDITS_TIMEOUT_MS)]);
    try {
      const balance = await this.credits.balance(apiUrl, apiKey, keyRef, signal);
      const warning = lowBalanceWarning(input.model, balance, Boolean(input.params.finetune_id));
      if (warning) ctx.warn(warning);
    } catch (err) {
      if (ctx.signal.aborted) throw ctx.signal.reason ?? err;
      this.opts.logger?.debug(
        { code: isAppError(err) ? err.code : undefined, err: (err as Error).message },
        'FLUX balance check failed',
      );
    }
  }

  private async pollUntilDone(
    task: Checkpoint,
    budget: Budget,
    { intervalMs, maxAttempts }: Polling,
    input: ProviderInput,
    apiKey: string,
    ctx: RunContext,
  ): Promise<PollResponse> {
    const { deadline } = budget;
    let progress: number | null = null;
    for (;;) {
      const wait = nextPollDelay({
        baseMs: intervalMs,
        elapsedMs: budget.ms - (deadline - monotonicMs()),
        progress,
        typicalMs: this.durations.typical(input.model),
      });
      if (monotonicMs() + wait > deadline) {
        throw appError('flux_timeout', { seconds: Math.round((intervalMs * maxAttempts) / 1000) });
      }
      await sleep(wait, ctx.signal);
      const r = await this.withRetries(ctx.signal, 'poll', budget, () =>
        this.opts.client.poll(task.pollingUrl, apiKey, ctx.signal),
      );
      if (r.status === 'Ready') return r;
      if (TERMINAL_FAILURES.has(r.status)) throw fluxTaskError(r.status, r.details);
      progress = typeof r.progress === 'number' ? Math.min(1, Math.max(0, r.progress)) : progress;
      ctx.progress({ status: r.status === 'Pending' ? 'Generating' : r.status, progress, phase: 'running' });
    }
  }

  /**
   * Retries transient failures with jittered backoff, a bounded number of times. A 429 is not a fault but a
   * queue at FLUX: it waits at least as long as FLUX asks (never less than a second, plus a growing random
   * share so that many jobs don't come back at the same instant), for as long as the job's time budget allows.
   */
  private async withRetries<T>(
    signal: AbortSignal,
    phase: 'submit' | 'poll',
    { deadline, ms: budgetMs }: Budget,
    fn: () => Promise<T>,
    onRetry?: (err: AppError) => void | Promise<void>,
  ): Promise<T> {
    for (let faults = 0, queued = 0; ; ) {
      try {
        return await fn();
      } catch (err) {
        if (signal.aborted || !isAppError(err) || !err.transient) throw err;
        if (err.code === 'flux_rate_limited') {
          const asked = Math.max(MIN_RETRY_AFTER_S, err.retryAfter ?? MIN_RETRY_AFTER_S) * 1000;
          if (monotonicMs() + asked > deadline) throw rateLimitGaveUp(asked / 1000, budgetMs / 1000, phase);
          const wait = Math.min(
            asked + backoffMs(queued++, this.opts.retryBaseMs / 2, asked),
            deadline - monotonicMs(),
          );
          // Said with the wait it takes, which may be longer than FLUX asked.
          await onRetry?.(appError('flux_rate_limited.retrying', { seconds: Math.ceil(wait / 1000) }));
          await sleep(wait, signal);
          continue;
        }
        const wait = backoffMs(faults, this.opts.retryBaseMs);
        // Out of retries, or out of the job's time: the last failure is the answer.
        if (faults++ >= this.maxRetries || monotonicMs() + wait >= deadline) throw err;
        await onRetry?.(err);
        await sleep(wait, signal);
      }
    }
  }
}

/**
 * A job's time: POLL_INTERVAL x MAX_POLL_ATTEMPTS (`ms`), how long a task may take from its submit to its
 * downloaded result, and when that ends on the monotonic clock.
 */
interface Budget {
  deadline: number;
  ms: number;
}

/**
 * A model that takes no output format (FLUX 3) answers in its own: the result is converted to the format the
 * person chose. The others were asked for it and are kept byte for byte.
 */
async function inFormatAsked(input: ProviderInput, result: { bytes: Buffer; mime: string }) {
  const wanted = `image/${input.outputFormat}`;
  // A task resumed after a restart may be of a model this version no longer offers: kept as it came.
  if (!isModelName(input.model) || !MODEL_INFO[input.model].imageList || result.mime === wanted) return result;
  return encodeAs(sharp(result.bytes), input.outputFormat);
}

function parseCheckpoint(resume: Record<string, unknown> | undefined): Checkpoint | undefined {
  if (!resume) return undefined;
  const { taskId, pollingUrl, submittedAt } = resume;
  if (typeof taskId === 'string' && typeof pollingUrl === 'string' && typeof submittedAt === 'number') {
    return { taskId, pollingUrl, submittedAt };
  }
  return undefined;
}

function downloadOutOfTime(url: string, budgetMs: number): AppError {
  return appError(
    'result_download_timeout.budget',
    { origin: safeOrigin(url), seconds: String(Math.round(budgetMs / 1000)) },
    { transient: true },
  );
}
