/** The languages the editor and the chat messages ship in; English is the fallback for everything. */
export const LOCALES = ['en', 'ru', 'de', 'fr', 'es', 'pt-BR', 'zh-CN', 'ja'] as const;
export type Locale = (typeof LOCALES)[number];

/** Where a bare language (or another region of it) is best served by one of ours. */
const BY_LANGUAGE: Record<string, Locale> = { pt: 'pt-BR', zh: 'zh-CN' };

/**
 * Maps a BCP 47 tag from Open WebUI (`localStorage.locale`, e.g. 'de-DE', 'zh-TW', 'pt-PT') or the browser
 * (`navigator.language`) to a shipped locale: the exact one, else the same language, else English.
 */
export function pickLocale(tag: string | null | undefined): Locale {
  if (typeof tag !== 'string') return 'en';
  const wanted = tag.trim().replace(/_/g, '-').toLowerCase();
  if (!wanted) return 'en';
  const exact = LOCALES.find((l) => l.toLowerCase() === wanted);
  if (exact) return exact;
  const language = wanted.split('-')[0]!;
  return BY_LANGUAGE[language] ?? LOCALES.find((l) => l === language) ?? 'en';
}
