import { mkdtemp, readdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KeyStore } from '../../src/jobs/keys.js';

describe('the key store', () => {
  it('overlapping puts and retains leave on disk exactly the keys held in memory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'flux-keys-'));
    const store = await KeyStore.open(dir);
    const keys = Array.from({ length: 300 }, (_, i) => `flux-key-${i}-0123456789`);
    const kept = new Set<string>();
    const writes: Array<Promise<unknown>> = [];
    // Jobs start and end at the same time: every tenth one ends, dropping every key but those of running jobs.
    for (const [i, key] of keys.entries()) {
      writes.push(store.put(key));
      kept.add(KeyStore.fingerprint(key));
      if (i % 10 === 9) {
        for (const old of keys.slice(i - 9, i - 4)) kept.delete(KeyStore.fingerprint(old));
        writes.push(store.retain(new Set(kept)));
      }
    }
    await Promise.all(writes);
    const reloaded = await KeyStore.open(dir);
    for (const key of keys) {
      const ref = KeyStore.fingerprint(key);
      expect(reloaded.get(ref)).toBe(kept.has(ref) ? key : undefined);
    }
    // Atomic replace: no temp file is left behind, and only the sidecar's user can read the keys.
    expect(await readdir(dir)).toEqual(['keys.json']);
    expect((await stat(join(dir, 'keys.json'))).mode & 0o777).toBe(0o600);
  });
});
