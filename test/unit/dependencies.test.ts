import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

/** One line per broken rule, naming the import: "upward-from-jobs: src/jobs/a.ts -> src/http/b.ts". */
function violations(result: ICruiseResult): string[] {
  return result.summary.violations.map((v) => {
    const via = v.cycle?.length ? ` (cycle: ${v.cycle.map((c) => c.name).join(' -> ')})` : '';
    return `${v.rule.name}: ${v.from} -> ${v.to}${via}`;
  });
}

/** Cruises `src` (and the editor's `artifact/src`) of a project folder with this project's rules. */
async function cruiseSrc(dir: string, tsconfig?: string, roots = ['src']): Promise<ICruiseResult> {
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    const options = await extractDepcruiseOptions(join(ROOT, '.dependency-cruiser.cjs'));
    if (!tsconfig) delete options.tsConfig;
    const transpile = tsconfig ? { tsConfig: extractTSConfig(tsconfig) } : undefined;
    const out = await cruise(roots, options, undefined, transpile);
    if (typeof out.output === 'string') throw new Error('dependency-cruiser gave text, not a result');
    return out.output;
  } finally {
    process.chdir(cwd);
  }
}

describe('imports run downward (.dependency-cruiser.cjs)', () => {
  let result: ICruiseResult;
  beforeAll(async () => {
    result = await cruiseSrc(ROOT, join(ROOT, 'tsconfig.json'), ['src', 'artifact/src']);
  }, 120_000);

  it('looked at the whole sidecar', () => {
    const sources = result.modules.map((m) => m.source);
    expect(sources).toContain('src/jobs/engine.ts');
    expect(sources).toContain('src/catalogue/models.ts');
    expect(sources).toContain('src/main.ts');
    expect(sources).toContain('artifact/src/ui/app.ts');
  });

  it('breaks no rule: no upward import, no cycle, no folder without a floor', () => {
    expect(violations(result)).toEqual([]);
  });

  it('names an upward import and a cycle when there is one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'flux-inpaint-deps-'));
    try {
      await mkdir(join(dir, 'src', 'catalogue'), { recursive: true });
      await mkdir(join(dir, 'src', 'jobs'), { recursive: true });
      await writeFile(join(dir, 'src', 'catalogue', 'models.ts'), "import { run } from '../jobs/engine.ts';\nrun();\n");
      await writeFile(
        join(dir, 'src', 'jobs', 'engine.ts'),
        "import '../catalogue/models.ts';\nexport const run = () => 1;\n",
      );
      const found = violations(await cruiseSrc(dir));
      expect(found.sort()).toEqual([
        'no-cycle: src/catalogue/models.ts -> src/jobs/engine.ts (cycle: src/jobs/engine.ts -> src/catalogue/models.ts)',
        'upward-from-catalogue: src/catalogue/models.ts -> src/jobs/engine.ts',
      ]);
      // The editor taking a feature of the sidecar (here the job engine) is named too.
      await mkdir(join(dir, 'artifact', 'src'), { recursive: true });
      await writeFile(
        join(dir, 'artifact', 'src', 'app.ts'),
        "import { run } from '../../src/jobs/engine.ts';\nrun();\n",
      );
      expect(violations(await cruiseSrc(dir, undefined, ['artifact/src']))).toContain(
        'editor-above-ground: artifact/src/app.ts -> src/jobs/engine.ts',
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
