import { MODEL_INFO } from '../../catalogue/models.js';
import sharp from '../../images/vips.js';
import type { ProviderInput } from '../provider.js';
import { buildFluxBody, fluxEndpoint } from './body.js';
import { maskGridBox, promptWithBox } from './flux3-box.js';
import { fitForFlux } from './input.js';
import { outpaintFields } from './outpaint.js';
import { outpaintFrame } from '../outpaint-frame.js';

/**
 * A job's FLUX request: its pictures made ready for the model's endpoint (sizes, transparency, Outpainting's
 * canvas, FLUX 3's box for a painted area), its JSON body and the endpoint it goes to.
 */
export async function fluxRequest(input: ProviderInput): Promise<{ body: Record<string, unknown>; endpoint: string }> {
  const info = MODEL_INFO[input.model];
  const fit = { maxMegapixels: info.maxInputMegapixels, minSide: info.minInputSide };
  // Fill and Erase change transparent areas too: with a painted mask only the mask may decide.
  const flattenAlpha = info.needsMask && input.mask !== undefined;
  const [fitted, references] = await Promise.all([
    fitForFlux(input.image, { ...fit, flattenAlpha }),
    Promise.all((input.references ?? []).map((r) => fitForFlux(r, fit))),
  ]);
  const { image, placement } =
    info.kind === 'outpaint' ? await placeOnCanvas(fitted, input.params) : { image: fitted, placement: undefined };
  // FLUX 3 takes no mask: a painted area goes as a box in the prompt (and the result is blended back).
  const boxMask = info.imageList ? input.mask : undefined;
  const body = buildFluxBody({
    model: input.model,
    prompt: boxMask ? await boxedPrompt(input.prompt, boxMask) : input.prompt,
    image: image.toString('base64'),
    mask: input.mask?.toString('base64'),
    references: references.map((r) => r.toString('base64')),
    params: input.params,
    outputFormat: input.outputFormat,
    placement,
    masked: boxMask !== undefined,
  });
  return { body, endpoint: fluxEndpoint(input.model, body) };
}

/** Outpainting: the frame's fields for this picture, and the picture scaled as they need (4 MP canvas at most). */
async function placeOnCanvas(image: Buffer, params: ProviderInput['params']) {
  const meta = await sharp(image).metadata();
  const size = { width: meta.width ?? 1, height: meta.height ?? 1 };
  const { fields, picture } = outpaintFields(size, outpaintFrame(params, size));
  const scaled =
    picture.width === size.width && picture.height === size.height
      ? image
      : await sharp(image).resize(picture.width, picture.height, { fit: 'fill' }).png().toBuffer();
  return { image: scaled, placement: fields };
}

/** FLUX 3 with a painted mask: the instruction with the painted area's box written into it. */
async function boxedPrompt(prompt: string, mask: Buffer): Promise<string> {
  const { data, info } = await sharp(mask).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
  const box = maskGridBox(data, info.width, info.height);
  return box ? promptWithBox(prompt, box) : prompt;
}
