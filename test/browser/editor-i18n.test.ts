import type { Browser, Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUES } from '../../src/i18n/catalogues/index.js';
import { appError } from '../../src/errors.js';
import { editorErrorMessages, renderError } from '../../src/i18n/errors/index.js';
import { LOCALES, type Locale, pickLocale } from '../../src/i18n/locales.js';
import { errorBody } from '../../src/wire/errors.js';
import {
  baseInit,
  launchBrowser,
  openEditor,
  previewDataUrl,
  screenshotPath,
  startHost,
  stroke,
  type Host,
} from './harness.js';

/** The editor in the user's language, with everything inside the panel at phone width. */
let browser: Browser;
let preview: string;
const hosts: Host[] = [];

beforeAll(async () => {
  preview = await previewDataUrl();
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all(hosts.map((h) => h.close()));
});

async function hostFor(locale: string | null): Promise<Host> {
  const host = await startHost({
    ...baseInit([{ ref: 'img-1', label: '1', preview, width: 800, height: 600 }]),
    locale,
    // As the sidecar's init brings them: the error messages in the language the editor will speak.
    ...(locale ? { errors: editorErrorMessages(pickLocale(locale)) } : {}),
  });
  hosts.push(host);
  return host;
}

/** Elements that stick out of the window, or whose text is cut off inside their own box. */
function overflowing(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const out: string[] = [];
    const width = document.documentElement.clientWidth;
    for (const el of document.querySelectorAll<HTMLElement>('.fi-app *')) {
      if (!el.offsetParent || el.closest('.help, .gallery, .stage, .sr-only')) continue;
      // Words hidden on purpose where the toolbar is compact: the button's accessible name and tooltip keep them.
      if (el.closest('.toolbar') && getComputedStyle(el).clip === 'rect(0px, 0px, 0px, 0px)') continue;
      const r = el.getBoundingClientRect();
      const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
      if (r.right > width + 0.5 || r.left < -0.5)
        out.push(`${name} reaches ${Math.round(r.left)}..${Math.round(r.right)} of ${width}`);
      const clips = ['BUTTON', 'LABEL', 'SELECT', 'P', 'SUMMARY', 'OUTPUT', 'SPAN'].includes(el.tagName);
      if (clips && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible')
        out.push(`${name} cuts its text`);
      if (clips && el.tagName === 'BUTTON' && el.scrollWidth > el.clientWidth + 1)
        out.push(`${name} text wider than the button`);
    }
    return out;
  });
}

const PROMPTS: Record<Locale, string> = {
  en: 'give her a red umbrella',
  ru: 'дай ей красный зонт',
  de: 'gib ihr einen roten Regenschirm',
  fr: 'donne-lui un parapluie rouge',
  es: 'dale un paraguas rojo',
  'pt-BR': 'dê a ela um guarda-chuva vermelho',
  'zh-CN': '给她一把红伞',
  ja: '赤い傘を持たせて',
};

describe('the editor in every language (Russian and Japanese also at 1000 px)', () => {
  it.each([
    ...LOCALES.map((l) => [l === 'ru' ? 'ru-RU' : l, l, 420, 900] as const),
    ['ru', 'ru', 1000, 800] as const,
    ['ja-JP', 'ja', 1000, 800] as const,
  ])(
    'locale %s (%s) at %i px: translated, nothing overflows',
    async (tag, locale, width, height) => {
      const host = await hostFor(tag);
      const page = await browser.newPage({ viewport: { width, height } });
      try {
        const frame = await openEditor(page, host.url);
        const cat = CATALOGUES[locale];
        expect(await frame.evaluate(() => document.documentElement.lang)).toBe(locale);
        expect(await frame.textContent('button.send')).toBe(cat['panel.send']);
        expect(await frame.textContent('#p-hint')).toBe(cat['panel.need_mask']);
        expect(await frame.textContent('label[for="p-model"]')).toBe(cat['panel.model']);
        // The longest panel: FLUX.2 with its references, a painted mask (the switch and its line), "More" open.
        await frame.selectOption('#p-model', 'flux-2-pro');
        await frame.fill('#p-prompt', PROMPTS[locale]);
        await stroke(page, frame, [
          [150, 110],
          [220, 130],
          [250, 180],
        ]);
        await frame.click('summary');
        expect(await frame.textContent('label[for="p-masked-only"]')).toBe(cat['panel.masked_only']);
        expect(await frame.textContent('#refs-count')).toBe(
          cat['refs.count']!.replace('{count}', '0').replace('{max}', '7'),
        );
        await frame.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        expect(await overflowing(frame)).toEqual([]);
        expect(await frame.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await frame.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: screenshotPath(`editor-${locale}-${width}.png`) });
        await frame.locator('.panel').screenshot({ path: screenshotPath(`editor-${locale}-${width}-panel.png`) });
      } finally {
        await page.close();
      }
    },
    60_000,
  );

  it('the overflow check sees a button that is too wide', async () => {
    const host = await hostFor('en');
    const page = await browser.newPage({ viewport: { width: 420, height: 900 } });
    try {
      const frame = await openEditor(page, host.url);
      await frame.evaluate(() => (document.querySelector('button.send')!.textContent = 'x'.repeat(200)));
      expect((await overflowing(frame)).join('\n')).toContain('button');
    } finally {
      await page.close();
    }
  }, 60_000);
});

describe("the sidecar's errors", () => {
  it('are said in the editor language from their key, not in the English the wire also carries', async () => {
    const host = await hostFor('de-DE');
    const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
    try {
      const frame = await openEditor(page, host.url);
      const refusal = errorBody(appError('image_fetch_failed.http', { host: 'cdn.example', status: '404' })).error;
      await page.evaluate((error) => {
        (window as unknown as { __refuseSubmit: unknown }).__refuseSubmit = error;
      }, refusal);
      await frame.fill('#p-prompt', PROMPTS.de);
      await stroke(page, frame, [
        [150, 110],
        [220, 130],
      ]);
      await frame.click('button.send');
      const german = renderError('de', 'image_fetch_failed.http', { host: 'cdn.example', status: '404' });
      expect(german).toBe('Das Bild von cdn.example konnte nicht geladen werden (HTTP 404).');
      await frame.waitForFunction((text) => document.querySelector('.status')?.textContent === text, german);
    } finally {
      await page.close();
    }
  }, 60_000);
});

describe('which language', () => {
  it.each([
    [null, 'de-DE', 'de'],
    [null, 'pt', 'pt-BR'],
    ['zh-TW', 'en-US', 'zh-CN'],
    ['ko-KR', 'fr-FR', 'en'],
  ] as const)(
    'Open WebUI says %s, the browser %s: %s',
    async (owui, browserLocale, expected) => {
      const host = await hostFor(owui);
      const context = await browser.newContext({ locale: browserLocale, viewport: { width: 1000, height: 700 } });
      try {
        const frame = await openEditor(await context.newPage(), host.url);
        expect(await frame.evaluate(() => document.documentElement.lang)).toBe(expected);
        expect(await frame.textContent('button.send')).toBe(CATALOGUES[expected]['panel.send']);
      } finally {
        await context.close();
      }
    },
    60_000,
  );
});
