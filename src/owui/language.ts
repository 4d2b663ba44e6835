/**
 * Decides whether a prompt needs translating. FLUX follows English prompts best; users write in their own
 * language. A wrong "English" guess costs prompt quality, a wrong "not English" guess costs one LLM call,
 * so the test leans towards translating.
 */
const ENGLISH_WORDS = new Set(
  'a an the and or of in on with without to into from for by at as is are be make made add remove replace change turn put it its this that these those there here his her their my your our red blue green yellow white black dark light big small large old new man woman cat dog sky tree hat shirt background'.split(
    ' ',
  ),
);

const LATIN_NON_ENGLISH = /[àâäáãåçèéêëìíîïñòóôöõøùúûüýÿßœæąćęłńśźżčďěňřšťůž]/i;

export function looksEnglish(prompt: string): boolean {
  const text = prompt.trim().toLowerCase();
  if (!text) return true;
  // Any letter outside Latin script (Cyrillic, Greek, CJK, Arabic, ...) means another language.
  if (/[\p{L}]/u.test(text.replace(/[a-z\u00c0-\u024f]/g, ''))) return false;
  if (LATIN_NON_ENGLISH.test(text)) return false;
  const words = text.match(/[a-z']+/g) ?? [];
  if (words.length === 0) return true;
  const english = words.filter((w) => ENGLISH_WORDS.has(w)).length;
  // Short prompts ("a red hat") need one English word; longer ones a fair share of English glue words.
  return words.length <= 3 ? english > 0 : english / words.length >= 0.15;
}

type TranslateMode = 'auto' | 'always' | 'never';

export function needsTranslation(prompt: string, mode: TranslateMode): boolean {
  if (!prompt.trim() || mode === 'never') return false;
  return mode === 'always' || !looksEnglish(prompt);
}

export const TRANSLATION_SYSTEM_PROMPT =
  'You translate prompts for an image-editing model into English. Reply with the English translation only: no quotes, no explanations, no notes. Keep every detail (colours, objects, styles, counts) and proper names. If the text is already English, reply with it unchanged.';

/** Cleans what a chat model answers: some wrap the translation in quotes or add a label. */
export function cleanTranslation(text: string, maxChars: number): string | undefined {
  let t = text.trim().replace(/^(translation|english)\s*:\s*/i, '');
  t = t.replace(/^["'“”«»]+|["'“”«»]+$/g, '').trim();
  if (!t || t.length > maxChars) return undefined;
  return t;
}
