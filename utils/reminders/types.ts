import * as v from 'valibot';
import { recordOf } from '@/utils/schema/record-of';

/** Where an expiry date came from: a sign-in page's "expires in N days" banner, or the password policy. */
export const expiryOrigins = ['page', 'policy'] as const;
export type ExpiryOrigin = (typeof expiryOrigins)[number];

/**
 * Numbers a Date can hold (±8.64e15 ms): ±Infinity (Firefox's storage keeps it) would become an alarm time
 * browser.alarms.create refuses, and a date beyond the range makes Intl's date formatting throw.
 */
const finiteNumber = v.pipe(v.number(), v.minValue(-8.64e15), v.maxValue(8.64e15));

export const ExpirySchema = v.object({
  /** A source id (policy) or a site host (page); reminders are per key. */
  key: v.string(),
  /** What the employee recognises: the source's or site's display name. */
  label: v.string(),
  expiresAt: finiteNumber,
  origin: v.picklist(expiryOrigins),
});
export type Expiry = v.InferOutput<typeof ExpirySchema>;

/** Kept in storage.local; reminders never leave the device. */
export const RemindersStateSchema = v.object({
  expiries: v.array(ExpirySchema),
  /** Per key, the days-left bucket already notified (or passed over when the expiry was first seen). */
  lastNotified: recordOf(finiteNumber),
});
export type RemindersState = v.InferOutput<typeof RemindersStateSchema>;

export type Severity = 'info' | 'warning' | 'urgent';

export interface Reminder {
  key: string;
  label: string;
  origin: ExpiryOrigin;
  expiresAt: number;
  /** Whole days left (negative once expired). */
  daysLeft: number;
  /** The reminderDays entry this reminder stands for. */
  bucket: number;
  severity: Severity;
}

export interface ReminderPlan {
  /** Show these now. */
  due: Reminder[];
  /** When the next reminder becomes due (the background sets an alarm), or null. */
  nextWakeAt: number | null;
  /** Save this after showing `due` (it also forgets keys that no longer have an expiry). */
  lastNotified: Record<string, number>;
}
