import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { storageError, writePrivate } from './files.js';

/**
 * FLUX API keys of jobs still running, kept out of the journal in a file only the sidecar's user can read, so
 * a restarted sidecar can keep polling. The journal refers to keys by a fingerprint.
 */
export class KeyStore {
  private constructor(
    private readonly path: string,
    private readonly keys: Map<string, string>,
  ) {}

  static async open(dataDir: string): Promise<KeyStore> {
    const path = join(dataDir, 'keys.json');
    let keys = new Map<string, string>();
    try {
      keys = new Map(Object.entries(JSON.parse(await readFile(path, 'utf8')) as Record<string, string>));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code && code !== 'ENOENT') throw storageError(err, path);
    }
    return new KeyStore(path, keys);
  }

  static fingerprint(key: string): string {
    return createHash('sha256').update(key).digest('hex').slice(0, 16);
  }

  async put(key: string): Promise<string> {
    const ref = KeyStore.fingerprint(key);
    if (this.keys.get(ref) !== key) {
      this.keys.set(ref, key);
      await this.save();
    }
    return ref;
  }

  get(ref: string): string | undefined {
    return this.keys.get(ref);
  }

  /** Drops keys no unfinished job needs any more. */
  async retain(refs: ReadonlySet<string>): Promise<void> {
    let changed = false;
    for (const ref of this.keys.keys()) {
      if (!refs.has(ref)) {
        this.keys.delete(ref);
        changed = true;
      }
    }
    if (changed) await this.save();
  }

  private async save(): Promise<void> {
    await writePrivate(this.path, JSON.stringify(Object.fromEntries(this.keys)));
  }
}
