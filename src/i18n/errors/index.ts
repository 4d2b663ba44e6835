import type { Locale } from '../locales.js';
import { de } from './de.js';
import { errorsEn } from './en.js';
import { es } from './es.js';
import { fillTemplate } from './fill.js';
import { fr } from './fr.js';
import { ja } from './ja.js';
import { ptBR } from './pt-BR.js';
import { ru } from './ru.js';
import { zhCN } from './zh-CN.js';

export type ErrorKey = keyof typeof errorsEn;

/** A language's error messages: complete in type, so a language that lacks a key fails typecheck. */
export type ErrorCatalogue = Record<ErrorKey, string>;

/** The `{name}` placeholders of a template, as a union of names. */
type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer R}` ? P | Placeholders<R> : never;

/** The values a key's English template needs: exactly its placeholders (a missing or extra one fails typecheck). */
export type ErrorParams<K extends ErrorKey> = { readonly [P in Placeholders<(typeof errorsEn)[K]>]: string | number };

/** Keys whose message has no placeholder: raised by code alone. */
export type PlainErrorKey = { [K in ErrorKey]: Placeholders<(typeof errorsEn)[K]> extends never ? K : never }[ErrorKey];

export const ERROR_CATALOGUES: Record<Locale, ErrorCatalogue> = {
  en: errorsEn,
  ru,
  de,
  fr,
  es,
  'pt-BR': ptBR,
  'zh-CN': zhCN,
  ja,
};

export function isErrorKey(key: string): key is ErrorKey {
  return Object.hasOwn(errorsEn, key);
}

/**
 * The messages the editor needs to say the sidecar's errors in `locale`: none for English, which every error
 * already carries as its message; the bundle then ships no language, and init brings the one it speaks.
 */
export function editorErrorMessages(locale: Locale): { locale: Locale; messages: ErrorCatalogue } | undefined {
  return locale === 'en' ? undefined : { locale, messages: ERROR_CATALOGUES[locale] };
}

/**
 * A failure as the wire or a job carries it, said in `locale`: its catalogue message when it names one (see
 * renderError), else the English text it carries (a message from an older version or outside the catalogue).
 */
export function errorMessage(
  locale: Locale,
  err: { message: string; key?: string | undefined; params?: Readonly<Record<string, string | number>> | undefined },
  format: (n: number) => string = String,
): string {
  return err.key && isErrorKey(err.key) ? renderError(locale, err.key, err.params, format) : err.message;
}

/**
 * The message for `key` in `locale`, placeholders filled. `format` turns a number into text (the language's
 * digits in a chat status; plain digits in the English message the API and the logs carry).
 */
export function renderError(
  locale: Locale,
  key: ErrorKey,
  params: Readonly<Record<string, string | number>> = {},
  format: (n: number) => string = String,
): string {
  return fillTemplate(ERROR_CATALOGUES[locale][key], params, format);
}
