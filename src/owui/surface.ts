import { atLeast, parseVersion } from './relay.js';

/**
 * Where the editor shows in the chat. From 0.6.32 Open WebUI renders a message's `embeds` inside the message
 * itself (Chat.svelte sets `message.embeds` on a `chat:message:embeds` event; ResponseMessage.svelte draws each
 * in a FullHeightIframe as wide as the message): it appears at once, with no code block. Older versions have
 * no embeds; their artifact panel opens by itself on an html block, filled synchronously. The panel is no
 * choice from 0.10 on: it mounts before its contents are filled, closes itself and never retries.
 * An unknown version is taken to be a new one.
 */
export type EditorSurface = 'embed' | 'artifact';

export function editorSurface(version: string | null | undefined): EditorSurface {
  return parseVersion(version) === undefined || atLeast(version, [0, 6, 32]) ? 'embed' : 'artifact';
}

/**
 * The page-only event that sets a message's embeds. Open WebUI's server stores only the `embeds` event (and
 * before 0.11 merges it with what is stored, so nothing could be taken out again); `chat:message:embeds` goes
 * to the page alone, so the editor never reaches the stored chat, and a chat reopened later shows none.
 */
export function embedsEvent(embeds: unknown[]): { type: string; data: { embeds: unknown[] } } {
  return { type: 'chat:message:embeds', data: { embeds } };
}
