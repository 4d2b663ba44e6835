import { modelLabel } from '../catalogue/models.js';
import { localizeError } from '../errors.js';
import type { Translator } from '../i18n/t.js';
import type { JobView } from '../jobs/types.js';

/** One status line for the chat: what the job is doing now, in words, in the page's language. */
export function describeProgress(job: JobView, tr: Translator): string {
  const duration = tr.seconds(job.elapsed_ms / 1000);
  switch (job.state) {
    case 'queued':
      return tr.t('chat.queued');
    case 'submitting':
      return job.status === 'Submitting to FLUX' ? tr.t('chat.submitting') : `${job.status}…`;
    case 'running': {
      // FLUX 3 plans the edit first (status Reasoning), then generates.
      if (job.status === 'Reasoning') return tr.t('chat.reasoning', { model: modelLabel(job.model), duration });
      const percent = job.progress !== null ? ` ${tr.number(job.progress, { style: 'percent' })}` : '';
      const cost = job.cost !== undefined ? ` · ${tr.t('chat.credits', { count: job.cost })}` : '';
      const warning = job.warning ? ` ${localizeError(job.warning, tr)}` : '';
      return `${tr.t('chat.generating', { model: modelLabel(job.model), percent, duration })}${cost}${warning}`;
    }
    case 'downloading':
      return tr.t('chat.downloading');
    case 'done':
      return tr.t('chat.done_in', { duration });
    case 'cancelled':
      return tr.t('chat.job_cancelled');
    case 'failed':
      return tr.t('chat.job_failed', { error: job.error ? localizeError(job.error, tr) : tr.t('chat.unknown_error') });
  }
}
