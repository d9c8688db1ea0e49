/** One table of `npm run bench`. Each row is printed as a line; JSON goes to .output/bench.json. */
export interface BenchSection {
  title: string;
  columns: string[];
  rows: Array<Record<string, string | number>>;
  notes?: string[];
}

export type BenchRunner = () => Promise<BenchSection | BenchSection[]>;

/** Median and p95 of a list of samples (milliseconds or any unit). */
export function summarize(samples: number[]): { median: number; p95: number; min: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { median: at(0.5), p95: at(0.95), min: sorted[0] ?? Number.NaN };
}
