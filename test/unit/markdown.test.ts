import fc from 'fast-check';
import { Marked, type Token, type TokenizerExtension } from 'marked';
import { describe, expect, it } from 'vitest';
import { escapeAlt, escapeMarkdown } from '../../src/owui/markdown.js';

/**
 * Escaped text put through the markdown Open WebUI 0.11.0 renders: marked 9.1.6 (its package-lock.json) with
 * GFM on (marked's default, which Markdown.svelte keeps), and a stand-in for its KaTeX extension. What the
 * stand-in does, from `src/lib/utils/marked/katex-extension.ts@01f4282f1`:
 * - maths may start at any position the lexer reaches that begins with a left delimiter of DELIMITER_LIST
 *   (lines 1-8: `$$`, `$`, `\pu{`, `\ce{`, `\(`, `\[`, `\begin{equation}`); it is tried before marked's own
 *   tokenizers (an extension, registered first: Markdown.svelte line 16). Stricter than the original, it counts
 *   a left delimiter reached by the lexer as maths even without its right one;
 * - text stops before a `$` or a `\` (katexStart, lines 122 and 130), so the lexer reaches them.
 * What the person then reads (MarkdownInlineTokens.svelte:71-72 and TextToken.svelte:5-9): an escape token's
 * text with its HTML entities decoded, a text token's raw text.
 */
const LEFT_DELIMITERS = ['$$', '$', '\\pu{', '\\ce{', '\\(', '\\[', '\\begin{equation}'];
const maths: TokenizerExtension & { start: (src: string) => number | undefined } = {
  name: 'maths',
  level: 'inline',
  start: (src) => {
    const i = src.search(/[$\\]/);
    return i === -1 ? undefined : i;
  },
  tokenizer: (src) => {
    const left = LEFT_DELIMITERS.find((d) => src.startsWith(d));
    return left ? { type: 'maths', raw: left } : undefined;
  },
};
const marked = new Marked({ gfm: true, extensions: [maths] });

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** The kinds of token the text became, and what the person reads. */
function render(markdown: string): { kinds: Set<string>; shown: string } {
  const kinds = new Set<string>();
  let shown = '';
  const walk = (tokens: Token[]) => {
    for (const t of tokens) {
      kinds.add(t.type);
      if (t.type === 'escape') shown += t.text.replace(/&(amp|lt|gt|quot|#39);/g, (e: string) => ENTITIES[e]!);
      else if (t.type === 'text' && !('tokens' in t && t.tokens)) shown += t.raw;
      if ('tokens' in t && t.tokens) walk(t.tokens);
    }
  };
  walk(marked.lexer(markdown));
  return { kinds, shown };
}

const HOSTILE = [
  'a \\[pro\\] hat',
  'a \\(tiny\\) hat and \\begin{equation}x\\end{equation}',
  'costs $5 or $$10$$, \\ce{H2O} \\pu{1 m}',
  'see https://evil.example/x and http://evil.example',
  'visit www.evil.example now',
  'mail me at admin@evil.example',
  '[link](http://evil) ![x](javascript:alert(1)) <https://evil.example>',
  '</script><script>alert(1)</script> &amp; &lt;b&gt;',
  '```html\n<b>x</b>\n``` `code` ~~gone~~ **bold** _em_',
  '# heading\n> quote\n- item\n1. first\n| a | b |',
  '[^1] [1] :::note @user #tag <@mention>',
  'a (red) [hat] \\ backslash \\\\ double',
];

describe('prompts in a caption, as Open WebUI renders them', () => {
  it.each(HOSTILE)('%j shows as typed, as plain text', (prompt) => {
    const { kinds, shown } = render(escapeMarkdown(prompt));
    expect([...kinds].filter((k) => !['paragraph', 'text', 'escape'].includes(k))).toEqual([]);
    expect(shown).toBe(prompt.replace(/\n/g, ' '));
  });

  it('any text, of any characters markdown and KaTeX care about, shows as typed', () => {
    const alphabet = fc.constantFrom(...'$\\()[]{}<>!*_`~#+-.:@&|^=\'"/ aw1'.split(''), 'http', 'www', 'ce{', '\n');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), (parts) => {
        const prompt = parts.join('');
        const { kinds, shown } = render(escapeMarkdown(prompt));
        expect([...kinds].filter((k) => !['paragraph', 'text', 'escape', 'space'].includes(k))).toEqual([]);
        // marked trims a paragraph's ends; what is between shows as typed.
        expect(shown.replace(/\s+/g, ' ').trim()).toBe(prompt.replace(/\n+/g, ' ').replace(/\s+/g, ' ').trim());
      }),
      { numRuns: 2_000 },
    );
  });
});

describe("the result's picture in Open WebUI's markdown", () => {
  const images = (markdown: string) => {
    const found: Array<{ href: string; text: string }> = [];
    const walk = (tokens: Token[]) => {
      for (const t of tokens) {
        if (t.type === 'image') found.push({ href: t.href, text: t.text });
        if ('tokens' in t && t.tokens) walk(t.tokens);
      }
    };
    walk(marked.lexer(markdown));
    return found;
  };

  it.each(['FLUX.1 Fill [pro] result', 'FLUX.2 [klein 4B] result', 'a [ b ] c ] d [', 'costs $5 \\(x\\)'])(
    'shows as a picture whatever its alt says: %s',
    (alt) => {
      const [image, ...more] = images(`Done.\n\n![${escapeAlt(alt)}](/api/v1/files/abc-1/content)\n\n*caption*`);
      expect(more).toEqual([]);
      expect(image?.href).toBe('/api/v1/files/abc-1/content');
      expect(image?.text).not.toMatch(/[[\]]/);
    },
  );
});
