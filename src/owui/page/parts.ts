/**
 * How the host script (host-script.ts, in Open WebUI's page) cuts large editor messages for the sidecar
 * (relay.ts), which joins them. Every reply crosses the page's socket, and Open WebUI's socket server closes
 * the connection on an incoming message over 1,000,000 bytes (python-engineio's default).
 */

/** The most one reply may carry, JSON as UTF-8, well below the socket's 1,000,000 bytes. */
export const REPLY_BYTES = 400_000;
/** The most one part of a large editor message carries, JSON-encoded. */
export const PART_BYTES = 256_000;

/** A slice of one editor message too large for a reply; the sidecar joins `count` of them by `pid`. */
export interface PartMessage {
  type: 'part';
  pid: string;
  seq: number;
  count: number;
  data: string;
}
