#!/usr/bin/env node
// Runs the built sidecar (dist/main.mjs, made by `npm ci` or `npm run build`) in this process.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const sidecar = new URL('../dist/main.mjs', import.meta.url);
if (!existsSync(fileURLToPath(sidecar))) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  process.stderr.write(`flux-inpaint: the sidecar is not built yet: run \`npm run build\` in ${root}\n`);
  process.exit(1);
}
await import(sidecar.href);
