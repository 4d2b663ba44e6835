/**
 * Finds the images a user may want to edit in the chat Open WebUI sent with the action: markdown images
 * (any alt text), <img> tags, message `files` of type image, and OpenAI-style image parts.
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

const MARKDOWN_IMAGE = /!\[(?:[^[\]\\]|\\.|\[[^\]]*\])*\]\(\s*<?([^\s)>]+)>?(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g;
const HTML_IMAGE = /<img\b[^>]*?\bsrc\s*=\s*(?:"([^"]+)"|'([^']+)'|([^\s>]+))/gi;

/** Images of one message, in the order they appear. */
export function imagesInMessage(message: ChatMessage): string[] {
  const urls: Array<{ at: number; url: string }> = [];
  const texts: string[] = [];
  if (typeof message.content === 'string') texts.push(message.content);
  else if (Array.isArray(message.content)) {
    for (const part of message.content as Array<Record<string, unknown>>) {
      if (part?.type === 'text' && typeof part.text === 'string') texts.push(part.text);
      const imageUrl = part?.type === 'image_url' ? (part.image_url as { url?: unknown } | undefined)?.url : undefined;
      if (typeof imageUrl === 'string') urls.push({ at: Number.MAX_SAFE_INTEGER - 1, url: imageUrl });
    }
  }
  let offset = 0;
  for (const text of texts) {
    const plain = stripCode(text);
    for (const m of plain.matchAll(MARKDOWN_IMAGE)) urls.push({ at: offset + m.index, url: m[1]! });
    for (const m of plain.matchAll(HTML_IMAGE)) urls.push({ at: offset + m.index, url: (m[1] ?? m[2] ?? m[3])! });
    offset += text.length;
  }
  urls.sort((a, b) => a.at - b.at);
  const fileUrls = Array.isArray(message.files)
    ? (message.files as Array<Record<string, unknown>>)
        .filter((f) => f && (f.type === 'image' || String(f.content_type ?? '').startsWith('image/')) && typeof f.url === 'string')
        .map((f) => f.url as string)
    : [];
  return dedupe([...urls.map((u) => decodeEntities(u.url)), ...fileUrls].filter(isImageUrl));
}

/**
 * Candidates newest first: the clicked message's images (last one first), then earlier messages.
 * Action buttons only show under the last assistant message, so the picture is often further up.
 */
export function findImages(messages: ChatMessage[], clickedId: string | undefined, max = 8): FoundImage[] {
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
    const where = distance === 0 ? 'this message' : distance === 1 ? 'the message above' : `${distance} messages up`;
    urls.forEach((url, k) => {
      if (found.length >= max || found.some((f) => f.url === url)) return;
      const nth = urls.length > 1 ? `image ${urls.length - k} of ${urls.length}, ` : '';
      found.push({ url, label: `${nth}${where}`, messageId: message.id });
    });
  }
  return found;
}

function isImageUrl(url: string): boolean {
  return /^(data:image\/|https?:\/\/|\/api\/v1\/files\/|\/cache\/)/i.test(url);
}

/** Images inside code blocks are examples, not pictures in the chat. */
function stripCode(text: string): string {
  return text.replace(/```[\s\S]*?```/g, (m) => ' '.repeat(m.length)).replace(/`[^`\n]*`/g, (m) => ' '.repeat(m.length));
}

function decodeEntities(url: string): string {
  return url.replace(/&amp;/g, '&');
}

function dedupe(list: string[]): string[] {
  return [...new Set(list)];
}
