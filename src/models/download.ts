import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream } from 'node:stream/web';
import type { ModelSource } from './catalogue.js';

/** Fetches `source` into `folder` with a progress bar on `out`; keeps the file only if its SHA-256 matches. */
export async function download(
  source: ModelSource,
  folder: string,
  out: { write(text: string): unknown } = process.stderr,
): Promise<string> {
  const target = resolve(join(folder, source.file));
  const partial = `${target}.part`;
  await mkdir(folder, { recursive: true });
  const response = await fetch(source.url, { redirect: 'follow' }).catch((err: Error) => {
    const cause = err.cause instanceof Error ? `: ${err.cause.message}` : '';
    throw new Error(`${source.url} could not be reached (${err.message}${cause}); this needs internet access`);
  });
  if (!response.ok || !response.body)
    throw new Error(`${source.url} answered ${response.status} ${response.statusText}`);
  const total = Number(response.headers.get('content-length')) || source.bytes;
  const hash = createHash('sha256');
  let received = 0;
  let shown = -1;
  const progress = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      received += chunk.length;
      const percent = Math.floor((received / total) * 100);
      if (percent !== shown) {
        shown = percent;
        const bar = '#'.repeat(Math.floor(percent / 4)).padEnd(25, '.');
        out.write(`\r[${bar}] ${percent} % of ${(total / 1e6).toFixed(0)} MB`);
      }
      done(null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(response.body as ReadableStream<Uint8Array>), progress, createWriteStream(partial));
    out.write('\n');
    const digest = hash.digest('hex');
    if (digest !== source.sha256) {
      throw new Error(`the download's SHA-256 is ${digest}, not ${source.sha256} (${source.checksumSource}): not kept`);
    }
    await rename(partial, target);
    return target;
  } finally {
    await rm(partial, { force: true });
  }
}
