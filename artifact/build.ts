import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const ENTRY = fileURLToPath(new URL('./src/main.ts', import.meta.url));

/**
 * Builds the mask editor into one classic script. Open WebUI's artifact iframe runs it through
 * `new Function`, so it must be self-contained: no imports, no separate stylesheet (styles.css is bundled as
 * a string the script injects).
 */
export async function buildEditorBundle(opts: { minify: boolean }): Promise<string> {
  const out = await build({
    entryPoints: [ENTRY],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    write: false,
    minify: opts.minify,
    legalComments: 'none',
    logLevel: 'silent',
    charset: 'utf8',
    loader: { '.css': 'text' },
  });
  const file = out.outputFiles[0];
  if (!file) throw new Error('esbuild produced no output for the editor bundle');
  return file.text;
}
