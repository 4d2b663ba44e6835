/**
 * `npm run build`: what `npm start`, the Docker image and the systemd unit run, into dist/. The sidecar becomes
 * one ES module (packages stay in node_modules), so plain Node runs it without a TypeScript loader: it
 * starts faster and uses about a third less memory. The local provider's worker and the editor are built
 * beside it, so the running sidecar never needs esbuild. The valves' JSON schema goes there too, for the
 * function's tests.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { z } from 'zod';
import { buildEditorBundle } from '../artifact/build.js';
import { EDITOR_FILE } from './editor/bundle.js';
import { valvesSchema } from './owui/schemas.js';
import { WORKER_BUILD, WORKER_FILE } from './providers/local/pool.js';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const SIDECAR_FILE = 'main.mjs';
const VALVES_SCHEMA_FILE = 'valves.schema.json';

export async function buildDist(outDir = DIST): Promise<void> {
  // Built aside and swapped in whole: a sidecar starting meanwhile never sees half of a new build.
  const next = `${outDir.replace(/\/$/, '')}.next`;
  await rm(next, { recursive: true, force: true });
  await mkdir(next, { recursive: true });
  await Promise.all([
    build({
      entryPoints: [fileURLToPath(new URL('./main.ts', import.meta.url))],
      outfile: `${next}/${SIDECAR_FILE}`,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      logLevel: 'warning',
    }),
    build({ ...WORKER_BUILD, outfile: `${next}/${WORKER_FILE}` }),
    buildEditorBundle({ minify: true }).then((js) => writeFile(`${next}/${EDITOR_FILE}`, js)),
    // The function's valves must match what the sidecar accepts: its tests compare Action.Valves with this.
    writeFile(
      `${next}/${VALVES_SCHEMA_FILE}`,
      `${JSON.stringify(z.toJSONSchema(valvesSchema, { io: 'input' }), null, 2)}\n`,
    ),
  ]);
  await rm(outDir, { recursive: true, force: true });
  await rename(next, outDir);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildDist();
