import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError, appError, ERRORS, localizeError } from '../../src/errors.js';
import { errorsEn } from '../../src/i18n/errors/en.js';
import { ERROR_CATALOGUES, type ErrorKey } from '../../src/i18n/errors/index.js';
import { LOCALES } from '../../src/i18n/locales.js';
import { translator } from '../../src/i18n/t.js';
import { inspectImage } from '../../src/images/prepare.js';
import { zodRequestError } from '../../src/util/zod.js';
import { errorBody } from '../../src/wire/errors.js';
import { photo } from '../support/photo.js';

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

const ROOT = new URL('../../', import.meta.url).pathname;

/**
 * `new AppError(code, 'text')` raises English the reader cannot get in their language. Allowed only where the
 * text reports a fault in the sidecar or the machine, not something a user causes or meets, each with why.
 */
const ENGLISH_ALLOWED: Record<string, string> = {
  // A thread that cannot start or dies, or a bug in the fill: the log and a bug report need the words verbatim.
  'src/providers/local/pool.ts local_failed': 'a fault of the local provider',
  // Wraps anything thrown that is not an AppError: a bug, whose own text is the only description there is.
  'src/errors.ts internal_error': 'an unexpected exception',
};

/**
 * Raised with free English by code another change converts (the job engine, FLUX's request and answer
 * handling): listed one by one so the list can only shrink, and so no new site joins it unnoticed.
 */
const NOT_YET_IN_CATALOGUE = new Set([
  'src/jobs/lock.ts data_dir_in_use',
  'src/jobs/engine.ts provider_unavailable',
  'src/jobs/engine.ts job_inputs_missing',
  'src/jobs/engine.ts result_not_ready',
  'src/jobs/engine.ts job_not_found',
]);

async function englishSites(): Promise<string[]> {
  const entries = await readdir(join(ROOT, 'src'), { withFileTypes: true, recursive: true });
  const sites: string[] = [];
  for (const e of entries.filter((f) => f.isFile() && f.name.endsWith('.ts'))) {
    const file = join(e.parentPath, e.name);
    const text = await readFile(file, 'utf8');
    for (const m of text.matchAll(/new AppError\(\s*'([a-z_]+)',\s*[`'"]/g)) {
      sites.push(`${relative(ROOT, file)} ${m[1]}`);
    }
  }
  return sites;
}

describe('errors a user can meet', () => {
  it('come from the catalogue: free English only for the faults listed, each with its reason', async () => {
    const sites = await englishSites();
    // The scan must keep finding the allowed sites, or it would pass on nothing.
    expect(sites).toEqual(expect.arrayContaining(Object.keys(ENGLISH_ALLOWED)));
    const unexplained = sites.filter((site) => !(site in ENGLISH_ALLOWED) && !NOT_YET_IN_CATALOGUE.has(site));
    expect(unexplained).toEqual([]);
  });

  it('leave the sidecar with their key and values, which say the English message again', () => {
    const err = appError('image_fetch_failed.http', { host: 'example.com', status: '404' });
    const { error } = errorBody(err);
    expect(error).toEqual({
      code: 'image_fetch_failed',
      message: 'Could not load the image from example.com (HTTP 404).',
      key: 'image_fetch_failed.http',
      params: { host: 'example.com', status: '404' },
    });
    expect(Object.keys(errorBody({ code: 'invalid_request', message: 'framework text' }).error)).toEqual([
      'code',
      'message',
    ]);
  });
});

describe('a refused request', () => {
  const schema = z
    .object({
      prompt: z.string().max(2000),
      steps_text: z.number().max(50, { error: 'steps must be between 15 and 50' }).optional(),
      steps: z.number().int().min(15).max(50).optional(),
      references: z.array(z.string()).max(4).optional(),
      model: z.enum(['fill', 'expand']).optional(),
      size: z.number().positive().optional(),
    })
    .strict();
  const refusal = (value: unknown, prefix = 'body') => {
    const parsed = schema.safeParse(value);
    if (parsed.success) throw new Error('expected a refusal');
    return zodRequestError(parsed.error, prefix);
  };

  it.each([
    [{ prompt: 'x'.repeat(2001) }, 'body.prompt: at most 2000 characters.', 'body.prompt: höchstens 2.000 Zeichen.'],
    [{ prompt: '', steps: 5 }, 'body.steps: at least 15.', 'body.steps: mindestens 15.'],
    [
      { prompt: '', references: ['a', 'b', 'c', 'd', 'e'] },
      'body.references: at most 4 items.',
      'body.references: höchstens 4 Einträge.',
    ],
    [
      { prompt: '', model: 'paint' },
      'body.model: must be one of fill, expand.',
      'body.model: muss einer dieser Werte sein: fill, expand.',
    ],
    [{ prompt: '', size: 0 }, 'body.size: more than 0.', 'body.size: mehr als 0.'],
    [{}, 'body.prompt: required.', 'body.prompt: wird benötigt.'],
    [{ prompt: 3 }, 'body.prompt: expected string.', 'body.prompt: string erwartet.'],
    [{ prompt: '', colour: 'red' }, 'body: unknown field colour.', 'body: unbekanntes Feld colour.'],
  ])('%j names the field and the rule, in the reader language', (value, english, german) => {
    const err = refusal(value);
    expect(err).toMatchObject({ code: 'invalid_request', status: 400, message: english });
    expect(localizeError(err, translator('de'))).toBe(german);
  });

  it('keeps the words the schema gives a rule, which may say more than the bound zod reports', () => {
    const err = refusal({ prompt: '', steps_text: 51 });
    expect(err.message).toBe('body.steps_text: steps must be between 15 and 50');
    expect(err.text?.key).toBe('invalid_request.rule');
  });

  it('keeps the words of a refinement', () => {
    const custom = z.string().refine((v) => v.startsWith('a'), { error: 'must start with a' });
    const parsed = custom.safeParse('b');
    expect(parsed.success).toBe(false);
    const err = zodRequestError(parsed.error!, 'name');
    expect(err.message).toBe('name: must start with a');
    expect(err.text?.key).toBe('invalid_request.rule');
  });
});

describe('a picture refused by the sidecar', () => {
  const limits = { maxImageBytes: 1024, maxImagePixels: 4_000_000 };

  it.each([
    ['image', 'The image is', 'Das Bild hat'],
    ['mask', 'The mask is', 'Die Maske hat'],
    ['reference image 2', 'Reference image 2 is', 'Referenzbild 2 hat'],
  ] as const)('names the %s in its own sentence, in every language', async (role, english, german) => {
    const big = (await photo(256, 192)).jpeg;
    const err = await inspectImage(big, limits, role).then(
      () => Promise.reject(new Error('expected a refusal')),
      (e: AppError) => e,
    );
    expect(err).toMatchObject({ code: 'image_too_large' });
    expect(err.message.startsWith(english)).toBe(true);
    expect(localizeError(err, translator('de')).startsWith(german)).toBe(true);
    expect(localizeError(err, translator('ja'))).not.toContain('{');
  });

  it('says an empty file of each role', async () => {
    const empty = Buffer.alloc(0);
    const said = await Promise.all(
      (['image', 'mask', 'reference image 1'] as const).map((role) =>
        inspectImage(empty, limits, role).catch((e: AppError) => localizeError(e, translator('fr'))),
      ),
    );
    expect(said).toEqual(["L'image est vide.", 'Le fichier du masque est vide.', "L'image de référence 1 est vide."]);
  });
});
