import { existsSync } from 'node:fs';
import type { InferenceSession } from 'onnxruntime-node';
import { appError } from '../../errors.js';
import sharp from '../../images/vips.js';
import { type Box, cropBox, imageTensor, maskTensor, type ModelLayout, modelLayout, outputPixels } from './model-io.js';

interface LoadedModel {
  session: InferenceSession;
  layout: ModelLayout;
}

/** One session per model file and worker thread: loading LaMa's 200 MB takes seconds, running it less. */
const loaded = new Map<string, Promise<LoadedModel>>();

/**
 * Fills the mask with an inpainting model (LaMa, MI-GAN): the mask's region with context is cropped, scaled to
 * the model's input size, run, scaled back and pasted over a copy of the picture. The caller blends that copy
 * through the (soft) mask, so nothing outside the mask changes.
 */
export async function modelFill(
  rgb: Uint8Array,
  mask: Uint8Array,
  width: number,
  height: number,
  file: string,
  onProgress: (fraction: number) => void,
): Promise<Uint8Array> {
  const box = cropBox(mask, width, height);
  if (!box) return rgb.slice();
  const { session, layout } = await load(file);
  onProgress(0.2);
  const [image, hole] = await Promise.all([
    scaled(rgb, width, height, 3, box, layout),
    scaled(mask, width, height, 1, box, layout),
  ]);
  const { Tensor } = await import('onnxruntime-node');
  const shape = (channels: number) => [1, channels, layout.height, layout.width];
  const feeds = {
    [layout.imageName]: new Tensor(layout.type, imageTensor(image, layout), shape(3)),
    [layout.maskName]: new Tensor(layout.type, maskTensor(hole, layout), shape(1)),
  };
  const results = await session.run(feeds);
  onProgress(0.9);
  const output = results[layout.outputName]!.data as Float32Array | Uint8Array;
  const filled = outputPixels(output, layout, image, hole);
  const back = await sharp(filled, { raw: { width: layout.width, height: layout.height, channels: 3 } })
    .resize(box.width, box.height, { fit: 'fill', kernel: 'lanczos3' })
    .raw()
    .toBuffer();
  const out = rgb.slice();
  for (let y = 0; y < box.height; y++) {
    out.set(back.subarray(y * box.width * 3, (y + 1) * box.width * 3), ((box.y + y) * width + box.x) * 3);
  }
  return out;
}

function load(file: string): Promise<LoadedModel> {
  let model = loaded.get(file);
  if (!model) {
    model = open(file);
    // A file fixed or put in place later must be tried again, not answered from a failed attempt.
    model.catch(() => loaded.delete(file));
    loaded.set(file, model);
  }
  return model;
}

async function open(file: string): Promise<LoadedModel> {
  if (!existsSync(file)) {
    throw appError('local_model_missing', { file });
  }
  const ort = await import('onnxruntime-node');
  let session: InferenceSession;
  try {
    session = await ort.InferenceSession.create(file, { executionProviders: ['cpu'] });
  } catch (err) {
    const detail = (err instanceof Error ? err.message : String(err)).split('\n')[0];
    throw appError('local_model_invalid', { file, detail: detail ?? '' }, { cause: err });
  }
  try {
    return { session, layout: modelLayout(session.inputMetadata, session.outputMetadata, file) };
  } catch (err) {
    await session.release();
    throw err;
  }
}

/** The box's pixels scaled to the model's input size, `channels` bytes per pixel. */
async function scaled(
  pixels: Uint8Array,
  width: number,
  height: number,
  channels: 1 | 3,
  box: Box,
  layout: ModelLayout,
): Promise<Uint8Array> {
  const pipeline = sharp(pixels, { raw: { width, height, channels } })
    .extract({ left: box.x, top: box.y, width: box.width, height: box.height })
    .resize(layout.width, layout.height, { fit: 'fill', kernel: channels === 1 ? 'nearest' : 'lanczos3' });
  // Raw single-channel input comes out as sRGB unless told otherwise.
  const { data, info } = await (channels === 1 ? pipeline.toColourspace('b-w') : pipeline)
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== channels) throw new RangeError(`Expected ${channels} channel(s), got ${info.channels}`);
  return new Uint8Array(data);
}
