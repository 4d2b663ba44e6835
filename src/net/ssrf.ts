import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { Agent, type Dispatcher } from 'undici';

/**
 * Addresses an external image URL must never reach: the sidecar sits next to Open WebUI, so a chat message
 * could otherwise make it fetch from the private network or a cloud metadata service.
 *
 * IPv4 and IPv6 rules live in separate lists on purpose: a BlockList compares an IPv4 address with IPv6
 * rules as its IPv4-mapped form, so one `::ffff:0:0/96` rule would refuse every IPv4 address there is.
 */
const blockedV4 = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], // "this network", 0.0.0.0 reaches the local host
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata services
  ['172.16.0.0', 12],
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relays
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved and broadcast
] as const) {
  blockedV4.addSubnet(net, prefix, 'ipv4');
}

const blockedV6 = new BlockList();
for (const [net, prefix] of [
  ['::', 96], // unspecified, loopback and the deprecated IPv4-compatible addresses
  ['64:ff9b:1::', 48], // NAT64 for local use: whatever it translates to is private by definition
  ['100::', 64], // discard
  ['2001:2::', 48], // benchmarking
  ['2001:10::', 28], // ORCHID
  ['2001:db8::', 32], // documentation
  ['3fff::', 20], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated, still routed by some stacks)
  ['ff00::', 8], // multicast
] as const) {
  blockedV6.addSubnet(net, prefix, 'ipv6');
}

/**
 * True when an IP address (v4 or v6, with or without brackets or a zone) must not be connected to. IPv6 forms
 * that carry an IPv4 address (mapped, NAT64, 6to4, Teredo) are judged by the IPv4 address they lead to.
 * Anything that is not an IP address counts as private: the guard fails closed.
 */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 4) return blockedV4.check(bare, 'ipv4');
  if (family !== 6) return true;
  const bytes = ipv6Bytes(bare);
  const embedded = embeddedIPv4(bytes);
  if (embedded.length) return embedded.some((v4) => blockedV4.check(v4, 'ipv4'));
  return blockedV6.check(bare, 'ipv6');
}

/** The IPv4 addresses an IPv6 address hands traffic to, if it is one of the transition forms. */
function embeddedIPv4(b: Uint8Array): string[] {
  const v4 = (at: number, flip = 0) => Array.from(b.subarray(at, at + 4), (x) => x ^ flip).join('.');
  const zeros = (from: number, to: number) => b.subarray(from, to).every((x) => x === 0);
  // ::ffff:a.b.c.d (mapped) and ::ffff:0:a.b.c.d (translated, RFC 2765)
  if (zeros(0, 10) && b[10] === 0xff && b[11] === 0xff) return [v4(12)];
  if (zeros(0, 8) && b[8] === 0xff && b[9] === 0xff && zeros(10, 12)) return [v4(12)];
  // 64:ff9b::a.b.c.d, the well-known NAT64 prefix
  if (b[0] === 0x00 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && zeros(4, 12)) return [v4(12)];
  // 2002:aabb:ccdd::/48, 6to4
  if (b[0] === 0x20 && b[1] === 0x02) return [v4(2)];
  // 2001:0::/32, Teredo: the server's address, then the client's, stored inverted
  if (b[0] === 0x20 && b[1] === 0x01 && b[2] === 0 && b[3] === 0) return [v4(4), v4(12, 0xff)];
  return [];
}

/** A valid IPv6 address (isIP said so) as its 16 bytes. */
function ipv6Bytes(address: string): Uint8Array {
  let text = address.toLowerCase();
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  if (tail.includes('.')) {
    const [a, b, c, d] = tail.split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, lastColon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, rest] = text.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = rest ? rest.split(':') : [];
  const groups =
    rest === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  const bytes = new Uint8Array(16);
  groups.forEach((g, i) => {
    const n = parseInt(g, 16);
    bytes[i * 2] = n >> 8;
    bytes[i * 2 + 1] = n & 0xff;
  });
  return bytes;
}

type Resolve = (
  hostname: string,
  callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

const systemResolve: Resolve = (hostname, callback) => dnsLookup(hostname, { all: true }, callback);

/** A resolver from a dns-style lookup function (tests map made-up host names to 127.0.0.1 with one). */
export function resolverFrom(lookup: LookupFunction | undefined): Resolve | undefined {
  if (!lookup) return undefined;
  return (hostname, callback) =>
    lookup(hostname, { all: true }, (err, addresses) =>
      callback(err, (Array.isArray(addresses) ? addresses : []) as LookupAddress[]),
    );
}

/**
 * A connect-time DNS lookup that refuses a host name when any of its addresses is private. Checking the
 * address actually connected to (not the name before the request) also covers redirects and DNS rebinding.
 */
export function guardedLookup(resolve: Resolve = systemResolve): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, (err, addresses) => {
      if (err) return callback(err, [] as unknown as string, 4);
      const family = options.family === 4 || options.family === 6 ? options.family : undefined;
      const list = family ? addresses.filter((a) => a.family === family) : addresses;
      const bad = addresses.find((a) => isPrivateAddress(a.address));
      if (bad) {
        const e = Object.assign(new Error(`${hostname} resolves to a private address (${bad.address})`), {
          code: 'EPRIVATE',
        });
        return callback(e, [] as unknown as string, 4);
      }
      if (!list.length) {
        const e = Object.assign(new Error(`${hostname} has no IPv${family} address`), { code: 'ENOTFOUND' });
        return callback(e, [] as unknown as string, 4);
      }
      if (options.all) return callback(null, list as unknown as string, 4);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

/** An undici dispatcher that connects only to public addresses (see guardedLookup). */
export function guardedDispatcher(resolve?: Resolve): Dispatcher {
  return new Agent({
    connect: { timeout: 10_000, lookup: guardedLookup(resolve) },
    headersTimeout: 30_000,
    bodyTimeout: 30_000,
  });
}

export function isPrivateError(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } } | undefined;
  return e?.code === 'EPRIVATE' || e?.cause?.code === 'EPRIVATE';
}
