import type { LookupAddress } from 'node:dns';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, MockAgent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchExternalImage } from '../../src/net/external.js';
import { guardedDispatcher, guardedLookup, isPrivateAddress } from '../../src/net/ssrf.js';
import { testImage } from '../support/images.js';

/**
 * The SSRF guard must refuse every private address in every spelling, and must let every public one through:
 * refusing all of IPv4 (what one `::ffff:0:0/96` rule did) is as much a bug as letting 127.0.0.1 in.
 */
const PUBLIC = [
  // IPv4, including the neighbours of private ranges
  '8.8.8.8',
  '1.1.1.1',
  '93.184.216.34',
  '11.0.0.1',
  '100.63.255.255',
  '100.128.0.0',
  '172.15.255.255',
  '172.32.0.0',
  '192.167.255.255',
  '223.255.255.255',
  // IPv4-mapped IPv6, dotted and hex, compressed and full
  '::ffff:8.8.8.8',
  '::ffff:808:808',
  '0:0:0:0:0:ffff:0808:0808',
  '::FFFF:1.1.1.1',
  '[::ffff:93.184.216.34]',
  // NAT64, 6to4, Teredo leading to public IPv4
  '64:ff9b::8.8.8.8',
  '64:ff9b::808:808',
  '2002:808:808::1',
  '2001:0:4136:e378:8000:63bf:f7f7:f7f7',
  // native IPv6
  '2606:4700:4700::1111',
  '2001:4860:4860::8888',
  '2a00:1450:4001:80b::200e',
];

const PRIVATE = [
  // IPv4
  '127.0.0.1',
  '127.255.255.254',
  '10.0.0.1',
  '172.16.0.1',
  '172.31.255.255',
  '192.168.1.1',
  '169.254.169.254',
  '100.64.0.1',
  '100.127.255.255',
  '0.0.0.0',
  '192.0.2.10',
  '198.18.0.1',
  '224.0.0.1',
  '239.255.255.250',
  '255.255.255.255',
  // IPv4-mapped and translated
  '::ffff:127.0.0.1',
  '::ffff:7f00:1',
  '0:0:0:0:0:ffff:a9fe:a9fe',
  '::ffff:10.0.0.1',
  '::ffff:0:0',
  '::ffff:0:192.168.0.1',
  // NAT64, 6to4, Teredo leading to private IPv4
  '64:ff9b::127.0.0.1',
  '64:ff9b::a9fe:a9fe',
  '64:ff9b:1::a00:1',
  '2002:7f00:1::1',
  '2002:c0a8:101::',
  '2002:a9fe:a9fe::1',
  '2001:0:4136:e378:8000:63bf:80ff:fffe', // Teredo client 127.0.0.1 (stored inverted)
  '2001:0:0a00:0001:8000:63bf:f7f7:f7f7', // Teredo server 10.0.0.1
  // IPv6
  '::',
  '::1',
  '[::1]',
  '::127.0.0.1',
  'fe80::1',
  'fe80::1%eth0',
  'fc00::1',
  'fd12:3456:789a::1',
  'fec0::1',
  'ff02::1',
  'ff05::1:3',
  '2001:db8::1',
  '100::1',
  // not an address at all: fail closed
  'localhost',
  '',
  '1.2.3',
];

describe('isPrivateAddress', () => {
  it.each(PUBLIC)('lets public %s through', (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });

  it.each(PRIVATE)('refuses private %s', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });
});

describe('connect-time DNS lookup hook', () => {
  const resolveTo =
    (...addresses: string[]) =>
    (_host: string, cb: (err: NodeJS.ErrnoException | null, list: LookupAddress[]) => void) =>
      cb(
        null,
        addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
      );

  function lookup(addresses: string[], options: { all?: boolean; family?: number } = {}) {
    return new Promise<{ err: (Error & { code?: string }) | null; address: unknown; family: unknown }>((resolve) =>
      guardedLookup(resolveTo(...addresses))('img.example', options as never, (err, address, family) =>
        resolve({ err: err as never, address, family }),
      ),
    );
  }

  it('passes public IPv4 and IPv6 answers on to the connection', async () => {
    expect(await lookup(['8.8.8.8'])).toEqual({ err: null, address: '8.8.8.8', family: 4 });
    expect(await lookup(['2606:4700:4700::1111'])).toEqual({ err: null, address: '2606:4700:4700::1111', family: 6 });
    expect(await lookup(['::ffff:8.8.8.8'])).toEqual({ err: null, address: '::ffff:8.8.8.8', family: 6 });
    const all = await lookup(['8.8.8.8', '2001:4860:4860::8888'], { all: true });
    expect(all.err).toBeNull();
    expect(all.address).toEqual([
      { address: '8.8.8.8', family: 4 },
      { address: '2001:4860:4860::8888', family: 6 },
    ]);
  });

  it('honours the asked family', async () => {
    expect(await lookup(['8.8.8.8', '2001:4860:4860::8888'], { family: 6 })).toEqual({
      err: null,
      address: '2001:4860:4860::8888',
      family: 6,
    });
    expect((await lookup(['8.8.8.8'], { family: 6 })).err?.code).toBe('ENOTFOUND');
  });

  it.each([
    ['127.0.0.1'],
    ['::ffff:169.254.169.254'],
    ['8.8.8.8', '10.0.0.1'],
    ['2606:4700:4700::1111', 'fd00::1'],
    ['64:ff9b::7f00:1'],
  ])('refuses a name when any answer is private: %s', async (...addresses) => {
    const { err } = await lookup(addresses, { all: true });
    expect(err?.code).toBe('EPRIVATE');
    expect(err?.message).toContain('img.example resolves to a private address');
  });

  it('passes DNS errors on', async () => {
    const failing = (_h: string, cb: (err: NodeJS.ErrnoException | null, list: LookupAddress[]) => void) =>
      cb(Object.assign(new Error('getaddrinfo ENOTFOUND nowhere.invalid'), { code: 'ENOTFOUND' }), []);
    const err = await new Promise<Error | null>((resolve) =>
      guardedLookup(failing)('nowhere.invalid', {}, (e) => resolve(e)),
    );
    expect((err as NodeJS.ErrnoException).code).toBe('ENOTFOUND');
  });
});

describe('image links with addresses in the URL', () => {
  let png: Buffer;
  let mock: MockAgent;
  const plain = new Agent();

  beforeAll(async () => {
    png = await testImage(8, 8);
    mock = new MockAgent();
    mock.disableNetConnect();
    for (const origin of [
      'http://8.8.8.8',
      'http://[2606:4700:4700::1111]',
      'http://[::ffff:808:808]',
      'http://[64:ff9b::808:808]',
    ]) {
      mock
        .get(origin)
        .intercept({ path: '/x.png' })
        .reply(200, png, { headers: { 'content-type': 'image/png' } })
        .persist();
    }
    mock
      .get('http://8.8.8.8')
      .intercept({ path: '/to-metadata' })
      .reply(302, '', { headers: { location: 'http://2852039166/latest/' } })
      .persist();
    mock
      .get('http://8.8.8.8')
      .intercept({ path: '/bad-redirect' })
      .reply(302, '', { headers: { location: 'http://exa mple.com/' } })
      .persist();
    mock
      .get('http://8.8.8.8')
      .intercept({ path: '/to-mapped' })
      .reply(302, '', { headers: { location: 'http://[::ffff:a9fe:a9fe]/' } })
      .persist();
  });

  afterAll(async () => {
    await Promise.all([mock.close(), plain.close()]);
  });

  const load = (url: string) =>
    fetchExternalImage(url, { guarded: mock, plain, allow: [], maxBytes: 1_000_000, timeoutMs: 5_000 });

  it.each([
    'http://8.8.8.8/x.png',
    'http://134744072/x.png', // 8.8.8.8 as one decimal number
    'http://0x08080808/x.png',
    'http://010.010.010.010/x.png', // octal parts
    'http://8.0x8.2056/x.png',
    'http://[2606:4700:4700::1111]/x.png',
    'http://[::ffff:8.8.8.8]/x.png',
    'http://[0:0:0:0:0:ffff:808:808]/x.png',
    'http://[64:ff9b::8.8.8.8]/x.png',
  ])('loads public %s', async (url) => {
    const image = await load(url);
    expect(image.mime).toBe('image/png');
    expect(image.bytes.equals(png)).toBe(true);
  });

  it.each([
    'http://2130706433/x.png', // 127.0.0.1 as one decimal number
    'http://0x7f000001/x.png',
    'http://017700000001/x.png',
    'http://0x7f.1/x.png',
    'http://127.1/x.png',
    'http://0/x.png',
    'http://2852039166/latest/', // 169.254.169.254
    'http://0251.0376.0251.0376/latest/',
    'http://0xa9.0xfe.0xa9.0xfe/latest/',
    'http://100.64.0.1/x.png',
    'http://[::ffff:127.0.0.1]/x.png',
    'http://[::ffff:7f00:1]/x.png',
    'http://[64:ff9b::a9fe:a9fe]/x.png',
    'http://[2002:a9fe:a9fe::]/x.png',
    'http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/x.png',
    'http://[::]/x.png',
    'http://[::1]/x.png',
    'http://[fe80::1]/x.png',
    'http://[fd00::1]/x.png',
    'http://[ff02::1]/x.png',
    'http://224.0.0.1/x.png',
  ])('refuses private %s before connecting', async (url) => {
    await expect(load(url)).rejects.toMatchObject({
      code: 'image_url_refused',
      message: expect.stringContaining('private network'),
    });
  });

  it('refuses links that are not valid URLs, in the chat or in a redirect', async () => {
    await expect(load('http://[::1/x.png')).rejects.toMatchObject({
      code: 'image_url_refused',
      message: 'The chat links to "http://[::1/x.png", which is not a valid link.',
    });
    await expect(load('http://8.8.8.8/bad-redirect')).rejects.toMatchObject({
      code: 'image_url_refused',
      message: '8.8.8.8 redirects to "http://exa mple.com/", which is not a valid link.',
    });
  });

  it('checks every redirect again, whatever the spelling', async () => {
    await expect(load('http://8.8.8.8/to-metadata')).rejects.toMatchObject({ code: 'image_url_refused' });
    await expect(load('http://8.8.8.8/to-mapped')).rejects.toMatchObject({ code: 'image_url_refused' });
  });
});

describe('host names that resolve to private addresses, over a real connection', () => {
  let server: Server;
  let port: number;

  beforeAll(async () => {
    const png = await testImage(8, 8);
    server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(png));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it.each(['127.0.0.1', '::ffff:127.0.0.1'])('a name resolving to %s is refused at connect time', async (address) => {
    const resolve = (_h: string, cb: (err: NodeJS.ErrnoException | null, list: LookupAddress[]) => void) =>
      cb(null, [{ address, family: address.includes(':') ? 6 : 4 }]);
    const guarded = guardedDispatcher(resolve);
    const plain = new Agent();
    try {
      const attempt = fetchExternalImage(`http://images.example:${port}/x.png`, {
        guarded,
        plain,
        allow: [],
        maxBytes: 1_000_000,
      });
      await expect(attempt).rejects.toMatchObject({ code: 'image_url_refused' });
    } finally {
      await Promise.all([guarded.close(), plain.close()]);
    }
  });
});
