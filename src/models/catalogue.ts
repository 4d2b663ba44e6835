/**
 * Inpainting models the local provider can run, where to get them and what they must hash to. Pinned to a
 * commit where the host allows it, so the checksum stays true.
 */
export interface ModelSource {
  url: string;
  file: string;
  bytes: number;
  sha256: string;
  /** Where the checksum comes from, for the README and the download's output. */
  checksumSource: string;
}

export const MODELS = {
  lama: {
    url: 'https://huggingface.co/Carve/LaMa-ONNX/resolve/c3c0c9e468934d62e79c329e35d82dd09ff8c444/lama_fp32.onnx',
    file: 'lama_fp32.onnx',
    bytes: 208_044_816,
    sha256: '1faef5301d78db7dda502fe59966957ec4b79dd64e16f03ed96913c7a4eb68d6',
    checksumSource: "the file's Git LFS record on huggingface.co/Carve/LaMa-ONNX",
  },
  migan: {
    url: 'https://huggingface.co/andraniksargsyan/migan/resolve/main/migan_pipeline_v2.onnx',
    file: 'migan_pipeline_v2.onnx',
    bytes: 28_079_181,
    sha256: '6f1f3530a1a2324b19752018ce756088b07973cda8d7d890034ace5c8a48c40b',
    checksumSource: 'a pin in a public project that downloads it, not yet compared with the Hugging Face page',
  },
} as const satisfies Record<string, ModelSource>;

export type ModelId = keyof typeof MODELS;
