import { link, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type AppError, appError } from '../errors.js';
import { storageError } from '../util/files.js';

const FILE = 'sidecar.lock';

export interface DataDirLock {
  release(): Promise<void>;
}

/**
 * One sidecar per data dir: a second one would compact the journal from under the first one's open handle and
 * lose paid results. The lock file holds its owner's pid; a lock whose process is gone (killed, or a crashed
 * host) is taken over. A lock with this process's own pid is stale too: in a container the sidecar is always
 * pid 1.
 */
export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  const path = join(dataDir, FILE);
  const mine = `${JSON.stringify({ pid: process.pid, started: new Date().toISOString() })}\n`;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      await writeFile(path, mine, { flag: 'wx', mode: 0o644 });
      return { release: () => releaseIfMine(path, mine) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw storageError(err);
    }
    const owner = await ownerOf(path);
    if (owner !== undefined && owner !== process.pid && isRunning(owner)) throw inUse(owner, dataDir);
    // Moved aside, not deleted: of two sidecars taking over at once, the second would otherwise delete the
    // first one's fresh lock. What was moved is checked, and put back if it was not the stale lock.
    const aside = `${path}.${process.pid}.stale`;
    try {
      await rename(path, aside);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw storageError(err);
    }
    if ((await ownerOf(aside)) !== owner) await link(aside, path).catch(() => undefined);
    await unlink(aside).catch(() => undefined);
  }
  throw inUse(await ownerOf(path), dataDir);
}

function inUse(pid: number | undefined, dataDir: string): AppError {
  const dir = resolve(dataDir);
  return pid === undefined
    ? appError('data_dir_in_use.unknown_pid', { dir })
    : appError('data_dir_in_use', { pid: String(pid), dir });
}

/** The pid in a lock file; undefined when it is gone or unreadable (a torn write counts as stale). */
async function ownerOf(path: string): Promise<number | undefined> {
  try {
    const pid = (JSON.parse(await readFile(path, 'utf8')) as { pid?: unknown }).pid;
    return Number.isInteger(pid) && (pid as number) > 0 ? (pid as number) : undefined;
  } catch {
    return undefined;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // The process exists but belongs to another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function releaseIfMine(path: string, mine: string): Promise<void> {
  const text = await readFile(path, 'utf8').catch(() => undefined);
  if (text === mine) await unlink(path).catch(() => undefined);
}
