import { describe, expect, it } from 'vitest';
import { findImages, imagesInFiles, imagesInMessage, imagesInText } from '../../src/owui/images.js';

describe('images in every form Open WebUI keeps them', () => {
  it('message files: generated images, uploads by bare id with an image type, data: URLs; documents skipped', () => {
    expect(
      imagesInFiles([
        { type: 'image', url: '/api/v1/files/gen-1/content' },
        { type: 'file', url: 'c0ffee-42', name: 'photo.jpg', content_type: 'image/jpeg' },
        { type: 'file', id: 'meta-type', meta: { content_type: 'image/webp' } },
        { type: 'image', url: 'data:image/png;base64,iVBORw0KGgo=' },
        { type: 'image', url: '/cache/image/generations/x.png' },
        { type: 'file', url: 'report-1', content_type: 'application/pdf' },
        { type: 'image' },
        null,
        'junk',
      ]),
    ).toEqual([
      '/api/v1/files/gen-1/content',
      '/api/v1/files/c0ffee-42/content',
      '/api/v1/files/meta-type/content',
      'data:image/png;base64,iVBORw0KGgo=',
      '/cache/image/generations/x.png',
    ]);
    expect(imagesInFiles(undefined)).toEqual([]);
  });

  it('markdown: angle-bracket destinations, titles, escaped brackets; broken syntax is not an image', () => {
    expect(
      imagesInText('![a](</cache/a b.png>) ![b\\]](https://x.test/b.png \'t\') ![c](/api/v1/files/c/content "t")'),
    ).toEqual(['/cache/a b.png', 'https://x.test/b.png', '/api/v1/files/c/content']);
    expect(imagesInText('![no close](https://x.test/a.png ![never] (https://x.test/b.png) ![x]')).toEqual([]);
    expect(imagesInText('<IMG SRC=/cache/up.PNG alt=x> <img alt="q" src=\'https://x.test/Q.png\'>')).toEqual([
      '/cache/up.PNG',
      'https://x.test/Q.png',
    ]);
  });

  it('images inside code are examples, not pictures; an unclosed fence hides the rest', () => {
    expect(imagesInText('`![a](/cache/a.png)` ![b](/cache/b.png) ```\n![c](/cache/c.png)')).toEqual(['/cache/b.png']);
    expect(imagesInText('a ` lone backtick ![d](/cache/d.png)')).toEqual(['/cache/d.png']);
  });

  it('only URLs the sidecar can read are candidates', () => {
    expect(
      imagesInMessage({ content: '![x](javascript:alert(1)) ![y](file:///etc/passwd) ![z](relative.png)' }),
    ).toEqual([]);
  });

  it('a click on an older message: that message first, later messages ignored', () => {
    const found = findImages(
      [
        { id: 'a1', content: '![](/cache/one.png)' },
        { id: 'a2', content: '![](/cache/two.png)', files: [{ type: 'image', url: '/api/v1/files/f2/content' }] },
        { id: 'a3', content: '![](/cache/three.png)' },
      ],
      'a2',
    );
    expect(found.map((f) => [f.url, f.label])).toEqual([
      ['/api/v1/files/f2/content', 'image 2 of 2, this message'],
      ['/cache/two.png', 'image 1 of 2, this message'],
      ['/cache/one.png', 'the message above'],
    ]);
  });
});

// How long hostile messages take (linear, not quadratic) is measured by `npm run bench` (bench/markdown-scan.ts).
describe('hostile messages', () => {
  it.each(['![', '![a](', '<img ', '<img src=', '`![`](', '[[[[![', '![a](b "'])(
    '1 MB of %s repeated holds no image and is scanned to the end',
    (unit) => {
      const text = unit.repeat(Math.ceil((1024 * 1024) / unit.length));
      expect(imagesInMessage({ content: `${text}\n\n![real](/cache/end.png)` })).toEqual(['/cache/end.png']);
    },
  );
});
