import { describe, expect, it } from 'vitest';
import { CATALOGUES, type Catalogue } from '../../src/i18n/catalogues/index.js';
import { en } from '../../src/i18n/catalogues/en.js';
import { LOCALES, pickLocale, type Locale } from '../../src/i18n/locales.js';
import { translator } from '../../src/i18n/t.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('catalogues', () => {
  it.each(LOCALES.filter((l) => l !== 'en'))(
    '%s has every key of English, no other, with the same placeholders',
    (locale) => {
      const cat = CATALOGUES[locale] as Record<string, string>;
      const missing = Object.keys(en).filter((k) => typeof cat[k] !== 'string' || !cat[k]!.trim());
      const extra = Object.keys(cat).filter((k) => !(k in en));
      expect(missing, `missing in ${locale}`).toEqual([]);
      expect(extra, `unknown keys in ${locale}`).toEqual([]);
      for (const [key, text] of Object.entries(en))
        expect(placeholders(cat[key]!), `${locale} ${key}`).toEqual(placeholders(text));
    },
  );

  it('the check above would see a missing key', () => {
    const { 'panel.send': _dropped, ...partial } = CATALOGUES.de as Record<string, string>;
    expect(Object.keys(en).filter((k) => !(k in partial))).toEqual(['panel.send']);
  });

  it('chat statuses are translated, not copied from English', () => {
    for (const locale of LOCALES.filter((l) => l !== 'en')) {
      const same = (['chat.opening', 'chat.sent', 'chat.done_in', 'chat.no_image'] as const).filter(
        (k) => CATALOGUES[locale][k] === en[k],
      );
      expect(same, locale).toEqual([]);
    }
  });
});

describe('pickLocale', () => {
  it.each([
    ['de-DE', 'de'],
    ['de', 'de'],
    ['pt', 'pt-BR'],
    ['pt-PT', 'pt-BR'],
    ['pt_BR', 'pt-BR'],
    ['zh', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['ZH-cn', 'zh-CN'],
    ['ja-JP', 'ja'],
    ['ru-RU', 'ru'],
    ['en-GB', 'en'],
    ['fr-CA', 'fr'],
    ['es-419', 'es'],
    ['ko-KR', 'en'],
    ['', 'en'],
    ['  ', 'en'],
    [null, 'en'],
    [undefined, 'en'],
  ] as Array<[string | null | undefined, Locale]>)('%s -> %s', (tag, locale) => {
    expect(pickLocale(tag)).toBe(locale);
  });
});

describe('translator', () => {
  it('fills placeholders and formats numbers for the language', () => {
    expect(translator('de-DE').t('field.range', { min: 1.5, max: 100 })).toBe('1,5–100');
    expect(translator('en').t('field.range', { min: 1.5, max: 100 })).toBe('1.5–100');
    expect(translator('ru').t('refs.count', { count: 2, max: 8 })).toBe('2 из 8');
    expect(translator('fr').number(1234.5)).toBe('1\u202f234,5');
    expect(translator('ja').t('panel.send')).toBe('送信');
  });

  it('formats sizes and durations for the language', () => {
    expect(translator('de').bytes(2.5 * 1024 * 1024)).toBe('2,5 MB');
    expect(translator('fr').bytes(2.5 * 1024 * 1024)).toBe('2,5\u202fMo');
    expect(translator('ru').minutes(30)).toBe('30 минут');
    expect(translator('zh').seconds(12)).toBe('12秒');
    expect(translator('en').bytes(512)).toBe('512 byte');
  });

  it('falls back to English for a key the language lacks, and leaves unknown placeholders visible', () => {
    const { 'panel.send': _dropped, ...partial } = CATALOGUES.de;
    const catalogues = { ...CATALOGUES, de: partial as Catalogue } as Record<Locale, Catalogue>;
    const t = translator('de', catalogues);
    expect(t.t('panel.send')).toBe('Send');
    expect(t.t('panel.model')).toBe('Modell');
    expect(t.t('app.load_failed', {})).toBe('Das Bild konnte nicht geladen werden: {error}');
  });

  it('passes strings through untouched (seeds and ids are not regrouped)', () => {
    expect(translator('de').t('chat.seed', { seed: '1234567890123' })).toBe('Seed 1234567890123');
    expect(translator('de').has('model.fill')).toBe(true);
    expect(translator('de').has('model.canny')).toBe(false);
  });
});
