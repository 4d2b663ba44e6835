import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/t.js';
import type { JobView } from '../../src/jobs/types.js';
import { describeProgress } from '../../src/owui/progress.js';
import { lowBalanceWarning } from '../../src/providers/bfl/credits.js';

const job = (over: Partial<JobView>): JobView => ({
  id: 'j1',
  state: 'running',
  status: 'Pending',
  progress: 0.4,
  elapsed_ms: 3000,
  model: 'flux-3-image',
  provider: 'bfl',
  prompt: 'a blue ball',
  created_at: '2026-12-04T00:00:00.000Z',
  ...over,
});

describe("the chat's progress line", () => {
  it("says FLUX 3 is planning the edit while FLUX reports Reasoning, then generating, in the reader's language", () => {
    expect(describeProgress(job({ status: 'Reasoning' }), translator('en'))).toBe(
      'FLUX 3 Image is thinking about the edit… (3 sec)',
    );
    expect(describeProgress(job({ status: 'Reasoning' }), translator('de'))).toMatch(
      /^FLUX 3 Image denkt über die Änderung nach… \(3 Sek\.\)$/,
    );
    expect(describeProgress(job({ status: 'Generating' }), translator('en'))).toBe(
      'Generating with FLUX 3 Image… 40% (3 sec)',
    );
  });

  it("carries the job's warning in the reader's language, its numbers in the language's digits", () => {
    const low = lowBalanceWarning('flux-3-image', 1.5)!.toStored();
    const running = job({ status: 'Generating', warning: low });
    expect(describeProgress(running, translator('en'))).toBe(
      'Generating with FLUX 3 Image… 40% (3 sec) Your FLUX balance is 1.5 credits; FLUX 3 Image costs at least 4.8. FLUX may refuse the job (402): top up at https://dashboard.bfl.ai/.',
    );
    expect(describeProgress(running, translator('de'))).toContain(
      'Ihr FLUX-Guthaben beträgt 1,5 Credits; FLUX 3 Image kostet mindestens 4,8.',
    );
    // A warning journaled by an earlier version, English text only, is shown as it is.
    const old = job({ status: 'Generating', warning: { code: 'warning', message: 'Low balance.' } });
    expect(describeProgress(old, translator('de'))).toMatch(/ Low balance\.$/);
  });
});
