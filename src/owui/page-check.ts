import { nanoid } from 'nanoid';
import type { OpChannel } from './channel.js';
import { shownCheckCode } from './page/host.js';
import type { CallTiming } from './relay.js';

/** How long the page gets to show a new message after `chat:reload`. */
const SHOWN_CHECK_MS = 4_000;

/** Whether the open page shows a message; undefined when no page answers (the stored chat is what counts then). */
export async function pageShows(
  channel: OpChannel,
  timing: CallTiming,
  messageId: string,
): Promise<boolean | undefined> {
  const probe = nanoid(8);
  const waitMs = Math.min(SHOWN_CHECK_MS, timing.sliceMs);
  try {
    const reply = await channel.request(
      {
        op: 'call',
        event: { type: 'execute', data: { code: await shownCheckCode(messageId, probe, waitMs) } },
        timeout_ms: timing.callTimeoutMs,
      },
      timing.callTimeoutMs + 5_000,
    );
    const value = reply.value as { shown?: unknown; probe?: unknown } | null | undefined;
    if (!value || value.probe !== probe) return undefined;
    return value.shown === true;
  } catch {
    return undefined;
  }
}
