import { readdir, readFile, rm, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import mime from 'mime-types';
import sharp from '../images/vips.js';
import { appError } from '../errors.js';
import type { ProviderResult } from '../providers/provider.js';
import { ensureDir, writeFileAtomic } from '../util/files.js';
import type { JobRecord } from './types.js';

/**
 * Where a job's files live in the data dir: its inputs (private, until the job ends, so a restart can run it)
 * and its result (kept for FLUX_INPAINT_KEEP_RESULTS_DAYS under a name reserved when the job was made).
 */

/** The pictures a job is made from, as prepared for the provider. */
export interface JobInputs {
  image: Buffer;
  mask?: Buffer | undefined;
  references?: Buffer[] | undefined;
}

export function resultsDir(dataDir: string): string {
  return join(dataDir, 'results');
}

function inputsDir(dataDir: string): string {
  return join(dataDir, 'inputs');
}

export async function ensureJobDirs(dataDir: string): Promise<void> {
  await Promise.all([ensureDir(resultsDir(dataDir)), ensureDir(inputsDir(dataDir), 0o700)]);
}

/** All of a job's input files at once; on failure none stays behind, since no journal line will point to them. */
export async function saveInputs(dataDir: string, id: string, inputs: JobInputs): Promise<void> {
  const dir = join(inputsDir(dataDir), id);
  await ensureDir(dir, 0o700);
  const writes = await Promise.allSettled([
    writeFileAtomic(join(dir, 'image'), inputs.image, 0o600),
    inputs.mask ? writeFileAtomic(join(dir, 'mask.png'), inputs.mask, 0o600) : undefined,
    ...(inputs.references ?? []).map((r, i) => writeFileAtomic(join(dir, `reference-${i + 1}`), r, 0o600)),
  ]);
  const failed = writes.find((w) => w.status === 'rejected');
  if (failed) {
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    throw failed.reason;
  }
}

export async function readInputs(dataDir: string, record: JobRecord): Promise<JobInputs> {
  const id = record.id;
  const dir = join(inputsDir(dataDir), id);
  try {
    const image = await readFile(join(dir, 'image'));
    const mask = await readFile(join(dir, 'mask.png')).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return undefined;
      throw err;
    });
    const references = await Promise.all(
      Array.from({ length: record.references ?? 0 }, (_, i) => readFile(join(dir, `reference-${i + 1}`))),
    );
    return { image, ...(mask ? { mask } : {}), ...(references.length ? { references } : {}) };
  } catch (err) {
    throw appError('job_inputs_missing', { id }, { cause: err });
  }
}

export async function removeInputs(dataDir: string, id: string): Promise<void> {
  await rm(join(inputsDir(dataDir), id), { recursive: true, force: true });
}

/** Writes the result atomically under the job's reserved name; returns the file name. */
export async function saveResult(dataDir: string, record: JobRecord, result: ProviderResult): Promise<string> {
  const ext = mime.extension(result.mime) || 'bin';
  const file = `${record.resultName}.${ext === 'jpeg' ? 'jpg' : ext}`;
  await writeFileAtomic(join(resultsDir(dataDir), file), result.bytes);
  return file;
}

/** What the job's view says of a saved result: its size and, when the picture reads, its dimensions. */
export async function describeResult(
  dataDir: string,
  saved: { file: string; mime: string; seed?: number | undefined; bytes?: Buffer | undefined },
): Promise<NonNullable<JobRecord['result']>> {
  const data = saved.bytes ?? (await readFile(join(resultsDir(dataDir), saved.file)));
  const meta = await sharp(data)
    .metadata()
    .catch(() => undefined);
  return {
    file: saved.file,
    mime: saved.mime,
    bytes: data.length,
    ...(meta?.width ? { width: meta.width } : {}),
    ...(meta?.height ? { height: meta.height } : {}),
    ...(saved.seed !== undefined ? { seed: saved.seed } : {}),
  };
}

/** A result saved before the last shutdown but not journaled as done, found by the job's reserved name. */
export async function findSavedResult(
  dataDir: string,
  record: JobRecord,
): Promise<{ file: string; mime: string } | undefined> {
  const names = await readdir(resultsDir(dataDir));
  const file = names.find((n) => n.startsWith(`${record.resultName}.`));
  if (!file) return undefined;
  return { file, mime: mime.lookup(file) || 'application/octet-stream' };
}

export async function deleteResultFile(dataDir: string, record: JobRecord): Promise<void> {
  if (!record.result) return;
  await unlink(join(resultsDir(dataDir), record.result.file)).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'ENOENT') throw err;
  });
}
