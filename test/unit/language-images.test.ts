import { describe, expect, it } from 'vitest';
import { cleanTranslation, looksEnglish, needsTranslation } from '../../src/owui/language.js';
import { findImages, imagesInMessage } from '../../src/owui/images.js';

describe('prompt language', () => {
  it.each([
    ['a red hat', true],
    ['replace the sky with a sunset over the sea', true],
    ['ein roter Hut auf dem Kopf des Mannes', false],
    ['un chapeau rouge sur la tête', false],
    ['красная шляпа', false],
    ['赤い帽子', false],
    ['sombrero rojo con plumas', false],
    ['', true],
  ])('%s -> english: %s', (prompt, english) => {
    expect(looksEnglish(prompt)).toBe(english);
  });

  it('modes', () => {
    expect(needsTranslation('a red hat', 'always')).toBe(true);
    expect(needsTranslation('ein roter Hut', 'never')).toBe(false);
    expect(needsTranslation('ein roter Hut', 'auto')).toBe(true);
    expect(needsTranslation('  ', 'always')).toBe(false);
  });

  it('cleans model answers', () => {
    expect(cleanTranslation('Translation: "a red hat"', 100)).toBe('a red hat');
    expect(cleanTranslation('   ', 100)).toBeUndefined();
    expect(cleanTranslation('x'.repeat(101), 100)).toBeUndefined();
  });
});

describe('finding images in the chat', () => {
  it('markdown with any alt text, html img, files, image parts; code blocks ignored', () => {
    const urls = imagesInMessage({
      content:
        'Here ![a [nested] alt](/api/v1/files/abc/content) and <img class="x" src="/cache/image/generations/1.png"> ' +
        '```\n![not me](/api/v1/files/nope/content)\n``` ![](data:image/png;base64,iVBOR "title")',
      files: [
        { type: 'image', url: 'https://example.com/a.jpg' },
        { type: 'file', url: '/api/v1/files/doc/content' },
      ],
    });
    expect(urls).toEqual([
      '/api/v1/files/abc/content',
      '/cache/image/generations/1.png',
      'data:image/png;base64,iVBOR',
      'https://example.com/a.jpg',
    ]);
    expect(
      imagesInMessage({
        content: [
          { type: 'text', text: 'look' },
          { type: 'image_url', image_url: { url: 'data:image/jpeg;base64,AA' } },
        ],
      }),
    ).toEqual(['data:image/jpeg;base64,AA']);
  });

  it('the clicked message first (last image first), then earlier ones, deduplicated', () => {
    const found = findImages(
      [
        { id: 'u1', role: 'user', content: '![](/api/v1/files/old/content)' },
        { id: 'a1', role: 'assistant', content: '![](/api/v1/files/x/content) ![](/api/v1/files/y/content)' },
        { id: 'u2', role: 'user', content: 'edit it' },
        { id: 'a2', role: 'assistant', content: 'Sure ![](/api/v1/files/y/content)' },
      ],
      'a2',
    );
    expect(found.map((f) => f.url)).toEqual([
      '/api/v1/files/y/content',
      '/api/v1/files/x/content',
      '/api/v1/files/old/content',
    ]);
    expect(found[0]!.label).toBe('this message');
    expect(found[1]!.label).toBe('image 1 of 2, 2 messages up');
  });

  it('nothing found is an empty list', () => {
    expect(findImages([{ id: 'a', content: 'no pictures here' }], 'a')).toEqual([]);
  });
});
