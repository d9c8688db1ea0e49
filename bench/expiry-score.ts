import type { ExpiryKind, ExpiryVerdict } from '@/utils/expiry';

/** One labelled page and what the detector said about it. */
export interface ScoredPage {
  id: string;
  kind: ExpiryKind;
  daysLeft?: number;
  verdict: ExpiryVerdict;
}

export interface ExpiryScore {
  pages: number;
  positives: number;
  precision: number;
  recall: number;
  /** Of the pages that state a day count and were detected, how many got it exactly. */
  daysExact: number;
  daysPages: number;
  /** Of all pages, how many got the right kind (expired / expiring / none). */
  kindAccuracy: number;
  falsePositives: string[];
  falseNegatives: string[];
  wrongDays: string[];
}

const positive = (kind: ExpiryKind) => kind !== 'none';
const ratio = (hits: number, total: number) => (total === 0 ? 1 : hits / total);

export function scoreExpiry(pages: readonly ScoredPage[]): ExpiryScore {
  const tp = pages.filter((p) => positive(p.kind) && positive(p.verdict.kind));
  const fp = pages.filter((p) => !positive(p.kind) && positive(p.verdict.kind));
  const fn = pages.filter((p) => positive(p.kind) && !positive(p.verdict.kind));
  const withDays = pages.filter((p) => p.daysLeft !== undefined);
  const daysRight = withDays.filter((p) => p.verdict.daysLeft === p.daysLeft);
  const show = (p: ScoredPage) =>
    `${p.id}: want ${p.kind}${p.daysLeft === undefined ? '' : `(${p.daysLeft}d)`}, got ${p.verdict.kind}${p.verdict.daysLeft === undefined ? '' : `(${p.verdict.daysLeft}d)`} — ${p.verdict.reason}`;
  return {
    pages: pages.length,
    positives: pages.filter((p) => positive(p.kind)).length,
    precision: ratio(tp.length, tp.length + fp.length),
    recall: ratio(tp.length, tp.length + fn.length),
    daysExact: ratio(daysRight.length, withDays.length),
    daysPages: withDays.length,
    kindAccuracy: ratio(pages.filter((p) => p.verdict.kind === p.kind).length, pages.length),
    falsePositives: fp.map(show),
    falseNegatives: fn.map(show),
    wrongDays: withDays.filter((p) => p.verdict.daysLeft !== p.daysLeft).map(show),
  };
}

/** Groups pages by a key (product, language) and scores each group. */
export function scoreBy<T extends ScoredPage>(pages: readonly T[], key: (page: T) => string): Map<string, ExpiryScore> {
  const groups = new Map<string, T[]>();
  for (const page of pages) groups.set(key(page), [...(groups.get(key(page)) ?? []), page]);
  return new Map([...groups].sort(([a], [b]) => a.localeCompare(b)).map(([name, group]) => [name, scoreExpiry(group)]));
}
