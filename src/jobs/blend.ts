import { isModelName, MODEL_INFO } from '../catalogue/models.js';
import { blendIntoOriginal } from '../images/blend.js';
import type { ProviderResult } from '../providers/provider.js';
import type { KeyedLimiter } from '../util/limiter.js';
import type { JobInputs } from './files.js';
import type { JobRecord } from './types.js';

/**
 * Instruction models edit the whole picture; with a painted mask (and masked_only, the default) their
 * answer is blended into the original through it, so only the painted area changes.
 */
export async function onlyPaintedArea(
  record: JobRecord,
  inputs: JobInputs,
  answer: ProviderResult,
  imageWork: KeyedLimiter,
): Promise<ProviderResult> {
  // A resumed job of a retired model (Canny, Depth) was no instruction model: its result is kept as it came.
  if (!isModelName(record.model) || MODEL_INFO[record.model].kind !== 'instruct') return answer;
  if (!inputs.mask || record.maskedOnly === false) return answer;
  const release = await imageWork.acquire('images');
  try {
    const blended = await blendIntoOriginal(inputs.image, answer.bytes, inputs.mask, record.outputFormat);
    return { ...answer, ...blended };
  } finally {
    release();
  }
}
