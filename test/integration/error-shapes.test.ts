import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorMessage } from '../../src/i18n/errors/index.js';
import type { WireError } from '../../src/wire/errors.js';
import { openSession } from '../support/fake-owui.js';
import { startTestSidecar, TEST_TOKEN, type TestSidecar } from '../support/sidecar.js';

/**
 * Every failure of every route answers `{error: {code, message, key, params}}` as JSON, with the status that fits;
 * key and params name the catalogue message, so a reader can say it in their language.
 */
let sidecar: TestSidecar;

beforeAll(async () => {
  sidecar = await startTestSidecar({ FLUX_INPAINT_PROVIDER: 'local', FLUX_INPAINT_MAX_IMAGE_MB: '1' });
});

afterAll(async () => {
  await sidecar?.close();
});

async function expectError(res: Response, status: number, code: string): Promise<string> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const body = JSON.parse(text) as { error: WireError };
  expect(Object.keys(body)).toEqual(['error']);
  expect(['code', 'message', 'key', 'params']).toEqual(expect.arrayContaining(Object.keys(body.error)));
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(10);
  if (body.error.key !== undefined) {
    // The key and its values say the same message: in English exactly the message, in another language its own.
    expect(body.error.key.split('.')[0]).toBe(code);
    expect(errorMessage('en', body.error)).toBe(body.error.message);
    expect(errorMessage('de', body.error)).not.toBe(body.error.message);
  }
  return body.error.message;
}

const json = (body: string, extra: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...extra },
  body,
});

describe('every failure in one shape', () => {
  it('404 for an unknown route', async () => {
    expect(await expectError(await sidecar.api('/v2/nothing?x=1'), 404, 'not_found')).toBe('No route GET /v2/nothing.');
  });

  it.each([
    ['PUT', '/v1/jobs', 'GET, HEAD, POST'],
    ['POST', '/v1/jobs/abc123', 'DELETE, GET, HEAD'],
    ['DELETE', '/healthz', 'GET, HEAD'],
    ['GET', '/v1/sessions', 'POST'],
  ])('405 for %s %s, with the methods it has', async (method, path, allow) => {
    const res = await sidecar.api(path, { method });
    expect(res.headers.get('allow')).toBe(allow);
    expect(await expectError(res, 405, 'method_not_allowed')).toBe(
      `${path} does not accept ${method}; it accepts ${allow}.`,
    );
  });

  it('401 without the token', async () => {
    await expectError(await fetch(`${sidecar.url}/v1/jobs`), 401, 'unauthorized');
  });

  it('413 for a body over the limit', async () => {
    await expectError(
      await sidecar.api('/v1/jobs', json(JSON.stringify({ model: 'fill', image: 'A'.repeat(4 * 1024 * 1024) }))),
      413,
      'request_too_large',
    );
  });

  it('415 for a body type the API does not read', async () => {
    await expectError(
      await sidecar.api('/v1/jobs', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' }),
      415,
      'unsupported_media_type',
    );
  });

  it('400 for malformed JSON', async () => {
    expect(await expectError(await sidecar.api('/v1/jobs', json('{"model": "fill",')), 400, 'invalid_json')).toMatch(
      /^The body is not valid JSON/,
    );
  });

  it('400 for an empty JSON body, a bad query and a bad id, each naming the field and the rule', async () => {
    await expectError(await sidecar.api('/v1/jobs', json('')), 400, 'invalid_request');
    const query = await (await sidecar.api('/v1/jobs?limit=many')).json();
    expect(query.error).toMatchObject({
      code: 'invalid_request',
      key: 'invalid_request.type',
      message: 'limit: expected number.',
    });
    expect(errorMessage('de', query.error)).toBe('limit: number erwartet.');
    const id = await (await sidecar.api('/v1/jobs/not%20an%20id')).json();
    expect(id.error).toMatchObject({ key: 'invalid_request.job_id', message: 'id: not a job id.' });
    expect(errorMessage('fr', id.error)).toBe("id : ce n'est pas un identifiant de tâche.");
    await expectError(await sidecar.api('/v1/jobs/not%20an%20id'), 400, 'invalid_request');
  });

  it("standalone, the editor's init brings the error messages in the browser's language, none for English", async () => {
    const de = await (await sidecar.api('/v1/editor/init?locale=de-DE')).json();
    expect(de.errors.locale).toBe('de');
    expect(errorMessage('de', { message: '', key: 'image_empty' })).toBe(de.errors.messages.image_empty);
    expect((await (await sidecar.api('/v1/editor/init?locale=en-GB')).json()).errors).toBeUndefined();
    expect((await (await sidecar.api('/v1/editor/init')).json()).errors).toBeUndefined();
  });

  it('404 for an unknown job', async () => {
    await expectError(await sidecar.api('/v1/jobs/abcdefghijklmnop'), 404, 'job_not_found');
  });
});

describe('rate limit per user and route', () => {
  let limited: TestSidecar;
  beforeAll(async () => {
    limited = await startTestSidecar({ FLUX_INPAINT_PROVIDER: 'local', FLUX_INPAINT_RATE_LIMIT: '3' });
  });
  afterAll(async () => {
    await limited?.close();
  });

  it('a query string does not open a new bucket; 429 comes with Retry-After', async () => {
    const post = (query: string) => limited.api(`/v1/jobs${query}`, json('{"model":"fill"}'));
    for (const query of ['', '?x=1', '?x=2']) expect((await post(query)).status).toBe(400);
    const res = await post('?x=3&fresh=bucket');
    const message = await expectError(res, 429, 'rate_limited');
    expect(message).toMatch(
      /^Too many new jobs: at most 3 a minute \(FLUX_INPAINT_RATE_LIMIT\)\. Try again in \d+ s\.$/,
    );
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    // Reading is never limited, and the other limited route has a budget of its own.
    expect((await limited.api('/v1/jobs?limit=1')).status).toBe(200);
    // Signed openings with a malformed body: they count, and are refused with 400.
    const open = async (user: string, query = '') =>
      (await openSession(limited.url, TEST_TOKEN, { protocol: 3, user: { id: user } }, query)).res;
    for (const query of ['', '?a', '?b']) expect((await open('alice', query)).status).toBe(400);
    await expectError(await open('alice', '?c'), 429, 'rate_limited');
    // Another Open WebUI user is not held up by Alice.
    expect((await open('bob')).status).toBe(400);
  });
});
