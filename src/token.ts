import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { storageError, writePrivate } from './util/files.js';

/**
 * The token the Open WebUI function (and the standalone editor) must present. From FLUX_INPAINT_TOKEN, or
 * generated once and kept in the data dir, readable only by the sidecar's user.
 */
export async function resolveToken(
  fromEnv: string | undefined,
  dataDir: string,
): Promise<{ token: string; generated: boolean }> {
  if (fromEnv) return { token: fromEnv, generated: false };
  const path = join(dataDir, 'token');
  try {
    const stored = (await readFile(path, 'utf8')).trim();
    if (stored.length >= 16) return { token: stored, generated: false };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw storageError(err);
  }
  const token = randomBytes(24).toString('base64url');
  await writePrivate(path, `${token}\n`);
  return { token, generated: true };
}
