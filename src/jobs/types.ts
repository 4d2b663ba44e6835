import type { StoredError } from '../errors.js';
import type { ModelName, OutputFormat } from '../catalogue/models.js';
import type { MaskPixels } from '../images/prepare.js';
import type { FluxAccess, Polling, ProviderName } from '../providers/provider.js';
import type { Crop } from '../wire/editor.js';
import type { JobState, JobView } from '../wire/jobs.js';

export { isJobState, isTerminal, type JobState, type JobView, TERMINAL_STATES } from '../wire/jobs.js';

/** What a job is made from: the request as parsed at the edge, and who asks. */
export interface CreateJobInput {
  model: ModelName;
  prompt: string;
  image: Buffer;
  /** An encoded mask (PNG), or the editor's raw one: one byte per pixel. */
  mask?: Buffer | MaskPixels | undefined;
  crop?: Crop | undefined;
  /** Extra images for the instruction models (at most MODEL_INFO[model].maxReferences). */
  references?: Buffer[] | undefined;
  /** Instruction models with a painted mask: keep every unpainted pixel of the original (default true). */
  maskedOnly?: boolean | undefined;
  params: Record<string, number | boolean | string | undefined>;
  outputFormat: OutputFormat;
  provider: ProviderName;
  flux?: FluxAccess | undefined;
  owner: string;
  meta?: JobMeta | undefined;
}

/**
 * What a job made from a chat keeps for putting its result there; the standalone editor's jobs have none.
 * Journaled as is: test/unit/journal.test.ts reads an entry of the previous version.
 */
export interface JobMeta {
  /** The chat and the message the result goes into. */
  chat_id?: string | undefined;
  message_id?: string | undefined;
  /** The prompt as the person wrote it, when the job's prompt is its English translation for FLUX. */
  original_prompt?: string | undefined;
  /** Delivery claims (JobEngine.reportOnce): the run of the sidecar delivering it, and whether it was. */
  reporting?: string | undefined;
  reported?: boolean | undefined;
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
  /** Open WebUI's POLL_INTERVAL and MAX_POLL_ATTEMPTS for this job; absent: the sidecar's own. */
  polling?: Polling | undefined;
  /** Provider state to resume from (FLUX task id and polling URL). */
  checkpoint?: Record<string, unknown> | undefined;
  /** How many reference images are kept with the inputs (instruction models). */
  references?: number | undefined;
  /** Instruction models with a mask: blend the result into the original through it (default true). */
  maskedOnly?: boolean | undefined;
  /** What FLUX said it charged (credits) and the megapixels in and out, from the submit answer. */
  usage?: { cost?: number | undefined; inputMp?: number | undefined; outputMp?: number | undefined } | undefined;
  /** A note for the user that doesn't stop the job (e.g. a low FLUX balance), stored as an error is. */
  warning?: StoredError | undefined;
  /** Base name (no extension) reserved for the result file, so a restart never downloads it twice. */
  resultName: string;
  result?: { file: string; mime: string; bytes: number; width?: number; height?: number; seed?: number } | undefined;
  /** `key`/`params` (absent in entries journaled before they existed) say it again in the reader's language. */
  error?: StoredError | undefined;
  /** Who asked: "standalone", or an Open WebUI session id. */
  owner: string;
  meta?: JobMeta | undefined;
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
    ...(r.usage?.cost !== undefined ? { cost: r.usage.cost } : {}),
    ...(r.usage?.inputMp !== undefined ? { input_mp: r.usage.inputMp } : {}),
    ...(r.usage?.outputMp !== undefined ? { output_mp: r.usage.outputMp } : {}),
    ...(r.warning ? { warning: r.warning } : {}),
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
