import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { nanoid } from 'nanoid';
import type { Logger } from 'pino';
import { isModelName, modelLabel } from '../catalogue/models.js';
import { AppError, appError, isExpected, toAppError } from '../errors.js';
import type { ImageLimits } from '../images/prepare.js';
import { DASHBOARD_URL, outcomeUnknown, outcomeUnknownMessage } from '../providers/bfl/errors.js';
import { PROVIDER_TRAITS, type ProgressUpdate, type Provider, type ProviderName } from '../providers/provider.js';
import { KeyedLimiter } from '../util/limiter.js';
import { onlyPaintedArea } from './blend.js';
import {
  deleteResultFile,
  describeResult,
  ensureJobDirs,
  findSavedResult,
  type JobInputs,
  readInputs,
  removeInputs,
  resultsDir,
  saveInputs,
  saveResult,
} from './files.js';
import { prepareJobInputs } from './inputs.js';
import { Journal } from './journal.js';
import { KeyStore } from './keys.js';
import { KeysInUse } from './keys-in-use.js';
import { JobRegistry } from './registry.js';
import { type JobSpec, reparseStoredJob } from './request.js';
import {
  type CreateJobInput,
  isJobState,
  isTerminal,
  type JobRecord,
  type JobState,
  type JobView,
  toView,
} from './types.js';

interface EngineOptions {
  dataDir: string;
  logger: Logger;
  providers: Partial<Record<ProviderName, Provider>>;
  limits: ImageLimits;
  keepResultsDays: number;
}

/** Marks an abort as a shutdown: the job stays unfinished in the journal and resumes on the next start. */
const SHUTDOWN = Symbol('shutdown');

/**
 * Runs jobs: prepares the inputs, hands them to a provider, saves the result atomically and journals every
 * state change, so a restart resumes unfinished jobs and never fetches a saved result twice.
 */
export class JobEngine {
  private readonly controllers = new Map<string, AbortController>();
  private readonly running = new Set<Promise<void>>();
  private readonly keysInUse: KeysInUse;
  private closing = false;
  /** Names this run of the sidecar in delivery claims: a claim of an earlier run lapsed with its session. */
  private readonly runId = nanoid(10);
  private readonly imageWork = new KeyedLimiter(availableParallelism());

  private constructor(
    private readonly opts: EngineOptions,
    private readonly journal: Journal,
    private readonly keys: KeyStore,
    private readonly jobs: JobRegistry,
  ) {
    this.keysInUse = new KeysInUse(keys);
  }

  static async open(opts: EngineOptions): Promise<JobEngine> {
    await ensureJobDirs(opts.dataDir);
    const keepTerminalMs = opts.keepResultsDays * 24 * 3600 * 1000;
    const { journal, records, expired } = await Journal.open(opts.dataDir, { logger: opts.logger, keepTerminalMs });
    const keys = await KeyStore.open(opts.dataDir);
    const engine = new JobEngine(opts, journal, keys, new JobRegistry(records));
    await Promise.all(expired.map((r) => deleteResultFile(opts.dataDir, r)));
    const strange = [...records.values()].filter((r) => !isTerminal(r.state) && !canResume(r));
    for (const r of strange) await engine.endUnknown(r);
    const unfinished = [...records.values()].filter((r) => !isTerminal(r.state));
    // Stopped while a paid request was on its way: FLUX may have made (and charged) the task, so it is never
    // sent again; the user reads what happened and decides.
    const unknown = unfinished.filter(
      (r) => r.state === 'submitting' && PROVIDER_TRAITS[r.provider]?.paid && !r.checkpoint,
    );
    for (const r of unknown) {
      await engine.fail(r, outcomeUnknown('The sidecar stopped while this job was being sent to FLUX.'));
    }
    const resumable = unfinished.filter((r) => !unknown.includes(r));
    if (resumable.length) opts.logger.info({ jobs: resumable.map((r) => r.id) }, 'resuming unfinished jobs');
    for (const r of resumable) {
      // One FLUX already has runs on; one still to be sent is read again as a new request would be.
      const read = r.checkpoint ? undefined : reparseStoredJob(r);
      if (read && 'refused' in read) {
        await engine.fail(r, appError('job_entry_unknown.fields', { prompt: r.prompt, field: read.refused }));
        continue;
      }
      if (read) r.params = read.params;
      engine.start(r);
    }
    return engine;
  }

  /**
   * Ends an entry this version does not know, without ever stopping the start: a result already paid for and
   * saved is kept (the job is done), anything else fails with a message saying what to do.
   */
  private async endUnknown(r: JobRecord): Promise<void> {
    try {
      const saved = await findSavedResult(this.opts.dataDir, r);
      if (saved) return await this.finish(r, saved);
    } catch (err) {
      this.opts.logger.warn({ err, job: r.id }, 'saved result of an unknown journal entry unreadable');
    }
    const error = isJobState(r.state)
      ? appError('job_entry_unknown.retired', { prompt: r.prompt, model: modelLabel(r.model) })
      : appError('job_entry_unknown.other_version', { prompt: r.prompt, state: r.state, dashboard: DASHBOARD_URL });
    await this.fail(r, error);
  }

  /**
   * Prepares the pictures of a job parsed at the edge (so a bad picture fails the request, not the job), then
   * starts it. Its fields were checked by the parser, the only maker of a JobSpec: they are not checked again.
   */
  async create(input: JobSpec): Promise<JobView> {
    if (this.closing) throw new AppError('shutting_down');
    const provider = this.opts.providers[input.provider];
    const traits = PROVIDER_TRAITS[input.provider];
    if (!provider) {
      throw traits.needsKey
        ? appError('provider_unavailable.flux')
        : appError('provider_unavailable.disabled', { provider: input.provider });
    }
    if (traits.needsKey && !input.flux?.apiKey) {
      throw new AppError('flux_key_missing');
    }
    const prepared = await prepareJobInputs(input, this.opts.limits, this.imageWork);
    const release = this.keysInUse.hold(input.flux?.apiKey);
    try {
      return await this.register(input, prepared);
    } finally {
      release();
    }
  }

  private async register(input: CreateJobInput, prepared: JobInputs): Promise<JobView> {
    const id = nanoid(12);
    const now = new Date().toISOString();
    const record: JobRecord = {
      id,
      model: input.model,
      provider: input.provider,
      prompt: input.prompt,
      params: input.params,
      outputFormat: input.outputFormat,
      state: 'queued',
      status: 'Queued',
      progress: null,
      createdAt: now,
      updatedAt: now,
      resultName: nanoid(16),
      owner: input.owner,
      meta: input.meta,
      ...(prepared.references?.length ? { references: prepared.references.length } : {}),
      ...(input.maskedOnly === false ? { maskedOnly: false } : {}),
      ...(input.flux ? { apiUrl: input.flux.apiUrl, keyRef: await this.keys.put(input.flux.apiKey) } : {}),
      ...(input.flux?.polling ? { polling: input.flux.polling } : {}),
    };
    await saveInputs(this.opts.dataDir, id, prepared);
    this.jobs.add(record);
    await this.journal.append(record);
    // The files are for a restart; this run already holds the bytes.
    this.start(record, prepared);
    return toView(record);
  }

  get(id: string): JobRecord | undefined {
    return this.jobs.get(id);
  }

  view(id: string): JobView {
    return this.jobs.view(id);
  }

  /** Newest first. */
  list(filter: { owner?: string; limit?: number } = {}): JobView[] {
    return this.jobs.list(filter);
  }

  /** Calls the listener on every change of the job, progress included; returns the unsubscribe function. */
  subscribe(id: string, listener: (view: JobView) => void): () => void {
    return this.jobs.subscribe(id, listener);
  }

  /** The job's current view, then every change, until it ends or the signal aborts. */
  watch(id: string, signal?: AbortSignal): AsyncGenerator<JobView> {
    return this.jobs.watch(id, signal);
  }

  /** Resolves when the job has ended. */
  wait(id: string, signal?: AbortSignal): Promise<JobView> {
    return this.jobs.wait(id, signal);
  }

  /**
   * Stops the job. FLUX has no cancel endpoint, so a task already submitted still finishes (and is charged)
   * there; its result is simply not downloaded.
   */
  async cancel(id: string): Promise<JobView> {
    const record = this.jobs.require(id);
    if (isTerminal(record.state)) return toView(record);
    this.controllers.get(id)?.abort(new AppError('cancelled'));
    await this.settle(record, 'cancelled', { status: 'Cancelled' });
    return toView(record);
  }
  /**
   * Reports a finished job exactly once: `report` runs only for the first caller to claim the job (two Inpaint
   * clicks in one chat may both find it), and the job is journaled as reported once it succeeded. The claim is
   * taken before any await and journaled; a failed report gives the job back for the next one. Returns
   * undefined when another caller has it or had it.
   */
  async reportOnce<T>(id: string, report: () => Promise<T>): Promise<{ value: T } | undefined> {
    const record = this.jobs.require(id);
    if (record.meta?.reported || record.meta?.reporting === this.runId) return undefined;
    record.meta = { ...record.meta, reporting: this.runId };
    try {
      await this.journal.append(record);
      const value = await report();
      record.meta = { ...record.meta, reporting: undefined, reported: true };
      await this.journal.append(record);
      return { value };
    } catch (err) {
      record.meta = { ...record.meta, reporting: undefined };
      await this.journal.append(record).catch(() => undefined);
      throw err;
    }
  }

  /** Deletes a finished job and its result file (the gallery's delete button). */
  async remove(id: string): Promise<void> {
    const record = this.jobs.require(id);
    if (!isTerminal(record.state)) await this.cancel(id);
    await deleteResultFile(this.opts.dataDir, record);
    this.jobs.delete(id);
    await this.journal.appendDeletion(id);
  }

  resultPath(id: string): { path: string; mime: string } {
    const record = this.jobs.require(id);
    if (record.state !== 'done' || !record.result) {
      throw appError('result_not_ready', { id, state: record.state });
    }
    return { path: join(resultsDir(this.opts.dataDir), record.result.file), mime: record.result.mime };
  }

  /**
   * Stops every running job without ending it: the journal keeps them for the next start. A job whose paid
   * request is on its way is let finish sending first, so that its task id is journaled and polled after the
   * restart instead of being lost (or sent twice); it stops as soon as it leaves that step.
   */
  async close(): Promise<void> {
    this.closing = true;
    for (const [id, c] of this.controllers) if (this.jobs.get(id)?.state !== 'submitting') c.abort(SHUTDOWN);
    await Promise.allSettled([...this.running]);
    await this.journal.close();
  }

  /** Runs a new job from the inputs it was created with, or a resumed one from its files. */
  private start(record: JobRecord, inputs?: JobInputs): void {
    const p = this.run(record, inputs).finally(() => this.running.delete(p));
    this.running.add(p);
  }

  private async run(record: JobRecord, fresh: JobInputs | undefined): Promise<void> {
    const controller = new AbortController();
    this.controllers.set(record.id, controller);
    try {
      const saved = fresh ? undefined : await findSavedResult(this.opts.dataDir, record);
      if (saved) {
        // Saved before the last shutdown but not journaled as done: finish without downloading again.
        await this.finish(record, saved);
        return;
      }
      const provider = this.opts.providers[record.provider];
      if (!provider) throw appError('provider_unavailable.disabled', { provider: record.provider });
      const apiKey = record.keyRef ? this.keys.get(record.keyRef) : undefined;
      const inputs = fresh ?? (await readInputs(this.opts.dataDir, record));
      const answer = await provider.run(
        {
          model: record.model,
          prompt: record.prompt,
          image: inputs.image,
          mask: inputs.mask,
          references: inputs.references,
          params: record.params,
          outputFormat: record.outputFormat,
          flux: record.apiUrl && apiKey ? { apiUrl: record.apiUrl, apiKey, polling: record.polling } : undefined,
        },
        {
          signal: controller.signal,
          resume: record.checkpoint,
          progress: (u) => this.onProgress(record, u),
          submitting: () => {
            // A job stopped before this point never reached FLUX: it must stay "not sent" in the journal.
            controller.signal.throwIfAborted();
            return this.transition(record, 'submitting', { status: 'Submitting to FLUX', progress: null });
          },
          notSent: () => this.transition(record, 'queued', {}),
          warn: (note) => {
            record.warning = note.toStored();
            record.updatedAt = new Date().toISOString();
            this.jobs.emit(record);
          },
          checkpoint: async (state, usage) => {
            record.checkpoint = state;
            if (usage && Object.values(usage).some((v) => v !== undefined)) record.usage = usage;
            await this.transition(record, 'running', { status: 'Submitted', progress: null });
          },
        },
      );
      const result = await onlyPaintedArea(record, inputs, answer, this.imageWork);
      const file = await saveResult(this.opts.dataDir, record, result);
      await this.finish(record, { file, mime: result.mime, seed: result.seed, bytes: result.bytes });
    } catch (err) {
      if (controller.signal.reason === SHUTDOWN) return;
      if (isTerminal(record.state)) return;
      await this.fail(record, err);
    } finally {
      this.controllers.delete(record.id);
    }
  }
  private async fail(record: JobRecord, err: unknown): Promise<void> {
    const appErr = toAppError(err);
    if (!isExpected(appErr)) {
      this.opts.logger.error({ err, job: record.id }, 'job failed unexpectedly');
    } else {
      this.opts.logger.info({ job: record.id, code: appErr.code }, 'job failed');
    }
    const error =
      appErr.code === 'submit_outcome_unknown'
        ? {
            code: appErr.code,
            message: outcomeUnknownMessage(appErr.message, {
              id: record.id,
              label: modelLabel(record.model),
              prompt: record.prompt,
              createdAt: record.createdAt,
              apiUrl: record.apiUrl,
            }),
          }
        : appErr.toStored();
    await this.settle(record, 'failed', { status: 'Failed', error }).catch((e: unknown) =>
      this.opts.logger.error({ err: e, job: record.id }, 'could not journal the failure'),
    );
  }

  private async finish(
    record: JobRecord,
    saved: { file: string; mime: string; seed?: number | undefined; bytes?: Buffer | undefined },
  ): Promise<void> {
    record.result = await describeResult(this.opts.dataDir, saved);
    await this.settle(record, 'done', { status: 'Done', progress: 1 });
  }

  private onProgress(record: JobRecord, u: ProgressUpdate): void {
    if (isTerminal(record.state)) return;
    record.status = u.status;
    record.progress = u.progress;
    if (u.phase && u.phase !== record.state) {
      this.transition(record, u.phase, {}).catch((err: unknown) =>
        this.opts.logger.error({ err, job: record.id }, 'could not journal a state change'),
      );
      return;
    }
    record.updatedAt = new Date().toISOString();
    this.jobs.emit(record);
  }

  private async transition(
    record: JobRecord,
    state: JobState,
    patch: { status?: string; progress?: number | null; error?: JobRecord['error'] },
  ): Promise<void> {
    const leftSubmitting = record.state === 'submitting' && state !== 'submitting';
    record.state = state;
    if (patch.status !== undefined) record.status = patch.status;
    if (patch.progress !== undefined) record.progress = patch.progress;
    if (patch.error) record.error = patch.error;
    record.updatedAt = new Date().toISOString();
    if (isTerminal(state)) record.finishedAt = record.updatedAt;
    this.jobs.emit(record);
    await this.journal.append(record);
    // Shutting down: a job that was let finish sending stops once its new state is on disk.
    if (this.closing && leftSubmitting) this.controllers.get(record.id)?.abort(SHUTDOWN);
  }

  private async settle(
    record: JobRecord,
    state: 'done' | 'failed' | 'cancelled',
    patch: { status: string; progress?: number | null; error?: JobRecord['error'] },
  ): Promise<void> {
    if (isTerminal(record.state)) return;
    await this.transition(record, state, patch);
    await removeInputs(this.opts.dataDir, record.id);
    await this.keysInUse.retainFor(this.jobs.all());
  }
}

/**
 * Whether this version can go on with an unfinished journal entry. One of a model it no longer offers (BFL
 * retired Canny and Depth) still can once FLUX has the task (its checkpoint: polling and downloading need no
 * model), or when it stopped while being sent (then it is ended as of unknown outcome, like any other).
 */
function canResume(r: JobRecord): boolean {
  return isJobState(r.state) && (isModelName(r.model) || r.checkpoint !== undefined || r.state === 'submitting');
}
