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
      return `Generating with FLUX ${modelLabel(job.model)}…${pct} (${secs} s)`;
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
  return model.charAt(0).toUpperCase() + model.slice(1);
}
