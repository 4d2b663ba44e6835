import { buildEditorBundle, standalonePage } from '../../artifact/build.js';

let cached: Promise<string> | undefined;

/** The editor bundle, built once per process from artifact/ (esbuild takes well under a second). */
export function editorBundle(): Promise<string> {
  cached ??= buildEditorBundle({ minify: true }).catch((err: unknown) => {
    cached = undefined;
    throw err;
  });
  return cached;
}

export { standalonePage };
