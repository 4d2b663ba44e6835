/**
 * What the editor and the sidecar say to each other, whichever transport carries it (postMessage through
 * Open WebUI's page, or HTTP standalone): one definition for both sides.
 */
import type { ModelName, OutputFormat } from '../catalogue/models.js';
import type { EditorSettings } from '../settings/schema.js';

export const PROVIDERS = ['bfl', 'local'] as const;
export type ProviderName = (typeof PROVIDERS)[number];

/** What the local provider can run: the others follow a prompt, which needs FLUX. */
export const LOCAL_MODELS: readonly ModelName[] = ['fill', 'erase', 'expand', 'outpaint'];
/** Fields of those models that only FLUX reads: the editor hides them when the local provider is in use. */
export const LOCAL_UNUSED_FIELDS: readonly string[] = ['steps', 'guidance', 'finetune_id', 'finetune_strength', 'mode'];

/** Job ids, session ids and op ids: short url-safe names. */
export const ID_PATTERN = /^[\w-]{1,64}$/;

/** Requests the editor makes inside Open WebUI (the `method` of a `request` message). */
export type EditorMethod = 'init' | 'submit' | 'cancel' | 'save_settings';

export interface SourceImage {
  /** Opaque reference the server resolves to the full-resolution image (Open WebUI mode). */
  ref: string;
  /** Where it came from, shown to the user when several images are offered ("image 2 of 2, this message"). */
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
  /** Inside Open WebUI: the admin's SAFETY_TOLERANCE valve, the most permissive moderation a user may pick. */
  ceilings?: { safety_tolerance: number };
  providers: ProviderName[];
  provider: ProviderName;
  limits: { maxImageBytes: number; maxImagePixels: number; maxPromptChars: number };
  /** Open WebUI's language (the page's localStorage.locale); absent or null: the browser's. */
  locale?: string | null;
  /** The user's remembered settings (kept by the sidecar per Open WebUI user); absent or null: none yet. */
  settings?: EditorSettings | null;
  /**
   * The error messages in the language the editor will speak (src/i18n/errors, keyed like an error's `key`), so
   * it says the sidecar's errors in that language without carrying every language in its bundle. Absent:
   * English, which each error's message already is.
   */
  errors?: { locale: string; messages: Readonly<Record<string, string>> } | undefined;
  /** The models offered; absent: all of them. */
  models?: ModelName[];
}

/** Crop rectangle as fractions (0..1) of the source image, so preview and full resolution agree. */
export interface Crop {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The mask as the bytes painted, one per pixel (0 keep - 255 repaint), base64; the sidecar encodes it. */
export interface RawMask {
  format: 'raw';
  width: number;
  height: number;
  data: string;
  /** `deflate`: `data` is those bytes zlib-deflated (inside Open WebUI, whose socket takes 1,000,000 bytes a message). */
  encoding?: 'deflate';
}

/** An extra picture for models that take references (FLUX.2, Kontext). */
export type ReferenceImage = { ref: string } | { data: string; mime: string };

/** Send: what the editor asks for; the sidecar checks it with src/jobs/request.ts. */
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
  provider?: ProviderName;
}
