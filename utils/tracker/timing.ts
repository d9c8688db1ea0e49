import type { TrackedChange, TrackerOptions, TrackerState } from './types';

/**
 * When to read a change's status. Every status read spends the one rate-limit bucket the whole company shares,
 * and a read before ISC is done buys nothing; so the first read waits for how long changes on that source took
 * before (learned per source in the tracker's state), and without that knowledge starts early and widens.
 */

export type SourceTimings = NonNullable<TrackerState['timings']>;

/** After this many first reads in a row found the change already settled, try a shorter wait (it may be faster). */
const QUICK_HITS_BEFORE_PROBE = 3;
/** The shorter wait tried then, as a share of the learned one. */
const PROBE_SHARE = 0.8;

const clamp = (value: number, options: TrackerOptions) =>
  Math.round(Math.min(options.maxFirstPollMs, Math.max(options.minFirstPollMs, value)));

/** The learned time for this source, or undefined while nothing is known. */
export function learnedFor(timings: SourceTimings | undefined, sourceId: string, options: TrackerOptions): number | undefined {
  const timing = timings?.[sourceId];
  return timing ? clamp(timing.expectedMs, options) : undefined;
}

/** When a just-submitted change is first read. */
export function firstPollAt(submittedAt: number, learnedMs: number | undefined, options: TrackerOptions): number {
  return submittedAt + (learnedMs ?? options.defaultFirstPollMs);
}

/**
 * The wait after an answer saying the change is still running, `elapsedMs` after submission. With a learned time
 * the change is just late: look again soon. Without one, the regular cadence.
 */
export function pendingRetryMs(change: TrackedChange, elapsedMs: number, options: TrackerOptions): number {
  if (change.learnedMs === undefined) return options.slowPollMs;
  return Math.round(Math.min(options.slowPollMs, Math.max(options.fastPollMs, elapsedMs / 4)));
}

/**
 * What a settled change teaches about its source. `before` is the change as it was before the read that settled it.
 * The read time is an upper bound of how long ISC took; a read after a pending one brackets it. Reads that a
 * backoff delayed (rate limit, server trouble) say nothing about the source and teach nothing.
 */
export function learnFrom(
  timings: SourceTimings | undefined,
  before: TrackedChange,
  settledAt: number,
  options: TrackerOptions,
): SourceTimings | undefined {
  if (before.backingOff || before.retryStreak > 0) return timings;
  const elapsed = clamp(settledAt - before.submittedAt, options);
  const known = timings?.[before.sourceId];
  let next: { expectedMs: number; quickHits: number };
  if (before.attempts > 0 || !known) {
    // Still running at an earlier read, or the first change on this source: the read time is the estimate.
    next = { expectedMs: elapsed, quickHits: known && before.attempts === 0 ? known.quickHits + 1 : 0 };
  } else if (known.quickHits + 1 >= QUICK_HITS_BEFORE_PROBE) {
    next = { expectedMs: clamp(known.expectedMs * PROBE_SHARE, options), quickHits: 0 };
  } else {
    next = { expectedMs: known.expectedMs, quickHits: known.quickHits + 1 };
  }
  return { ...timings, [before.sourceId]: next };
}
