import { mkdtemp, open, readFile, appendFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { Journal } from '../../src/jobs/journal.js';
import { KeyStore } from '../../src/jobs/keys.js';
import type { JobRecord } from '../../src/jobs/types.js';

const logger = pino({ level: 'silent' });
const DAY = 24 * 3600 * 1000;

function record(id: string, patch: Partial<JobRecord> = {}): JobRecord {
  const now = new Date().toISOString();
  return {
    id,
    model: 'fill',
    provider: 'bfl',
    prompt: 'p',
    params: {},
    outputFormat: 'jpeg',
    state: 'queued',
    status: 'Queued',
    progress: null,
    createdAt: now,
    updatedAt: now,
    resultName: `r-${id}`,
    owner: 'standalone',
    ...patch,
  };
}

describe('Journal', () => {
  it('replays the last snapshot of each job and compacts to one line per job', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'journal-'));
    const { journal } = await Journal.open(dir, { logger, keepTerminalMs: DAY });
    await journal.append(record('a'));
    await journal.append(record('a', { state: 'running', checkpoint: { taskId: 't1' } }));
    await journal.append(record('b'));
    await journal.append(record('b', { state: 'done', finishedAt: new Date().toISOString() }));
    await journal.close();
    expect((await readFile(join(dir, 'journal.jsonl'), 'utf8')).trim().split('\n')).toHaveLength(4);

    const again = await Journal.open(dir, { logger, keepTerminalMs: DAY });
    expect(again.records.get('a')).toMatchObject({ state: 'running', checkpoint: { taskId: 't1' } });
    expect(again.records.get('b')?.state).toBe('done');
    await again.journal.close();
    expect((await readFile(join(dir, 'journal.jsonl'), 'utf8')).trim().split('\n')).toHaveLength(2);
    expect((await stat(join(dir, 'journal.jsonl'))).mode & 0o777).toBe(0o600);
  });

  it('skips a torn last line left by a crash', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'journal-'));
    const { journal } = await Journal.open(dir, { logger, keepTerminalMs: DAY });
    await journal.append(record('a', { state: 'running' }));
    await journal.close();
    await appendFile(join(dir, 'journal.jsonl'), '{"id":"a","state":"do');
    const again = await Journal.open(dir, { logger, keepTerminalMs: DAY });
    expect(again.records.get('a')?.state).toBe('running');
    await again.journal.close();
  });

  it('reads an entry of the previous version, its chat facts typed, what it cannot vouch for left out', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'journal-'));
    // As the previous version wrote it: a chat job's untyped meta bag, one value of the wrong type.
    const stored = {
      ...record('old1', { prompt: 'a red hat', state: 'done', owner: 'owui:u1' }),
      result: { file: 'r-old1.png', mime: 'image/png', bytes: 10 },
      warning: 'Your FLUX balance is 1 credits; FLUX.1 Fill [pro] costs at least 5.',
      meta: {
        chat_id: 'c1',
        message_id: null,
        original_prompt: 'ein roter Hut',
        reported: 'yes',
        english: 'a red hat',
      },
    };
    await appendFile(join(dir, 'journal.jsonl'), `${JSON.stringify(stored)}\n`);
    const { journal, records } = await Journal.open(dir, { logger, keepTerminalMs: DAY });
    await journal.close();
    const meta = records.get('old1')?.meta;
    expect(meta?.chat_id).toBe('c1');
    expect(meta?.original_prompt).toBe('ein roter Hut');
    // A reported flag that is no boolean does not claim the job was delivered: recovery still delivers it.
    expect(meta?.reported).toBeUndefined();
    expect(meta?.message_id).toBeUndefined();
    expect(meta).not.toHaveProperty('english');
    // Its warning, then only English text, keeps its words in the shape warnings have now.
    expect(records.get('old1')?.warning).toEqual({
      code: 'warning',
      message: 'Your FLUX balance is 1 credits; FLUX.1 Fill [pro] costs at least 5.',
    });
    expect(records.get('old1')).toMatchObject({ state: 'done', prompt: 'a red hat', result: { file: 'r-old1.png' } });
  });

  it('forgets deleted jobs and expires old finished ones, keeping unfinished ones forever', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'journal-'));
    const { journal } = await Journal.open(dir, { logger, keepTerminalMs: DAY });
    const old = new Date(Date.now() - 3 * DAY).toISOString();
    await journal.append(record('old', { state: 'done', finishedAt: old, createdAt: old }));
    await journal.append(record('oldRunning', { state: 'running', createdAt: old }));
    await journal.append(record('gone', { state: 'done', finishedAt: new Date().toISOString() }));
    await journal.appendDeletion('gone');
    await journal.close();
    const again = await Journal.open(dir, { logger, keepTerminalMs: DAY });
    expect([...again.records.keys()]).toEqual(['oldRunning']);
    expect(again.expired.map((r) => r.id)).toEqual(['old']);
    await again.journal.close();
  });
});

describe('Journal group commit', () => {
  /** FileHandle is not exported by Node; its prototype is reached through an open handle. */
  async function fileHandlePrototype(dir: string) {
    const probe = await open(join(dir, 'probe'), 'w');
    await probe.close();
    return Object.getPrototypeOf(probe) as {
      datasync: () => Promise<void>;
      appendFile: (data: string) => Promise<void>;
    };
  }

  it('writes a burst of appends in order with far fewer flushes than lines', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'journal-'));
    const { journal } = await Journal.open(dir, { logger, keepTerminalMs: DAY });
    const flushes = vi.spyOn(await fileHandlePrototype(dir), 'datasync');
    try {
      const ids = Array.from({ length: 100 }, (_, i) => `job${i}`);
      await Promise.all(ids.map((id) => journal.append(record(id))));
      expect(flushes.mock.calls.length).toBeGreaterThan(0);
      expect(flushes.mock.calls.length).toBeLessThanOrEqual(3);
      await journal.close();
      const lines = (await readFile(join(dir, 'journal.jsonl'), 'utf8')).trim().split('\n');
      expect(lines.map((l) => (JSON.parse(l) as JobRecord).id)).toEqual(ids);
    } finally {
      flushes.mockRestore();
    }
  });

  it('fails only the appends of a failed write; later appends are written', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'journal-'));
    const { journal } = await Journal.open(dir, { logger, keepTerminalMs: DAY });
    const writes = vi
      .spyOn(await fileHandlePrototype(dir), 'appendFile')
      .mockRejectedValueOnce(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }));
    try {
      const first = journal.append(record('lost'));
      await expect(first).rejects.toMatchObject({ code: 'disk_full' });
      await journal.append(record('kept'));
      await journal.close();
      expect(
        (await readFile(join(dir, 'journal.jsonl'), 'utf8'))
          .trim()
          .split('\n')
          .map((l) => (JSON.parse(l) as JobRecord).id),
      ).toEqual(['kept']);
    } finally {
      writes.mockRestore();
    }
  });

  it('a write cut off half-way costs only its own line: the next one is still read back', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'journal-'));
    const { journal } = await Journal.open(dir, { logger, keepTerminalMs: DAY });
    const proto = await fileHandlePrototype(dir);
    const realAppend = proto.appendFile;
    const writes = vi.spyOn(proto, 'appendFile').mockImplementationOnce(async function (
      this: typeof proto,
      data: string,
    ) {
      await realAppend.call(this, data.slice(0, 20));
      throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    });
    try {
      await expect(journal.append(record('torn'))).rejects.toMatchObject({ code: 'disk_full' });
      await journal.append(record('after', { state: 'running' }));
      await journal.close();
    } finally {
      writes.mockRestore();
    }
    const again = await Journal.open(dir, { logger, keepTerminalMs: DAY });
    expect([...again.records.keys()]).toEqual(['after']);
    await again.journal.close();
  });

  it('close waits for every pending line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'journal-'));
    const { journal } = await Journal.open(dir, { logger, keepTerminalMs: DAY });
    const pending = Array.from({ length: 20 }, (_, i) => journal.append(record(`j${i}`)));
    await journal.close();
    await Promise.all(pending);
    expect((await readFile(join(dir, 'journal.jsonl'), 'utf8')).trim().split('\n')).toHaveLength(20);
  });
});

describe('KeyStore', () => {
  it('keeps keys out of the journal in a private file and forgets unused ones', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'keys-'));
    const store = await KeyStore.open(dir);
    const ref = await store.put('secret-key-123');
    expect(ref).toMatch(/^[0-9a-f]{16}$/);
    expect(ref).not.toContain('secret');
    expect((await stat(join(dir, 'keys.json'))).mode & 0o777).toBe(0o600);
    expect((await KeyStore.open(dir)).get(ref)).toBe('secret-key-123');
    await store.retain(new Set());
    expect((await KeyStore.open(dir)).get(ref)).toBeUndefined();
  });
});
