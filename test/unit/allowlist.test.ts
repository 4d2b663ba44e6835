import { describe, expect, it } from 'vitest';
import { isAllowedHost } from '../../src/net/allowlist.js';
import { assertPollingUrlTrusted } from '../../src/providers/bfl/client.js';

const defaults = ['https://*.bfl.ai', 'https://bfldeliverysc.blob.core.windows.net'];

describe('result host allowlist', () => {
  it.each([
    ['https://delivery-eu1.bfl.ai/results/x.jpg', true],
    ['https://bfldeliverysc.blob.core.windows.net/results/x.jpg?sig=1', true],
    ['http://delivery-eu1.bfl.ai/x.jpg', false],
    ['https://bfl.ai.evil.com/x.jpg', false],
    ['https://evilbfl.ai/x.jpg', false],
    ['https://delivery.bfl.ai:8443/x.jpg', false],
    ['https://user:pw@delivery.bfl.ai/x.jpg', false],
    ['not a url', false],
  ])('%s -> %s', (url, ok) => {
    expect(isAllowedHost(url, defaults)).toBe(ok);
  });

  it('an explicit port allows exactly that port', () => {
    expect(isAllowedHost('http://127.0.0.1:8788/r.png', ['http://127.0.0.1:8788'])).toBe(true);
    expect(isAllowedHost('http://127.0.0.1:9999/r.png', ['http://127.0.0.1:8788'])).toBe(false);
  });
});

describe('polling URL trust', () => {
  it('accepts the same origin and regional hosts of the same domain', () => {
    expect(() =>
      assertPollingUrlTrusted('https://api.bfl.ai/v1/get_result?id=1', 'https://api.bfl.ai/v1'),
    ).not.toThrow();
    expect(() =>
      assertPollingUrlTrusted('https://api.eu.bfl.ai/v1/get_result?id=1', 'https://api.bfl.ai/v1'),
    ).not.toThrow();
    expect(() =>
      assertPollingUrlTrusted('http://127.0.0.1:1/v1/get_result?id=1', 'http://127.0.0.1:1/v1'),
    ).not.toThrow();
    // A plain-http API (a local stand-in) may hand out regional hosts of its own domain over http too.
    expect(() =>
      assertPollingUrlTrusted('http://api.us1.bfl.local:9/v1/get_result?id=1', 'http://api.bfl.local:9/v1'),
    ).not.toThrow();
  });

  it('refuses to send the key anywhere else', () => {
    expect(() => assertPollingUrlTrusted('https://evil.example/v1/get_result', 'https://api.bfl.ai/v1')).toThrow(
      /refusing to send the API key/,
    );
    expect(() => assertPollingUrlTrusted('http://api.eu.bfl.ai/v1/get_result', 'https://api.bfl.ai/v1')).toThrow();
    expect(() => assertPollingUrlTrusted('http://127.0.0.1:2/v1/get_result', 'http://127.0.0.1:1/v1')).toThrow();
    expect(() => assertPollingUrlTrusted('http://10.0.0.1/v1/get_result', 'http://10.0.0.2/v1')).toThrow();
    expect(() => assertPollingUrlTrusted('not a url', 'https://api.bfl.ai/v1')).toThrow(/not a URL/);
  });
});
