/**
 * Mixes the inpainted picture into the original by the mask's grey level, so that a feathered brush edge
 * fades in, and pixels the user did not paint (mask 0) stay byte-identical to the input.
 * @param original interleaved RGB
 * @param inpainted interleaved RGB of the same size
 * @param mask one byte per pixel: 0 = keep original, 255 = take inpainted
 */
export function blendByMask(original: Uint8Array, inpainted: Uint8Array, mask: Uint8Array): Uint8Array {
  if (original.length !== inpainted.length || original.length !== mask.length * 3) {
    throw new RangeError('blendByMask: image and mask sizes differ');
  }
  const out = new Uint8Array(original.length);
  for (let p = 0; p < mask.length; p++) {
    const m = mask[p]!;
    const i = p * 3;
    for (let c = i; c < i + 3; c++) {
      out[c] = m === 0 ? original[c]! : m === 255 ? inpainted[c]! : Math.round((m * inpainted[c]! + (255 - m) * original[c]!) / 255);
    }
  }
  return out;
}
