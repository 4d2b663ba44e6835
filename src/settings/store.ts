import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { appError } from '../errors.js';
import { ensureDir, readIfPresent, writePrivate } from '../util/files.js';
import { editorSettingsSchema, MAX_SETTINGS_BYTES, type EditorSettings } from './schema.js';

export type { EditorSettings } from './schema.js';
export { editorSettingsSchema } from './schema.js';

const MAX_USER_ID = 200;

/**
 * The editor settings of each Open WebUI user, one small JSON file per user under `<dataDir>/settings/`. The
 * file is named by a hash of the user id, so no id (however odd: '../', NUL, 10 KB) can reach another path,
 * and the directory listing does not reveal who uses the editor.
 */
export class SettingsStore {
  private constructor(
    private readonly dir: string,
    private readonly log: Logger | undefined,
  ) {}

  static async open(dataDir: string, log?: Logger): Promise<SettingsStore> {
    const dir = join(dataDir, 'settings');
    await ensureDir(dir, 0o700);
    return new SettingsStore(dir, log);
  }

  /** The user's remembered settings, or null when there are none (or the file is unreadable as settings). */
  async get(userId: string): Promise<EditorSettings | null> {
    const path = this.path(userId);
    const text = await readIfPresent(path);
    if (text === undefined) return null;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    const settings = editorSettingsSchema.safeParse(parsed);
    if (settings.success) return settings.data;
    // A damaged file must not keep the editor from opening: it starts from the defaults and the next save replaces it.
    this.log?.warn({ path }, 'unreadable editor settings file, using the defaults');
    return null;
  }

  /** Validates (unknown keys stripped) and stores atomically; an empty object means "nothing remembered". */
  async put(userId: string, settings: unknown): Promise<void> {
    const parsed = editorSettingsSchema.safeParse(settings);
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path.map(String).join('.') || 'settings';
      throw appError('settings_invalid.field', { field });
    }
    const text = JSON.stringify(parsed.data);
    if (text.length > MAX_SETTINGS_BYTES) throw appError('settings_invalid.too_large');
    await writePrivate(this.path(userId), text);
  }

  private path(userId: string): string {
    if (typeof userId !== 'string' || !userId || userId.length > MAX_USER_ID) {
      throw appError('user_invalid', { max: MAX_USER_ID });
    }
    return join(this.dir, `${createHash('sha256').update(userId, 'utf8').digest('hex')}.json`);
  }
}
