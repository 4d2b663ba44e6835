import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The slowest files, slowest first. Vitest starts the files it has timed before longest first, but a fresh
 * checkout (CI) has no timings: it would start the largest files first and leave these for the end, where one
 * worker runs them while the other has nothing left to do.
 */
const SLOWEST = [
  'test/browser/owui-flow-0.5-0.6.test.ts',
  'test/integration/flux-faults.test.ts',
  'test/browser/owui-flow-0.10-0.11.test.ts',
  'test/browser/editor-owui.test.ts',
  'test/browser/editor-i18n.test.ts',
  'test/integration/restart.test.ts',
  'test/integration/load.test.ts',
  'test/browser/standalone.test.ts',
  'test/integration/hostile-input.test.ts',
];

class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const { root } = this.ctx.config;
    // A renamed file would silently lose its place.
    for (const file of SLOWEST) if (!existsSync(join(root, file))) throw new Error(`vitest.config.ts: no ${file}`);
    const rank = (spec: TestSpecification) => {
      const i = SLOWEST.indexOf(relative(root, spec.moduleId));
      return i === -1 ? SLOWEST.length : i;
    };
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/build.ts', 'test/setup/python.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser and restart tests start real processes; two cores do not like more in parallel.
    maxWorkers: 2,
    sequence: { sequencer: SlowestFirst },
  },
});
