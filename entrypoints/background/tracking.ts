import { browser } from 'wxt/browser';
import { emptyPasswordInfoCache } from '@/utils/api/cache';
import type { ChangeView, TrackerView } from '@/utils/messages/views';
import {
  causeOf,
  createTracker,
  formatOutcomeNotification,
  offersTryAgain,
  parseTrackerState,
  type StatusPollResult,
  type TrackedChange,
  type Tracker,
} from '@/utils/tracker';
import { needsFreshPublicKey, pollResultFromError, pollResultFromStatus } from '@/utils/tracker/from-api-error';
import type { ApiConnections } from './api';
import type { Diagnostics } from './diagnostics';
import type { Reminders } from './reminders';
import type { SettingsSource } from './settings';
import { getLocal, keys, setLocal, setSession } from './storage';
import type { WorkerTranslator } from './translator';

export const trackerAlarm = 'rekey-tracker';
/** Chrome fires alarms at most every 30 s; shorter waits use a timer while the worker is awake. */
const alarmFloorMs = 30_000;

/** Follows submitted changes to their outcome across worker restarts; notifies and keeps the badge. */
export interface Tracking {
  /** The tracker for this worker life; its limits come from settings (rebuilt when they change). */
  tracker(): Promise<Tracker>;
  /** Settings changed: the next `tracker()` is built with the new limits. */
  reset(): void;
  /** The employee's changes were removed (sign-out): clear the badge and any wake-up. */
  forgotten(): Promise<void>;
  /** A popup opened or closed: poll faster while one is open. */
  popupOpen(open: boolean): Promise<void>;
  view(): Promise<TrackerView>;
  /** One status request through the client, classified for the tracker (shared with the fleet bench). */
  pollStatus(requestId: string): Promise<StatusPollResult>;
}

export function createTracking(deps: {
  settings: SettingsSource;
  api: ApiConnections;
  diagnostics: Diagnostics;
  reminders: Reminders;
  translator: WorkerTranslator;
}): Tracking {
  let instance: Promise<Tracker> | undefined;
  let openPopups = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function pollStatus(requestId: string): Promise<StatusPollResult> {
    try {
      const { client } = await deps.api.open();
      const result = pollResultFromStatus(await client.getPasswordChangeStatus(requestId));
      // The documented key rotation: forget cached keys so the employee's next attempt encrypts with the new one.
      if (needsFreshPublicKey(result)) await setSession(keys.passwordInfo, emptyPasswordInfoCache());
      return result;
    } catch (error) {
      void deps.diagnostics.recordError(error);
      return pollResultFromError(error);
    }
  }

  function build(giveUpAfterMs: number): Tracker {
    return createTracker({
      store: {
        load: async () => {
          const stored = await getLocal(keys.tracker);
          return stored === undefined ? undefined : parseTrackerState(stored);
        },
        save: (state) => setLocal(keys.tracker, state),
      },
      getStatus: pollStatus,
      now: Date.now,
      notify: async (outcome) => {
        const succeeded = outcome.sources.filter((s) => s.state === 'finished').map((s) => s.sourceName);
        if (succeeded.length > 0) await deps.reminders.cancel(succeeded).catch(() => undefined);
        const { t } = deps.translator.current();
        const { title, message } = formatOutcomeNotification(outcome, t);
        const failed = outcome.kind !== 'finished' && outcome.kind !== 'not-readable';
        await browser.notifications.create(outcome.id, {
          type: 'basic',
          iconUrl: browser.runtime.getURL('/icon/128.png'),
          title,
          message,
          priority: failed ? 2 : 0,
          // Firefox notifications have no buttons; there a click on the notification does the same.
          ...(offersTryAgain(outcome) && import.meta.env.CHROME ? { buttons: [{ title: t('tracker.notify.tryAgain') }] } : {}),
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
              void tracking
                .tracker()
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

  const tracking: Tracking = {
    tracker() {
      // Not held up by a slow first policy read (seconds in Chromium): rebuilt once the policy is known.
      instance ??= deps.settings
        .loadForDisplay(250, () => tracking.reset())
        .then(async ({ settings }) => {
          const tracker = build(settings.statusTimeoutMinutes * 60_000);
          // A tracker rebuilt while the popup is open must keep its fast cadence.
          if (openPopups > 0) await tracker.setFastPolling(true);
          return tracker;
        });
      return instance;
    },
    reset() {
      instance = undefined;
    },
    async forgotten() {
      // The (now empty) store clears the badge and cancels the alarm.
      await (await tracking.tracker()).republish();
    },
    async popupOpen(open) {
      openPopups = Math.max(0, openPopups + (open ? 1 : -1));
      await (await tracking.tracker()).setFastPolling(openPopups > 0);
    },
    async view() {
      const snapshot = await (await tracking.tracker()).snapshot();
      return {
        pending: snapshot.pending.map(toChangeView),
        history: snapshot.history.map(toChangeView),
        badge: snapshot.badge,
        needsSignIn: snapshot.needsSignIn,
      };
    },
    pollStatus,
  };
  return tracking;
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
