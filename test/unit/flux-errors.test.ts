import { describe, expect, it } from 'vitest';
import { localizeError } from '../../src/errors.js';
import { translator } from '../../src/i18n/t.js';
import {
  describeDetail,
  fluxHttpError,
  fluxTaskError,
  outcomeUnknownMessage,
  parseRetryAfter,
} from '../../src/providers/bfl/errors.js';

const ctx = { model: 'canny', url: 'https://api.bfl.ai/v1/flux-pro-1.0-canny', phase: 'submit' as const };

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

  it("422 names every refused field, in the reader's language around FLUX's own reason", () => {
    const err = fluxHttpError(
      422,
      {
        detail: [
          { loc: ['body', 'steps'], msg: 'Input should be less than or equal to 50', type: 'less_than_equal' },
          { loc: ['body', 'image'], msg: 'Field required', type: 'missing' },
        ],
      },
      ctx,
    );
    expect(err.message).toBe(
      'FLUX refused "steps" (Input should be less than or equal to 50), "image" (Field required) (422): change it and send again.',
    );
    expect(localizeError(err, translator('de'))).toBe(
      'FLUX hat "steps" (Input should be less than or equal to 50), "image" (Field required) abgelehnt (422): Ändern Sie den Wert und senden Sie erneut.',
    );
    // A detail without fields is FLUX's sentence as it came.
    expect(fluxHttpError(422, { detail: 'Bad shape' }, ctx).message).toBe(
      'FLUX rejected the parameters (422): Bad shape.',
    );
  });

  it('429 is transient and carries Retry-After', () => {
    const err = fluxHttpError(429, { detail: 'too many' }, { ...ctx, retryAfterHeader: '7' });
    expect(err).toMatchObject({ code: 'flux_rate_limited', transient: true, retryAfter: 7 });
    expect(err.message).toContain('trying again in about 7 s');
  });

  it('Retry-After accepts seconds and HTTP dates, is floored at 1 s, and keeps long waits (the budget decides)', () => {
    expect(parseRetryAfter('3', 5)).toBe(3);
    expect(parseRetryAfter(undefined, 5)).toBe(5);
    expect(parseRetryAfter('0', 5)).toBe(1);
    expect(parseRetryAfter('0.01', 5)).toBe(1);
    expect(parseRetryAfter('-4', 5)).toBe(1);
    expect(parseRetryAfter('99999', 5)).toBe(86_400);
    const inTen = new Date(Date.now() + 10_000).toUTCString();
    expect(parseRetryAfter(inTen, 5)).toBeGreaterThan(8);
    expect(parseRetryAfter(new Date(Date.now() - 60_000).toUTCString(), 5)).toBe(1);
    expect(parseRetryAfter('soon', 5)).toBe(5);
  });

  it.each([502, 504])('%i at submit: the outcome is unknown, never retried', (status) => {
    const err = fluxHttpError(status, {}, ctx);
    expect(err).toMatchObject({ code: 'submit_outcome_unknown', transient: false });
  });

  it('404 while polling means an expired task or the wrong region, not a retired model', () => {
    const err = fluxHttpError(
      404,
      { detail: 'Not Found' },
      { url: 'https://api.us1.bfl.ai/v1/get_result?id=x', phase: 'poll' },
    );
    expect(err.code).toBe('flux_task_not_found');
    expect(err.message).toContain('expired');
    expect(err.message).toContain('wrong region');
  });

  it('the unknown-outcome message names the job and where to check', () => {
    const text = outcomeUnknownMessage('FLUX answered the job with HTTP 502.', {
      id: 'job123',
      label: 'FLUX.1 Fill [pro]',
      prompt: 'a red boat',
      createdAt: '2026-01-01T00:00:00.000Z',
      apiUrl: 'https://api.bfl.ai/v1',
    });
    expect(text).toContain('may have accepted this job and charged for it');
    expect(text).toContain('Job job123: FLUX.1 Fill [pro], "a red boat"');
    expect(text).toContain('https://dashboard.bfl.ai/');
  });

  it('describeDetail handles strings and missing detail', () => {
    expect(describeDetail({ detail: 'Not Found' })).toBe('Not Found');
    expect(describeDetail('nope')).toBeUndefined();
  });
});

describe('FLUX task statuses', () => {
  it.each([
    ['Request Moderated', 'flux_request_moderated', 'reasons given: Derivative Works'],
    ['Content Moderated', 'flux_content_moderated', 'reasons given: Derivative Works'],
    ['Task not found', 'flux_task_not_found', 'wrong region'],
    ['Error', 'flux_task_error', 'FLUX failed to generate the image (Error)'],
  ])('%s -> %s', (status, code, text) => {
    const err = fluxTaskError(status, { 'Moderation Reasons': ['Derivative Works'] });
    expect(err.code).toBe(code);
    expect(err.message).toContain(text);
    expect(err.message).not.toContain('not charged');
  });
});
