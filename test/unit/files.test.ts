import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

/** A disk that fills up after `budget` bytes, for the files the test names. */
const disk = vi.hoisted(() => ({ budget: Infinity as number }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...real,
    open: async (...args: Parameters<typeof real.open>) => {
      const handle = await real.open(...args);
      const writeFile = handle.writeFile.bind(handle);
      return Object.assign(handle, {
        writeFile: async (data: Buffer | string) => {
          const bytes = Buffer.from(data);
          if (bytes.length <= disk.budget) return writeFile(bytes);
          await writeFile(bytes.subarray(0, disk.budget));
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        },
      });
    },
  };
});

const { writeFileAtomic } = await import('../../src/util/files.js');

afterEach(() => {
  disk.budget = Infinity;
});

describe('atomic writes', () => {
  it('a full disk gives disk_full with what to do, and leaves neither a partial nor a temporary file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'flux-files-'));
    disk.budget = 10;
    await expect(writeFileAtomic(join(dir, 'result.png'), Buffer.alloc(1000, 1))).rejects.toMatchObject({
      code: 'disk_full',
      status: 507,
      message: expect.stringContaining('is full: free some space'),
    });
    expect(await readdir(dir)).toEqual([]);
  });

  it('an existing file stays whole when replacing it fails', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'flux-files-'));
    const path = join(dir, 'journal.jsonl');
    await writeFileAtomic(path, 'old contents');
    disk.budget = 3;
    await expect(writeFileAtomic(path, 'new contents that do not fit')).rejects.toMatchObject({ code: 'disk_full' });
    expect(await readFile(path, 'utf8')).toBe('old contents');
    expect(await readdir(dir)).toEqual(['journal.jsonl']);
  });
});
