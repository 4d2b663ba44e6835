import type { JobEngine } from '../jobs/engine.js';
import type { JobView } from '../jobs/types.js';
import type { Translator } from '../i18n/t.js';
import { monotonicMs } from '../util/time.js';
import { describeProgress } from './progress.js';

/** At most one status a second: Open WebUI stores each one in the message's status history. */
const STATUS_EVERY_MS = 1_000;

/**
 * Says the job's progress as a status until it ends (its final view) or `stop` aborts (the view then, whatever
 * its state). A closed channel means the sidecar is stopping: the job goes on and is reported at the next contact.
 */
export async function followJob(
  engine: JobEngine,
  jobId: string,
  opts: { channelSignal: AbortSignal; stop?: AbortSignal; tr: Translator; status: (text: string) => void },
): Promise<JobView> {
  const signal = opts.stop ? AbortSignal.any([opts.channelSignal, opts.stop]) : opts.channelSignal;
  let last = '';
  let lastAt = Number.NEGATIVE_INFINITY;
  let final: JobView | undefined;
  for await (const view of engine.watch(jobId, signal)) {
    final = view;
    const text = describeProgress(view, opts.tr);
    const now = monotonicMs();
    if (text !== last && (now - lastAt >= STATUS_EVERY_MS || view.state !== 'running')) {
      opts.status(text);
      last = text;
      lastAt = now;
    }
  }
  opts.channelSignal.throwIfAborted();
  return final ?? engine.view(jobId);
}

/** Whether a job has ended. */
export const ended = (view: JobView): boolean => ['done', 'failed', 'cancelled'].includes(view.state);
