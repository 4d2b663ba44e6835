import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCli } from '../../src/cli.js';
import { ConfigError, ENV_NAMES, loadConfig } from '../../src/config.js';

describe('config', () => {
  it('has sane defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      host: '127.0.0.1',
      port: 8787,
      dataDir: './data',
      provider: 'auto',
      flux: { apiUrl: 'https://api.bfl.ai/v1', apiKey: undefined },
      polling: { intervalMs: 2000, maxAttempts: 60 },
      retryBaseMs: 500,
    });
    expect(c.limits.maxActiveTasks).toBeLessThan(24);
  });

  it.each([
    [{ FLUX_INPAINT_PORT: 'eighty' }, /^Invalid FLUX_INPAINT_PORT="eighty": /],
    [{ FLUX_INPAINT_PORT: '70000' }, /^Invalid FLUX_INPAINT_PORT/],
    [{ FLUX_API_URL: 'ftp://x' }, /^Invalid FLUX_API_URL/],
    [{ LOG_LEVEL: 'loud' }, /^Invalid LOG_LEVEL/],
    [{ FLUX_INPAINT_TOKEN: 'short' }, /^Invalid FLUX_INPAINT_TOKEN=\(hidden\): must be at least 16 characters/],
    [{ FLUX_INPAINT_MAX_ACTIVE_TASKS: '30' }, /^Invalid FLUX_INPAINT_MAX_ACTIVE_TASKS/],
    [{ FLUX_INPAINT_RETRY_BASE_S: '0' }, /^Invalid FLUX_INPAINT_RETRY_BASE_S="0": must be more than 0 seconds/],
    [{ FLUX_INPAINT_RETRY_BASE_S: '20' }, /^Invalid FLUX_INPAINT_RETRY_BASE_S/],
    [{ FLUX_INPAINT_RESULT_HOSTS: 'delivery.bfl.ai' }, /^Invalid FLUX_INPAINT_RESULT_HOSTS/],
    [{ FLUX_INPAINT_HOST: '0.0.0.0' }, /needs FLUX_INPAINT_TOKEN set explicitly/],
  ])('%j stops the start with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
    try {
      loadConfig(env);
    } catch (err) {
      expect((err as Error).message).not.toContain('\n');
    }
  });

  it('never echoes a secret in the error', () => {
    expect(() => loadConfig({ FLUX_INPAINT_TOKEN: 'abc123' })).toThrow(/\(hidden\)/);
    expect(() => loadConfig({ FLUX_INPAINT_TOKEN: 'abc123' })).not.toThrow(/abc123/);
  });

  it('listening on all interfaces works with an explicit token', () => {
    expect(loadConfig({ FLUX_INPAINT_HOST: '0.0.0.0', FLUX_INPAINT_TOKEN: 'x'.repeat(32) }).host).toBe('0.0.0.0');
  });

  it('parses lists and trims the API URL', () => {
    const c = loadConfig({
      FLUX_INPAINT_RESULT_HOSTS: 'http://127.0.0.1:9, https://*.example.com',
      FLUX_API_URL: 'https://api.eu.bfl.ai/v1/',
    });
    expect(c.resultHosts).toEqual(['http://127.0.0.1:9', 'https://*.example.com']);
    expect(c.flux.apiUrl).toBe('https://api.eu.bfl.ai/v1');
  });

  it('command-line options become the same variables', () => {
    const { env, help } = parseCli(['--port', '9000', '--data-dir', '/tmp/x', '--provider', 'local'], {});
    expect(help).toBe(false);
    expect(loadConfig(env)).toMatchObject({ port: 9000, dataDir: '/tmp/x', provider: 'local' });
    expect(parseCli(['-h'], {}).help).toBe(true);
    expect(() => parseCli(['--nope'], {})).toThrow();
  });

  it("README's Settings table lists exactly the variables the config accepts", () => {
    const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    const section = readme.split('### Settings')[1]!.split('\n### ')[0]!;
    const documented = [...section.matchAll(/^\| `(\w+)`/gm)].map((m) => m[1]!);
    expect(documented.toSorted()).toEqual([...ENV_NAMES].toSorted());
  });
});
