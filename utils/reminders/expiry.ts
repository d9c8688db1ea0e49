export const dayMs = 24 * 60 * 60_000;

/**
 * A page saying "your password expires in N days" means: still valid on the N-th calendar day from
 * today, so the expiry is taken as the end of that local day. Whole days left are then N all of
 * today, whatever the hour (a DST change shifts the boundary by an hour, which does not matter here).
 */
export function expiryFromDaysLeft(now: number, daysLeft: number): number {
  const end = new Date(now);
  end.setDate(end.getDate() + Math.trunc(daysLeft));
  end.setHours(23, 59, 59, 999);
  return end.getTime();
}

/**
 * Expiry from an admin password policy (`passwordExpiration`, days) and the last successful change.
 * Null when the policy does not expire passwords (0, or -1 meaning "not set").
 */
export function expiryFromPolicy(lastChangedAt: number, passwordExpirationDays: number): number | null {
  if (!Number.isFinite(lastChangedAt) || !Number.isFinite(passwordExpirationDays) || passwordExpirationDays <= 0) return null;
  return lastChangedAt + passwordExpirationDays * dayMs;
}

/** Whole days until `expiresAt`: 0 in its last 24 hours, negative once it has passed. */
export function daysLeftUntil(expiresAt: number, now: number): number {
  return Math.floor((expiresAt - now) / dayMs);
}
