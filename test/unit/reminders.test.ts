import { readFileSync } from 'node:fs';
import { generateChromeMessages, parseMessagesText } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';
import { createTranslator, lookupIn } from '@/utils/i18n/translate';
import { describeReminder, originLabel } from '@/utils/reminders/describe';
import { dayMs, daysLeftUntil, expiryFromDaysLeft, expiryFromPolicy } from '@/utils/reminders/expiry';
import { planReminders } from '@/utils/reminders/plan';
import {
  afterShowing,
  cancelFor,
  emptyRemindersState,
  onChangeSucceeded,
  parseRemindersState,
  planFromState,
  upsertExpiry,
} from '@/utils/reminders/state';
import type { Expiry, Reminder, RemindersState } from '@/utils/reminders/types';
import { render } from '@/utils/tracker/message';

const buckets = [14, 7, 3, 1, 0];
const hour = 60 * 60_000;
/** Monday 3 March 2025, 09:00 local time. */
const T0 = new Date(2025, 2, 3, 9, 0, 0).getTime();

function expiry(key: string, expiresAt: number, origin: Expiry['origin'] = 'page'): Expiry {
  return { key, label: key === 'ad' ? 'Active Directory' : 'sso.example.com', expiresAt, origin };
}

/** Simulates the background: look every `stepMs` from `from` to `until`, show what is due, save. */
function walk(state: RemindersState, from: number, until: number, stepMs: number) {
  const shown: Reminder[] = [];
  let current = state;
  for (let now = from; now <= until; now += stepMs) {
    const plan = planFromState(current, buckets, now);
    shown.push(...plan.due);
    current = afterShowing(current, plan);
  }
  return { shown, state: current };
}

/** Same, but waking only when the plan asks to (as an alarm would). */
function walkByAlarms(state: RemindersState, from: number) {
  const shown: Reminder[] = [];
  const wakes: number[] = [];
  let current = state;
  let now: number | null = from;
  while (now !== null && wakes.length < 50) {
    wakes.push(now);
    const plan = planFromState(current, buckets, now);
    shown.push(...plan.due);
    current = afterShowing(current, plan);
    now = plan.nextWakeAt;
  }
  return { shown, wakes };
}

function englishTranslator() {
  const yaml = readFileSync(new URL('../../locales/en.yml', import.meta.url), 'utf8');
  const section = yaml.split(/^(?=[A-Za-z])/m).find((block) => block.startsWith('reminders:'));
  if (!section) throw new Error('locales/en.yml has no reminders: section');
  return createTranslator(lookupIn(generateChromeMessages(parseMessagesText(section, 'YAML'))), 'en').t;
}

describe('expiry dates', () => {
  it('takes "expires in N days" from a page as the end of the N-th local day, so N days are left all day', () => {
    const expiresAt = expiryFromDaysLeft(T0, 3);
    const end = new Date(expiresAt);
    expect([end.getDate(), end.getHours(), end.getMinutes()]).toEqual([6, 23, 59]);
    for (const hourOfDay of [0, 9, 23]) {
      expect(daysLeftUntil(expiresAt, new Date(2025, 2, 3, hourOfDay, 30).getTime())).toBe(3);
    }
    expect(daysLeftUntil(expiresAt, new Date(2025, 2, 6, 12).getTime())).toBe(0);
    expect(daysLeftUntil(expiresAt, new Date(2025, 2, 7, 0, 1).getTime())).toBe(-1);
  });

  it('computes a policy-based expiry from the last change and the expiration period', () => {
    const lastChangedAt = Date.UTC(2025, 0, 1);
    expect(expiryFromPolicy(lastChangedAt, 90)).toBe(Date.UTC(2025, 3, 1));
    expect(expiryFromPolicy(lastChangedAt, -1)).toBeNull();
    expect(expiryFromPolicy(lastChangedAt, 0)).toBeNull();
    expect(expiryFromPolicy(Number.NaN, 90)).toBeNull();
  });
});

describe('reminder schedule', () => {
  it('fires 14, 7, 3, 1 and 0 days before expiry, once each, with escalating severity', () => {
    const state = upsertExpiry(emptyRemindersState(), expiry('sso', expiryFromDaysLeft(T0, 14)));
    const { shown } = walk(state, T0, T0 + 16 * 24 * hour, hour);
    expect(shown.map((reminder) => [reminder.bucket, reminder.daysLeft, reminder.severity])).toEqual([
      [14, 14, 'info'],
      [7, 7, 'warning'],
      [3, 3, 'warning'],
      [1, 1, 'urgent'],
      [0, 0, 'urgent'],
    ]);
  });

  it('asks to be woken exactly when the next bucket is reached', () => {
    const state = upsertExpiry(emptyRemindersState(), expiry('sso', expiryFromDaysLeft(T0, 14)));
    const { shown, wakes } = walkByAlarms(state, T0);
    expect(shown.map((reminder) => reminder.bucket)).toEqual(buckets);
    const [, ...alarms] = wakes;
    expect(alarms.map((at) => daysLeftUntil(expiryFromDaysLeft(T0, 14), at))).toEqual([7, 3, 1, 0]);
    for (const at of alarms)
      expect(daysLeftUntil(expiryFromDaysLeft(T0, 14), at - 1)).toBeGreaterThan(daysLeftUntil(expiryFromDaysLeft(T0, 14), at));
  });

  it('passes over stale buckets when an expiry is first seen between them: at 5 days left, 3 comes next', () => {
    const state = upsertExpiry(emptyRemindersState(), expiry('sso', expiryFromDaysLeft(T0, 5)));
    const first = planFromState(state, buckets, T0);
    expect(first.due).toEqual([]);
    expect(first.lastNotified).toEqual({ sso: 7 });
    const { shown } = walk(afterShowing(state, first), T0, T0 + 6 * 24 * hour, hour);
    expect(shown.map((reminder) => reminder.bucket)).toEqual([3, 1, 0]);
  });

  it('fires on the first sight when that day is a bucket day', () => {
    const plan = planReminders({ expiries: [expiry('sso', expiryFromDaysLeft(T0, 7))], reminderDays: buckets, now: T0, lastNotified: {} });
    expect(plan.due).toMatchObject([{ key: 'sso', bucket: 7, daysLeft: 7, severity: 'warning' }]);
  });

  it('still reminds after the browser was closed on a bucket day, with the true days left', () => {
    const expiresAt = expiryFromDaysLeft(T0, 7);
    const plan = planReminders({
      expiries: [expiry('sso', expiresAt)],
      reminderDays: buckets,
      now: T0 + 5 * dayMs,
      lastNotified: { sso: 7 },
    });
    expect(plan.due).toMatchObject([{ bucket: 3, daysLeft: 2, severity: 'warning' }]);
  });

  it('reminds once, urgently, about a password that has already expired', () => {
    const expired = expiry('ad', T0 - 2 * dayMs, 'policy');
    const first = planReminders({ expiries: [expired], reminderDays: buckets, now: T0, lastNotified: {} });
    expect(first.due).toMatchObject([{ key: 'ad', daysLeft: -2, severity: 'urgent' }]);
    expect(first.nextWakeAt).toBeNull();
    const again = planReminders({ expiries: [expired], reminderDays: buckets, now: T0 + hour, lastNotified: first.lastNotified });
    expect(again.due).toEqual([]);
  });

  it('starts afresh when an expiry moves later (the password was changed elsewhere)', () => {
    const moved = expiry('sso', expiryFromDaysLeft(T0, 14));
    const plan = planReminders({ expiries: [moved], reminderDays: buckets, now: T0, lastNotified: { sso: 1 } });
    expect(plan.due).toMatchObject([{ bucket: 14 }]);
    expect(plan.lastNotified).toEqual({ sso: 14 });
  });

  it('waits for the first bucket when the expiry is further away than any bucket', () => {
    const expiresAt = expiryFromDaysLeft(T0, 60);
    const plan = planReminders({ expiries: [expiry('sso', expiresAt)], reminderDays: buckets, now: T0, lastNotified: {} });
    expect(plan.due).toEqual([]);
    expect(plan.lastNotified).toEqual({});
    expect(daysLeftUntil(expiresAt, plan.nextWakeAt ?? 0)).toBe(14);
  });

  it('reminds about a policy-based expiry like any other, and wakes for the earliest of several', () => {
    const lastChangedAt = T0 - 76 * dayMs;
    const policyExpiry = expiry('ad', expiryFromPolicy(lastChangedAt, 90) ?? 0, 'policy');
    const pageExpiry = expiry('sso', expiryFromDaysLeft(T0, 40));
    const plan = planReminders({ expiries: [pageExpiry, policyExpiry], reminderDays: buckets, now: T0, lastNotified: {} });
    expect(plan.due).toMatchObject([{ key: 'ad', origin: 'policy', daysLeft: 14, severity: 'info' }]);
    expect(plan.nextWakeAt).toBe(policyExpiry.expiresAt - 8 * dayMs + 1);
  });

  it('ignores invalid and duplicate reminder days', () => {
    const plan = planReminders({
      expiries: [expiry('sso', expiryFromDaysLeft(T0, 3))],
      reminderDays: [3, 3, -1, Number.NaN, 3.7],
      now: T0,
      lastNotified: {},
    });
    expect(plan.due).toHaveLength(1);
    expect(plan.nextWakeAt).toBeNull();
  });
});

describe('cancelling reminders', () => {
  it('stops reminders for a source the moment a change for it succeeds', () => {
    let state = upsertExpiry(emptyRemindersState(), expiry('ad', expiryFromDaysLeft(T0, 7), 'policy'));
    state = upsertExpiry(state, expiry('sso', expiryFromDaysLeft(T0, 7)));
    state = afterShowing(state, planFromState(state, buckets, T0));
    state = onChangeSucceeded(state, ['ad']);
    expect(state.expiries.map((known) => known.key)).toEqual(['sso']);
    expect(state.lastNotified).toEqual({ sso: 7 });
    const { shown } = walk(state, T0, T0 + 8 * dayMs, hour);
    expect(shown.every((reminder) => reminder.key === 'sso')).toBe(true);

    const none = cancelFor(state, 'sso');
    expect(planFromState(none, buckets, T0)).toEqual({ due: [], nextWakeAt: null, lastNotified: {} });
  });

  it('replaces an expiry reported again for the same key', () => {
    const state = upsertExpiry(upsertExpiry(emptyRemindersState(), expiry('sso', T0 + dayMs)), expiry('sso', T0 + 9 * dayMs));
    expect(state.expiries).toEqual([expiry('sso', T0 + 9 * dayMs)]);
  });

  it('survives a round trip through storage and rejects malformed data', () => {
    const state = afterShowing(
      upsertExpiry(emptyRemindersState(), expiry('sso', expiryFromDaysLeft(T0, 7))),
      planFromState(upsertExpiry(emptyRemindersState(), expiry('sso', expiryFromDaysLeft(T0, 7))), buckets, T0),
    );
    expect(parseRemindersState(JSON.parse(JSON.stringify(state)))).toEqual(state);
    expect(parseRemindersState({ expiries: [{ key: 1 }] })).toEqual(emptyRemindersState());
    expect(parseRemindersState(undefined)).toEqual(emptyRemindersState());
  });
});

describe('reminder texts', () => {
  const t = englishTranslator();
  const reminder = (daysLeft: number): Reminder => ({
    key: 'sso',
    label: 'sso.example.com',
    origin: 'page',
    expiresAt: T0,
    daysLeft,
    bucket: Math.max(daysLeft, 0),
    severity: daysLeft <= 1 ? 'urgent' : daysLeft <= 7 ? 'warning' : 'info',
  });

  it('counts the days with plural forms and names the site', () => {
    expect(render(t, describeReminder(reminder(14)).body)).toBe('sso.example.com: your password expires in 14 days.');
    expect(render(t, describeReminder(reminder(1)).body)).toBe('sso.example.com: your password expires in 1 day.');
    expect(render(t, describeReminder(reminder(0)).body)).toBe('sso.example.com: your password expires within a day.');
    expect(render(t, describeReminder(reminder(-1)).body)).toBe('sso.example.com: your password has expired.');
  });

  it('escalates the title with severity and explains where the date came from', () => {
    const titles = [14, 7, 1].map((days) => render(t, describeReminder(reminder(days)).title));
    expect(new Set(titles).size).toBe(3);
    for (const title of titles) expect(title).not.toMatch(/^reminders\./);
    for (const origin of ['page', 'policy'] as const) {
      expect(render(t, originLabel({ ...reminder(3), origin }))).not.toMatch(/^reminders\./);
    }
  });
});
