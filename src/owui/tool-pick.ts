import { type AppError, appError } from '../errors.js';
import { findImages, type ChatMessage } from './images.js';

/** A picture of the chat the Tool could edit, newest first. */
export interface Candidate {
  url: string;
  /** Where it is, in words ("2 messages up"), for the model's answer. */
  label: string;
  role: string;
  /** What was said with it: its own message's text, and for a model's picture the request above it. */
  said: string;
}

/** Enough pictures to name an old one by position; images.ts bounds the work per message. */
const MAX_CANDIDATES = 50;
/** What was said with a picture, as far as it is compared with `which` (a message this long is data). */
const MAX_SAID = 4000;

/**
 * Every picture on the branch up to `currentId`, newest first: generated results, image tools' results and
 * uploads alike, so "the picture" is the last one the person saw, never the first upload.
 */
export function candidates(messages: ChatMessage[], currentId: string | undefined): Candidate[] {
  const byId = new Map(messages.map((m, i) => [m.id, i]));
  return findImages(messages, currentId, MAX_CANDIDATES).map((f) => {
    const i = byId.get(f.messageId) ?? -1;
    const message = messages[i];
    const before = message?.role === 'assistant' ? messages[i - 1] : undefined;
    return {
      url: f.url,
      label: f.label,
      role: String(message?.role ?? ''),
      said: `${textOf(before)} ${textOf(message)}`,
    };
  });
}

const NEWEST = /^(|latest|last|newest|current|this|it|that|the picture|the image)$/;
const PREVIOUS = /^(previous|the previous one|before|the one before|earlier|second to last|second-to-last)$/;
const OLDEST = /^(first|oldest|original|the first one|the original)$/;
const UPLOAD = /\b(upload|uploaded|my (own )?(picture|image|photo)|mine|attachment)\b/;
const GENERATED = /\b(generated|result|your (picture|image)|edited|edit)\b/;
const ORDINALS = ['', 'latest', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

/**
 * Which picture `which` names: "latest" (the default), "previous", "first"/"original", a position counted back
 * from the newest ("2", "#3", "third"), "my upload" / "the generated one", or words the person used about it
 * ("the beach photo") matched against what was said with each picture.
 */
export function pick(found: Candidate[], which: string): Candidate {
  if (!found.length) throw appError('tool_no_image');
  const w = which
    .trim()
    .toLowerCase()
    .replace(/[.!?"']/g, '');
  const say = (why: 'too_few' | 'no_words'): AppError =>
    appError(`tool_image_not_found.${why}`, {
      which,
      count: found.length,
      list: found
        .slice(0, 8)
        .map((c, i) => `${i + 1}: ${c.label}`)
        .join('; '),
    });
  if (NEWEST.test(w)) return found[0]!;
  if (PREVIOUS.test(w)) return found[1] ?? found[0]!;
  if (OLDEST.test(w)) return found[found.length - 1]!;
  const number = /^#?(\d{1,3})(st|nd|rd|th)?( (one|picture|image))?$/.exec(w);
  const ordinal = ORDINALS.indexOf(w.replace(/ (one|picture|image)$/, ''));
  const position = number ? Number(number[1]) : Math.max(ordinal, 0);
  if (position) {
    const at = found[position - 1];
    if (!at) throw say('too_few');
    return at;
  }
  if (UPLOAD.test(w)) {
    const upload = found.find((c) => c.role === 'user');
    if (upload) return upload;
  } else if (GENERATED.test(w)) {
    const result = found.find((c) => c.role === 'assistant');
    if (result) return result;
  }
  const described = byWords(found, w);
  if (!described) throw say('no_words');
  return described;
}

const STOP = new Set(
  'a an the of in on with and or to my your that this one picture image photo from api files content'.split(' '),
);

/** The picture whose words share the most with `which`; the newest wins a tie. */
function byWords(found: Candidate[], which: string): Candidate | undefined {
  const wanted = words(which);
  let best: Candidate | undefined;
  let bestScore = 0;
  for (const c of found) {
    const have = new Set(words(c.said));
    const score = wanted.filter((w) => have.has(w)).length;
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

function words(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length > 1 && !STOP.has(w));
}

function textOf(message: ChatMessage | undefined): string {
  if (!message) return '';
  if (typeof message.content === 'string') return message.content.slice(0, MAX_SAID);
  if (!Array.isArray(message.content)) return '';
  return (message.content as Array<{ type?: unknown; text?: unknown } | null>)
    .map((p) => (p?.type === 'text' && typeof p.text === 'string' ? p.text : ''))
    .join(' ')
    .slice(0, MAX_SAID);
}
