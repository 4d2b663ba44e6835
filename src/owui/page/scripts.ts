import { readFile } from 'node:fs/promises';
import { importSource, prebuilt } from '../../prebuilt.js';

/**
 * The two scripts that run outside the sidecar, written as TypeScript (host-script.ts in Open WebUI's page,
 * loader.ts in the artifact frame) and bundled by esbuild into classic scripts: the ones `npm run build` wrote
 * next to the sidecar, or built once per process from the sources.
 */
export const PAGE_SCRIPTS = { host: 'host-script.ts', loader: 'loader.ts' } as const;
export type PageScript = keyof typeof PAGE_SCRIPTS;

const cache = new Map<PageScript, Promise<string>>();

export function pageScript(name: PageScript): Promise<string> {
  let found = cache.get(name);
  if (!found) {
    found = loadPageScript(name).catch((err: unknown) => {
      cache.delete(name);
      throw err;
    });
    cache.set(name, found);
  }
  return found;
}

export function pageScriptFile(name: PageScript): string {
  return `page-${name}.js`;
}

async function loadPageScript(name: PageScript): Promise<string> {
  const file = prebuilt(pageScriptFile(name));
  if (file) return readFile(file, 'utf8');
  const { buildPageScript } = await importSource<typeof import('./build.js')>('./owui/page/build.ts');
  return buildPageScript(name);
}
