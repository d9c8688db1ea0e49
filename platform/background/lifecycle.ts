import { browser } from 'wxt/browser';
import { initI18n } from '@/platform/i18n';
import { loadEffectiveSettings, watchSettings } from '@/platform/settings';
import { classifySender } from '@/utils/messages/router';
import { remindersAlarm, runReminders, syncContentScripts } from './expiry';
import { popupState } from './state';
import { getTracker, onTrackerSaved, popupConnected, resetTracker, trackerAlarm } from './tracking';

/**
 * Worker start-up. Every listener is added synchronously (a worker woken by an alarm or a
 * click must hear it); the async work afterwards only rebuilds state from storage.
 */
export function startBackground(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === trackerAlarm) void getTracker().then((tracker) => tracker.pollDue());
    if (alarm.name === remindersAlarm) void runReminders();
  });

  // Host access granted or withdrawn (by the user or by policy) changes where the watcher runs.
  browser.permissions.onAdded.addListener(() => void syncContentScripts());
  browser.permissions.onRemoved.addListener(() => void syncContentScripts());

  browser.runtime.onConnect.addListener((port) => {
    // Only our own pages (the popup, or popup.html opened in a tab), never a content script.
    const origin = browser.runtime.getURL('/').replace(/\/$/, '');
    if (port.name !== 'popup' || !port.sender || classifySender(port.sender, browser.runtime.id, origin) !== 'extension-page') return;
    void popupConnected(true);
    port.onDisconnect.addListener(() => void popupConnected(false));
  });

  let snapshotTimer: ReturnType<typeof setTimeout> | undefined;
  onTrackerSaved(() => {
    clearTimeout(snapshotTimer);
    snapshotTimer = setTimeout(() => void popupState(), 50);
  });

  const openStatus = () => void openStatusView();
  browser.notifications.onClicked.addListener(openStatus);
  browser.notifications.onButtonClicked?.addListener(openStatus);

  watchSettings(() => {
    resetTracker();
    void syncContentScripts();
    void loadEffectiveSettings().then(({ settings }) => initI18n(settings.language));
    void popupState();
  });

  void (async () => {
    const { settings } = await loadEffectiveSettings();
    await initI18n(settings.language);
    await browser.storage.session.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => undefined);
    await syncContentScripts().catch(() => undefined);
    // Changes submitted before a restart are picked up again here.
    await (await getTracker()).pollDue();
    await popupState();
  })();
}

/** The status view: the popup when the browser lets us open it, a tab otherwise. */
async function openStatusView(): Promise<void> {
  try {
    await browser.action.openPopup();
  } catch {
    await browser.tabs.create({ url: browser.runtime.getURL('/popup.html') });
  }
}
