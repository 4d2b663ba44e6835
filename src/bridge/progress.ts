import { MODEL_INFO, type ModelName } from '../flux/ranges.js';
import type { JobView } from '../jobs/types.js';

/** One status line for the chat: what the job is doing now, in words. */
export function describeProgress(job: JobView): string {
  const secs = Math.round(job.elapsed_ms / 1000);
  switch (job.state) {
    case 'queued':
      return 'Queued…';
    case 'submitting':
      return job.status === 'Submitting to FLUX' ? 'Sending to FLUX…' : `${job.status}…`;
    case 'running': {
      const pct = job.progress !== null ? ` ${Math.round(job.progress * 100)}%` : '';
      const cost = job.cost !== undefined ? ` · ${credits(job.cost)}` : '';
      const warning = job.warning ? ` ${job.warning}` : '';
      return `Generating with ${modelLabel(job.model)}…${pct} (${secs} s${cost})${warning}`;
    }
    case 'downloading':
      return 'Downloading the result…';
    case 'done':
      return `Done in ${secs} s.`;
    case 'cancelled':
      return 'Cancelled.';
    case 'failed':
      return `Failed: ${job.error?.message ?? 'unknown error'}`;
  }
}

export function modelLabel(model: string): string {
  return MODEL_INFO[model as ModelName]?.label ?? `FLUX ${model}`;
}

/** FLUX bills in credits (1 credit = $0.01). */
export function credits(cost: number): string {
  return cost === 1 ? '1 credit' : `${cost} credits`;
}
