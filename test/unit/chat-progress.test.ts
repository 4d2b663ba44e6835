import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/t.js';
import type { JobView } from '../../src/jobs/types.js';
import { describeProgress } from '../../src/owui/progress.js';

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
});
