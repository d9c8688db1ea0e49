import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { type ExpiryPage, listExpiryPageFiles, loadExpiryCorpus, readExpiryLabels } from '@/bench/expiry-corpus/written/corpus';
import { detectExpiry, type ExpiryVerdict } from '@/utils/expiry';

const MIN_PRECISION = 0.98;
const MIN_RECALL = 0.95;
const MIN_DAYS_ACCURACY = 0.95;

interface Outcome {
  page: ExpiryPage;
  verdict: ExpiryVerdict;
}

const isPositive = (kind: string) => kind !== 'none';
const ratio = (hits: number, total: number) => (total === 0 ? 1 : hits / total);
const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

function classifyCorpus(): Outcome[] {
  return loadExpiryCorpus().map((page) => {
    const dom = new JSDOM(page.html, { url: page.url });
    const verdict = detectExpiry(dom.window.document, page.url);
    dom.window.close();
    return { page, verdict };
  });
}

function describeMiss({ page, verdict }: Outcome): string {
  const want = `${page.kind}${page.daysLeft === undefined ? '' : `(${page.daysLeft}d)`}`;
  const got = `${verdict.kind}${verdict.daysLeft === undefined ? '' : `(${verdict.daysLeft}d)`}`;
  return `${page.file}: expected ${want}, got ${got} — ${verdict.reason}`;
}

describe('expiry corpus', () => {
  it('labels every page exactly once, and every label points at a page', () => {
    const labelled = readExpiryLabels().map((label) => label.file);
    expect(new Set(labelled).size).toBe(labelled.length);
    expect([...labelled].sort()).toEqual(listExpiryPageFiles());
  });

  it('is large and varied enough to measure: 70+ pages, 35+ negatives, all nine languages', () => {
    const labels = readExpiryLabels();
    expect(labels.length).toBeGreaterThanOrEqual(70);
    expect(labels.filter((label) => label.kind === 'none').length).toBeGreaterThanOrEqual(35);
    expect(labels.filter((label) => label.kind === 'expired').length).toBeGreaterThanOrEqual(10);
    expect(labels.filter((label) => label.kind === 'expiring').length).toBeGreaterThanOrEqual(10);
    const languages = new Set(labels.filter((label) => label.kind !== 'none').map((label) => label.lang));
    expect([...languages].sort()).toEqual(['de', 'en', 'es', 'fr', 'it', 'ja', 'nl', 'pl', 'pt']);
  });

  it(`detects expiry prompts with precision ≥ ${MIN_PRECISION}, recall ≥ ${MIN_RECALL} and days-left accuracy ≥ ${MIN_DAYS_ACCURACY}`, () => {
    const outcomes = classifyCorpus();
    const truePositives = outcomes.filter((o) => isPositive(o.page.kind) && isPositive(o.verdict.kind)).length;
    const falsePositives = outcomes.filter((o) => !isPositive(o.page.kind) && isPositive(o.verdict.kind)).length;
    const falseNegatives = outcomes.filter((o) => isPositive(o.page.kind) && !isPositive(o.verdict.kind)).length;
    const precision = ratio(truePositives, truePositives + falsePositives);
    const recall = ratio(truePositives, truePositives + falseNegatives);

    const withDays = outcomes.filter((o) => o.page.daysLeft !== undefined);
    const daysAccuracy = ratio(withDays.filter((o) => o.verdict.daysLeft === o.page.daysLeft).length, withDays.length);

    const perKind = (['expired', 'expiring', 'none'] as const).map((kind) => {
      const ofKind = outcomes.filter((o) => o.page.kind === kind);
      return `${kind} ${ofKind.filter((o) => o.verdict.kind === kind).length}/${ofKind.length}`;
    });
    const misses = outcomes.filter(
      (o) => o.verdict.kind !== o.page.kind || (o.page.daysLeft !== undefined && o.verdict.daysLeft !== o.page.daysLeft),
    );
    console.log(
      [
        `expiry corpus: ${outcomes.length} pages`,
        `precision ${percent(precision)} (${truePositives} TP, ${falsePositives} FP)`,
        `recall ${percent(recall)} (${falseNegatives} FN)`,
        `days-left accuracy ${percent(daysAccuracy)} of ${withDays.length}`,
        `per kind: ${perKind.join(', ')}`,
        ...misses.map((miss) => `  miss ${describeMiss(miss)}`),
      ].join('\n'),
    );

    const report = `misclassified:\n${misses.map(describeMiss).join('\n') || '(none)'}`;
    expect(precision, report).toBeGreaterThanOrEqual(MIN_PRECISION);
    expect(recall, report).toBeGreaterThanOrEqual(MIN_RECALL);
    expect(daysAccuracy, report).toBeGreaterThanOrEqual(MIN_DAYS_ACCURACY);
  }, 60_000);
});
