import { browser } from 'wxt/browser';
import { translator } from '@/platform/i18n';
import { loadEffectiveSettings } from '@/platform/settings';
import { builtInExpiryPatterns, parseExpirySites, permissionOrigin, sourceForPage } from '@/utils/expiry/sites';
import type { SenderInfo } from '@/utils/messages/router';
import type { PromptText } from '@/utils/messages/views';
import {
  afterShowing,
  describeReminder,
  expiryFromDaysLeft,
  onChangeSucceeded,
  parseRemindersState,
  planFromState,
  upsertExpiry,
} from '@/utils/reminders';
import type { Settings } from '@/utils/settings/schema';
import { render } from '@/utils/tracker';
import { openPopup } from './open-popup';
import { getLocal, keys, setLocal } from './stores';

const scriptId = 'rekey-expiry-watch';
export const remindersAlarm = 'rekey-reminders';

/**
 * Registers the expiry watcher on the built-in identity-provider hosts and the admin's
 * patterns — but only where the user or policy granted host access. Nothing is requested here.
 */
export async function syncContentScripts(): Promise<string[]> {
  const { settings } = await loadEffectiveSettings();
  const candidates = [...builtInExpiryPatterns, ...parseExpirySites(settings.expiryPagePatterns).map((s) => s.pattern)];
  const granted: string[] = [];
  for (const pattern of candidates) {
    if (await browser.permissions.contains({ origins: [permissionOrigin(pattern)] }).catch(() => false)) granted.push(pattern);
  }
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [scriptId] }).catch(() => []);
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [scriptId] });
  if (granted.length > 0) {
    await browser.scripting.registerContentScripts([
      {
        id: scriptId,
        matches: granted,
        js: ['content-scripts/expiry-watch.js'],
        runAt: 'document_idle',
        allFrames: false,
        persistAcrossSessions: true,
      },
    ]);
  }
  return granted;
}

function siteOf(sender: SenderInfo): string | null {
  const url = sender.tab?.url ?? sender.url;
  try {
    return url ? new URL(url).origin : null;
  } catch {
    return null;
  }
}

async function snoozes(): Promise<Record<string, number>> {
  return (await getLocal<Record<string, number>>(keys.snoozes)) ?? {};
}

/** A page said the password expired or expires soon: record it, and word the prompt unless snoozed. */
export async function reportExpiry(
  kind: 'expired' | 'expiring',
  daysLeft: number | undefined,
  sender: SenderInfo,
): Promise<{ show: false } | { show: true; text: PromptText }> {
  const site = siteOf(sender);
  if (!site) return { show: false };
  const { settings } = await loadEffectiveSettings();
  const sourceName = pageSource(sender, settings);
  const label = settings.sources.find((s) => s.sourceName === sourceName)?.label ?? sourceName;
  if (kind === 'expiring' && daysLeft !== undefined) {
    const state = upsertExpiry(parseRemindersState(await getLocal(keys.reminders)), {
      key: sourceName ?? new URL(site).host,
      label: label ?? new URL(site).host,
      expiresAt: expiryFromDaysLeft(Date.now(), daysLeft),
      origin: 'page',
    });
    await setLocal(keys.reminders, state);
    await runReminders();
  }
  const until = (await snoozes())[site] ?? 0;
  if (until > Date.now()) return { show: false };
  return { show: true, text: promptText(kind, daysLeft) };
}

/** Worded here rather than in the page: the worker knows a policy-forced language, and the script stays small. */
function promptText(kind: 'expired' | 'expiring', daysLeft: number | undefined): PromptText {
  const { t } = translator();
  const message =
    kind === 'expired'
      ? t('prompt.expired')
      : daysLeft === undefined
        ? t('prompt.expiringSoon')
        : daysLeft === 0
          ? t('prompt.expiringToday')
          : t('prompt.expiringIn', [daysLeft], daysLeft);
  return {
    message,
    changeNow: t('prompt.changeNow'),
    notNow: t('prompt.notNow'),
    close: t('prompt.close'),
    regionLabel: t('prompt.region'),
  };
}

export async function snoozeSite(sender: SenderInfo): Promise<void> {
  const site = siteOf(sender);
  if (!site) return;
  const { settings } = await loadEffectiveSettings();
  const now = Date.now();
  const current = Object.fromEntries(Object.entries(await snoozes()).filter(([, until]) => until > now));
  await setLocal(keys.snoozes, { ...current, [site]: now + settings.snoozeHours * 3_600_000 });
}

/** "Change now": open the change flow with the page's source preselected. */
export async function openChangeFlow(sender: SenderInfo): Promise<void> {
  const { settings } = await loadEffectiveSettings();
  await openPopup(pageSource(sender, settings));
}

/** The configured password a page is about (the admin's mapping, else the first source). */
function pageSource(sender: SenderInfo, settings: Settings): string | null {
  const url = sender.tab?.url ?? sender.url ?? '';
  return sourceForPage(
    url,
    parseExpirySites(settings.expiryPagePatterns),
    settings.sources.map((s) => s.sourceName),
  );
}

/** Shows due expiry reminders and sets the alarm for the next one. Local only. */
export async function runReminders(): Promise<void> {
  const { settings } = await loadEffectiveSettings();
  const state = parseRemindersState(await getLocal(keys.reminders));
  const plan = planFromState(state, settings.reminderDays, Date.now());
  const t = translator().t;
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
}

/** A successful change ends the reminders for that password. */
export async function cancelReminders(sourceNames: readonly string[]): Promise<void> {
  const state = parseRemindersState(await getLocal(keys.reminders));
  await setLocal(keys.reminders, onChangeSucceeded(state, sourceNames));
  await runReminders();
}
