import type { AppError } from '../errors.js';
import type { ModelName, OutputFormat } from '../catalogue/models.js';

import type { ProviderName } from '../wire/editor.js';

export type { ProviderName };

/** What a provider gets: the image already cropped, the mask already scaled to the image's size. */
export interface ProviderInput {
  model: ModelName;
  prompt: string;
  /** Encoded image (PNG, JPEG or WebP). */
  image: Buffer;
  /**
   * Encoded greyscale PNG of exactly the image's size: white = repaint, black = keep. Fill sends it to FLUX;
   * for the instruction models the engine blends the result through it afterwards.
   */
  mask?: Buffer | undefined;
  /** Extra images for the instruction models (FLUX.2's and Kontext's input_image_2 ...), in order. */
  references?: Buffer[] | undefined;
  /** Model parameters, already validated against the documented ranges (src/catalogue/params.ts). */
  params: Record<string, number | boolean | string | undefined>;
  outputFormat: OutputFormat;
  /** FLUX endpoint and key for this job (they come from Open WebUI's valves, so they differ per caller). */
  flux?: FluxAccess | undefined;
}

/** How often a FLUX task is checked and how many checks it gets: the job's time budget is their product. */
export interface Polling {
  intervalMs: number;
  maxAttempts: number;
}

/** Where and as whom a job talks to FLUX; `polling` (Open WebUI's valves) overrides the sidecar's own. */
export interface FluxAccess {
  apiUrl: string;
  apiKey: string;
  polling?: Polling | undefined;
}

export interface ProgressUpdate {
  /** Provider status in words a user understands: "Queued", "Generating", "Downloading". */
  status: string;
  /** 0..1 when known. */
  progress: number | null;
  /** Which step the job is in, when the provider moves to a new one. */
  phase?: 'submitting' | 'running' | 'downloading' | undefined;
}

/** What FLUX reported for a submitted task: credits charged and megapixels in and out. */
export interface Usage {
  cost?: number | undefined;
  inputMp?: number | undefined;
  outputMp?: number | undefined;
}

export interface RunContext {
  signal: AbortSignal;
  progress(update: ProgressUpdate): void;
  /**
   * Journals, and waits until it is on disk, that a paid request is about to be sent. A restart that finds a
   * job in this state without a checkpoint cannot know whether FLUX accepted it, so it never sends it again.
   */
  submitting(): Promise<void>;
  /** The request just sent is known not to have made a task (429, 500/503, no connection): back to waiting. */
  notSent(): Promise<void>;
  /**
   * Adds a note for the user to the job (e.g. that the FLUX balance may not cover it): a catalogue message, so
   * each reader sees it in their language, as they do the job's error.
   */
  warn(note: AppError): void;
  /**
   * Journals provider state (e.g. the FLUX task id and polling URL) so that a restarted sidecar can pass it
   * back as `resume` and carry on instead of paying for a second generation.
   */
  checkpoint(state: Record<string, unknown>, usage?: Usage): Promise<void>;
  resume: Record<string, unknown> | undefined;
}

export interface ProviderResult {
  bytes: Buffer;
  mime: string;
  /** Seed the provider used, when it reports one. */
  seed?: number | undefined;
}

/** What the job engine must know of a provider, so that it never asks which one it is. */
export interface ProviderTraits {
  /** A request costs money: one stopped while being sent is never sent again (it may have been charged). */
  readonly paid: boolean;
  /** A job needs an API key from the caller or the sidecar; without one the provider is not set up. */
  readonly needsKey: boolean;
}

/** Known for every provider, even one this sidecar has not set up (the engine then says what is missing). */
export const PROVIDER_TRAITS: Readonly<Record<ProviderName, ProviderTraits>> = {
  bfl: { paid: true, needsKey: true },
  local: { paid: false, needsKey: false },
};

export interface Provider {
  readonly name: ProviderName;
  run(input: ProviderInput, ctx: RunContext): Promise<ProviderResult>;
}
