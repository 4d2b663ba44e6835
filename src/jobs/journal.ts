import { z } from 'zod';
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { readIfPresent, storageError, writeFileAtomic } from '../util/files.js';
import { isTerminal, type JobRecord } from './types.js';

const FILE = 'journal.jsonl';

/**
 * Append-only journal of job snapshots, one JSON line per state change. The last line for a job wins.
 * On open it is replayed and compacted (one line per kept job), so it never grows without bound.
 */
export class Journal {
  /** Lines waiting for the next write, with the callers waiting for them to be on disk. */
  private batch: Batch | undefined;
  private flushing: Promise<void> | undefined;
  /** A failed write may have left part of a line: the next write starts on a new line, so replay loses only that one. */
  private torn = false;

  private constructor(private handle: FileHandle) {}

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
      throw storageError(err);
    }
    return { journal: new Journal(handle), records, expired };
  }

  /** Appends a snapshot; resolves once it is on disk. */
  append(record: JobRecord): Promise<void> {
    return this.write(`${JSON.stringify(record)}\n`);
  }

  /** Records that a job was deleted; replay forgets it. */
  appendDeletion(id: string): Promise<void> {
    return this.write(`${JSON.stringify({ id, deleted: true })}\n`);
  }

  /**
   * Group commit: lines that arrive while a write is on its way go out together in the next write and
   * share one flush to disk. A burst of jobs would otherwise queue one flush per state change, and each job
   * would wait for every flush before its own. Lines keep their order, and a line is only reported written
   * once it is flushed.
   */
  private write(line: string): Promise<void> {
    this.batch ??= newBatch();
    this.batch.lines.push(line);
    const done = this.batch.done;
    this.flushing ??= this.flush();
    return done;
  }

  private async flush(): Promise<void> {
    for (let batch = this.batch; batch; batch = this.batch) {
      this.batch = undefined;
      try {
        await this.handle.appendFile((this.torn ? '\n' : '') + batch.lines.join(''));
        await this.handle.datasync();
        this.torn = false;
        batch.resolve();
      } catch (err) {
        // Only this batch fails: later lines still get their own attempt.
        this.torn = true;
        batch.reject(storageError(err));
      }
    }
    // In the same step as the last look at the batch: a line arriving after it starts a new flush.
    this.flushing = undefined;
  }

  async close(): Promise<void> {
    while (this.flushing) await this.flushing;
    await this.handle.close();
  }
}

interface Batch {
  lines: string[];
  done: Promise<void>;
  resolve: () => void;
  reject: (err: unknown) => void;
}

function newBatch(): Batch {
  let resolve!: () => void;
  let reject!: (err: unknown) => void;
  const done = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { lines: [], done, resolve, reject };
}

async function replay(path: string, logger: Logger): Promise<Map<string, JobRecord>> {
  const records = new Map<string, JobRecord>();
  const text = await readIfPresent(path);
  if (text === undefined) return records;
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    try {
      const r = JSON.parse(line) as JobRecord & { deleted?: boolean };
      if (typeof r?.id === 'string' && r.deleted === true) records.delete(r.id);
      else if (typeof r?.id === 'string' && typeof r.state === 'string') records.set(r.id, readable(r));
      else throw new Error('not a job record');
    } catch (err) {
      // A crash mid-append leaves a torn last line: skip it, the previous snapshot of that job still counts.
      logger.warn({ line: i + 1, err: (err as Error).message }, 'skipping unreadable journal line');
    }
  });
  return records;
}

/** A field this version reads, of its type; anything else there reads as absent. */
const field = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

const storedMeta = z.object({
  chat_id: field(z.string()),
  message_id: field(z.string()),
  original_prompt: field(z.string()),
  reporting: field(z.string()),
  reported: field(z.boolean()),
});

/**
 * A stored entry as this version reads it. Its meta, typed: only the fields this version reads, each of its
 * type; an entry of an earlier version, or one edited by hand, loses what it cannot vouch for instead of
 * misleading a delivery. Its warning: earlier versions kept only the English text.
 */
function readable(r: JobRecord): JobRecord {
  const warning: unknown = r.warning;
  const read = typeof warning === 'string' ? { ...r, warning: { code: 'warning', message: warning } } : r;
  if (read.meta === undefined) return read;
  const parsed = storedMeta.safeParse(read.meta);
  return { ...read, meta: parsed.success ? parsed.data : {} };
}
