import { chmod, mkdir, open, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { nanoid } from 'nanoid';
import { type AppError, appError } from '../errors.js';

/**
 * Writes a file so that readers see either nothing or the whole file: a temp file in the same directory,
 * flushed, then renamed over the target. A failure leaves no partial file behind.
 */
export async function writeFileAtomic(path: string, data: Buffer | string, mode = 0o644): Promise<void> {
  const tmp = join(dirname(path), `.${nanoid(10)}.tmp`);
  try {
    const fh = await open(tmp, 'w', mode);
    try {
      await fh.writeFile(data);
      await fh.datasync();
    } finally {
      await fh.close();
    }
    await rename(tmp, path);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw storageError(err);
  }
}

export async function ensureDir(path: string, mode = 0o755): Promise<void> {
  try {
    await mkdirParents(resolve(path), mode);
  } catch (err) {
    throw storageError(err);
  }
}

/**
 * mkdir -p, one level at a time: Node's recursive mkdir loops for ever on file systems that answer ENOENT for
 * a directory whose parent exists (/proc, some FUSE mounts), which would hang the start instead of failing it.
 */
async function mkdirParents(path: string, mode: number): Promise<void> {
  try {
    await mkdir(path, { mode });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    const parent = dirname(path);
    if (code !== 'ENOENT' || parent === path) throw err;
    await mkdirParents(parent, mode);
    try {
      await mkdir(path, { mode });
    } catch (again) {
      if ((again as NodeJS.ErrnoException).code !== 'EEXIST') throw again;
    }
  }
}

/** Proves at start that the data dir is writable, instead of failing at the first result. */
export async function assertWritable(dir: string): Promise<void> {
  await ensureDir(dir);
  const probe = join(dir, `.write-test-${nanoid(6)}`);
  try {
    await writeFile(probe, 'ok');
  } catch (err) {
    throw storageError(err);
  } finally {
    await unlink(probe).catch(() => undefined);
  }
}

export async function writePrivate(path: string, data: string): Promise<void> {
  await writeFileAtomic(path, data, 0o600);
  // rename keeps the temp file's mode, but an existing umask may have narrowed it: be explicit.
  await chmod(path, 0o600);
}

/** A data file's text, or undefined when it does not exist yet; any other failure is a storage error. */
export async function readIfPresent(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw storageError(err);
  }
}

/**
 * A storage failure in words for whoever meets it, the editor's user included: what to do, never where the
 * server keeps its files (the path stays in the cause, which the log shows; at start the data dir is named).
 */
export function storageError(err: unknown): AppError {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return appError('disk_full', undefined, { cause: err });
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'ENOENT' || code === 'ENOTDIR') {
    return appError('data_dir_not_writable', { reason: code }, { cause: err });
  }
  const reason = code ?? String((err as Error)?.message ?? err).replace(/'[^']*'/g, '…');
  return appError('storage_error', { reason }, { cause: err });
}
