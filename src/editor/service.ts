/**
 * The editor's side of the sidecar, whichever way it is reached: the standalone HTTP routes and the Open WebUI
 * session both build its start data, keep its settings and turn its Send into a job here, so the two paths
 * cannot drift apart (test/integration/editor-service-paths.test.ts compares them).
 */
import type { Logger } from 'pino';
import type { CreateJobInput } from '../jobs/types.js';
import { toCreateJobInput, type JobRequest, type ResolveImage } from '../jobs/request.js';
import type { EditorInit, ProviderName, SourceImage } from '../wire/editor.js';
import { COMMON_RANGES, MAX_PROMPT_CHARS, MODEL_INFO, MODELS, CATALOGUE } from '../catalogue/models.js';
import type { EditorSettings, SettingsStore } from '../settings/store.js';
import { editorErrorMessages } from '../i18n/errors/index.js';
import { pickLocale } from '../i18n/locales.js';

export type EditorDefaults = EditorInit['defaults'];

/**
 * The editor's field defaults when nobody set them: FLUX Fill's own steps and guidance, JPEG, and the most
 * permissive moderation (in Open WebUI the admin's SAFETY_TOLERANCE valve lowers it; its default is this one).
 */
export const EDITOR_DEFAULTS = {
  steps: CATALOGUE.fill.ranges.steps.default,
  guidance: CATALOGUE.fill.ranges.guidance.default,
  safety_tolerance: COMMON_RANGES.safety_tolerance.max,
  output_format: 'jpeg',
} as const satisfies EditorDefaults;

export interface InitContext {
  mode: EditorInit['mode'];
  /** The field defaults; their safety tolerance is also the most permissive value a user may pick. */
  defaults: EditorDefaults;
  providers: ProviderName[];
  limits: { maxImageBytes: number; maxImagePixels: number };
  images?: SourceImage[];
  notice?: string;
  locale?: string | null;
  /** The browser's language, where the editor says it (standalone): the language when `locale` is absent. */
  browserLocale?: string | undefined;
  settings?: EditorSettings | null;
}

/** What the editor receives when it opens. */
export function editorInit(ctx: InitContext): EditorInit {
  return {
    ...(ctx.settings !== undefined ? { settings: ctx.settings } : {}),
    mode: ctx.mode,
    ...(ctx.locale !== undefined ? { locale: ctx.locale } : {}),
    ...spokenErrors(ctx.locale ?? ctx.browserLocale),
    models: [...MODELS],
    images: ctx.images ?? [],
    ...(ctx.notice ? { notice: ctx.notice } : {}),
    defaults: { ...ctx.defaults },
    ceilings: { safety_tolerance: ctx.defaults.safety_tolerance },
    providers: ctx.providers,
    provider: ctx.providers[0] ?? 'local',
    limits: {
      maxImageBytes: ctx.limits.maxImageBytes,
      maxImagePixels: ctx.limits.maxImagePixels,
      maxPromptChars: MAX_PROMPT_CHARS,
    },
  };
}

/** The error messages in the language the editor will speak (see EditorInit.errors). */
function spokenErrors(tag: string | null | undefined): Pick<EditorInit, 'errors'> {
  const errors = editorErrorMessages(pickLocale(tag));
  return errors ? { errors } : {};
}

/** The user's remembered settings; an unreadable store opens the editor with the defaults (they are a convenience). */
export async function loadSettings(store: SettingsStore, userId: string, log: Logger): Promise<EditorSettings | null> {
  return store.get(userId).catch((err: unknown) => {
    log.warn({ err }, 'editor settings unreadable');
    return null;
  });
}

/** Stores what the editor's save_settings sent (the store validates it). */
export function saveSettings(store: SettingsStore, userId: string, params: unknown): Promise<void> {
  const settings = (params as { settings?: unknown } | undefined)?.settings;
  return store.put(userId, settings);
}

/**
 * The editor's Send, checked, as a job: the safety tolerance capped at the ceiling (the editor's value may be
 * stricter, never more permissive; models that stop lower get their own maximum), the pictures resolved.
 */
export function sendToJob(
  req: JobRequest,
  resolve: ResolveImage,
  who: Pick<CreateJobInput, 'provider' | 'flux' | 'owner' | 'meta'>,
  ceiling?: number,
): Promise<CreateJobInput> {
  if (ceiling === undefined) return toCreateJobInput(req, resolve, who);
  const top = Math.min(ceiling, MODEL_INFO[req.model].maxSafetyTolerance);
  const asked = req.params.safety_tolerance;
  const safety = typeof asked === 'number' ? Math.min(asked, top) : top;
  return toCreateJobInput({ ...req, params: { ...req.params, safety_tolerance: safety } }, resolve, who);
}
