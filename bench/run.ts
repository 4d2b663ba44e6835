/**
 * Runs every benchmark on this machine in one go: `npm run bench`. Prints a table and exits with 1 when a
 * target is missed; with `npm run bench -- --save` it also writes bench/results/<date>.json and
 * bench/results/latest.md (tracked files, so only when asked).
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { benchDelivery } from './delivery.js';
import { benchFootprint } from './footprint.js';
import { benchImages } from './images.js';
import { benchLoopLag } from './loop-lag.js';
import { benchMarkdownScan } from './markdown-scan.js';
import { benchPolling } from './polling.js';
import { consoleTable, describeMachine, markdown } from './report.js';
import { below, round, type Result } from './result.js';
import { buildDist } from '../src/build.js';
import { benchThroughput } from './throughput.js';

type Bench = () => Promise<Result[]>;

const TOTAL_TARGET_S = 300;
const RESULTS = fileURLToPath(new URL('./results/', import.meta.url));
const EDITOR = new URL('./editor.ts', import.meta.url);

/** The editor's benchmarks need a browser and live in their own file; they join the run when present. */
async function editorBench(): Promise<Bench | undefined> {
  if (!existsSync(fileURLToPath(EDITOR))) return undefined;
  const mod = (await import(EDITOR.href)) as { benchEditor?: Bench };
  return mod.benchEditor;
}

/** A benchmark that throws counts as a missed target, and the others still run. */
async function attempt(name: string, bench: Bench): Promise<Result[]> {
  process.stdout.write(`${name}… `);
  const started = performance.now();
  try {
    const results = await bench();
    console.log(`${round((performance.now() - started) / 1000)} s`);
    return results;
  } catch (err) {
    console.log('error');
    return [
      {
        name: `${name}: could not run`,
        value: 0,
        unit: '',
        target: 'runs',
        pass: false,
        note: (err as Error).message.split('\n')[0],
      },
    ];
  }
}

// The sidecar runs as users run it: the build, made fresh from these sources.
await buildDist();
const loadBefore = Math.round((loadavg()[0] ?? 0) * 100) / 100;
const started = performance.now();
const benches: Array<[string, Bench]> = [
  ['loop lag', benchLoopLag],
  ['delivery', benchDelivery],
  ['polling', benchPolling],
  ['throughput', benchThroughput],
  ['footprint', benchFootprint],
  ['images', benchImages],
  ['chat scan', benchMarkdownScan],
];
const editor = await editorBench();
if (editor) benches.push(['editor', editor]);

const results: Result[] = [];
for (const [name, bench] of benches) results.push(...(await attempt(name, bench)));
results.push(below('run: total wall time', round((performance.now() - started) / 1000, 0), 's', TOTAL_TARGET_S));

const machine = describeMachine(loadBefore);
console.log(`\n${consoleTable(results)}\n`);
const failed = results.filter((r) => !r.pass);
if (process.argv.includes('--save')) {
  await mkdir(RESULTS, { recursive: true });
  const json = `${RESULTS}${machine.date.slice(0, 10)}.json`;
  await writeFile(json, `${JSON.stringify({ machine, results }, null, 2)}\n`);
  await writeFile(`${RESULTS}latest.md`, markdown(results, machine));
  console.log(
    `${results.length - failed.length}/${results.length} within target; written ${json} and ${RESULTS}latest.md`,
  );
} else {
  console.log(
    `${results.length - failed.length}/${results.length} within target; not saved (npm run bench -- --save writes bench/results/)`,
  );
}
if (failed.length)
  console.log(
    `load average ${machine.load.before} before, ${machine.load.after} after the run on ${machine.cpus} CPUs`,
  );
// Everything is measured (and saved when asked); the exit status says whether every target was met.
process.exit(failed.length ? 1 : 0);
