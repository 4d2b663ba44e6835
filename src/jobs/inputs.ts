import { MODEL_INFO } from '../catalogue/models.js';
import {
  type ImageLimits,
  inspectImage,
  type PreparedInputs,
  prepareInputs,
  prepareReference,
} from '../images/prepare.js';
import type { KeyedLimiter } from '../util/limiter.js';
import type { CreateJobInput } from './types.js';

/**
 * Checks and prepares a new job's pictures before it is registered, so bad input fails the request, not the job.
 *
 * Image work is CPU-bound: a burst of requests all decoding at once would only interleave, so the first
 * job would reach FLUX as late as the last. In turns of a few at a time, in arrival order, the first ones
 * are on their way while the rest wait, and fewer decoded pictures are in memory at once.
 */
export async function prepareJobInputs(
  input: CreateJobInput,
  limits: ImageLimits,
  imageWork: KeyedLimiter,
): Promise<PreparedInputs & { references: Buffer[] }> {
  const references = input.references ?? [];
  const release = await imageWork.acquire('images');
  try {
    const info = await inspectImage(input.image, limits);
    const [prepared, refs] = await Promise.all([
      prepareInputs({
        image: input.image,
        info,
        mask: input.mask,
        crop: input.crop,
        requireMask: MODEL_INFO[input.model].needsMask,
        limits,
      }),
      Promise.all(references.map((r, i) => prepareReference(r, limits, `reference image ${i + 1}`))),
    ]);
    return { ...prepared, references: refs };
  } finally {
    release();
  }
}
