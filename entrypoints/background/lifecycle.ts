import { browser } from 'wxt/browser';
import { initI18n } from '@/platform/i18n';
import { loadEffectiveSettings, watchSettings } from '@/platform/settings';
import { classifySender } from '@/utils/messages/router';
import { remindersAlarm, runReminders, syncContentScripts } from './expiry';
import { openPopup } from './open-popup';
import { popupState } from './state';
import { getTracker, onTrackerSaved, popupConnected, resetTracker, trackerAlarm } from './tracking';

/**
 * Worker start-up. Every listener is added synchronously (a worker woken by an alarm or a
 * click must hear it); the async work afterwards only rebuilds state from storage.
 */
export function startBackground(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === trackerAlarm) void settle(async () => (await getTracker()).pollDue());
    if (alarm.name === remindersAlarm) void settle(runReminders);
  });

  // Host access granted or withdrawn (by the user or by policy) changes where the watcher runs.
  browser.permissions.onAdded.addListener(() => void settle(syncContentScripts));
  browser.permissions.onRemoved.addListener(() => void settle(syncContentScripts));

  browser.runtime.onConnect.addListener((port) => {
    // Only our own pages (the popup, or popup.html opened in a tab), never a content script.
    const origin = browser.runtime.getURL('/').replace(/\/$/, '');
    if (port.name !== 'popup' || !port.sender || classifySender(port.sender, browser.runtime.id, origin) !== 'extension-page') return;
    void settle(() => popupConnected(true));
    port.onDisconnect.addListener(() => void settle(() => popupConnected(false)));
  });

  let snapshotTimer: ReturnType<typeof setTimeout> | undefined;
  onTrackerSaved(() => {
    clearTimeout(snapshotTimer);
    snapshotTimer = setTimeout(() => void settle(popupState), 50);
  });

  const openStatus = () => void settle(() => openPopup());
  browser.notifications.onClicked.addListener(openStatus);
  // "Try again" on a failed change: open the change flow on that change's password.
  browser.notifications.onButtonClicked?.addListener((notificationId) => void settle(() => tryAgain(notificationId)));

  watchSettings(() => {
    resetTracker();
    void settle(syncContentScripts);
    void settle(async () => initI18n((await loadEffectiveSettings()).settings.language));
    void settle(popupState);
  });

  // Each step on its own: one failing (an API a browser lacks, storage trouble) must not stop the others.
  void settle(async () => initI18n((await loadEffectiveSettings()).settings.language));
  // Already the default in Chrome; said explicitly because tokens live there. Firefox has no such call.
  void settle(async () => browser.storage.session.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' }));
  void settle(syncContentScripts);
  // Changes submitted before a restart are picked up again here; the alarm retries if this fails.
  void settle(async () => (await getTracker()).pollDue()).then(() => settle(popupState));
}

async function settle(step: () => Promise<unknown>): Promise<void> {
  try {
    await step();
  } catch {
    // Nothing to tell anyone from here: the next event or alarm runs the step again.
  }
}

async function tryAgain(submissionId: string): Promise<void> {
  const snapshot = await (await getTracker()).snapshot();
  const change = [...snapshot.history, ...snapshot.pending].find((c) => c.submissionId === submissionId);
  await openPopup(change?.sourceName);
}
