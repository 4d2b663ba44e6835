import { readFile } from 'node:fs/promises';
import { importSource, prebuilt } from '../prebuilt.js';

let cached: Promise<string> | undefined;

/** The editor bundle: the one `npm run build` wrote, or built once per process from artifact/ (well under a second). */
export function editorBundle(): Promise<string> {
  cached ??= loadEditorBundle().catch((err: unknown) => {
    cached = undefined;
    throw err;
  });
  return cached;
}

async function loadEditorBundle(): Promise<string> {
  const file = prebuilt(EDITOR_FILE);
  if (file) return readFile(file, 'utf8');
  const { buildEditorBundle } = await importSource<typeof import('../../artifact/build.js')>('../artifact/build.ts');
  return buildEditorBundle({ minify: true });
}

export const EDITOR_FILE = 'editor.js';
