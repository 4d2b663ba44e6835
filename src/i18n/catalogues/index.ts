import type { Locale } from '../locales.js';
import { de } from './de.js';
import { en, type MessageKey } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { ja } from './ja.js';
import { ptBR } from './pt-BR.js';
import { ru } from './ru.js';
import { zhCN } from './zh-CN.js';

/** A language's messages. Partial in type, so a missing key falls back to English; a unit test demands all. */
export type Catalogue = Partial<Record<MessageKey, string>>;

export const CATALOGUES: Record<Locale, Catalogue> = { en, ru, de, fr, es, 'pt-BR': ptBR, 'zh-CN': zhCN, ja };
