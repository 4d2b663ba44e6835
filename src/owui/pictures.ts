import { localizeError } from '../errors.js';
import type { ImageLimits } from '../images/prepare.js';
import type { Translator } from '../i18n/t.js';
import type { FetchExternal } from '../net/external.js';
import type { OpChannel } from './channel.js';
import { findImages, type ChatMessage, type PlaceWords } from './images.js';
import type { SessionOpen } from './schemas.js';
import { channelLoader, loadSources, type SourceImage } from './sources.js';

/** The chat's messages: the stored chat has their `files` (the action body never does); without it, the body's. */
export function chatMessages(open: SessionOpen): ChatMessage[] {
  return open.chat?.messages ?? open.body.messages;
}

/** Reads pictures with the person's own rights in Open WebUI (through the function), others from the web. */
export function chatLoader(channel: OpChannel, fetchExternal: FetchExternal) {
  return channelLoader(channel, (url) => fetchExternal(url, channel.signal));
}

/**
 * The pictures the editor offers for a click: the chat's, loaded and previewed; when there are none (or none
 * could be read) the sentence the editor shows instead.
 */
export async function loadChatPictures(
  channel: OpChannel,
  open: SessionOpen,
  deps: { fetchExternal: FetchExternal; limits: ImageLimits },
  tr: Translator,
): Promise<{ sources: SourceImage[]; notice?: string }> {
  const where: PlaceWords = (distance, nth) => {
    const place =
      distance === 0
        ? tr.t('chat.place_here')
        : distance === 1
          ? tr.t('chat.place_above')
          : tr.t('chat.place_up', { n: distance });
    return nth ? tr.t('chat.place_nth', { nth: nth.nth, of: nth.of, place }) : place;
  };
  const found = findImages(chatMessages(open), open.body.id ?? undefined, undefined, where);
  const { sources, failures } = await loadSources(found, chatLoader(channel, deps.fetchExternal), deps.limits);
  if (!found.length) return { sources, notice: tr.t('chat.no_image') };
  const failed = failures[0];
  const reason = failed ? `${failed.label}: ${localizeError(failed.error, tr)}` : '';
  if (!sources.length) return { sources, notice: tr.t('chat.image_unreadable', { reason }) };
  return { sources };
}
