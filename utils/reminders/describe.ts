import type { Message } from '@/utils/tracker/message';
import type { Reminder } from './types';

/** Notification text for a reminder: the title escalates with severity, the body counts the days. */
export function describeReminder(reminder: Reminder): { title: Message; body: Message } {
  const title: Message = { key: `reminders.title.${reminder.severity}` };
  if (reminder.daysLeft < 0) return { title, body: { key: 'reminders.body.expired', params: [reminder.label] } };
  return {
    title,
    body: { key: 'reminders.body.expiresIn', params: [String(reminder.daysLeft), reminder.label], count: reminder.daysLeft },
  };
}

export function originLabel(reminder: Reminder): Message {
  return { key: `reminders.origin.${reminder.origin}` };
}
