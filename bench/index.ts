/**
 * `npm run bench`: every figure side by side with its baseline, measured in one run on this
 * machine. Prints tables and writes .output/bench.json. Timings are never asserted in tests.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { outputDir } from '@/sandbox/browser/build-dir';
import { printSection } from './print';
import type { BenchRunner, BenchSection } from './types';

const sections: { name: string; load: () => Promise<{ default: BenchRunner }> }[] = [
  { name: 'size', load: () => import('./size') },
  { name: 'crypto', load: () => import('./crypto') },
  { name: 'policy', load: () => import('./policy') },
  { name: 'expiry', load: () => import('./expiry') },
  { name: 'browser', load: () => import('./browser') },
  { name: 'idle-cpu', load: () => import('./idle-cpu') },
  { name: 'change', load: () => import('./change') },
  { name: 'fleet', load: () => import('./fleet') },
];

async function main() {
  const only = process.argv.slice(2);
  const results: BenchSection[] = [];
  const started = Date.now();
  console.log(
    `# Rekey benchmarks — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  );
  for (const section of sections) {
    if (only.length > 0 && !only.includes(section.name)) continue;
    const runner = (await section.load()).default;
    const produced = await runner();
    for (const table of Array.isArray(produced) ? produced : [produced]) {
      printSection(table);
      results.push(table);
    }
  }
  // Beside the build it measured (REKEY_OUT_DIR), so two engineers' runs do not overwrite each other's results.
  const out = resolve(outputDir, 'bench.json');
  mkdirSync(resolve(out, '..'), { recursive: true });
  writeFileSync(
    out,
    JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: cpus().length, sections: results }, null, 2),
  );
  console.log(`\nWrote ${out} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
