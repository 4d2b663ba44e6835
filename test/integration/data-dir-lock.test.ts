import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSidecarExpectingFailure, spawnSidecar } from '../support/process.js';

/** Real sidecar processes on one data dir: the journal and the results must have one owner. */
describe('the data dir has one sidecar at a time', () => {
  const envFor = (dir: string) => ({
    FLUX_INPAINT_PORT: '0',
    FLUX_INPAINT_DATA_DIR: dir,
    FLUX_INPAINT_TOKEN: 'lock-token-0123456789',
  });

  it('a second sidecar refuses to start, naming the first one’s pid and the data dir', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'flux-lock-'));
    const first = await spawnSidecar(envFor(dir));
    try {
      const second = await runSidecarExpectingFailure(envFor(dir));
      expect(second.code).toBe(1);
      expect(second.output).toContain(
        `flux-inpaint: cannot start: Another flux-inpaint sidecar (pid ${first.child.pid}) uses the data dir ${dir}: stop it first, or give this one its own FLUX_INPAINT_DATA_DIR.`,
      );
      // The first one is untouched and still answers.
      expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
    } finally {
      await first.kill();
    }
    // Stopped cleanly, it leaves no lock: the next start needs no takeover.
    const next = await spawnSidecar(envFor(dir));
    await next.kill();
  });

  it('the lock of a sidecar that was killed is taken over', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'flux-lock-'));
    const killed = await spawnSidecar(envFor(dir));
    await killed.kill('SIGKILL');
    expect(JSON.parse(await readFile(join(dir, 'sidecar.lock'), 'utf8')).pid).toBe(killed.child.pid);
    const next = await spawnSidecar(envFor(dir));
    try {
      expect(JSON.parse(await readFile(join(dir, 'sidecar.lock'), 'utf8')).pid).toBe(next.child.pid);
    } finally {
      await next.kill();
    }
  });
});
