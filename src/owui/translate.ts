import { appError, localizeError, toAppError } from '../errors.js';
import type { Translator } from '../i18n/t.js';
import { MAX_PROMPT_CHARS } from '../catalogue/models.js';
import type { OpChannel } from './channel.js';
import { cleanTranslation, needsTranslation, TRANSLATION_SYSTEM_PROMPT } from './language.js';
import type { SessionOpen } from './schemas.js';

/**
 * Translates a non-English prompt with Open WebUI's own model (the `complete` op); on failure the original is
 * used and the note says why. `say` shows a status while it works or when it cannot.
 */
export async function translatePrompt(
  channel: OpChannel,
  open: Pick<SessionOpen, 'valves' | 'owui' | 'body'>,
  prompt: string,
  tr: Translator,
  say: (status: string) => void,
): Promise<{ english: string; note?: string }> {
  const v = open.valves;
  if (!needsTranslation(prompt, v.TRANSLATE_PROMPTS)) return { english: prompt };
  // Open WebUI cannot call a direct connection from a function: only TRANSLATION_MODEL can translate then.
  const direct = open.owui?.model_direct === true;
  const model = v.TRANSLATION_MODEL || (direct ? undefined : open.body.model);
  if (!model) {
    const why = tr.t(direct ? 'chat.not_translated_direct' : 'chat.not_translated_no_model');
    say(why);
    return { english: prompt, note: why };
  }
  say(tr.t('chat.translating'));
  try {
    const reply = await channel.request(
      {
        op: 'complete',
        model,
        messages: [
          { role: 'system', content: TRANSLATION_SYSTEM_PROMPT },
          { role: 'user', content: prompt },
        ],
      },
      120_000,
    );
    const english = cleanTranslation(String(reply.text ?? ''), MAX_PROMPT_CHARS);
    if (!english) throw appError('translation_empty');
    return { english };
  } catch (err) {
    const note = tr.t('chat.translation_failed', { reason: localizeError(toAppError(err), tr) });
    say(note);
    return { english: prompt, note };
  }
}
