import { dayMs, daysLeftUntil } from './expiry';
import type { Expiry, Reminder, ReminderPlan, Severity } from './types';

/** Unique, non-negative whole days, most distant first. */
function normaliseBuckets(reminderDays: readonly number[]): number[] {
  const valid = reminderDays.filter((day) => Number.isFinite(day) && day >= 0).map((day) => Math.floor(day));
  return [...new Set(valid)].sort((a, b) => b - a);
}

/** The most urgent bucket already reached (smallest bucket with daysLeft ≤ bucket), or null when none is. */
function reachedBucket(daysLeft: number, buckets: readonly number[]): number | null {
  const reached = buckets.filter((bucket) => daysLeft <= bucket);
  return reached.length === 0 ? null : Math.min(...reached);
}

export function severityFor(daysLeft: number): Severity {
  if (daysLeft <= 1) return 'urgent';
  if (daysLeft <= 7) return 'warning';
  return 'info';
}

/** The first instant at which `daysLeft` drops to `bucket`. */
function reachesBucketAt(expiresAt: number, bucket: number): number {
  return expiresAt - (bucket + 1) * dayMs + 1;
}

/**
 * Decides which expiry reminders to show now. Each bucket of `reminderDays` fires at most once per
 * key, on the way down. A bucket missed while the browser was closed still fires later (with the true
 * days left), but an expiry seen for the first time between two buckets does not fire the stale one:
 * first seen 5 days out with [14, 7, 3, 1, 0], "7 days" is passed over and "3 days" comes next.
 * First seen exactly on a bucket day, or already expired, it fires. An expiry that moves later (the
 * password was changed elsewhere) starts afresh.
 */
export function planReminders(input: {
  expiries: readonly Expiry[];
  reminderDays: readonly number[];
  now: number;
  lastNotified: Readonly<Record<string, number>>;
}): ReminderPlan {
  const buckets = normaliseBuckets(input.reminderDays);
  const due: Reminder[] = [];
  const lastNotified: Record<string, number> = {};
  const wakeTimes: number[] = [];

  for (const expiry of input.expiries) {
    const daysLeft = daysLeftUntil(expiry.expiresAt, input.now);
    const bucket = reachedBucket(daysLeft, buckets);
    const previous = input.lastNotified[expiry.key];
    if (bucket !== null) {
      const fresh = previous === undefined || bucket > previous;
      const fires = fresh ? daysLeft === bucket || daysLeft < 0 : bucket < previous;
      if (fires) {
        due.push({ ...expiry, daysLeft, bucket, severity: severityFor(daysLeft) });
      }
      // Firing or not, the reached bucket is now behind us (when neither fresh nor firing it equals `previous`).
      lastNotified[expiry.key] = bucket;
    }
    const recorded = lastNotified[expiry.key];
    const next = buckets.find((candidate) => recorded === undefined || candidate < recorded);
    if (next !== undefined) wakeTimes.push(reachesBucketAt(expiry.expiresAt, next));
  }

  return { due, nextWakeAt: wakeTimes.length === 0 ? null : Math.min(...wakeTimes), lastNotified };
}
