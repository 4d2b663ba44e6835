import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { PAGE_SCRIPTS, type PageScript } from './scripts.js';

/** Bundles one page script into a minified classic script (build time, or once per process from the sources). */
export async function buildPageScript(name: PageScript): Promise<string> {
  const out = await build({
    entryPoints: [fileURLToPath(new URL(`./${PAGE_SCRIPTS[name]}`, import.meta.url))],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    write: false,
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
    charset: 'utf8',
  });
  const file = out.outputFiles[0];
  if (!file) throw new Error(`esbuild produced no output for the page script ${name}`);
  return file.text.trim();
}
