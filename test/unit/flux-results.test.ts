import { Agent } from 'undici';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../src/errors.js';
import type { FluxClient } from '../../src/providers/bfl/client.js';
import { CreditsCache, lowBalanceWarning } from '../../src/providers/bfl/credits.js';
import { downloadResult, pickDispatcher, type ResultHostPolicy } from '../../src/providers/bfl/download.js';
import { guardedDispatcher, isPrivateAddress, resolverFrom } from '../../src/net/ssrf.js';
import { fakeFluxLookup } from '../fake-flux/hosts.js';

const guarded = new Agent();
const plain = new Agent();
afterAll(async () => {
  await guarded.close();
  await plain.close();
});

const policy = (over: Partial<ResultHostPolicy> = {}): ResultHostPolicy => ({
  strictHosts: [],
  privateOrigins: [],
  guarded,
  plain,
  ...over,
});

describe('where results may be downloaded from', () => {
  it('by default any https host, through the SSRF guard: BFL moves its delivery hosts without notice', () => {
    for (const url of [
      'https://delivery-eu1.bfl.ai/r.png',
      'https://bfldeliveryscus.blob.core.windows.net/r.png?sig=1',
      'https://bfldeliveryprod3.blob.core.windows.net/r.jpg',
      'https://somewhere-new.example/r.webp',
    ]) {
      expect(pickDispatcher(url, policy())).toBe(guarded);
    }
  });

  it.each([
    ['http://delivery-eu1.bfl.ai/r.png', 'it is not https'],
    ['https://user:pw@delivery.bfl.ai/r.png', 'credentials'],
    ['not a url', 'not a URL'],
  ])('refuses %s', (url, why) => {
    expect(() => pickDispatcher(url, policy())).toThrow(
      expect.objectContaining({ code: 'result_host_refused', message: expect.stringContaining(why) }),
    );
  });

  it('FLUX_INPAINT_RESULT_HOSTS, when set, is a strict list of hosts trusted as named', () => {
    const strict = policy({ strictHosts: ['https://*.bfl.ai', 'http://127.0.0.1:8788'] });
    expect(pickDispatcher('https://delivery-us1.bfl.ai/r.png', strict)).toBe(plain);
    expect(pickDispatcher('http://127.0.0.1:8788/r.png', strict)).toBe(plain);
    expect(() => pickDispatcher('https://bfldeliveryscus.blob.core.windows.net/r.png', strict)).toThrow(
      /not in FLUX_INPAINT_RESULT_HOSTS/,
    );
  });

  it('FLUX_INPAINT_PRIVATE_ORIGINS lets a trusted private origin through without the guard', () => {
    expect(pickDispatcher('http://10.1.2.3:9797/r.png', policy({ privateOrigins: ['http://10.1.2.3:9797'] }))).toBe(
      plain,
    );
    expect(() =>
      pickDispatcher('http://10.1.2.3:9798/r.png', policy({ privateOrigins: ['http://10.1.2.3:9797'] })),
    ).toThrow(AppError);
  });
});

describe('the SSRF guard lets public result hosts through', () => {
  it.each(['20.60.128.4', '104.18.2.3', '8.8.8.8', '2606:4700::6810:1', '::ffff:20.60.128.4'])(
    '%s is public',
    (address) => {
      expect(isPrivateAddress(address)).toBe(false);
    },
  );

  it.each([
    '127.0.0.1',
    '10.0.0.8',
    '169.254.169.254',
    '192.168.1.1',
    '::1',
    'fd00::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:a9fe:a9fe',
  ])('%s is private', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it('a result host that resolves to a private address is refused, and the message says what to do', async () => {
    const guard = guardedDispatcher(resolverFrom(fakeFluxLookup));
    try {
      await expect(
        downloadResult('https://delivery-eu1.bfl.local:9/sample.png', {
          policy: policy({ guarded: guard }),
          maxBytes: 1_000_000,
        }),
      ).rejects.toMatchObject({
        code: 'result_host_refused',
        message: expect.stringContaining('FLUX_INPAINT_PRIVATE_ORIGINS'),
      });
    } finally {
      await guard.close();
    }
  });
});

describe('FLUX balance', () => {
  const client = (credits: () => Promise<number>) =>
    ({ credits: vi.fn(credits) }) as unknown as FluxClient & { credits: ReturnType<typeof vi.fn> };

  it('asks once per key within the time to live, even for jobs sent together', async () => {
    const c = client(async () => 12);
    const cache = new CreditsCache(c, 30_000);
    const all = await Promise.all([1, 2, 3].map(() => cache.balance('https://api.bfl.ai/v1', 'k', 'ref1')));
    expect(all).toEqual([12, 12, 12]);
    await cache.balance('https://api.bfl.ai/v1', 'k2', 'ref2');
    expect(c.credits).toHaveBeenCalledTimes(2);
  });

  it('asks again after the time to live, and after a failure', async () => {
    let n = 0;
    const c = client(async () => {
      n++;
      if (n === 1) throw new Error('down');
      return n;
    });
    const cache = new CreditsCache(c, 0);
    await expect(cache.balance('u', 'k', 'r')).rejects.toThrow('down');
    expect(await cache.balance('u', 'k', 'r')).toBe(2);
    expect(await cache.balance('u', 'k', 'r')).toBe(3);
  });

  it('warns only when the balance is below the least the model costs', () => {
    expect(lowBalanceWarning('fill', 5)).toBeUndefined();
    expect(lowBalanceWarning('fill', 4)?.message).toBe(
      'Your FLUX balance is 4 credits; FLUX.1 Fill [pro] costs at least 5. FLUX may refuse the job (402): top up at https://dashboard.bfl.ai/.',
    );
    // Fill with a fine-tune costs more; the models without a price of BFL's own have their resellers' one.
    expect(lowBalanceWarning('fill', 5, true)?.message).toContain('costs at least 6');
    expect(lowBalanceWarning('erase', 3)).toBeUndefined();
    expect(lowBalanceWarning('flux-3-image', 4)?.text).toEqual({
      key: 'flux_out_of_credits.low',
      params: { balance: 4, model: 'FLUX 3 Image', needed: 4.8, dashboard: 'https://dashboard.bfl.ai/' },
    });
  });
});
