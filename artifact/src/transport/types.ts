/**
 * The one interface the editor talks through. Two implementations: HTTP to the sidecar (standalone, served at
 * GET / by the sidecar) and postMessage to the host script that the sidecar runs in Open WebUI's page.
 */
import type { JobView } from '../../../src/wire/jobs.js';
import type { EditorInit, SubmitRequest } from '../../../src/wire/editor.js';
import type { EditorSettings } from '../../../src/settings/schema.js';

export type { EditorSettings } from '../../../src/settings/schema.js';
export type {
  Crop,
  EditorInit,
  EditorMethod,
  RawMask,
  ReferenceImage,
  SourceImage,
  SubmitRequest,
} from '../../../src/wire/editor.js';

// The job as the sidecar reports it: one definition for the server and the editor.
export type { JobState, JobView } from '../../../src/wire/jobs.js';
export { TERMINAL_STATES } from '../../../src/wire/jobs.js';

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
  /** How far a large request has got on its way (inside Open WebUI, where it crosses the page in parts). */
  onUpload?(listener: (sent: number, total: number) => void): void;
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
