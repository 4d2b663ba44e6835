import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const ENTRY = fileURLToPath(new URL('./src/main.ts', import.meta.url));

/**
 * Builds the mask editor into one classic script. Open WebUI's artifact iframe runs it through
 * `new Function`, so it must be self-contained: no imports, no separate stylesheet (the CSS is a string
 * the script injects).
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
  });
  const file = out.outputFiles[0];
  if (!file) throw new Error('esbuild produced no output for the editor bundle');
  return file.text;
}

/**
 * The standalone editor page. The sidecar's CSP forbids inline scripts, so the page only loads
 * /editor.js; the token arrives in the URL fragment (never sent to the server in a request line or logs).
 */
export function standalonePage(): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>FLUX Inpaint</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
</head>
<body>
<noscript>The FLUX Inpaint editor needs JavaScript.</noscript>
<script src="/editor.js"></script>
</body>
</html>
`;
}
