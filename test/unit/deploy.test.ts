import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ENV_NAMES, loadConfig } from '../../src/config.js';

const read = (path: string) => readFile(new URL(`../../${path}`, import.meta.url), 'utf8');
const known = new Set<string>([...ENV_NAMES, 'NODE_ENV']);

describe('deployment recipes', () => {
  it('the compose file parses and its sidecar uses only variables the sidecar accepts, with a token', async () => {
    const compose = parse(await read('deploy/docker-compose.yml')) as {
      services: Record<string, { environment?: Record<string, string>; ports?: string[]; networks?: string[] }>;
    };
    const sidecar = compose.services['flux-inpaint']!;
    const env = sidecar.environment!;
    expect(Object.keys(env).filter((name) => !known.has(name))).toEqual([]);
    expect(env.FLUX_INPAINT_TOKEN).toMatch(/^\$\{FLUX_INPAINT_TOKEN:\?/);
    // Reachable only on the private network shared with Open WebUI.
    expect(sidecar.ports).toBeUndefined();
    expect(sidecar.networks).toEqual(compose.services['open-webui']!.networks);
    // The values, with the token filled in, pass the sidecar's own validation.
    const filled = Object.fromEntries(
      Object.entries(env).map(([k, v]) => [
        k,
        String(v).startsWith('${') ? (k === 'FLUX_INPAINT_TOKEN' ? 'x'.repeat(32) : '') : String(v),
      ]),
    );
    expect(() => loadConfig(filled)).not.toThrow();
  });

  it('the systemd unit names only variables the sidecar accepts and binds to loopback', async () => {
    const unit = await read('deploy/flux-inpaint.service');
    const vars = [...unit.matchAll(/^Environment=(\w+)=(.*)$/gm)].map((m) => [m[1]!, m[2]!] as const);
    expect(vars.length).toBeGreaterThan(3);
    expect(vars.filter(([name]) => !known.has(name))).toEqual([]);
    expect(Object.fromEntries(vars).FLUX_INPAINT_HOST).toBe('127.0.0.1');
    expect(() => loadConfig(Object.fromEntries(vars))).not.toThrow();
  });

  it('npm start, the Dockerfile and the systemd unit run the same build', async () => {
    const pkg = JSON.parse(await read('package.json')) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toContain('node dist/main.mjs');
    // npm ci runs `prepare`, so an install has the build before anything starts it.
    expect(pkg.scripts.prepare).toBe('npm run build');
    const dockerfile = await read('deploy/Dockerfile');
    expect(dockerfile).toContain('CMD ["node", "dist/main.mjs"]');
    // The build runs inside `npm ci`, so the sources must be in the image before it.
    expect(dockerfile.indexOf('COPY src ./src')).toBeLessThan(dockerfile.indexOf('RUN npm ci'));
    expect(await read('deploy/flux-inpaint.service')).toMatch(/^ExecStart=\/usr\/bin\/node dist\/main\.mjs$/m);
  });
});
