import { backoffDelay, giveUpAt, retryAfterDelay } from './schedule';
import { pendingRetryMs } from './timing';
import type { ProblemKind, SettledState, StatusPollResult, TrackedChange, TrackerOptions } from './types';

/** Pure transitions of one tracked change. */

export function settle(change: TrackedChange, state: SettledState, now: number, lastError?: ProblemKind): TrackedChange {
  return {
    ...change,
    state,
    settledAt: now,
    backingOff: false,
    notified: false,
    seen: false,
    ...(lastError ? { lastError } : {}),
  };
}

/** Past its deadline with no final answer: the outcome is unknown; the employee should ask the help desk. */
function settleIfOverdue(change: TrackedChange, now: number, options: TrackerOptions): TrackedChange {
  if (now < giveUpAt(change, options)) return change;
  return settle(change, 'unknown', now, change.lastError === 'signed-out' ? 'signed-out' : 'gave-up');
}

export function applyPollResult(
  change: TrackedChange,
  result: StatusPollResult,
  now: number,
  options: TrackerOptions,
  random: () => number,
): TrackedChange {
  const polled: TrackedChange = { ...change, attempts: change.attempts + 1, lastPolledAt: now };
  switch (result.kind) {
    case 'status': {
      const read = { ...polled, errors: [...result.errors], sourceIds: [...result.sourceIds], retryStreak: 0 };
      if (result.state === 'FINISHED') return settle(read, 'finished', now);
      if (result.state === 'FAILED') return settle(read, 'failed', now);
      const stillRunning: TrackedChange = {
        ...read,
        nextPollAt: now + pendingRetryMs(change, now - change.submittedAt, options),
        backingOff: false,
      };
      delete stillRunning.lastError;
      return settleIfOverdue(stillRunning, now, options);
    }
    case 'not-readable':
      return settle(polled, 'not-readable', now);
    case 'not-found':
      return settle(polled, 'not-found', now);
    case 'retry-later': {
      const retryStreak = polled.retryStreak + 1;
      const serverDelay =
        result.retryAfterMs !== undefined ? retryAfterDelay(result.retryAfterMs, random) : backoffDelay(retryStreak, options, random);
      // A 429 means the shared bucket is full: polls step back for at least rateLimitFloorMs so the
      // employees still typing (query, set-password) get the requests instead.
      const delay =
        result.reason === 'rate-limited' ? Math.max(serverDelay, options.rateLimitFloorMs + Math.round(random() * 5_000)) : serverDelay;
      return settleIfOverdue({ ...polled, retryStreak, nextPollAt: now + delay, backingOff: true, lastError: result.reason }, now, options);
    }
    case 'signed-out':
      return settleIfOverdue({ ...polled, nextPollAt: now + options.slowPollMs, backingOff: false, lastError: 'signed-out' }, now, options);
  }
}

/**
 * After a 429 every pending change waits at least as long as the one that hit it: the rate limit is
 * shared, so polling the others sooner would only earn more 429s.
 */
export function holdBack(change: TrackedChange, until: number): TrackedChange {
  if (change.state !== 'pending' || change.nextPollAt >= until) return change;
  return { ...change, nextPollAt: until, backingOff: true };
}
