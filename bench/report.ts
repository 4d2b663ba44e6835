/** Turns results into the console table, the markdown table and the JSON record with the machine they ran on. */
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import type { Result } from './result.js';

export interface Machine {
  os: string;
  cpu: string;
  cpus: number;
  memoryGb: number;
  node: string;
  date: string;
  /** 1-minute load average before and after the run: a busy machine explains missed targets. */
  load: { before: number; after: number };
}

export function describeMachine(loadBefore: number): Machine {
  const cores = cpus();
  return {
    os: `${platform()} ${release()}`,
    cpu: cores[0]?.model.trim() ?? 'unknown',
    cpus: cores.length,
    memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    date: new Date().toISOString(),
    load: { before: loadBefore, after: Math.round((loadavg()[0] ?? 0) * 100) / 100 },
  };
}

const HEADER = ['benchmark', 'value', 'unit', 'target', 'result', 'note'];

function row(r: Result): string[] {
  const verdict = r.target === '-' ? '-' : r.pass ? 'pass' : 'FAIL';
  return [r.name, String(r.value), r.unit, r.target, verdict, r.note ?? ''];
}

export function consoleTable(results: readonly Result[]): string {
  const rows = [HEADER, ...results.map(row)];
  const widths = HEADER.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c === 1 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd();
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

export function markdown(results: readonly Result[], machine: Machine): string {
  const escapeCell = (s: string) => s.replace(/\|/g, '\\|');
  const lines = [
    `# Benchmarks, ${machine.date.slice(0, 10)}`,
    '',
    `${machine.cpus} x ${machine.cpu}, ${machine.memoryGb} GB, ${machine.os}, Node ${machine.node}, load average ${machine.load.before} before / ${machine.load.after} after.`,
    '',
    `| ${HEADER.join(' | ')} |`,
    `|${HEADER.map((_, c) => (c === 1 ? ' ---: ' : ' --- ')).join('|')}|`,
    ...results.map((r) => `| ${row(r).map(escapeCell).join(' | ')} |`),
    '',
  ];
  return lines.join('\n');
}
