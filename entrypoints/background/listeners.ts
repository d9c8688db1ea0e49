import { type Browser, browser } from 'wxt/browser';
import { classifySender } from '@/utils/messages/router';
import { uiSnapshotKey } from '../shared/ui-snapshot-key';
import { clipboardWipeAlarm } from './clipboard';
import { remindersAlarm } from './reminders';
import type { WorkerServices } from './root';
import { getSession, keys, removeLegacyPatSecret, setSession } from './storage';
import { trackerAlarm } from './tracking';

/** Storage keys whose change changes what the pages show (the snapshot itself is not one of them). */
const watchedKeys = new Set<string>([keys.session, keys.tracker, keys.preselect, keys.settings]);

/** How long a worker started without an event for it (installed, or Firefox's background page at browser start) waits. */
export const startUpWithoutEventMs = 100;

/**
 * Worker start-up. Every listener is added synchronously (a worker woken by an alarm or a click must hear it); the
 * start-up steps, which only rebuild state from storage, run after the event that woke the worker was handled (see
 * afterFirstEvent).
 */
export function startWorker(services: WorkerServices, identity: { extensionId: string; extensionOrigin: string }): void {
  const { tracking, reminders, pagePrompt, uiState, popup, translator, settings } = services;
  const route = services.route;
  const woke = afterFirstEvent(() => startUpSteps(services));
  // Answered through sendResponse, kept open by returning true: honoured by Chromium and Firefox alike without the
  // polyfill (the worker is built without it), where a returned promise is not everywhere.
  browser.runtime.onMessage.addListener(
    woke((message, sender, sendResponse) => {
      void route(message, sender).then(sendResponse, () => sendResponse(undefined));
      return true as const;
    }),
  );

  browser.alarms.onAlarm.addListener(
    woke((alarm) => {
      if (alarm.name === trackerAlarm) void settle(async () => (await tracking.tracker()).pollDue());
      if (alarm.name === remindersAlarm) void settle(() => reminders.run());
      if (alarm.name === clipboardWipeAlarm) void settle(() => services.clipboardWiper.run());
    }),
  );

  // Host access granted or withdrawn (by the user or by policy) changes where the watcher runs and what pages show.
  const permissionsChanged = woke(() => {
    void settle(() => pagePrompt.syncContentScripts());
    uiState.changed();
  });
  browser.permissions.onAdded.addListener(permissionsChanged);
  browser.permissions.onRemoved.addListener(permissionsChanged);

  // Our own pages (the popup, popup.html in a tab, the options page) connect to receive state; never a content script.
  browser.runtime.onConnect.addListener(
    woke((port: Browser.runtime.Port) => {
      if (!port.name.startsWith('ui:') || !port.sender) return;
      if (classifySender(port.sender, identity.extensionId, identity.extensionOrigin) !== 'extension-page') return;
      uiState.attach(port);
      if (port.name !== 'ui:popup') return;
      // While a popup is open, pending changes are polled faster.
      void settle(() => tracking.popupOpen(true));
      port.onDisconnect.addListener(() => void settle(() => tracking.popupOpen(false)));
    }),
  );

  // One observer for everything the pages show: the tracker, the session and the preselection all live in storage.
  browser.storage.onChanged.addListener(
    woke((changes: Record<string, unknown>, area: string) => {
      if (area === 'managed' || Object.keys(changes).some((key) => key !== uiSnapshotKey && watchedKeys.has(key))) uiState.changed();
    }),
  );

  browser.notifications.onClicked.addListener(woke(() => void settle(() => popup.open())));
  // "Try again" on a failed change: open the change flow on that change's password.
  browser.notifications.onButtonClicked?.addListener(
    woke((notificationId: string) => void settle(() => tryAgain(services, notificationId))),
  );

  settings.watch(() => {
    tracking.reset();
    translator.reload();
    void settle(() => pagePrompt.syncContentScripts());
  });
}

/**
 * Wraps each listener so that the worker's start-up steps run once per worker life, just after the first event's
 * listener has run: a message is answered first (the ping, a popup's state, a page's report need none of the steps),
 * and storage calls issued at start no longer sit between the event and its answer in the browser's queue nor in
 * this worker's. A listener that awaits storage (a popup's state) has issued its reads before the steps issue theirs.
 * A worker started with no event for it still runs them, after `startUpWithoutEventMs`.
 */
export function afterFirstEvent(steps: () => void, withoutEventMs = startUpWithoutEventMs) {
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    clearTimeout(withoutEvent);
    steps();
  };
  const withoutEvent = setTimeout(start, withoutEventMs);
  return <A extends unknown[], R>(listener: (...args: A) => R) =>
    (...args: A): R => {
      // A task of its own: after the listener's promise reactions, where a message's answer is sent.
      if (!started) setTimeout(start, 0);
      return listener(...args);
    };
}

/** What every worker life does once, each step on its own: one failing (an API a browser lacks, storage trouble) must not stop the others. */
function startUpSteps(services: WorkerServices): void {
  const { tracking, pagePrompt, uiState } = services;
  // Content scripts run beside hostile pages: no storage area is theirs to read or write (settings say where
  // sign-ins go; the session holds tokens). Firefox has no such call (see SECURITY.md).
  for (const area of [browser.storage.session, browser.storage.local, browser.storage.sync]) {
    void settle(async () =>
      (area as { setAccessLevel?: (options: { accessLevel: string }) => Promise<void> }).setAccessLevel?.({
        accessLevel: 'TRUSTED_CONTEXTS',
      }),
    );
  }
  void settle(() => oncePerBrowserSession(pagePrompt));
  // Changes submitted before a restart are picked up again here; the alarm retries if this fails.
  void settle(() => tracking.resume()).then(() => uiState.changed());
}

/**
 * Registered content scripts outlive the worker (persistAcrossSessions), so they are set again only once per browser
 * session — storage.session starts empty after a browser start and after an update — and whenever settings or host
 * access change; not at every wake-up (that would load the page chunk each time), and without a runtime.onStartup
 * listener, which would start the worker beside the first popup of every browser start. The legacy secret's removal
 * (nothing writes it any more) rides along.
 */
async function oncePerBrowserSession(pagePrompt: WorkerServices['pagePrompt']): Promise<void> {
  if ((await getSession(keys.contentScriptsSynced)) === true) return;
  await Promise.all([pagePrompt.syncContentScripts(), removeLegacyPatSecret()]);
  await setSession(keys.contentScriptsSynced, true);
}

async function settle(step: () => Promise<unknown>): Promise<void> {
  try {
    await step();
  } catch {
    // Nothing to tell anyone from here: the next event or alarm runs the step again.
  }
}

async function tryAgain(services: WorkerServices, submissionId: string): Promise<void> {
  const view = await services.tracking.view();
  const change = [...view.history, ...view.pending].find((c) => c.submissionId === submissionId);
  await services.popup.open(change?.sourceName);
}
