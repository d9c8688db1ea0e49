import { browser } from 'wxt/browser';
import { translator } from '@/platform/i18n';
import { loadEffectiveSettingsForDisplay } from '@/platform/settings';
import { emptyPasswordInfoCache } from '@/utils/api/cache';
import type { ChangeView, TrackerView } from '@/utils/messages/views';
import {
  causeOf,
  createTracker,
  formatOutcomeNotification,
  parseTrackerState,
  type StatusPollResult,
  type TrackedChange,
  type Tracker,
} from '@/utils/tracker';
import { needsFreshPublicKey, pollResultFromError, pollResultFromStatus } from '@/utils/tracker/from-api-error';
import { openConnection } from './connection';
import { recordError } from './diagnostics';
import { cancelReminders } from './expiry';
import { getLocal, keys, setLocal, setSession } from './stores';

export const trackerAlarm = 'rekey-tracker';
/** Chrome fires alarms at most every 30 s; shorter waits use a timer while the worker is awake. */
const alarmFloorMs = 30_000;
let timer: ReturnType<typeof setTimeout> | undefined;

/** One status request through the client, classified for the tracker (shared with the fleet bench). */
export async function pollStatus(requestId: string): Promise<StatusPollResult> {
  try {
    const connection = await openConnection();
    const result = pollResultFromStatus(await connection.client.getPasswordChangeStatus(requestId));
    // The documented key rotation: forget cached keys so the employee's next attempt encrypts with the new one.
    if (needsFreshPublicKey(result)) await setSession(keys.passwordInfo, emptyPasswordInfoCache());
    return result;
  } catch (error) {
    void recordError(error);
    return pollResultFromError(error);
  }
}

let instance: Promise<Tracker> | undefined;
let savedListener: (() => void) | undefined;

/** Lets the worker mirror tracker progress to the popup snapshot. */
export function onTrackerSaved(listener: () => void): void {
  savedListener = listener;
}

/** One tracker per worker life; its limits come from settings (reset when they change). */
export function getTracker(): Promise<Tracker> {
  // Not held up by a slow first policy read (seconds in Chromium): rebuilt once the policy is known.
  instance ??= loadEffectiveSettingsForDisplay(250, resetTracker).then(async ({ settings }) => {
    const tracker = createBrowserTracker(settings.statusTimeoutMinutes * 60_000);
    // A tracker rebuilt while the popup is open must keep its fast cadence.
    if (openPopups > 0) await tracker.setFastPolling(true);
    return tracker;
  });
  return instance;
}

let openPopups = 0;

/** The popup (or popup.html in a tab) connected or went away: poll faster while one is open. */
export async function popupConnected(open: boolean): Promise<void> {
  openPopups = Math.max(0, openPopups + (open ? 1 : -1));
  await (await getTracker()).setFastPolling(openPopups > 0);
}

export function resetTracker(): void {
  instance = undefined;
}

function createBrowserTracker(giveUpAfterMs: number): Tracker {
  return createTracker({
    store: {
      load: async () => {
        const stored = await getLocal(keys.tracker);
        return stored === undefined ? undefined : parseTrackerState(stored);
      },
      save: async (state) => {
        await setLocal(keys.tracker, state);
        savedListener?.();
      },
    },
    getStatus: pollStatus,
    now: Date.now,
    notify: async (outcome) => {
      const succeeded = outcome.sources.filter((s) => s.state === 'finished').map((s) => s.sourceName);
      if (succeeded.length > 0) await cancelReminders(succeeded).catch(() => undefined);
      const { title, message } = formatOutcomeNotification(outcome, translator().t);
      const failed = outcome.kind !== 'finished' && outcome.kind !== 'not-readable';
      await browser.notifications.create(outcome.id, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title,
        message,
        priority: failed ? 2 : 0,
        // Firefox notifications have no buttons; there a click on the notification does the same.
        ...(failed && import.meta.env.CHROME ? { buttons: [{ title: translator().t('tracker.notify.tryAgain') }] } : {}),
      });
    },
    isNotificationShown: async (id) => id in ((await browser.notifications.getAll()) as Record<string, unknown>),
    updateBadge: async ({ pending, failed }) => {
      const text = failed > 0 ? '!' : pending > 0 ? String(pending) : '';
      await browser.action.setBadgeText({ text });
      await browser.action.setBadgeBackgroundColor({ color: failed > 0 ? '#b42318' : '#0b5cad' });
    },
    scheduleWakeUp: async (at) => {
      clearTimeout(timer);
      if (at === null) {
        await browser.alarms.clear(trackerAlarm);
        return;
      }
      const wait = Math.max(0, at - Date.now());
      // A pass that fails (storage.local refusing a write) must not surface as an unhandled rejection: the
      // alarm below runs it again, and nothing is lost because every step saves before it moves on.
      if (wait < alarmFloorMs)
        timer = setTimeout(
          () =>
            void getTracker()
              .then((t) => t.pollDue())
              .catch(() => undefined),
          wait,
        );
      // The alarm is the safety net when the worker is stopped before the timer fires.
      await browser.alarms.create(trackerAlarm, { when: Math.max(at, Date.now() + alarmFloorMs) });
    },
    options: { giveUpAfterMs },
  });
}

export function toChangeView(change: TrackedChange): ChangeView {
  const cause = causeOf(change);
  return {
    id: change.id,
    submissionId: change.submissionId,
    requestId: change.requestId,
    sourceName: change.sourceName,
    accountName: change.accountName,
    alsoChanges: change.alsoChanges,
    submittedAt: change.submittedAt,
    ...(change.settledAt !== undefined ? { settledAt: change.settledAt } : {}),
    state: change.state,
    seen: change.seen,
    errors: change.errors,
    causes: cause ? [{ key: cause.key, params: (cause.params ?? []).map(String) }] : [],
  };
}

export async function trackerView(): Promise<TrackerView> {
  const snapshot = await (await getTracker()).snapshot();
  return {
    pending: snapshot.pending.map(toChangeView),
    history: snapshot.history.map(toChangeView),
    badge: snapshot.badge,
    needsSignIn: snapshot.needsSignIn,
  };
}
