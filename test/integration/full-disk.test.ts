import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { testMask } from '../support/images.js';
import { lastJobEvent } from '../support/events.js';
import { startTestSidecar, type TestSidecar } from '../support/sidecar.js';

const run = promisify(execFile);
const SIZE_MB = 3;

/** A real, small file system for the data dir. Mounting needs root (CI runs as root); elsewhere this is skipped. */
async function mountSmallDisk(): Promise<string | undefined> {
  const dir = await mkdtemp(join(tmpdir(), 'flux-full-disk-'));
  try {
    await run('mount', ['-t', 'tmpfs', '-o', `size=${SIZE_MB}m,mode=0700`, 'tmpfs', dir]);
    return dir;
  } catch {
    return undefined;
  }
}

async function allFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => e.name);
}

const disk = await mountSmallDisk();
let sidecar: TestSidecar | undefined;

afterAll(async () => {
  await sidecar?.close();
  if (disk) await run('umount', [disk]);
});

describe.skipIf(!disk)(`a data dir on a full ${SIZE_MB} MB file system (needs root to mount it)`, () => {
  it('refuses new work with disk_full and what to do, leaves no partial file, keeps serving, and recovers once space is freed', async () => {
    sidecar = await startTestSidecar({ FLUX_INPAINT_PROVIDER: 'local' }, disk);
    // Noise does not compress: each picture takes its full size on the disk.
    const picture = await sharp(randomBytes(256 * 256 * 3), { raw: { width: 256, height: 256, channels: 3 } })
      .png()
      .toBuffer();
    const mask = await testMask(256, 256);
    const body = JSON.stringify({
      model: 'fill',
      image: picture.toString('base64'),
      mask: mask.toString('base64'),
      output_format: 'png',
      provider: 'local',
    });
    const post = () =>
      sidecar!.api('/v1/jobs', { method: 'POST', headers: { 'content-type': 'application/json' }, body });

    const done: string[] = [];
    let refusal: { status: number; code: string; message: string } | undefined;
    for (let i = 0; i < 40 && !refusal; i++) {
      const res = await post();
      const answer = (await res.json()) as { id: string; error?: { code: string; message: string } };
      // The disk may fill while the upload is stored (refused at once) or while the result is written (the job fails).
      if (res.status !== 202) {
        refusal = { status: res.status, ...answer.error! };
        break;
      }
      const last = await lastJobEvent(await sidecar.api(`/v1/jobs/${answer.id}/events`));
      if (last.state === 'done') done.push(answer.id);
      else refusal = { status: 507, ...last.error! };
    }

    expect(done.length).toBeGreaterThan(0);
    expect(refusal).toMatchObject({
      status: 507,
      code: 'disk_full',
      message: expect.stringContaining('is full: free some space'),
    });
    // What the editor shows says what to do, not where the server keeps its files.
    expect(refusal!.message).not.toContain(disk!);
    expect((await allFiles(disk!)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect((await fetch(`${sidecar.url}/healthz`)).status).toBe(200);

    for (const id of done) expect((await sidecar.api(`/v1/jobs/${id}`, { method: 'DELETE' })).status).toBeLessThan(300);
    const again = await post();
    expect(again.status).toBe(202);
    const { id } = (await again.json()) as { id: string };
    expect(await lastJobEvent(await sidecar.api(`/v1/jobs/${id}/events`))).toMatchObject({ state: 'done' });
  });
});
