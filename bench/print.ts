import type { BenchSection } from './types';

/** Prints one bench table as Markdown (for the sections' own `npx tsx bench/<name>.ts` runners). */
export function printSection(section: BenchSection): void {
  console.log(`\n## ${section.title}`);
  const widths = section.columns.map((c) => Math.max(c.length, ...section.rows.map((r) => String(r[c] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(line(section.columns));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of section.rows) console.log(line(section.columns.map((c) => String(row[c] ?? ''))));
  for (const note of section.notes ?? []) console.log(`> ${note}`);
}
