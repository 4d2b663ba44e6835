import { describe, expect, it } from 'vitest';
import { describeDetail, fluxHttpError, fluxTaskError, parseRetryAfter } from '../../src/flux/errors.js';

const ctx = { model: 'canny', url: 'https://api.bfl.ai/v1/flux-pro-1.0-canny' };

describe('FLUX HTTP errors', () => {
  it.each([
    [400, 'flux_bad_request', 'FLUX rejected the request (400)'],
    [401, 'flux_forbidden', 'check FLUX_API_KEY'],
    [402, 'flux_out_of_credits', 'FLUX account is out of credits (402): top up at https://dashboard.bfl.ai/'],
    [403, 'flux_forbidden', 'FLUX refused the API key (403)'],
    [404, 'flux_model_unavailable', 'FLUX has no "canny" endpoint'],
    [422, 'flux_validation', 'FLUX rejected the parameters (422)'],
    [500, 'flux_server_error', 'FLUX had a server error (500)'],
    [503, 'flux_server_error', 'FLUX had a server error (503)'],
  ])('%i -> %s', (status, code, text) => {
    const err = fluxHttpError(status, {}, ctx);
    expect(err.code).toBe(code);
    expect(err.message).toContain(text);
    expect(err.transient).toBe(status >= 500);
  });

  it('422 lists every field of the detail', () => {
    const err = fluxHttpError(
      422,
      { detail: [{ loc: ['body', 'steps'], msg: 'Input should be less than or equal to 50', type: 'less_than_equal' }, { loc: ['body', 'image'], msg: 'Field required', type: 'missing' }] },
      ctx,
    );
    expect(err.message).toBe('FLUX rejected the parameters (422): steps: Input should be less than or equal to 50; image: Field required.');
  });

  it('429 is transient and carries Retry-After', () => {
    const err = fluxHttpError(429, { detail: 'too many' }, { ...ctx, retryAfterHeader: '7' });
    expect(err).toMatchObject({ code: 'flux_rate_limited', transient: true, retryAfter: 7 });
    expect(err.message).toContain('waiting 7 s');
  });

  it('Retry-After accepts seconds and HTTP dates, caps absurd values', () => {
    expect(parseRetryAfter('3', 5)).toBe(3);
    expect(parseRetryAfter(undefined, 5)).toBe(5);
    expect(parseRetryAfter('99999', 5)).toBe(300);
    const inTen = new Date(Date.now() + 10_000).toUTCString();
    expect(parseRetryAfter(inTen, 5)).toBeGreaterThan(8);
    expect(parseRetryAfter('soon', 5)).toBe(5);
  });

  it('describeDetail handles strings and missing detail', () => {
    expect(describeDetail({ detail: 'Not Found' })).toBe('Not Found');
    expect(describeDetail('nope')).toBeUndefined();
  });
});

describe('FLUX task statuses', () => {
  it.each([
    ['Request Moderated', 'flux_request_moderated', 'you were not charged'],
    ['Content Moderated', 'flux_content_moderated', 'you were not charged'],
    ['Task not found', 'flux_task_not_found', 'Send the edit again'],
    ['Error', 'flux_task_error', 'FLUX failed to generate the image (Error)'],
  ])('%s -> %s', (status, code, text) => {
    const err = fluxTaskError(status, undefined);
    expect(err.code).toBe(code);
    expect(err.message).toContain(text);
  });
});
