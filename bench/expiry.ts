import { pathToFileURL } from 'node:url';
import { JSDOM } from 'jsdom';
import { loadExpiryCorpus } from '@/bench/expiry-corpus/written/corpus';
import { detectExpiry } from '@/utils/expiry';
import { type BenchSection, summarize } from './types';

const WARMUP_ROUNDS = 3;
const MEASURED_ROUNDS = 20;

const round3 = (value: number) => Math.round(value * 1000) / 1000;

/** detectExpiry over every corpus page; pages are parsed once up front, so only detection is timed. */
export default async function runExpiryBench(): Promise<BenchSection> {
  const pages = loadExpiryCorpus().map((page) => ({ page, document: new JSDOM(page.html, { url: page.url }).window.document }));
  for (let round = 0; round < WARMUP_ROUNDS; round++) {
    for (const { page, document } of pages) detectExpiry(document, page.url);
  }

  const perCall: number[] = [];
  const perPageMedian: Array<{ file: string; median: number }> = [];
  let correct = 0;
  for (const { page, document } of pages) {
    const samples: number[] = [];
    let kind = '';
    for (let round = 0; round < MEASURED_ROUNDS; round++) {
      const started = performance.now();
      kind = detectExpiry(document, page.url).kind;
      samples.push(performance.now() - started);
    }
    if (kind === page.kind) correct++;
    perCall.push(...samples);
    perPageMedian.push({ file: page.file, median: summarize(samples).median });
  }

  const all = summarize(perCall);
  const medians = summarize(perPageMedian.map((entry) => entry.median));
  const slowest = [...perPageMedian].sort((a, b) => b.median - a.median)[0];
  return {
    title: 'Expiry page detector (detectExpiry on jsdom, parse excluded)',
    columns: ['pages', 'calls', 'median ms', 'p95 ms', 'min ms', 'slowest page', 'slowest median ms', 'kind correct'],
    rows: [
      {
        pages: pages.length,
        calls: perCall.length,
        'median ms': round3(all.median),
        'p95 ms': round3(all.p95),
        'min ms': round3(all.min),
        'slowest page': slowest?.file ?? '',
        'slowest median ms': round3(slowest?.median ?? Number.NaN),
        'kind correct': `${correct}/${pages.length}`,
      },
    ],
    notes: [
      `${MEASURED_ROUNDS} timed calls per page after ${WARMUP_ROUNDS} warm-up rounds; per-page medians: median ${round3(medians.median)} ms, p95 ${round3(medians.p95)} ms.`,
      'Target: ≤ 5 ms per typical page. jsdom is slower than a browser DOM, so these are upper bounds.',
    ],
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const section = await runExpiryBench();
  console.log(section.title);
  for (const row of section.rows) for (const column of section.columns) console.log(`  ${column}: ${row[column]}`);
  for (const note of section.notes ?? []) console.log(`  · ${note}`);
}
