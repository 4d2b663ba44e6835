import { describe, expect, it } from 'vitest';
import { AppError, appError, ERRORS, localizeError } from '../../src/errors.js';
import { errorsEn } from '../../src/i18n/errors/en.js';
import { ERROR_CATALOGUES, type ErrorKey } from '../../src/i18n/errors/index.js';
import { LOCALES } from '../../src/i18n/locales.js';
import { translator } from '../../src/i18n/t.js';

const keys = Object.keys(errorsEn) as ErrorKey[];
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('error messages', () => {
  it('belong to a code of the error catalogue', () => {
    for (const key of keys) expect(Object.keys(ERRORS), key).toContain(key.split('.')[0]);
  });

  it.each(LOCALES)('%s has every message, with the English placeholders', (locale) => {
    const own = ERROR_CATALOGUES[locale];
    expect(Object.keys(own).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      expect(placeholders(own[key]), `${locale} ${key}`).toEqual(placeholders(errorsEn[key]));
      expect(own[key].trim(), `${locale} ${key}`).not.toBe('');
    }
  });

  it('keep the names users type untranslated', () => {
    for (const locale of LOCALES) {
      for (const key of keys) {
        const names =
          errorsEn[key].match(/\b[A-Z][A-Z_]{3,}\b|FLUX|Open WebUI|Request Moderated|Content Moderated/g) ?? [];
        for (const name of names) expect(ERROR_CATALOGUES[locale][key], `${locale} ${key}`).toContain(name);
      }
    }
  });

  it('raise the English text as the message and keep the key for other readers', () => {
    const err = appError('flux_task_error.reasons', { status: 'Error', reasons: 'GPU lost' });
    expect(err).toMatchObject({ code: 'flux_task_error', status: 502 });
    expect(err.message).toBe('FLUX failed to generate the image (Error): GPU lost. Send the edit again.');
    expect(err.toJSON()).toEqual({ code: 'flux_task_error', message: err.message });
    expect(err.toStored()).toEqual({
      code: 'flux_task_error',
      message: err.message,
      key: 'flux_task_error.reasons',
      params: { status: 'Error', reasons: 'GPU lost' },
    });
    expect(localizeError(err.toStored(), translator('de'))).toBe(
      'FLUX konnte das Bild nicht erzeugen (Error): GPU lost. Senden Sie die Bearbeitung erneut.',
    );
  });

  it('say a code raised alone in the reader language, numbers in its digits', () => {
    expect(localizeError(new AppError('mask_empty'), translator('fr'))).toBe(ERROR_CATALOGUES.fr.mask_empty);
    const timeout = appError('flux_timeout', { seconds: 1200 });
    expect(timeout.message).toContain('within 1200 s');
    expect(localizeError(timeout, translator('de'))).toContain('innerhalb von 1.200 s');
  });

  it('fall back to the stored English text for a message not in the catalogue', () => {
    const old = { code: 'flux_task_error', message: 'An entry journaled by an older version.' };
    expect(localizeError(old, translator('ja'))).toBe(old.message);
    expect(localizeError({ ...old, key: 'gone_key' }, translator('ja'))).toBe(old.message);
  });

  it('demand exactly the placeholders of the English template (typecheck)', () => {
    // @ts-expect-error a missing placeholder
    appError('flux_timeout', {});
    // @ts-expect-error an extra placeholder
    appError('flux_timeout', { seconds: 1, minutes: 2 });
    // @ts-expect-error a message with placeholders needs its values
    appError('flux_timeout');
    // @ts-expect-error a fixed message takes no text of its own
    new AppError('mask_empty', 'free text');
    expect(appError('mask_full').message).toBe(errorsEn.mask_full);
  });
});
