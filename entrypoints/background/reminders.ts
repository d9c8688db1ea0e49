import { browser } from 'wxt/browser';
import {
  afterShowing,
  describeReminder,
  expiryFromDaysLeft,
  onChangeSucceeded,
  parseRemindersState,
  planFromState,
  upsertExpiry,
} from '@/utils/reminders';
import { render } from '@/utils/tracker';
import type { SettingsSource } from './settings';
import { getLocal, keys, setLocal } from './storage';
import type { WorkerTranslator } from './translator';

export const remindersAlarm = 'rekey-reminders';

/** Local reminders before a known password expiry (14/7/3/1/0 days by default); nothing leaves the machine. */
export interface Reminders {
  /** A watched page said the password expires in `daysLeft` days. */
  recordExpiry(entry: { key: string; label: string; daysLeft: number }): Promise<void>;
  /** Shows due reminders and sets the alarm for the next one. */
  run(): Promise<void>;
  /** A successful change ends the reminders for those passwords. */
  cancel(sourceNames: readonly string[]): Promise<void>;
}

export function createReminders(settings: SettingsSource, translator: WorkerTranslator): Reminders {
  const reminders: Reminders = {
    async recordExpiry({ key, label, daysLeft }) {
      const state = parseRemindersState(await getLocal(keys.reminders));
      const expiresAt = expiryFromDaysLeft(Date.now(), daysLeft);
      // A page may bring an expiry forward, never push a known one back: only a successful change does that.
      const known = state.expiries.find((entry) => entry.key === key);
      if (known && known.expiresAt <= expiresAt) return;
      await setLocal(keys.reminders, upsertExpiry(state, { key, label, expiresAt, origin: 'page' }));
      await reminders.run();
    },

    async run() {
      const { reminderDays } = (await settings.load()).settings;
      const state = parseRemindersState(await getLocal(keys.reminders));
      const plan = planFromState(state, reminderDays, Date.now());
      const { t } = await translator.current();
      for (const reminder of plan.due) {
        const { title, body } = describeReminder(reminder);
        await browser.notifications.create(`reminder-${reminder.key}`, {
          type: 'basic',
          iconUrl: browser.runtime.getURL('/icon/128.png'),
          title: render(t, title),
          message: render(t, body),
          priority: reminder.severity === 'urgent' ? 2 : 0,
        });
      }
      await setLocal(keys.reminders, afterShowing(state, plan));
      if (plan.nextWakeAt === null) await browser.alarms.clear(remindersAlarm);
      else await browser.alarms.create(remindersAlarm, { when: Math.max(plan.nextWakeAt, Date.now() + 30_000) });
    },

    async cancel(sourceNames) {
      const state = parseRemindersState(await getLocal(keys.reminders));
      await setLocal(keys.reminders, onChangeSucceeded(state, sourceNames));
      await reminders.run();
    },
  };
  return reminders;
}
