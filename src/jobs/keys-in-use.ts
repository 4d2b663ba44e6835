import { KeyStore } from './keys.js';
import { isTerminal, type JobRecord } from './types.js';

/**
 * Which stored FLUX keys are still needed: those of unfinished jobs, and those of jobs being created but not
 * registered yet, which a job settling meanwhile must not drop.
 */
export class KeysInUse {
  private readonly pending = new Map<string, number>();

  constructor(private readonly store: KeyStore) {}

  /** Marks a key as needed while a job with it is being created; returns the release. */
  hold(apiKey: string | undefined): () => void {
    if (apiKey === undefined) return () => undefined;
    const ref = KeyStore.fingerprint(apiKey);
    this.pending.set(ref, (this.pending.get(ref) ?? 0) + 1);
    return () => {
      const left = (this.pending.get(ref) ?? 1) - 1;
      if (left > 0) this.pending.set(ref, left);
      else this.pending.delete(ref);
    };
  }

  /** Drops from the store every key neither an unfinished job nor a job being created needs. */
  async retainFor(records: Iterable<JobRecord>): Promise<void> {
    const stillNeeded = new Set([...records].filter((r) => !isTerminal(r.state) && r.keyRef).map((r) => r.keyRef!));
    for (const ref of this.pending.keys()) stillNeeded.add(ref);
    await this.store.retain(stillNeeded);
  }
}
