/**
 * Escapes user text for the markdown Open WebUI renders (marked with GFM autolinks, plus its KaTeX extension),
 * so a prompt shows as typed and never becomes a link, an image, HTML, code or maths. A backslash goes before
 * every mark that starts or ends something: `/` and `.` break `https://` and `www.`, `@` an e-mail address,
 * `$` maths. Never before `(` or `[`, since `\(` and `\[` open KaTeX maths (with every `]` and `)` escaped
 * no link can form), nor before marks that start nothing, so the stored text stays readable.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/[\\`*_~#+\-<>&!\])|${}./@^]/g, (c) => `\\${c}`);
}

/**
 * Text for an image's alt, `![alt](url)`: as escapeMarkdown, and without square brackets, which the image
 * syntax counts (an unmatched `[`, as in "FLUX.1 Fill [pro]", stops the picture from showing at all, and `\[`
 * would open KaTeX maths).
 */
export function escapeAlt(text: string): string {
  return escapeMarkdown(text.replace(/[[\]]/g, ''));
}

/** A URL safe to put inside markdown's (...) : Open WebUI paths and http(s) only, no spaces or parentheses. */
export function safeMarkdownUrl(url: string): string | undefined {
  if (!/^(\/[\w\-./%?=&]*|https?:\/\/[\w\-.:]+\/[\w\-./%?=&~]*)$/.test(url)) return undefined;
  return url;
}
