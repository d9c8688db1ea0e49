import { describe, expect, it } from 'vitest';
import { applyPollResult } from '@/utils/tracker/poll-result';
import { defaultTrackerOptions, type TrackedChange } from '@/utils/tracker/types';

const now = 1_800_000_000_000;
const pending: TrackedChange = {
  id: 'c1',
  submissionId: 's1',
  requestId: 'r1',
  identityId: 'i1',
  sourceId: 'src',
  sourceName: 'Active Directory',
  accountId: 'a1',
  accountName: 'alice.smith',
  alsoChanges: [],
  submittedAt: now - 10_000,
  state: 'pending',
  errors: [],
  sourceIds: [],
  attempts: 1,
  retryStreak: 0,
  nextPollAt: now,
  backingOff: false,
  notified: false,
  seen: false,
};

describe('status polls when the shared rate limit is full', () => {
  it('step back for at least the rate-limit floor, even when Retry-After is short', () => {
    const next = applyPollResult(
      pending,
      { kind: 'retry-later', reason: 'rate-limited', retryAfterMs: 1_000 },
      now,
      defaultTrackerOptions,
      () => 0.5,
    );
    expect(next.nextPollAt - now).toBeGreaterThanOrEqual(defaultTrackerOptions.rateLimitFloorMs);
    expect(next.nextPollAt - now).toBeLessThanOrEqual(defaultTrackerOptions.rateLimitFloorMs + 5_000);
    expect(next.backingOff).toBe(true);
  });

  it('honour a Retry-After longer than the floor', () => {
    const next = applyPollResult(
      pending,
      { kind: 'retry-later', reason: 'rate-limited', retryAfterMs: 120_000 },
      now,
      defaultTrackerOptions,
      () => 0,
    );
    expect(next.nextPollAt - now).toBe(120_000);
  });

  it('keep the ordinary back-off for server errors', () => {
    const next = applyPollResult(pending, { kind: 'retry-later', reason: 'server' }, now, defaultTrackerOptions, () => 0);
    expect(next.nextPollAt - now).toBeLessThan(defaultTrackerOptions.rateLimitFloorMs);
  });
});
