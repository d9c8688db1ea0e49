import * as v from 'valibot';
import { planReminders } from './plan';
import { type Expiry, type ReminderPlan, type RemindersState, RemindersStateSchema } from './types';

export function emptyRemindersState(): RemindersState {
  return { expiries: [], lastNotified: {} };
}

/** Stored data that does not validate is replaced by an empty state (reminders are advisory; nothing is lost that the next page visit or policy read does not restore). */
export function parseRemindersState(stored: unknown): RemindersState {
  const parsed = v.safeParse(RemindersStateSchema, stored);
  return parsed.success ? parsed.output : emptyRemindersState();
}

/** Records or replaces the expiry for `expiry.key` (a newer report for the same source or site wins). */
export function upsertExpiry(state: RemindersState, expiry: Expiry): RemindersState {
  return { ...state, expiries: [...state.expiries.filter((known) => known.key !== expiry.key), expiry] };
}

/** Stops every reminder for `key` at once. */
export function cancelFor(state: RemindersState, key: string): RemindersState {
  return onChangeSucceeded(state, [key]);
}

/**
 * A password change succeeded: forget the expiries of those keys (the source ids ISC reported, plus
 * any site the background maps to them), so no reminder about the old password follows.
 */
export function onChangeSucceeded(state: RemindersState, keys: readonly string[]): RemindersState {
  const done = new Set(keys);
  return {
    expiries: state.expiries.filter((expiry) => !done.has(expiry.key)),
    lastNotified: Object.fromEntries(Object.entries(state.lastNotified).filter(([key]) => !done.has(key))),
  };
}

/** Plans from stored state; save `{ ...state, lastNotified: plan.lastNotified }` after showing `plan.due`. */
export function planFromState(state: RemindersState, reminderDays: readonly number[], now: number): ReminderPlan {
  return planReminders({ expiries: state.expiries, reminderDays, now, lastNotified: state.lastNotified });
}

export function afterShowing(state: RemindersState, plan: ReminderPlan): RemindersState {
  return { ...state, lastNotified: plan.lastNotified };
}
