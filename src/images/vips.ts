import { availableParallelism } from 'node:os';
import sharp from 'sharp';

/**
 * sharp as every part of the sidecar uses it. On glibc Linux sharp gives libvips a single thread, to limit
 * heap fragmentation; the sidecar already works on only a few pictures at a time (see JobEngine), so each may
 * use every core: decoding and padding a 16-megapixel picture then takes about half the time.
 */
sharp.concurrency(availableParallelism());

export default sharp;
export type { Metadata, Sharp } from 'sharp';
