import { browser } from 'wxt/browser';
import { emptyPasswordInfoCache } from '@/utils/api/cache';
import {
  createTracker,
  type ExplainFailure,
  explainChangeErrors,
  formatOutcomeNotification,
  offersTryAgain,
  type StatusPollResult,
  type Tracker,
} from '@/utils/tracker';
import { needsFreshPublicKey, pollResultFromError, pollResultFromStatus } from '@/utils/tracker/from-api-error';
import type { ApiConnections } from './api';
import type { Diagnostics } from './diagnostics';
import type { Reminders } from './reminders';
import { keys, setSession } from './storage';
import { alarmFloorMs, trackerAlarm, trackerStore } from './tracking';
import type { WorkerTranslator } from './translator';

/**
 * The part of tracking that follows changes over the network: status reads, notifications, the badge and wake-ups.
 * It lives in the worker's network chunk (entrypoints/background/chunks.ts): a worker woken only to show the state
 * does not load it.
 */
export interface TrackerEngine {
  build(giveUpAfterMs: number): Tracker;
  /** One status request through the client, classified for the tracker (shared with the fleet bench). */
  pollStatus(requestId: string): Promise<StatusPollResult>;
  explainFailure: ExplainFailure;
}

export function createTrackerEngine(deps: {
  api: ApiConnections;
  diagnostics: Diagnostics;
  reminders: Reminders;
  translator: WorkerTranslator;
  /** Runs a pass when a short wait (under the alarm floor) ends while the worker is awake. */
  wakeUp(): void;
}): TrackerEngine {
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
      store: trackerStore,
      getStatus: pollStatus,
      now: Date.now,
      notify: async (outcome) => {
        const succeeded = outcome.sources.filter((s) => s.state === 'finished').map((s) => s.sourceName);
        if (succeeded.length > 0) await deps.reminders.cancel(succeeded).catch(() => undefined);
        const { t } = await deps.translator.current();
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
        if (wait < alarmFloorMs) timer = setTimeout(deps.wakeUp, wait);
        // The alarm is the safety net when the worker is stopped before the timer fires.
        await browser.alarms.create(trackerAlarm, { when: Math.max(at, Date.now() + alarmFloorMs) });
      },
      options: { giveUpAfterMs },
    });
  }

  return { build, pollStatus, explainFailure: explainChangeErrors };
}
