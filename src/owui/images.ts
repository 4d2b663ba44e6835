/**
 * Finds the images a user may want to edit in a chat, in every form Open WebUI keeps them: markdown images
 * (any alt text), <img> tags, OpenAI-style image parts, and message `files` (generated images of type `image`,
 * uploads of type `file` with an image content type, by URL or bare file id).
 *
 * Chat text comes from users and models, so every scan here is linear in the text: a hostile message must
 * not stall the sidecar (no backtracking regular expressions over message content).
 */
export interface ChatMessage {
  id?: string | undefined;
  role?: string | undefined;
  content?: unknown;
  files?: unknown;
}

export interface FoundImage {
  url: string;
  /** Where it is, in words: "this message", "2 messages up". */
  label: string;
  messageId: string | undefined;
}

/** Text beyond this per message is not searched (a chat message this long is data, not conversation). */
const MAX_SCAN_CHARS = 32 * 1024 * 1024;
const FILE_ID = /^[\w-]{1,128}$/;

/** Images of one message, in the order they appear: those in the text first, then its files. */
export function imagesInMessage(message: ChatMessage): string[] {
  const urls: string[] = [];
  const parts: string[] = [];
  if (typeof message.content === 'string') parts.push(message.content);
  else if (Array.isArray(message.content)) {
    for (const part of message.content as Array<Record<string, unknown> | null>) {
      if (part?.type === 'text' && typeof part.text === 'string') parts.push(part.text);
      const imageUrl = part?.type === 'image_url' ? (part.image_url as { url?: unknown } | undefined)?.url : undefined;
      if (typeof imageUrl === 'string') urls.push(imageUrl);
    }
  }
  let budget = MAX_SCAN_CHARS;
  for (const text of parts) {
    const slice = text.length > budget ? text.slice(0, budget) : text;
    budget -= slice.length;
    urls.push(...imagesInText(slice));
  }
  urls.push(...imagesInFiles(message.files));
  return [...new Set(urls.map((u) => u.replace(/&amp;/g, '&')).filter(isImageUrl))];
}

/** Markdown and HTML images of a text, in order, skipping code. */
export function imagesInText(text: string): string[] {
  const plain = blankCode(text);
  const found: Array<{ at: number; url: string }> = [];
  scanMarkdown(plain, found);
  scanHtml(plain, found);
  return found.sort((a, b) => a.at - b.at).map((f) => f.url);
}

/**
 * Message `files`: `{type: "image", url}` (image generation and tools), `{type: "file", url|id, content_type}`
 * (uploads from Open WebUI 0.6.42; content type also under `meta`), data: URLs (uploads before 0.6.42).
 */
export function imagesInFiles(files: unknown): string[] {
  if (!Array.isArray(files)) return [];
  const urls: string[] = [];
  for (const f of files as Array<Record<string, unknown> | null>) {
    if (!f || typeof f !== 'object') continue;
    const meta = (f.meta && typeof f.meta === 'object' ? f.meta : {}) as Record<string, unknown>;
    const type = String(f.content_type ?? meta.content_type ?? '');
    if (f.type !== 'image' && !type.startsWith('image/')) continue;
    const ref = typeof f.url === 'string' && f.url ? f.url : typeof f.id === 'string' ? f.id : undefined;
    if (!ref) continue;
    urls.push(FILE_ID.test(ref) ? `/api/v1/files/${ref}/content` : ref);
  }
  return urls;
}

/**
 * Where a picture is, in words: `distance` messages above the clicked one, and which of several in its
 * message. The editor shows it to the person (in their language); the Tool's answers go to a chat model.
 */
export type PlaceWords = (distance: number, nth?: { nth: number; of: number }) => string;

const ENGLISH_PLACES: PlaceWords = (distance, nth) => {
  const where = distance === 0 ? 'this message' : distance === 1 ? 'the message above' : `${distance} messages up`;
  return nth ? `image ${nth.nth} of ${nth.of}, ${where}` : where;
};

/**
 * Candidates newest first: the clicked message's images (last one first), then older messages of its branch.
 * `messages` runs from the root of the branch to the clicked message (later ones are ignored).
 */
export function findImages(
  messages: ChatMessage[],
  clickedId: string | undefined,
  max = 8,
  where: PlaceWords = ENGLISH_PLACES,
): FoundImage[] {
  let end = messages.length - 1;
  if (clickedId) {
    const i = messages.findIndex((m) => m.id === clickedId);
    if (i >= 0) end = i;
  }
  const found: FoundImage[] = [];
  for (let i = end; i >= 0 && found.length < max; i--) {
    const message = messages[i]!;
    const urls = imagesInMessage(message).reverse();
    const distance = end - i;
    urls.forEach((url, k) => {
      if (found.length >= max || found.some((f) => f.url === url)) return;
      const nth = urls.length > 1 ? { nth: urls.length - k, of: urls.length } : undefined;
      found.push({ url, label: where(distance, nth), messageId: message.id });
    });
  }
  return found;
}

function isImageUrl(url: string): boolean {
  return /^(data:image\/|https?:\/\/|\/api\/v1\/files\/|\/cache\/)/i.test(url);
}

/**
 * `![alt](url "title")`. After each candidate the scan resumes past everything that candidate looked at, and a
 * delimiter found missing once is not searched for again, so each character is looked at a bounded number of times.
 */
function scanMarkdown(text: string, out: Array<{ at: number; url: string }>): void {
  const missing = new Set<string>();
  let pos = 0;
  for (;;) {
    const start = text.indexOf('![', pos);
    if (start < 0) return;
    const close = closingBracket(text, start + 2);
    // No `]` after this point means no later image can close either.
    if (close < 0) return;
    pos = close + 1;
    if (text[pos] !== '(') continue;
    const link = linkDestination(text, pos + 1, missing);
    pos = Math.max(pos, link.end);
    if (link.url) out.push({ at: start, url: link.url });
  }
}

/**
 * The `]` closing a link text that starts at `from`: one level of nested brackets is allowed (`![a [b] c](u)`);
 * deeper or unbalanced text closes at its first `]`. -1 when no `]` follows at all.
 */
function closingBracket(text: string, from: number): number {
  let depth = 0;
  let firstClose = -1;
  let i = from;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */) i++;
    else if (c === 91 /* [ */) {
      if (depth === 1) break;
      depth = 1;
    } else if (c === 93 /* ] */) {
      if (depth === 0) return i;
      if (firstClose < 0) firstClose = i;
      depth = 0;
    }
  }
  return firstClose >= 0 ? firstClose : text.indexOf(']', i);
}

/**
 * The destination of `(url "title")` starting after `(`: `url` is undefined when it is not a well-formed link;
 * `end` is how far the text was looked at.
 */
function linkDestination(text: string, from: number, missing: Set<string>): { url?: string; end: number } {
  let i = skipSpace(text, from);
  let url: string;
  if (text[i] === '<') {
    const end = missing.has('>') ? -1 : text.indexOf('>', i + 1);
    if (end < 0) {
      missing.add('>');
      return { end: i + 1 };
    }
    url = text.slice(i + 1, end);
    i = end + 1;
  } else {
    const begin = i;
    while (i < text.length && !' \t\n)'.includes(text[i]!)) i++;
    url = text.slice(begin, i);
  }
  const afterUrl = i;
  i = skipSpace(text, i);
  const quote = text[i];
  if (quote === '"' || quote === "'") {
    const end = missing.has(quote) ? -1 : text.indexOf(quote, i + 1);
    if (end < 0) {
      missing.add(quote);
      return { end: afterUrl };
    }
    i = skipSpace(text, end + 1);
    if (text[i] !== ')') return { end: afterUrl };
  }
  if (text[i] !== ')' || !url) return { end: afterUrl };
  return { url, end: i + 1 };
}

function skipSpace(text: string, from: number): number {
  let i = from;
  while (text[i] === ' ' || text[i] === '\t' || text[i] === '\n') i++;
  return i;
}

/** `<img ... src="...">` (any quoting, any case). */
function scanHtml(text: string, out: Array<{ at: number; url: string }>): void {
  const tagStart = /<img\b/gi;
  for (;;) {
    const start = tagStart.exec(text)?.index;
    if (start === undefined) return;
    const end = text.indexOf('>', start);
    if (end < 0) return;
    tagStart.lastIndex = end + 1;
    const src = /\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i.exec(text.slice(start, end));
    const url = src ? (src[1] ?? src[2] ?? src[3]) : undefined;
    if (url) out.push({ at: start, url });
  }
}

/** Fenced and inline code replaced by spaces: images shown as code are examples, not pictures in the chat. */
function blankCode(text: string): string {
  if (!text.includes('`')) return text;
  const pieces: string[] = [];
  let pos = 0;
  for (;;) {
    const tick = text.indexOf('`', pos);
    if (tick < 0) break;
    const fence = text.startsWith('```', tick);
    const close = fence ? text.indexOf('```', tick + 3) : inlineCodeEnd(text, tick + 1);
    if (close < 0) {
      // An unclosed fence runs to the end; an unclosed backtick is just a character.
      if (fence) {
        pieces.push(text.slice(pos, tick), ' '.repeat(text.length - tick));
        return pieces.join('');
      }
      pieces.push(text.slice(pos, tick + 1));
      pos = tick + 1;
      continue;
    }
    const stop = close + (fence ? 3 : 1);
    pieces.push(text.slice(pos, tick), ' '.repeat(stop - tick));
    pos = stop;
  }
  pieces.push(text.slice(pos));
  return pieces.join('');
}

function inlineCodeEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '`') return i;
    if (c === '\n') return -1;
  }
  return -1;
}
