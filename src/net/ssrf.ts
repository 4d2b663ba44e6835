import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { Agent, request, type Dispatcher } from 'undici';
import { AppError } from '../errors.js';
import { discardBody } from './body.js';

/**
 * Addresses an external image URL must never reach: the sidecar sits next to Open WebUI, so a chat message
 * could otherwise make it fetch from the private network or a cloud metadata service.
 */
const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv6');
}
// No ::ffff:0:0/96 rule: BlockList applies it to every IPv4 address (all of them would be "private"), and the
// IPv4 rules above already match IPv4-mapped IPv6 addresses (::ffff:127.0.0.1, ::ffff:7f00:1).


export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  if (family === 6 && address.toLowerCase().startsWith('::ffff:')) {
    const v4 = address.slice(7);
    if (isIP(v4) === 4) return blocked.check(v4, 'ipv4');
  }
  return blocked.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export interface GuardOptions {
  /** Origins exempt from the private-address check (e.g. http://127.0.0.1:8080 in tests). */
  allow: readonly string[];
}

/**
 * An undici dispatcher whose DNS lookup refuses private addresses. Checking at connect time (not before)
 * also covers redirects and DNS rebinding: the address checked is the address connected to.
 */
export function guardedDispatcher(opts: { lookup?: LookupFunction | undefined } = {}): Dispatcher {
  const resolve: LookupFunction = opts.lookup ?? dnsLookup;
  return new Agent({
    connect: {
      timeout: 10_000,
      lookup(hostname, options, callback) {
        resolve(hostname, { ...options, all: true }, (err, addresses) => {
          if (err) return callback(err, [] as unknown as string, 4);
          const list = addresses as LookupAddress[];
          const bad = list.find((a) => isPrivateAddress(a.address));
          if (bad) {
            const e = Object.assign(new Error(`${hostname} resolves to a private address (${bad.address})`), { code: 'EPRIVATE' });
            return callback(e, [] as unknown as string, 4);
          }
          if (options.all) return callback(null, list as unknown as string, 4);
          callback(null, list[0]!.address, list[0]!.family);
        });
      },
    },
    headersTimeout: 30_000,
    bodyTimeout: 30_000,
  });
}

function isAllowedOrigin(url: URL, allow: readonly string[]): boolean {
  return allow.includes(url.origin);
}

/** Fetches an external image with the SSRF guard, following at most three redirects, each checked again. */
export async function fetchExternalImage(
  rawUrl: string,
  opts: { guarded: Dispatcher; plain: Dispatcher; allow: readonly string[]; maxBytes: number; signal?: AbortSignal },
): Promise<{ bytes: Buffer; mime: string }> {
  let url = new URL(rawUrl);
  for (let hop = 0; hop <= 3; hop++) {
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw refused(url, 'only http and https links can be loaded');
    if (url.username || url.password) throw refused(url, 'links with credentials are not loaded');
    const exempt = isAllowedOrigin(url, opts.allow);
    if (!exempt && isIP(url.hostname.replace(/^\[|\]$/g, '')) && isPrivateAddress(url.hostname.replace(/^\[|\]$/g, ''))) {
      throw refused(url, 'it points into a private network');
    }
    let res: Dispatcher.ResponseData;
    try {
      res = await request(url, {
        dispatcher: exempt ? opts.plain : opts.guarded,
        headers: { accept: 'image/*' },
        signal: opts.signal ?? null,
      });
    } catch (err) {
      if ((err as { code?: string }).code === 'EPRIVATE' || (err as { cause?: { code?: string } }).cause?.code === 'EPRIVATE') {
        throw refused(url, 'it points into a private network');
      }
      throw new AppError('image_fetch_failed', `Could not load the image from ${url.host}: ${(err as Error).message}`, { status: 502, cause: err });
    }
    if (res.statusCode >= 300 && res.statusCode < 400 && res.headers.location) {
      discardBody(res.body);
      url = new URL(String(res.headers.location), url);
      continue;
    }
    if (res.statusCode !== 200) {
      discardBody(res.body);
      throw new AppError('image_fetch_failed', `Could not load the image from ${url.host} (HTTP ${res.statusCode}).`, { status: 502 });
    }
    const mime = String(res.headers['content-type'] ?? '').split(';')[0]!.trim();
    if (!mime.startsWith('image/')) {
      discardBody(res.body);
      throw new AppError('image_fetch_failed', `The link on ${url.host} is not an image (${mime || 'no type'}).`, { status: 415 });
    }
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of res.body) {
      total += (chunk as Buffer).length;
      if (total > opts.maxBytes) {
        discardBody(res.body);
        throw new AppError('image_too_large', `The image on ${url.host} is larger than the limit (FLUX_INPAINT_MAX_IMAGE_MB).`, { status: 413 });
      }
      chunks.push(chunk as Buffer);
    }
    return { bytes: Buffer.concat(chunks), mime };
  }
  throw new AppError('image_fetch_failed', 'The image link redirects too many times.', { status: 502 });
}

function refused(url: URL, why: string): AppError {
  return new AppError('image_url_refused', `The image link ${url.origin} was not loaded: ${why}.`, { status: 400 });
}
