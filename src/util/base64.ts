/**
 * Strict base64 decoding in one native pass. Node's decoder skips characters outside the alphabet instead of
 * failing, so a regex over the whole text used to come first; on multi-megabyte images that scan cost more
 * than the decoding. Every skipped character shortens the output, so comparing the decoded length with the
 * length the text must give catches it without the scan. Line breaks (as `base64` prints them) are accepted
 * on a second, slower pass; so is the URL-safe alphabet (- and _), which decodes correctly.
 */
export function decodeBase64(text: string): Buffer | undefined {
  const bytes = decodeCompact(text);
  if (bytes) return bytes;
  const compact = text.replace(/\s+/g, '');
  return compact.length === text.length ? undefined : decodeCompact(compact);
}

function decodeCompact(text: string): Buffer | undefined {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const data = text.length - padding;
  // Padding only completes a group of four; a lone trailing character cannot encode a byte.
  if (data === 0 || (padding > 0 && text.length % 4 !== 0) || data % 4 === 1) return undefined;
  // An '=' before the end makes Node stop early; the length check would catch it, this says why.
  const firstPad = text.indexOf('=');
  if (firstPad !== -1 && firstPad < data) return undefined;
  const bytes = Buffer.from(text, 'base64');
  return bytes.length === Math.floor((data * 3) / 4) ? bytes : undefined;
}
