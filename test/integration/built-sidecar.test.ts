import { spawn } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testImage, testMask } from '../support/images.js';
import { lastJobEvent } from '../support/events.js';
import { spawnSidecar, type SidecarProcess } from '../support/process.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TOKEN = 'built-token-0123456789ab';
let sidecar: SidecarProcess;

beforeAll(async () => {
  sidecar = await spawnSidecar({
    FLUX_INPAINT_PORT: '0',
    FLUX_INPAINT_DATA_DIR: await mkdtemp(join(tmpdir(), 'flux-built-')),
    FLUX_INPAINT_TOKEN: TOKEN,
  });
});
afterAll(async () => {
  await sidecar?.kill();
});

/**
 * The build (dist/) is what users run. From it, building anything from the sources cannot work (plain Node
 * cannot load TypeScript), so these pass only if the prebuilt editor and worker are found and used.
 */
describe('the built sidecar', () => {
  it('serves the prebuilt editor', async () => {
    const res = await fetch(`${sidecar.url}/editor.js`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(await readFile(join(ROOT, 'dist', 'editor.js'), 'utf8'));
  });

  // Expand also loads sharp inside the worker, from node_modules.
  it.each([
    ['fill', { mask: true, params: {} }],
    ['expand', { mask: false, params: { top: 16, left: 8 } }],
  ] as const)('runs a local %s in the prebuilt worker', async (model, { mask, params }) => {
    const auth = { authorization: `Bearer ${TOKEN}` };
    const res = await fetch(`${sidecar.url}/v1/jobs`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        model,
        image: (await testImage(96, 64)).toString('base64'),
        ...(mask ? { mask: (await testMask(96, 64)).toString('base64') } : {}),
        params,
        provider: 'local',
      }),
    });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    expect(await lastJobEvent(await fetch(`${sidecar.url}/v1/jobs/${id}/events`, { headers: auth }))).toMatchObject({
      state: 'done',
    });
  });

  it('bin/flux-inpaint.js runs it and passes its arguments on', async () => {
    const output = await new Promise<string>((resolve) => {
      const child = spawn(process.execPath, [join(ROOT, 'bin', 'flux-inpaint.js'), '--help'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.on('exit', () => resolve(out));
    });
    expect(output).toContain('FLUX_INPAINT_DATA_DIR');
  });
});
