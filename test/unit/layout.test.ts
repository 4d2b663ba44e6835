import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

describe("README's project layout", () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.split('## Project layout')[1]!.split('\n## ')[0]!;
  const named = [...section.matchAll(/^\| (.+?) \|/gm)].flatMap((m) =>
    [...m[1]!.matchAll(/`([\w./-]+\/)`/g)].map((n) => n[1]!),
  );

  it('names only folders that exist', () => {
    expect(named.length).toBeGreaterThan(5);
    for (const folder of named) expect(statSync(join(ROOT, folder)).isDirectory(), folder).toBe(true);
  });

  it('names every folder of src/', () => {
    const folders = readdirSync(join(ROOT, 'src'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => `src/${d.name}/`);
    for (const folder of folders) expect(named, folder).toContain(folder);
  });
});
