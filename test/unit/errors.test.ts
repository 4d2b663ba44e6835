import { readdir, readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { OpChannel } from '../../src/owui/channel.js';
import { AppError, ERRORS, type ErrorCode, isExpected, localizeError, toAppError } from '../../src/errors.js';
import { errorsEn } from '../../src/i18n/errors/en.js';
import { ERROR_CATALOGUES, type ErrorKey } from '../../src/i18n/errors/index.js';
import { translator } from '../../src/i18n/t.js';
import { WIRE } from '../support/wire.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const codes = Object.keys(ERRORS) as ErrorCode[];

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(join(ROOT, dir), { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.ts')).map((e) => join(e.parentPath, e.name));
}

/**
 * Every literal code handed to AppError or appError (a `code.variant` key counts as its code) or written as an
 * error body, one-line and multi-line calls alike.
 */
async function raisedCodes(): Promise<Array<{ code: string; file: string }>> {
  const found: Array<{ code: string; file: string }> = [];
  for (const file of await sourceFiles('src')) {
    const text = await readFile(file, 'utf8');
    for (const m of text.matchAll(/(?:new AppError|errorBody|appError)\(\s*['`]([a-z_]+)/g)) {
      found.push({ code: m[1]!, file });
    }
  }
  return found;
}

async function troubleshooting(): Promise<string> {
  const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
  const section = /^## Troubleshooting\n([\s\S]*?)(?=^## )/m.exec(readme);
  if (!section) throw new Error('README.md has no Troubleshooting section');
  return section[1]!;
}

describe('the error catalogue', () => {
  it('holds every code raised in src', async () => {
    const raised = await raisedCodes();
    // The scan itself must keep finding the call sites, or this test would pass on nothing.
    expect(raised.length).toBeGreaterThan(80);
    expect(
      raised.filter(({ code }) => !Object.hasOwn(ERRORS, code)).map(({ code, file }) => `${code} (${file})`),
    ).toEqual([]);
  });

  it('has no code that nothing in src raises', async () => {
    const sources = await Promise.all(
      (await sourceFiles('src')).filter((f) => !f.endsWith('/src/errors.ts')).map((f) => readFile(f, 'utf8')),
    );
    const all = sources.join('\n');
    const named = (code: string) => [`'${code}'`, `'${code}.`, `\`${code}.`].some((s) => all.includes(s));
    expect(codes.filter((code) => !named(code))).toEqual([]);
  });

  it('is documented: README Troubleshooting names every code in backticks, in its table', async () => {
    const rows = (await troubleshooting()).split('\n').filter((line) => line.startsWith('|'));
    const documented = new Set(rows.flatMap((row) => [...row.matchAll(/`([a-z_]+)`/g)].map((m) => m[1]!)));
    expect(codes.filter((code) => !documented.has(code))).toEqual([]);
  });

  it('gives every code a 4xx/5xx status and a one-sentence hint', () => {
    for (const code of codes) {
      const entry = ERRORS[code];
      expect(entry.status, code).toBeGreaterThanOrEqual(400);
      expect(entry.status, code).toBeLessThan(600);
      expect(entry.hint.trim(), code).not.toBe('');
      expect(entry.hint, code).toMatch(/^[A-Z].*\.$/);
      expect(entry.hint.length, code).toBeLessThanOrEqual(130);
    }
  });

  it('marks faults of the sidecar or the machine as unexpected, and everything a client sends wrong as expected', () => {
    for (const code of codes) if (ERRORS[code].status < 500) expect(ERRORS[code].expected, code).toBe(true);
    expect(ERRORS.internal_error.expected).toBe(false);
    expect(ERRORS.disk_full.expected).toBe(false);
    expect(ERRORS.flux_server_error.expected).toBe(true);
  });
});

describe('AppError', () => {
  it('takes its status from the catalogue unless one is given', () => {
    expect(new AppError('job_not_found', 'No job.').status).toBe(404);
    expect(new AppError('flux_rate_limited', 'wait', { retryAfter: 3, transient: true })).toMatchObject({
      status: 429,
      retryAfter: 3,
      transient: true,
    });
    expect(new AppError('invalid_request', 'bad', { status: 414 }).status).toBe(414);
  });

  it('raises a code with a fixed message the same way everywhere', () => {
    const err = new AppError('flux_key_missing');
    expect(err.message).toBe(errorsEn.flux_key_missing);
    expect(err.message).toMatch(/FLUX_API_KEY/);
    expect(err.toJSON()).toEqual({ code: 'flux_key_missing', message: err.message });
    expect(new AppError('shutting_down', undefined, { transient: true })).toMatchObject({
      status: 503,
      transient: true,
    });
  });

  it('says which failures are expected', () => {
    expect(isExpected(new AppError('flux_content_moderated', 'withheld'))).toBe(true);
    expect(isExpected(new AppError('page_gone'))).toBe(true);
    expect(isExpected(new AppError('local_failed', 'worker died'))).toBe(false);
    expect(isExpected(new Error('plain'))).toBe(false);
    expect(isExpected('a string')).toBe(false);
  });

  it('wraps anything else as internal_error, keeping the cause', () => {
    const cause = new TypeError('boom');
    const err = toAppError(cause);
    expect(err).toMatchObject({ code: 'internal_error', status: 500, message: 'Unexpected error: boom', cause });
    const same = new AppError('cancelled');
    expect(toAppError(same)).toBe(same);
  });
});

describe("Open WebUI's op errors", () => {
  async function failedOp(code: string, reason?: string): Promise<AppError> {
    const res = new PassThrough();
    const lines: string[] = [];
    res.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean)));
    const channel = new OpChannel(res as unknown as ServerResponse, 's1', Buffer.alloc(32), { pingMs: 60_000 });
    const pending = channel.request({ op: 'read_image', url: '/api/v1/files/x/content' });
    await new Promise((resolve) => setImmediate(resolve));
    const { id } = JSON.parse(lines.at(-1)!) as { id: string };
    expect(channel.deliver(id, { ok: false, error: { code, reason, message: `said ${code}` } })).toBe(true);
    const err = await pending.then(
      () => undefined,
      (e: unknown) => e as AppError,
    );
    channel.end({ op: 'done', ok: true, message: '' });
    if (!err) throw new Error('the op did not fail');
    return err;
  }

  it.each([
    ['not_found', 'owui_not_found'],
    ['forbidden', 'owui_forbidden'],
    ['invalid', 'owui_invalid'],
    ['unsupported', 'owui_unsupported'],
    ['timeout', 'owui_timeout'],
    ['unknown_op', 'owui_unknown_op'],
  ])('"%s" with a reason this version does not know becomes %s, with the function\'s message', async (sent, code) => {
    expect(await failedOp(sent, 'newer')).toMatchObject({ code, status: 502, message: `said ${sent}` });
  });

  it.each(Object.entries(WIRE.opErrors))(
    '"%s" is said from the catalogue, in the reader\'s language',
    async (pair, english) => {
      const [sent, reason] = pair.split('.') as [string, string];
      const err = await failedOp(sent, reason);
      expect(err).toMatchObject({ code: `owui_${sent}`, message: english, text: { key: `owui_${pair}` } });
      expect(localizeError(err, translator('de'))).toBe(ERROR_CATALOGUES.de[`owui_${pair}` as ErrorKey]);
    },
  );

  it("a reason whose entry needs values the reply does not bring keeps the function's words", async () => {
    expect(await failedOp('failed', 'exception')).toMatchObject({ code: 'owui_failed', message: 'said failed' });
  });

  it("an error Open WebUI raised inside the function keeps its words, inside the reader's sentence", async () => {
    const err = await failedOp('failed');
    expect(err).toMatchObject({
      code: 'owui_failed',
      message: 'The FLUX Inpaint function failed inside Open WebUI (said failed).',
    });
    expect(localizeError(err, translator('fr'))).toBe(
      'La fonction FLUX Inpaint a échoué dans Open WebUI (said failed).',
    );
  });

  it('a code the protocol does not know is a failure of the op, not a new code', async () => {
    expect((await failedOp('exploded')).code).toBe('owui_failed');
    expect((await failedOp('constructor')).code).toBe('owui_failed');
  });
});
