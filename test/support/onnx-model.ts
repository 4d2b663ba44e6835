import protobuf from 'protobufjs';

/**
 * Tiny ONNX models written by the tests themselves, so no test downloads one. They stand in for LaMa and MI-GAN
 * with the same inputs and outputs: the image outside the mask comes back as it went in, and the mask's area
 * turns a known colour, which lets a test follow the pixels through cropping, scaling and blending.
 *
 * The schema is the part of onnx/onnx.proto3 these models use, with its field numbers.
 */
const root = protobuf.Root.fromJSON({
  nested: {
    onnx: {
      nested: {
        ModelProto: {
          fields: {
            irVersion: { type: 'int64', id: 1 },
            producerName: { type: 'string', id: 2 },
            graph: { type: 'GraphProto', id: 7 },
            opsetImport: { rule: 'repeated', type: 'OperatorSetIdProto', id: 8 },
          },
        },
        OperatorSetIdProto: { fields: { domain: { type: 'string', id: 1 }, version: { type: 'int64', id: 2 } } },
        GraphProto: {
          fields: {
            node: { rule: 'repeated', type: 'NodeProto', id: 1 },
            name: { type: 'string', id: 2 },
            initializer: { rule: 'repeated', type: 'TensorProto', id: 5 },
            input: { rule: 'repeated', type: 'ValueInfoProto', id: 11 },
            output: { rule: 'repeated', type: 'ValueInfoProto', id: 12 },
          },
        },
        NodeProto: {
          fields: {
            input: { rule: 'repeated', type: 'string', id: 1 },
            output: { rule: 'repeated', type: 'string', id: 2 },
            opType: { type: 'string', id: 4 },
            attribute: { rule: 'repeated', type: 'AttributeProto', id: 5 },
          },
        },
        AttributeProto: {
          fields: {
            name: { type: 'string', id: 1 },
            i: { type: 'int64', id: 3 },
            ints: { rule: 'repeated', type: 'int64', id: 8 },
            type: { type: 'int32', id: 20 },
          },
        },
        TensorProto: {
          fields: {
            dims: { rule: 'repeated', type: 'int64', id: 1 },
            dataType: { type: 'int32', id: 2 },
            floatData: { rule: 'repeated', type: 'float', id: 4 },
            name: { type: 'string', id: 8 },
          },
        },
        ValueInfoProto: { fields: { name: { type: 'string', id: 1 }, type: { type: 'TypeProto', id: 2 } } },
        TypeProto: { fields: { tensorType: { type: 'TypeProtoTensor', id: 1 } } },
        TypeProtoTensor: { fields: { elemType: { type: 'int32', id: 1 }, shape: { type: 'TensorShapeProto', id: 2 } } },
        TensorShapeProto: { fields: { dim: { rule: 'repeated', type: 'Dimension', id: 1 } } },
        Dimension: { fields: { dimValue: { type: 'int64', id: 1 }, dimParam: { type: 'string', id: 2 } } },
      },
    },
  },
});
const Model = root.lookupType('onnx.ModelProto');

const FLOAT = 1;
const UINT8 = 2;
const ATTR_INT = 2;
const ATTR_INTS = 7;

type Dim = number | string;

interface TinyModelOptions {
  /** float32: LaMa's tensors (mask 1 = fill); uint8: MI-GAN's (mask 255 = keep). */
  type: 'float32' | 'uint8';
  /** Input height and width; a string is a free (symbolic) dimension. */
  size: readonly [Dim, Dim];
  /** The colour the mask's area turns, 0..255. */
  colour: [number, number, number];
  /** Float models only: whether the output is in 0..255 (as Carve's LaMa export) rather than 0..1. */
  outputBytes?: boolean;
  /** Extra 3x3 convolutions on the image first, to make a model as slow as a test needs. */
  convolutions?: number;
  /** Channels of the mask input: 1 as in LaMa and MI-GAN; anything else makes a model of the wrong shape. */
  maskChannels?: number;
}

/** A model computing image + hole * (colour - image), with hole = 1 where the mask says fill. */
export function tinyInpaintModel(opts: TinyModelOptions): Uint8Array {
  const [h, w] = opts.size;
  const elem = opts.type === 'float32' ? FLOAT : UINT8;
  const nodes: object[] = [];
  const initializer: object[] = [];
  const constant = (name: string, dims: number[], values: number[]) =>
    initializer.push({ name, dims, dataType: FLOAT, floatData: values });
  const node = (opType: string, input: string[], output: string, attribute: object[] = []) =>
    nodes.push({ opType, input, output: [output], attribute });

  // Work in float 0..1 whatever the layout: uint8 inputs are cast and scaled, the mask turned to 1 = fill.
  if (opts.type === 'uint8') {
    constant('by255', [], [1 / 255]);
    constant('one', [], [1]);
    node('Cast', ['image'], 'image_f', [{ name: 'to', type: ATTR_INT, i: FLOAT }]);
    node('Mul', ['image_f', 'by255'], 'img');
    node('Cast', ['mask'], 'mask_f', [{ name: 'to', type: ATTR_INT, i: FLOAT }]);
    node('Mul', ['mask_f', 'by255'], 'keep');
    node('Sub', ['one', 'keep'], 'hole');
  } else {
    node('Identity', ['image'], 'img');
    node('Identity', ['mask'], 'hole');
  }
  let current = 'img';
  for (let i = 0; i < (opts.convolutions ?? 0); i++) {
    // A 3x3 box blur per channel that leaves flat areas as they are.
    constant(`w${i}`, [3, 1, 3, 3], new Array(27).fill(1 / 9));
    const attrs = [
      { name: 'group', type: ATTR_INT, i: 3 },
      { name: 'pads', type: ATTR_INTS, ints: [1, 1, 1, 1] },
    ];
    node('Conv', [current, `w${i}`], `conv${i}`, attrs);
    current = `conv${i}`;
  }
  constant(
    'colour',
    [1, 3, 1, 1],
    opts.colour.map((c) => c / 255),
  );
  node('Sub', ['colour', current], 'towards');
  node('Mul', ['hole', 'towards'], 'change');
  node('Add', [current, 'change'], 'filled');
  if (opts.type === 'uint8') {
    constant('to255', [], [255]);
    node('Mul', ['filled', 'to255'], 'bytes');
    node('Round', ['bytes'], 'rounded');
    node('Cast', ['rounded'], 'output', [{ name: 'to', type: ATTR_INT, i: UINT8 }]);
  } else if (opts.outputBytes) {
    constant('to255', [], [255]);
    node('Mul', ['filled', 'to255'], 'output');
  } else {
    node('Identity', ['filled'], 'output');
  }
  const info = (name: string, channels: number) => ({
    name,
    type: {
      tensorType: {
        elemType: elem,
        shape: { dim: [1, channels, h, w].map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) },
      },
    },
  });
  const message = Model.fromObject({
    irVersion: 8,
    producerName: 'flux-inpaint tests',
    opsetImport: [{ domain: '', version: 17 }],
    graph: {
      name: 'tiny-inpaint',
      node: nodes,
      initializer,
      input: [info('image', 3), info('mask', opts.maskChannels ?? 1)],
      output: [info('output', 3)],
    },
  });
  return Model.encode(message).finish();
}
