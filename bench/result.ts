/** One measured figure with the target it is judged against. */
export interface Result {
  name: string;
  value: number;
  unit: string;
  /** Human-readable target such as "< 20 ms", or "-" for a figure reported for context only. */
  target: string;
  pass: boolean;
  note?: string;
}

/** A figure without a target: reported next to the ones that have one so they can be read in context. */
export function info(name: string, value: number, unit: string, note?: string): Result {
  return { name, value, unit, target: '-', pass: true, ...(note ? { note } : {}) };
}

export function atMost(name: string, value: number, unit: string, limit: number, note?: string): Result {
  return { name, value, unit, target: `<= ${limit} ${unit}`.trim(), pass: value <= limit, ...(note ? { note } : {}) };
}

export function below(name: string, value: number, unit: string, limit: number, note?: string): Result {
  return { name, value, unit, target: `< ${limit} ${unit}`.trim(), pass: value < limit, ...(note ? { note } : {}) };
}

export function atLeast(name: string, value: number, unit: string, limit: number, note?: string): Result {
  return { name, value, unit, target: `>= ${limit} ${unit}`.trim(), pass: value >= limit, ...(note ? { note } : {}) };
}

/** Nearest-rank quantile (q in 0..1) of unsorted samples. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) throw new Error('quantile of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
