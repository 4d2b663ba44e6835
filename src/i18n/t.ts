import { CATALOGUES, type Catalogue } from './catalogues/index.js';
import { en, type MessageKey } from './catalogues/en.js';
import { pickLocale, type Locale } from './locales.js';

export type { MessageKey } from './catalogues/en.js';
export type Vars = Record<string, string | number>;

export interface Translator {
  readonly locale: Locale;
  /** The text for `key` in this language (English when the catalogue lacks it), placeholders filled in. */
  t(key: MessageKey, vars?: Vars): string;
  /** Whether `key` names a message (for keys built from data, like a model name). */
  has(key: string): key is MessageKey;
  number(n: number, opts?: Intl.NumberFormatOptions): string;
  /** A file size in the largest fitting unit: "2.5 MB", "2,5 МБ". */
  bytes(n: number): string;
  /** A duration in whole seconds or minutes, with the unit the language uses: "12 s", "12 с", "12秒". */
  seconds(n: number): string;
  minutes(n: number): string;
  date(d: Date): string;
}

/** Builds the translator for a tag from Open WebUI or the browser (see pickLocale). */
export function translator(
  tag: string | null | undefined,
  catalogues: Record<Locale, Catalogue> = CATALOGUES,
): Translator {
  const locale = pickLocale(tag);
  const own = catalogues[locale];
  const number = (n: number, opts?: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, opts).format(n);
  const unit = (n: number, u: string, display: 'short' | 'long') =>
    number(n, { style: 'unit', unit: u, unitDisplay: display, maximumFractionDigits: 1 });
  return {
    locale,
    t(key, vars) {
      const text: string = own[key] ?? en[key] ?? key;
      if (!vars) return text;
      return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
        const v = vars[name];
        return v === undefined ? whole : typeof v === 'number' ? number(v) : v;
      });
    },
    has: (key): key is MessageKey => Object.hasOwn(en, key),
    number,
    bytes(n) {
      const [value, u] =
        n >= 1024 ** 3
          ? [n / 1024 ** 3, 'gigabyte']
          : n >= 1024 ** 2
            ? [n / 1024 ** 2, 'megabyte']
            : n >= 1024
              ? [n / 1024, 'kilobyte']
              : [n, 'byte'];
      return unit(value, u, 'short');
    },
    seconds: (n) => unit(Math.round(n), 'second', 'short'),
    minutes: (n) => unit(Math.round(n), 'minute', 'long'),
    date: (d) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(d),
  };
}
