import { pageScript } from './scripts.js';

/**
 * The artifact placed in the chat message: a small page whose script (loader.ts) asks the Open WebUI page
 * (through the host script, host-script.ts) for the editor code and runs it. The chat stores these ~2 KB, not
 * the editor or the image. It talks to the page only by postMessage, whatever the frame's origin: Open WebUI
 * 0.5.0-0.6.2 sandboxes artifacts with allow-same-origin, later versions give them an opaque origin.
 */
interface BootstrapOptions {
  nonce: string;
}

/** The chat stores the loader while the editor is open: it must stay small (checked when the sidecar is built). */
export const BOOTSTRAP_BUDGET_BYTES = 4096;

export async function bootstrapHtml(opts: BootstrapOptions): Promise<string> {
  if (!/^[A-Za-z0-9_-]{8,64}$/.test(opts.nonce)) throw new Error('nonce must be url-safe');
  const script = (await pageScript('loader')).replaceAll('"__FLUX_INPAINT_NONCE__"', JSON.stringify(opts.nonce));
  return bootstrapDocument(script);
}

/** The loader's page around its script (the script carries the session's nonce already). */
export function bootstrapDocument(script: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>FLUX Inpaint</title>
<style>html,body{margin:0;height:100%;font:14px/1.4 system-ui,sans-serif;color:#444;background:#fff}
body{display:grid;place-items:center;text-align:center}p{max-width:30em;padding:1em}
@media(prefers-color-scheme:dark){html,body{color:#ccc;background:#171717}}</style></head>
<body><p id="fi-msg">Loading the inpaint editor…</p>
<script>${script}</script></body></html>`;
}

/** The bootstrap as a fenced block Open WebUI turns into an artifact. */
export async function artifactBlock(opts: BootstrapOptions): Promise<string> {
  return `\n\n\`\`\`html\n${await bootstrapHtml(opts)}\n\`\`\`\n`;
}
