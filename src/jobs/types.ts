import type { ModelName, OutputFormat } from '../flux/ranges.js';
import type { ProviderName } from '../providers/provider.js';

export const JOB_STATES = ['queued', 'submitting', 'running', 'downloading', 'done', 'failed', 'cancelled'] as const;
export type JobState = (typeof JOB_STATES)[number];

export const TERMINAL_STATES: ReadonlySet<JobState> = new Set(['done', 'failed', 'cancelled']);

export function isTerminal(state: JobState): boolean {
  return TERMINAL_STATES.has(state);
}

/** What the journal keeps of a job: no image data, no API key (only a reference to the key store). */
export interface JobRecord {
  id: string;
  model: ModelName;
  provider: ProviderName;
  prompt: string;
  params: Record<string, number | boolean | string | undefined>;
  outputFormat: OutputFormat;
  state: JobState;
  status: string;
  progress: number | null;
  createdAt: string;
  updatedAt: string;
  finishedAt?: string | undefined;
  /** FLUX endpoint and key fingerprint, so a restarted sidecar can keep polling. */
  apiUrl?: string | undefined;
  keyRef?: string | undefined;
  /** Provider state to resume from (FLUX task id and polling URL). */
  checkpoint?: Record<string, unknown> | undefined;
  /** Base name (no extension) reserved for the result file, so a restart never downloads it twice. */
  resultName: string;
  result?: { file: string; mime: string; bytes: number; width?: number; height?: number; seed?: number } | undefined;
  error?: { code: string; message: string } | undefined;
  /** Who asked: "standalone", or an Open WebUI session id. */
  owner: string;
  /** Free-form facts the caller wants back with the result (original prompt, translation, chat ids). */
  meta?: Record<string, unknown> | undefined;
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
  error?: { code: string; message: string };
  result?: { mime: string; bytes: number; width?: number; height?: number; seed?: number };
}

export function toView(r: JobRecord, now = Date.now()): JobView {
  const end = r.finishedAt ? Date.parse(r.finishedAt) : now;
  return {
    id: r.id,
    state: r.state,
    status: r.status,
    progress: r.progress,
    elapsed_ms: Math.max(0, end - Date.parse(r.createdAt)),
    model: r.model,
    provider: r.provider,
    prompt: r.prompt,
    created_at: r.createdAt,
    ...(r.error ? { error: r.error } : {}),
    ...(r.result
      ? {
          result: {
            mime: r.result.mime,
            bytes: r.result.bytes,
            ...(r.result.width ? { width: r.result.width } : {}),
            ...(r.result.height ? { height: r.result.height } : {}),
            ...(r.result.seed !== undefined ? { seed: r.result.seed } : {}),
          },
        }
      : {}),
  };
}
