import type { ModelName, OutputFormat } from '../flux/ranges.js';

export type ProviderName = 'bfl' | 'local';

/** What a provider gets: the image already cropped, the mask already scaled to the image's size. */
export interface ProviderInput {
  model: ModelName;
  prompt: string;
  /** Encoded image (PNG, JPEG or WebP). */
  image: Buffer;
  /** Encoded greyscale PNG of exactly the image's size: white = repaint, black = keep. Fill only. */
  mask?: Buffer | undefined;
  /** Model parameters, already validated against the documented ranges (see flux/ranges.ts). */
  params: Record<string, number | boolean | string | undefined>;
  outputFormat: OutputFormat;
  /** FLUX endpoint and key for this job (they come from Open WebUI's valves, so they differ per caller). */
  flux?: { apiUrl: string; apiKey: string } | undefined;
}

export interface ProgressUpdate {
  /** Provider status in words a user understands: "Queued", "Generating", "Downloading". */
  status: string;
  /** 0..1 when known. */
  progress: number | null;
  /** Which step the job is in, when the provider moves to a new one. */
  phase?: 'submitting' | 'running' | 'downloading' | undefined;
}

export interface RunContext {
  signal: AbortSignal;
  progress(update: ProgressUpdate): void;
  /**
   * Journals provider state (e.g. the FLUX task id and polling URL) so that a restarted sidecar can pass it
   * back as `resume` and carry on instead of paying for a second generation.
   */
  checkpoint(state: Record<string, unknown>): Promise<void>;
  resume: Record<string, unknown> | undefined;
}

export interface ProviderResult {
  bytes: Buffer;
  mime: string;
  /** Seed the provider used, when it reports one. */
  seed?: number | undefined;
}

export interface Provider {
  readonly name: ProviderName;
  run(input: ProviderInput, ctx: RunContext): Promise<ProviderResult>;
}
