import { localizeError } from '../errors.js';
import type { JobEngine } from '../jobs/engine.js';
import type { Translator } from '../i18n/t.js';
import type { OpChannel } from './channel.js';
import { saveResult } from './deliver.js';
import { owuiOwner } from './flux-target.js';

export interface RecoveryContext {
  channel: OpChannel;
  engine: JobEngine;
  userId: string;
  chatId: string | null | undefined;
  tr: Translator;
  /** Adds text to the clicked message (and to the session's copy of it, which restoring puts back). */
  append: (text: string) => void;
  status: (text: string) => void;
}

/**
 * Jobs of this chat that ended while no function was listening (the sidecar restarted, or Open WebUI did):
 * their results are put into the clicked message now, and failures are said.
 */
export async function reportInterrupted(ctx: RecoveryContext): Promise<void> {
  const { chatId: chat, engine, tr } = ctx;
  if (!chat) return;
  for (const view of engine.list({ owner: owuiOwner(ctx.userId), limit: 500 }).reverse()) {
    const meta = engine.get(view.id)?.meta ?? {};
    if (meta.chat_id !== chat || meta.reported || (view.state !== 'done' && view.state !== 'failed')) continue;
    // Claimed first: the click that ran the job may be delivering it right now.
    await engine.reportOnce(view.id, async () => {
      if (view.state === 'done') {
        const text = await saveResult({
          channel: ctx.channel,
          engine,
          job: view,
          tr,
          meta: { original_prompt: meta.original_prompt, english: view.prompt },
        });
        ctx.append(`\n\n${text}`);
        ctx.status(tr.t('chat.recovered'));
      } else {
        ctx.status(
          tr.t('chat.recovery_failed', {
            error: view.error ? localizeError(view.error, tr) : tr.t('chat.unknown_error'),
          }),
        );
      }
    });
  }
}
