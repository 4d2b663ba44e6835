/** Escapes user text for markdown, so a prompt can never become a link, an image, HTML or a code block. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_{}[\]()#+\-.!|~<>&]/g, (c) =>
      c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`,
    );
}

/** A URL safe to put inside markdown's (...) : Open WebUI paths and http(s) only, no spaces or parentheses. */
export function safeMarkdownUrl(url: string): string | undefined {
  if (!/^(\/[\w\-./%?=&]*|https?:\/\/[\w\-.:]+\/[\w\-./%?=&~]*)$/.test(url)) return undefined;
  return url;
}
