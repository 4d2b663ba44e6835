import { fillTemplate } from '../../src/i18n/errors/fill.js';
import { translator, type MessageKey, type Translator, type Vars } from '../../src/i18n/t.js';
import type { EditorInit } from '../../src/wire/editor.js';
import type { WireError } from '../../src/wire/errors.js';

/**
 * The editor's language. Starts with the browser's, switches to Open WebUI's once init says which it is;
 * everything in the editor reads text through t() at the moment it is shown.
 */
let current: Translator = translator(typeof navigator === 'undefined' ? 'en' : navigator.language);

export function setLocale(tag: string | null | undefined): void {
  current = translator(tag ?? navigator.language);
  document.documentElement.lang = current.locale;
}

export function t(key: MessageKey, vars?: Vars): string {
  return current.t(key, vars);
}

/**
 * A failure the sidecar reported (a response's error, a job's error), in the editor's language: the sidecar's
 * own catalogue message when the error names its key, else the English text it sent.
 */
export function sayError(err: Pick<WireError, 'message' | 'key' | 'params'>): string {
  const template = errors?.locale === current.locale && err.key ? errors.messages[err.key] : undefined;
  return template ? fillTemplate(template, err.params, (n) => current.number(n)) : err.message;
}

/** The sidecar's error messages in the editor's language, from init (EditorInit.errors); none: English. */
let errors: EditorInit['errors'];

export function setErrorMessages(messages: EditorInit['errors']): void {
  errors = messages;
}

/** Number, size and date formatting in the editor's language. */
export function fmt(): Translator {
  return current;
}

export type { MessageKey } from '../../src/i18n/t.js';
