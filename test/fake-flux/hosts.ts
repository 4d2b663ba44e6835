import { lookup as dnsLookup } from 'node:dns';
import type { LookupFunction } from 'node:net';
import type { FakeHosts } from './server.js';

/**
 * Names like FLUX's own, on a domain that cannot exist (.local): the submit host, a regional polling host and
 * three delivery hosts on two different domains, as real FLUX answers spread over api.us1.bfl.ai,
 * delivery-eu1.bfl.ai and bfldeliveryscus.blob.core.windows.net.
 */
export const REGIONAL_HOSTS: FakeHosts = {
  api: 'api.bfl.local',
  polling: 'api.us1.bfl.local',
  results: ['delivery-eu1.bfl.local', 'bfldeliveryscus.blob.local', 'delivery-us2.bfl.local'],
};

/** Resolves every *.local name to 127.0.0.1 (where the fake listens) and anything else as usual. */
export const fakeFluxLookup: LookupFunction = (hostname, options, callback) => {
  if (!hostname.endsWith('.local')) return dnsLookup(hostname, options, callback);
  if (options.all) return callback(null, [{ address: '127.0.0.1', family: 4 }]);
  callback(null, '127.0.0.1', 4);
};
