export { describeReminder, originLabel } from './describe';
export { dayMs, daysLeftUntil, expiryFromDaysLeft, expiryFromPolicy } from './expiry';
export { planReminders, severityFor } from './plan';
export { afterShowing, cancelFor, emptyRemindersState, onChangeSucceeded, parseRemindersState, planFromState, upsertExpiry } from './state';
export * from './types';
