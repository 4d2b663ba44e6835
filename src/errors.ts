import {
  type ErrorKey,
  type ErrorParams,
  errorMessage,
  isErrorKey,
  type PlainErrorKey,
  renderError,
} from './i18n/errors/index.js';
import type { Translator } from './i18n/t.js';

/**
 * One entry per code the sidecar can answer with. `expected` says whether a user causes or meets the error in
 * normal operation (logged at info, message shown as is) or whether it points at a fault in the sidecar, the
 * function or the machine (logged as an error with its stack). `hint` is what the user should do; README's
 * Troubleshooting table says the same for every code (test/unit/errors.test.ts keeps them in step).
 * The messages themselves, in every language, are in src/i18n/errors/ (keyed by code).
 */
interface CatalogueEntry {
  readonly status: number;
  readonly expected: boolean;
  readonly hint: string;
}

export const ERRORS = {
  // The HTTP API
  invalid_request: { status: 400, expected: true, hint: 'Fix the field the message names and send again.' },
  invalid_json: { status: 400, expected: true, hint: 'Send a valid JSON body.' },
  request_too_large: { status: 413, expected: true, hint: 'Use a smaller image, or raise FLUX_INPAINT_MAX_IMAGE_MB.' },
  unsupported_media_type: {
    status: 415,
    expected: true,
    hint: 'Send the body as JSON or multipart/form-data, with that Content-Type.',
  },
  method_not_allowed: { status: 405, expected: true, hint: 'Use one of the methods the message lists.' },
  not_found: { status: 404, expected: true, hint: 'Check the path against the HTTP API section of README.md.' },
  unauthorized: {
    status: 401,
    expected: true,
    hint: 'Use the token the sidecar printed on first start (also in <data dir>/token), in the SIDECAR_TOKEN valve or as Bearer token.',
  },
  rate_limited: {
    status: 429,
    expected: true,
    hint: 'Wait the seconds the message says, or raise FLUX_INPAINT_RATE_LIMIT.',
  },
  shutting_down: {
    status: 503,
    expected: true,
    hint: 'Send again once the sidecar is back.',
  },
  settings_invalid: { status: 400, expected: true, hint: 'Press Reset in the editor to start from the defaults.' },
  user_invalid: {
    status: 400,
    expected: true,
    hint: 'Update the FLUX Inpaint function: it must send the Open WebUI user id.',
  },
  internal_error: {
    status: 500,
    expected: false,
    hint: 'Read the sidecar log for the details, and report the bug if it repeats.',
  },

  // Jobs and the data dir
  job_not_found: {
    status: 404,
    expected: true,
    hint: 'Check the job id; old jobs are removed after FLUX_INPAINT_KEEP_RESULTS_DAYS.',
  },
  job_inputs_missing: { status: 410, expected: true, hint: 'Send the edit again.' },
  job_entry_unknown: {
    status: 410,
    expected: true,
    hint: 'Send the edit again with a model this version offers; a result that was already downloaded is kept.',
  },
  result_not_ready: {
    status: 409,
    expected: true,
    hint: 'Wait until the job has succeeded (its events, or GET /v1/jobs/{id}), then ask again.',
  },
  result_gone: { status: 410, expected: true, hint: 'Send the edit again to make a new result.' },
  cancelled: { status: 409, expected: true, hint: 'Nothing: the job was cancelled as asked.' },
  provider_unavailable: {
    status: 400,
    expected: true,
    hint: 'Set FLUX_API_KEY to use FLUX, or pick the local provider.',
  },
  disk_full: {
    status: 507,
    expected: false,
    hint: 'Free space on the disk holding FLUX_INPAINT_DATA_DIR, or move the data dir.',
  },
  data_dir_not_writable: {
    status: 500,
    expected: false,
    hint: 'Make FLUX_INPAINT_DATA_DIR writable by the user running the sidecar.',
  },
  data_dir_in_use: {
    status: 409,
    expected: true,
    hint: 'Stop the other sidecar the message names, or give this one its own FLUX_INPAINT_DATA_DIR.',
  },
  storage_error: {
    status: 500,
    expected: false,
    hint: 'Check the disk and FLUX_INPAINT_DATA_DIR; the sidecar log has the details.',
  },

  // Pictures and masks sent to the sidecar
  image_empty: { status: 400, expected: true, hint: 'Send the picture again; the file was empty.' },
  image_too_large: { status: 413, expected: true, hint: 'Use a smaller image, or raise FLUX_INPAINT_MAX_IMAGE_MB.' },
  image_too_many_pixels: {
    status: 413,
    expected: true,
    hint: 'Use a smaller image, or raise FLUX_INPAINT_MAX_IMAGE_MP.',
  },
  image_unreadable: {
    status: 400,
    expected: true,
    hint: 'Send a PNG, JPEG or WebP image that opens in an image viewer.',
  },
  image_unsupported: { status: 415, expected: true, hint: 'Convert the picture to PNG, JPEG or WebP.' },
  invalid_image: {
    status: 400,
    expected: true,
    hint: 'Save the picture as an ordinary RGB PNG or JPEG and send it again.',
  },
  image_not_found: {
    status: 400,
    expected: true,
    hint: 'Reload the editor, or click Inpaint under the message that holds the picture.',
  },
  image_url_refused: {
    status: 400,
    expected: true,
    hint: 'Load the image in the editor, or add its origin to FLUX_INPAINT_PRIVATE_ORIGINS if you trust it.',
  },
  image_fetch_failed: {
    status: 502,
    expected: true,
    hint: 'Check that the link opens, or save the image and load it in the editor.',
  },
  image_fetch_timeout: {
    status: 504,
    expected: true,
    hint: 'Save the image and load it in the editor (button, drag and drop, or paste).',
  },
  mask_required: {
    status: 400,
    expected: true,
    hint: 'Paint over the part of the image to change.',
  },
  mask_empty: {
    status: 400,
    expected: true,
    hint: 'Paint over the part of the image to change.',
  },
  mask_full: { status: 400, expected: true, hint: 'Leave part of the image unpainted.' },
  mask_aspect_mismatch: { status: 400, expected: true, hint: 'Reload the editor and paint again.' },
  invalid_mask: { status: 400, expected: true, hint: 'Send a mask of the same size as the image.' },
  crop_too_small: { status: 400, expected: true, hint: 'Select a larger area.' },
  expand_too_large: { status: 400, expected: true, hint: 'Expand by less, or use a smaller image.' },
  unsupported: { status: 400, expected: true, hint: 'Set FLUX_API_KEY to use this model with FLUX.' },
  local_failed: {
    status: 500,
    expected: false,
    hint: 'Read the sidecar log, and send again; report the bug if it repeats.',
  },
  // The local provider's model fill: the job falls back to the classical fill and carries the message as a warning.
  local_model_missing: {
    status: 500,
    expected: true,
    hint: 'Download a model (`npm run download-model -- lama`) and point FLUX_INPAINT_LOCAL_MODEL at it, or unset it.',
  },
  local_model_invalid: {
    status: 500,
    expected: true,
    hint: 'Download the model again (`npm run download-model` checks its SHA-256), or unset FLUX_INPAINT_LOCAL_MODEL.',
  },
  local_model_unsupported: {
    status: 500,
    expected: true,
    hint: 'Use a LaMa or MI-GAN ONNX export (see "Model fill"), or unset FLUX_INPAINT_LOCAL_MODEL.',
  },
  local_model_timeout: {
    status: 504,
    expected: true,
    hint: 'Raise FLUX_INPAINT_MODEL_TIMEOUT_S, use a smaller model (MI-GAN), or unset FLUX_INPAINT_LOCAL_MODEL.',
  },

  // Downloading and checking FLUX's result
  result_expired: { status: 502, expected: true, hint: 'Send the edit again.' },
  result_download_failed: {
    status: 502,
    expected: true,
    hint: 'Send the edit again; check the network if it repeats.',
  },
  result_download_timeout: {
    status: 504,
    expected: true,
    hint: 'Send the edit again; check the network if it repeats.',
  },
  result_truncated: { status: 502, expected: true, hint: 'Send the edit again; check the network if it repeats.' },
  result_not_image: {
    status: 502,
    expected: true,
    hint: 'Send the edit again; if it repeats, a host in FLUX_INPAINT_RESULT_HOSTS serves something other than FLUX results.',
  },
  result_too_large: {
    status: 502,
    expected: true,
    hint: 'Send the edit again; a real FLUX result is never that large.',
  },
  result_host_refused: {
    status: 502,
    expected: true,
    hint: "Add FLUX's new download host to FLUX_INPAINT_RESULT_HOSTS, or empty that list.",
  },

  // The FLUX API
  flux_key_missing: {
    status: 400,
    expected: true,
    hint: 'Set FLUX_API_KEY in the valves of the FLUX Inpaint function (Admin > Functions), or start the sidecar with it.',
  },
  flux_forbidden: {
    status: 403,
    expected: true,
    hint: 'Check FLUX_API_KEY, or create a key at https://dashboard.bfl.ai/.',
  },
  flux_out_of_credits: { status: 402, expected: true, hint: 'Top up at https://dashboard.bfl.ai/ and send again.' },
  flux_model_unavailable: { status: 422, expected: true, hint: 'Pick another model, or check FLUX_API_URL.' },
  flux_bad_request: { status: 400, expected: true, hint: 'Check the prompt and the parameters.' },
  flux_validation: { status: 422, expected: true, hint: 'Change the parameter FLUX names in the message.' },
  flux_rate_limited: {
    status: 429,
    expected: true,
    hint: 'Send again when fewer jobs run on this key, or raise POLL_INTERVAL / MAX_POLL_ATTEMPTS.',
  },
  flux_server_error: { status: 502, expected: true, hint: 'Send again in a minute.' },
  flux_http_error: { status: 502, expected: true, hint: 'Send again; check FLUX_API_URL if it repeats.' },
  flux_bad_response: { status: 502, expected: true, hint: 'Send again; check FLUX_API_URL if it repeats.' },
  flux_unreachable: { status: 502, expected: true, hint: 'Check the network and FLUX_API_URL.' },
  flux_connection_lost: { status: 502, expected: true, hint: 'Send again; check the network if it repeats.' },
  flux_timeout: { status: 504, expected: true, hint: 'Raise POLL_INTERVAL or MAX_POLL_ATTEMPTS, or send again later.' },
  flux_untrusted_polling_url: {
    status: 502,
    expected: true,
    hint: 'Check FLUX_API_URL; the key was not sent to the other host.',
  },
  flux_no_polling_url: {
    status: 502,
    expected: true,
    hint: 'Look at https://dashboard.bfl.ai/ before sending again: it may have been charged.',
  },
  flux_task_not_found: {
    status: 502,
    expected: true,
    hint: "Send again; if it repeats, make FLUX_API_URL name the key's region.",
  },
  flux_request_moderated: {
    status: 422,
    expected: true,
    hint: 'Change the prompt or the image, or raise SAFETY_TOLERANCE.',
  },
  flux_content_moderated: { status: 422, expected: true, hint: 'Try a different prompt, or raise SAFETY_TOLERANCE.' },
  flux_task_error: { status: 502, expected: true, hint: 'Send the edit again.' },
  submit_outcome_unknown: {
    status: 502,
    expected: true,
    hint: 'Look at https://dashboard.bfl.ai/ before sending again: it may have been charged.',
  },

  // The session with Open WebUI (protocol in src/owui/PROTOCOL.md)
  protocol_mismatch: {
    status: 426,
    expected: true,
    hint: 'Update the FLUX Inpaint function in Open WebUI (Admin > Functions) to the version shipped with this sidecar.',
  },
  session_not_found: { status: 404, expected: true, hint: 'Click Inpaint again.' },
  op_not_found: {
    status: 404,
    expected: true,
    hint: 'Nothing: the session had stopped waiting for that answer (timed out or ended).',
  },
  unknown_method: {
    status: 400,
    expected: true,
    hint: 'Reload the Open WebUI page, so the editor matches the sidecar.',
  },
  bridge_closed: {
    status: 499,
    expected: true,
    hint: 'Click Inpaint again; a running job reports at your next click in that chat.',
  },
  bridge_ended: { status: 410, expected: true, hint: 'Click Inpaint again.' },
  bridge_timeout: {
    status: 504,
    expected: true,
    hint: 'Keep the chat open while the editor runs, and click Inpaint again.',
  },
  page_gone: {
    status: 410,
    expected: true,
    hint: 'Keep the chat tab open until the result appears; click Inpaint again.',
  },
  host_script_failed: {
    status: 502,
    expected: false,
    hint: 'Reload the Open WebUI page and click Inpaint again; the browser console has the details.',
  },
  translation_empty: { status: 502, expected: true, hint: 'Write the prompt in English, or pick another chat model.' },
  // The image-editing Tool (python-shim/flux_edit_tool.py)
  tool_no_image: {
    status: 404,
    expected: true,
    hint: 'Upload or generate a picture in this chat first, then ask for the edit.',
  },
  tool_image_not_found: {
    status: 404,
    expected: true,
    hint: 'Say which picture (for example "the second one" or "my upload"), or edit the latest one.',
  },
  // Errors the function reported for an op (`owui_` + its code; protocol section "Ops")
  owui_not_found: {
    status: 502,
    expected: true,
    hint: 'The chat, message or file is gone: reload the chat and click Inpaint again.',
  },
  owui_forbidden: {
    status: 502,
    expected: true,
    hint: 'Use pictures of this chat, which your Open WebUI account may read.',
  },
  owui_invalid: {
    status: 502,
    expected: false,
    hint: 'Update the FLUX Inpaint function to the version shipped with this sidecar.',
  },
  owui_unsupported: { status: 502, expected: true, hint: 'Update Open WebUI, or use the editor without this feature.' },
  owui_failed: {
    status: 502,
    expected: false,
    hint: "Switch on the function's DEBUG valve and read the Open WebUI server log.",
  },
  owui_timeout: {
    status: 502,
    expected: true,
    hint: 'Keep the chat open while the editor runs, and click Inpaint again.',
  },
  owui_unknown_op: {
    status: 502,
    expected: false,
    hint: 'Update the FLUX Inpaint function to the version shipped with this sidecar.',
  },
} as const satisfies Record<string, CatalogueEntry>;

export type ErrorCode = keyof typeof ERRORS;

/** Codes whose catalogue message has no placeholder: always raised by code alone, so every place says the same. */
type FixedMessageCode = Extract<ErrorCode, PlainErrorKey>;

type VariableMessageCode = Exclude<ErrorCode, FixedMessageCode>;

/** The catalogue key of a message and the values for its placeholders: enough to say it in any language. */
export interface ErrorText {
  readonly key: ErrorKey;
  readonly params?: Readonly<Record<string, string | number>> | undefined;
}

/** What a job's journal and views keep of a failure: `key`/`params` let each reader see it in their language. */
export interface StoredError {
  code: string;
  message: string;
  key?: string | undefined;
  params?: Record<string, string | number> | undefined;
}

interface AppErrorOptions {
  /** Only where one code legitimately answers with another status than the catalogue's. */
  status?: number;
  retryAfter?: number;
  transient?: boolean;
  cause?: unknown;
}

/** The code a message key belongs to: `flux_task_error.reasons` belongs to `flux_task_error`. */
type CodeOf<K extends ErrorKey> = K extends `${infer C}.${string}` ? Extract<C, ErrorCode> : Extract<K, ErrorCode>;

/**
 * Every failure a user can cause or meet carries a stable code (for programs and tests), an HTTP status
 * (for the API) and a message that says what happened and what to do (for people). `message` is English (the
 * API's and the logs' language); `text` names the catalogue message, so a chat status can say it in the
 * reader's language (localizeError).
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  /** Seconds the caller should wait before trying again, when the failure is temporary. */
  readonly retryAfter: number | undefined;
  /** True when trying the same thing again later may succeed (network faults, 5xx, 429). */
  readonly transient: boolean;
  /** The catalogue message this error was raised with; undefined for text not (yet) in the catalogue. */
  readonly text: ErrorText | undefined;

  constructor(code: FixedMessageCode, message?: undefined, opts?: AppErrorOptions);
  constructor(code: VariableMessageCode, message: string, opts?: AppErrorOptions);
  constructor(code: ErrorCode, message: ErrorText, opts?: AppErrorOptions);
  constructor(code: ErrorCode, message?: string | ErrorText, opts: AppErrorOptions = {}) {
    const text: ErrorText | undefined =
      typeof message === 'object' ? message : message === undefined && isErrorKey(code) ? { key: code } : undefined;
    super(
      text ? renderError('en', text.key, text.params) : ((message as string | undefined) ?? code),
      opts.cause === undefined ? undefined : { cause: opts.cause },
    );
    this.name = 'AppError';
    this.code = code;
    this.status = opts.status ?? ERRORS[code].status;
    this.retryAfter = opts.retryAfter;
    this.transient = opts.transient ?? false;
    this.text = text;
  }

  toJSON(): { code: ErrorCode; message: string } {
    return { code: this.code, message: this.message };
  }

  /** The failure as a job keeps it: the English message, and the catalogue key to say it in another language. */
  toStored(): StoredError {
    return {
      code: this.code,
      message: this.message,
      ...(this.text ? { key: this.text.key, ...(this.text.params ? { params: { ...this.text.params } } : {}) } : {}),
    };
  }
}

/**
 * Raises the catalogue message `key` (its code is the part before any dot) with exactly the values its
 * English template names: a missing or extra placeholder fails typecheck.
 */
export function appError<K extends ErrorKey>(
  key: K,
  ...[params, opts]: K extends PlainErrorKey
    ? [params?: undefined, opts?: AppErrorOptions]
    : [params: ErrorParams<K>, opts?: AppErrorOptions]
): AppError {
  const code = key.split('.')[0] as CodeOf<K>;
  return new AppError(code, params ? { key, params } : { key }, opts);
}

/** The message of a failure in the reader's language: the catalogue's, when the failure names one. */
export function localizeError(err: StoredError | AppError, tr: Translator): string {
  return errorMessage(tr.locale, err instanceof AppError ? err.toStored() : err, tr.number);
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}

/** Whether a failure is one users cause or meet (logged at info) rather than a fault (logged with its stack). */
export function isExpected(err: unknown): boolean {
  return isAppError(err) && ERRORS[err.code].expected;
}

/** Wraps anything thrown into an AppError without losing the original as `cause`. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const detail = err instanceof Error ? err.message : String(err);
  return new AppError('internal_error', `Unexpected error: ${detail}`, { cause: err });
}
