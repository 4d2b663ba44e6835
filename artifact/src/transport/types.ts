/**
 * The one interface the editor talks through. Two implementations: HTTP to the sidecar (standalone, served at
 * GET / by the sidecar) and postMessage to the host script that the sidecar runs in Open WebUI's page.
 */
import type { ModelName, OutputFormat } from '../../../src/flux/ranges.js';
import type { JobView } from '../../../src/jobs/types.js';
import type { EditorSettings } from '../../../src/settings/schema.js';

export type { EditorSettings } from '../../../src/settings/schema.js';

export interface SourceImage {
  /** Opaque reference the server resolves to the full-resolution image (Open WebUI mode). */
  ref: string;
  /** Where it came from, shown to the user when several images are offered ("image 2 of the previous message"). */
  label: string;
  /** A data: URL preview, at most ~1600 px on the long side, for painting on. */
  preview: string;
  /** Full-resolution size: crop and expand are shown in these pixels. */
  width: number;
  height: number;
}

export interface EditorInit {
  mode: 'owui' | 'standalone';
  /** Images the user can choose from; empty = open with Load highlighted. */
  images: SourceImage[];
  /** A sentence to show in the status line on open (e.g. "No image found in this chat: load one."). */
  notice?: string;
  /** Valve defaults for the model fields. */
  defaults: { steps: number; guidance: number; safety_tolerance: number; output_format: OutputFormat };
  providers: Array<'bfl' | 'local'>;
  provider: 'bfl' | 'local';
  limits: { maxImageBytes: number; maxImagePixels: number; maxPromptChars: number };
  /** Open WebUI's language (the page's localStorage.locale); absent or null: the browser's. */
  locale?: string | null;
  /** The user's remembered settings (kept by the sidecar per Open WebUI user); absent or null: none yet. */
  settings?: EditorSettings | null;
  /** The models offered; absent: all of them. */
  models?: ModelName[];
}

/** The mask as the bytes painted, one per pixel (0 keep - 255 repaint), base64; the sidecar encodes it. */
export interface RawMask {
  format: 'raw';
  width: number;
  height: number;
  data: string;
}

/** An extra picture for models that take references (FLUX.2, Kontext). */
export type ReferenceImage = { ref: string } | { data: string; mime: string };

/** Crop rectangle as fractions (0..1) of the source image, so preview and full resolution agree. */
export interface Crop {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SubmitRequest {
  model: ModelName;
  prompt: string;
  /** Either a reference from EditorInit.images, a previous job's result, or an image the user loaded (base64). */
  image: { ref: string } | { job: string } | { data: string; mime: string };
  /** White (255) = repaint, black = keep; same aspect as the (cropped) image. */
  mask?: RawMask;
  crop?: Crop;
  params: Record<string, number | string | boolean | undefined>;
  output_format: OutputFormat;
  references?: ReferenceImage[];
  /** Instruction models: blend the result into the original through the mask, so unpainted pixels stay. */
  masked_only?: boolean;
  provider?: 'bfl' | 'local';
}

// The job as the sidecar reports it: one definition for the server and the editor.
export type { JobState, JobView } from '../../../src/jobs/types.js';
export { TERMINAL_STATES } from '../../../src/jobs/types.js';

export interface Transport {
  init(): Promise<EditorInit>;
  submit(req: SubmitRequest): Promise<{ id: string }>;
  /** Calls onUpdate for every state change until the job ends; returns a function that stops listening. */
  watch(id: string, onUpdate: (job: JobView) => void): () => void;
  cancel(id: string): Promise<void>;
  /** The finished image, for the before/after view and the download button. */
  result(id: string): Promise<Blob>;
  /** Previous jobs, newest first (standalone only: Open WebUI keeps results in the chat). */
  gallery?: Gallery;
  /** The user closes the editor without sending (Open WebUI only: the chat drops the editor). */
  close?(): Promise<void>;
  /** Remembers the editor settings for the next time (an empty object forgets them). */
  saveSettings(settings: EditorSettings): Promise<void>;
  /** Settings remembered where the transport keeps them itself (standalone: this browser); undefined = ask init. */
  storedSettings?(): EditorSettings | null;
}

export interface Gallery {
  list(): Promise<JobView[]>;
  /** Deletes a finished job and its result. */
  remove(id: string): Promise<void>;
}

/** An error the server explained; `message` is meant for the user. */
export class TransportError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}
