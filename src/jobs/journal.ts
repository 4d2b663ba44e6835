import { open, readFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { storageError, writeFileAtomic } from './files.js';
import { isTerminal, type JobRecord } from './types.js';

const FILE = 'journal.jsonl';

/**
 * Append-only journal of job snapshots, one JSON line per state change. The last line for a job wins.
 * On open it is replayed and compacted (one line per kept job), so it never grows without bound.
 */
export class Journal {
  private chain: Promise<void> = Promise.resolve();

  private constructor(
    private handle: FileHandle,
    private readonly path: string,
  ) {}

  static async open(
    dataDir: string,
    opts: { logger: Logger; keepTerminalMs: number; now?: number },
  ): Promise<{ journal: Journal; records: Map<string, JobRecord>; expired: JobRecord[] }> {
    const path = join(dataDir, FILE);
    const records = await replay(path, opts.logger);
    const now = opts.now ?? Date.now();
    const expired: JobRecord[] = [];
    for (const [id, r] of records) {
      const ended = r.finishedAt ? Date.parse(r.finishedAt) : undefined;
      if (isTerminal(r.state) && ended !== undefined && now - ended > opts.keepTerminalMs) {
        records.delete(id);
        expired.push(r);
      }
    }
    const compacted = [...records.values()].map((r) => JSON.stringify(r)).join('\n');
    await writeFileAtomic(path, compacted ? `${compacted}\n` : '', 0o600);
    let handle: FileHandle;
    try {
      handle = await open(path, 'a', 0o600);
    } catch (err) {
      throw storageError(err, path);
    }
    return { journal: new Journal(handle, path), records, expired };
  }

  /** Appends a snapshot; appends are serialised so lines never interleave. */
  append(record: JobRecord): Promise<void> {
    return this.write(`${JSON.stringify(record)}\n`);
  }

  /** Records that a job was deleted; replay forgets it. */
  appendDeletion(id: string): Promise<void> {
    return this.write(`${JSON.stringify({ id, deleted: true })}\n`);
  }

  private write(line: string): Promise<void> {
    const next = this.chain.then(async () => {
      try {
        await this.handle.appendFile(line);
        await this.handle.datasync();
      } catch (err) {
        throw storageError(err, this.path);
      }
    });
    // One failed write must not wedge every later write.
    this.chain = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    await this.chain;
    await this.handle.close();
  }
}

async function replay(path: string, logger: Logger): Promise<Map<string, JobRecord>> {
  const records = new Map<string, JobRecord>();
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return records;
    throw storageError(err, path);
  }
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    try {
      const r = JSON.parse(line) as JobRecord & { deleted?: boolean };
      if (typeof r?.id === 'string' && r.deleted === true) records.delete(r.id);
      else if (typeof r?.id === 'string' && typeof r.state === 'string') records.set(r.id, r);
      else throw new Error('not a job record');
    } catch (err) {
      // A crash mid-append leaves a torn last line: skip it, the previous snapshot of that job still counts.
      logger.warn({ line: i + 1, err: (err as Error).message }, 'skipping unreadable journal line');
    }
  });
  return records;
}
