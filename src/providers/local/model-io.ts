import { appError, type ErrorCode } from '../../errors.js';
import { paintedBounds } from '../../masks/bounds.js';

/** Errors of the model file itself: Fill then falls back to the classical fill, which needs no file. */
export type ModelErrorCode =
  | 'local_model_missing'
  | 'local_model_invalid'
  | 'local_model_unsupported'
  | 'local_model_timeout';

export function isModelError(code: ErrorCode): code is ModelErrorCode {
  return code.startsWith('local_model_');
}

/**
 * How an inpainting model's tensors look, read from its input metadata. Two public layouts are supported:
 * - float, as Carve/LaMa-ONNX (lama_fp32.onnx): image float32 [1,3,H,W] in 0..1, mask float32 [1,1,H,W] with
 *   1 = fill; the output float32 [1,3,H,W] is in 0..255 there and in 0..1 in other LaMa exports.
 * - uint8, as MI-GAN (migan.onnx, migan_pipeline_v2.onnx): image uint8 [1,3,H,W], mask uint8 [1,1,H,W] with
 *   255 = keep and 0 = fill; the output uint8 [1,3,H,W].
 */
export interface ModelLayout {
  type: 'float32' | 'uint8';
  imageName: string;
  maskName: string;
  outputName: string;
  /** Side of the square the crop is scaled to: the model's fixed size, or DYNAMIC_SIDE for free dimensions. */
  width: number;
  height: number;
}

/** LaMa and MI-GAN were trained on 512 x 512 crops; a model with free dimensions gets that size. */
const DYNAMIC_SIDE = 512;

interface TensorMeta {
  name: string;
  isTensor: boolean;
  type?: string;
  shape?: ReadonlyArray<number | string>;
}

export function modelLayout(inputs: readonly TensorMeta[], outputs: readonly TensorMeta[], file: string): ModelLayout {
  // The detail names tensor counts, shapes and types: facts for whoever picks the model file, not prose.
  const wrong = (detail: string) => appError('local_model_unsupported', { file, detail });
  if (inputs.length !== 2) throw wrong(`it has ${inputs.length} input(s), not an image and a mask`);
  const channels = (m: TensorMeta) => (m.shape && m.shape.length === 4 ? m.shape[1] : undefined);
  const image = inputs.find((m) => channels(m) === 3);
  const mask = inputs.find((m) => channels(m) === 1);
  if (!image || !mask) throw wrong('its inputs are not [1,3,H,W] and [1,1,H,W]');
  const type = image.type;
  if ((type !== 'float32' && type !== 'uint8') || mask.type !== type) {
    throw wrong(`its inputs are ${image.type} and ${mask.type}, not both float32 or both uint8`);
  }
  const output = outputs.find((m) => m.isTensor && channels(m) === 3);
  if (!output) throw wrong('it has no [1,3,H,W] output');
  if (output.type !== type) throw wrong(`its output is ${output.type}, its inputs ${type}`);
  const side = (i: 2 | 3) => {
    const dim = image.shape![i];
    return typeof dim === 'number' && dim > 0 ? dim : DYNAMIC_SIDE;
  };
  return { type, imageName: image.name, maskName: mask.name, outputName: output.name, height: side(2), width: side(3) };
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The part of the picture the model sees: the mask's bounding box with as much context again around it
 * (at least 32 pixels), within the picture. Context lets the model see what the hole continues; more than
 * that would only lower the resolution of the fill once scaled to the model's size.
 */
export function cropBox(mask: Uint8Array, width: number, height: number): Box | undefined {
  const painted = paintedBounds(mask, width, height, 1);
  if (!painted) return undefined;
  const { x0, y0, x1, y1 } = painted;
  const margin = Math.max(32, Math.round(Math.max(x1 - x0 + 1, y1 - y0 + 1) / 2));
  const left = Math.max(0, x0 - margin);
  const top = Math.max(0, y0 - margin);
  const right = Math.min(width, x1 + 1 + margin);
  const bottom = Math.min(height, y1 + 1 + margin);
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** Interleaved RGB bytes to the model's planar [1,3,H,W] image tensor data. */
export function imageTensor(rgb: Uint8Array, layout: ModelLayout): Float32Array | Uint8Array {
  const plane = layout.width * layout.height;
  const out = layout.type === 'float32' ? new Float32Array(plane * 3) : new Uint8Array(plane * 3);
  const scale = layout.type === 'float32' ? 1 / 255 : 1;
  for (let p = 0; p < plane; p++) {
    for (let c = 0; c < 3; c++) out[c * plane + p] = rgb[p * 3 + c]! * scale;
  }
  return out;
}

/** A mask (non-zero = fill) to the model's [1,1,H,W] tensor data, in the layout's polarity; always hard. */
export function maskTensor(mask: Uint8Array, layout: ModelLayout): Float32Array | Uint8Array {
  if (layout.type === 'float32') return Float32Array.from(mask, (v) => (v >= 128 ? 1 : 0));
  return Uint8Array.from(mask, (v) => (v >= 128 ? 0 : 255));
}

/**
 * The model's planar output to interleaved RGB bytes. A float output's scale (0..1 or 0..255) is not in the
 * metadata, so it is read off the pixels the model was told to keep: the scale under which they match the input.
 */
export function outputPixels(
  data: Float32Array | Uint8Array,
  layout: ModelLayout,
  input: Uint8Array,
  mask: Uint8Array,
): Uint8Array {
  const plane = layout.width * layout.height;
  if (data.length !== plane * 3) {
    throw appError('local_model_unsupported.output', {
      got: data.length,
      expected: plane * 3,
      height: layout.height,
      width: layout.width,
    });
  }
  const scale = data instanceof Float32Array ? floatScale(data, input, mask, plane) : 1;
  const out = new Uint8Array(plane * 3);
  for (let p = 0; p < plane; p++) {
    for (let c = 0; c < 3; c++) {
      const v = data[c * plane + p]! * scale;
      out[p * 3 + c] = v <= 0 ? 0 : v >= 255 ? 255 : Math.round(v);
    }
  }
  return out;
}

function floatScale(data: Float32Array, input: Uint8Array, mask: Uint8Array, plane: number): number {
  let asUnit = 0;
  let asBytes = 0;
  for (let p = 0; p < plane; p++) {
    if (mask[p]! >= 128) continue;
    for (let c = 0; c < 3; c++) {
      const v = data[c * plane + p]!;
      const expected = input[p * 3 + c]!;
      asUnit += Math.abs(v * 255 - expected);
      asBytes += Math.abs(v - expected);
    }
  }
  return asUnit < asBytes ? 255 : 1;
}
