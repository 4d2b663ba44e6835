import { join } from 'node:path';
import { readIfPresent, writePrivate } from '../util/files.js';
import { keyRef } from '../util/key-ref.js';

/**
 * FLUX API keys of jobs still running, kept out of the journal in a file only the sidecar's user can read, so
 * a restarted sidecar can keep polling. The journal refers to keys by a fingerprint.
 */
export class KeyStore {
  /** The write that has not started yet: every change made before it starts is in it. */
  private queued: Promise<void> | undefined;
  /** The end of the queue of writes. One writer only: two renames racing could leave an older copy on disk. */
  private last: Promise<void> = Promise.resolve();

  private constructor(
    private readonly path: string,
    private readonly keys: Map<string, string>,
  ) {}

  static async open(dataDir: string): Promise<KeyStore> {
    const path = join(dataDir, 'keys.json');
    const text = await readIfPresent(path);
    let keys = new Map<string, string>();
    try {
      // A damaged file counts as empty: it only lets interrupted jobs resume with the key they were sent with.
      if (text !== undefined) keys = new Map(Object.entries(JSON.parse(text) as Record<string, string>));
    } catch {}
    return new KeyStore(path, keys);
  }

  static readonly fingerprint = keyRef;

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

  /**
   * Resolves once the keys as they are now are on disk. Writes run one after another, each taking the keys
   * as they are when it starts (atomically replaced: temp file, flush, rename), so the last write is always
   * the newest state; changes made while a write is on its way share the next one.
   */
  private save(): Promise<void> {
    if (!this.queued) {
      const write = this.last.then(() => {
        this.queued = undefined;
        return writePrivate(this.path, JSON.stringify(Object.fromEntries(this.keys)));
      });
      this.queued = write;
      this.last = write.catch(() => undefined);
    }
    return this.queued;
  }
}
