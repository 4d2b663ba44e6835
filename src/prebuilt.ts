import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * A file `npm run build` writes next to the sidecar bundle (dist/), or undefined when the TypeScript sources
 * run directly (tests, development): then the caller builds it from the sources on first use. In the bundle
 * this module's URL is dist/main.mjs; in the sources it is src/prebuilt.ts, where no such file exists.
 */
export function prebuilt(name: string): string | undefined {
  const path = fileURLToPath(new URL(`./${name}`, import.meta.url));
  return existsSync(path) ? path : undefined;
}

/**
 * Loads a build-time module from the sources. The specifier is computed, so bundling leaves it alone and the
 * bundle never loads esbuild; only the sources (run through tsx) take this path.
 */
export async function importSource<T>(relativeToSrc: string): Promise<T> {
  return (await import(new URL(relativeToSrc, import.meta.url).href)) as T;
}
