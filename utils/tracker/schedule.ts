import type { TrackedChange, TrackerOptions } from './types';

/**
 * Timing rules. Every Rekey installation shares one ISC rate-limit bucket (per OAuth client and API
 * version), so waits carry random jitter: a fleet that backed off together must not return together.
 */

/** Exponential backoff with "equal jitter": half the step is fixed, half random; capped at maxBackoffMs. */
export function backoffDelay(retryStreak: number, options: TrackerOptions, random: () => number): number {
  const exponent = Math.max(0, retryStreak - 1);
  const step = Math.min(options.maxBackoffMs, options.baseBackoffMs * 2 ** Math.min(exponent, 30));
  return Math.min(options.maxBackoffMs, Math.round(step / 2 + (random() * step) / 2));
}

/** A server's Retry-After is a floor: add up to one extra second so clients do not return in lockstep. */
export function retryAfterDelay(retryAfterMs: number, random: () => number): number {
  return Math.max(0, retryAfterMs) + Math.round(random() * 1_000);
}

/** While signed out, the outcome is still knowable after the next sign-in, so the change waits longer. */
export function giveUpAt(change: TrackedChange, options: TrackerOptions): number {
  const limit = change.lastError === 'signed-out' ? options.signedOutGiveUpAfterMs : options.giveUpAfterMs;
  return change.submittedAt + limit;
}

/**
 * When the change should next be polled. The popup's fast cadence only ever brings a regular poll
 * forward; it never undercuts a backoff the server asked for, nor a learned completion time.
 */
export function dueAt(change: TrackedChange, fast: boolean, options: TrackerOptions): number {
  if (!fast || change.backingOff) return change.nextPollAt;
  // A learned time says when ISC is done with this source: an open popup does not make it faster.
  if (change.learnedMs !== undefined && change.attempts === 0) return change.nextPollAt;
  // Otherwise look at once, then double the gap with each pending answer (2, 4, 8 … s).
  if (change.attempts === 0) return Math.min(change.nextPollAt, change.submittedAt);
  const step = options.fastPollMs * 2 ** Math.min(change.attempts - 1, 5);
  const fastAt = (change.lastPolledAt ?? change.submittedAt) + step;
  return Math.min(change.nextPollAt, fastAt);
}

/** When the pass should next look at this pending change: its poll time, or its give-up time if earlier. */
export function wakeAt(change: TrackedChange, fast: boolean, options: TrackerOptions): number {
  return Math.min(dueAt(change, fast, options), giveUpAt(change, options));
}
