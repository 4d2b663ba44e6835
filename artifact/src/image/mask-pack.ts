import type { RawMask } from '../transport/types.js';
import { toBase64 } from './load.js';

/** The painted bytes of the mask's area, one per pixel (0 keep - 255 repaint). */
export interface MaskBytes {
  width: number;
  height: number;
  bytes: Uint8Array;
}

/**
 * The mask as Send carries it, deflated where the browser can. Inside Open WebUI everything the editor sends
 * crosses the page's socket, which takes at most 1,000,000 bytes a message; a painted mask is mostly flat, so a
 * 2048 px one (4 MB raw) becomes a few kilobytes. Without CompressionStream it goes raw, in parts.
 */
export async function packMask({ width, height, bytes }: MaskBytes): Promise<RawMask> {
  if (typeof CompressionStream === 'undefined') return { format: 'raw', width, height, data: toBase64(bytes) };
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate'));
  const packed = new Uint8Array(await new Response(stream).arrayBuffer());
  return { format: 'raw', width, height, data: toBase64(packed), encoding: 'deflate' };
}
