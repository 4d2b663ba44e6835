/** A job as the HTTP API, the editor and the bridge show it: its states and its public view. */
import type { ModelName } from '../catalogue/models.js';
import type { StoredError } from '../errors.js';
import type { ProviderName } from './editor.js';

const JOB_STATES = ['queued', 'submitting', 'running', 'downloading', 'done', 'failed', 'cancelled'] as const;
export type JobState = (typeof JOB_STATES)[number];

export const TERMINAL_STATES: ReadonlySet<JobState> = new Set(['done', 'failed', 'cancelled']);

/** Whether a state (from a journal another version wrote) is one this version knows. */
export function isJobState(state: string): state is JobState {
  return (JOB_STATES as readonly string[]).includes(state);
}

export function isTerminal(state: JobState): boolean {
  return TERMINAL_STATES.has(state);
}

/** The public view of a job, as the HTTP API, the editor and the bridge show it. */
export interface JobView {
  id: string;
  state: JobState;
  status: string;
  progress: number | null;
  elapsed_ms: number;
  model: ModelName;
  provider: ProviderName;
  prompt: string;
  created_at: string;
  error?: StoredError;
  result?: { mime: string; bytes: number; width?: number; height?: number; seed?: number };
  /** Credits FLUX charged for the task, as its submit answer said. */
  cost?: number;
  input_mp?: number;
  output_mp?: number;
  /**
   * A note that doesn't stop the job, e.g. that the FLUX balance may not cover it: shaped as an error is, so
   * `key` and `params` say it in the reader's language.
   */
  warning?: StoredError;
}
