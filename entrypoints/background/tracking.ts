import type { ChangeView, TrackerView } from '@/utils/messages/views';
import {
  causeOf,
  defaultTrackerOptions,
  type ExplainFailure,
  emptyTrackerState,
  hasWork,
  parseTrackerState,
  type StatusPollResult,
  snapshotOf,
  type TrackedChange,
  type Tracker,
  type TrackerState,
  type TrackerStore,
} from '@/utils/tracker';
import type { SettingsSource } from './settings';
import { getLocal, keys, setLocal } from './storage';
import type { TrackerEngine } from './tracker-engine';

export const trackerAlarm = 'rekey-tracker';
/** Chrome fires alarms at most every 30 s; shorter waits use a timer while the worker is awake. */
export const alarmFloorMs = 30_000;

/** Where the tracker keeps its state; read here for the pages' view, and by the tracker engine that changes it. */
export const trackerStore: TrackerStore = {
  load: async () => {
    const stored = await getLocal(keys.tracker);
    return stored === undefined ? undefined : parseTrackerState(stored);
  },
  save: (state) => setLocal(keys.tracker, state),
};

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
  /** What the pages show, read from storage without building the tracker. */
  view(): Promise<TrackerView>;
  /** A worker start: picks up changes submitted before it (and outcomes not yet delivered), if there are any. */
  resume(): Promise<void>;
  /** One status request through the client, classified for the tracker (shared with the fleet bench). */
  pollStatus(requestId: string): Promise<StatusPollResult>;
}

/**
 * The tracker is built only when there is something to follow: most worker lives (a popup showing the state, a page
 * prompt, a settings change) never load the network chunk that follows changes.
 */
export function createTracking(deps: { settings: SettingsSource; engine: () => TrackerEngine }): Tracking {
  let instance: Promise<Tracker> | undefined;
  let openPopups = 0;

  async function storedState(): Promise<TrackerState> {
    return (await trackerStore.load()) ?? emptyTrackerState();
  }

  /** A tracker exists, or the stored state has something to follow, deliver or show on the badge. */
  async function needsTracker(): Promise<boolean> {
    return instance !== undefined || hasWork(await storedState());
  }

  const tracking: Tracking = {
    tracker() {
      // Not held up by a slow first policy read (seconds in Chromium): rebuilt once the policy is known.
      instance ??= deps.settings
        .loadForDisplay(250, () => tracking.reset())
        .then(async ({ settings }) => {
          const tracker = deps.engine().build(settings.statusTimeoutMinutes * 60_000);
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
      // A tracker built later starts fast if a popup is open; one that exists changes cadence now.
      if (await needsTracker()) await (await tracking.tracker()).setFastPolling(openPopups > 0);
    },
    async view() {
      const snapshot = snapshotOf(await storedState(), defaultTrackerOptions.historySize);
      // Reading ISC's errors takes tables kept in the network chunk: loaded only when there is a failure to explain.
      const explainFailure: ExplainFailure = (errors, sourceName) => deps.engine().explainFailure(errors, sourceName);
      const view = (change: TrackedChange) => toChangeView(change, explainFailure);
      return {
        pending: snapshot.pending.map(view),
        history: snapshot.history.map(view),
        badge: snapshot.badge,
        needsSignIn: snapshot.needsSignIn,
      };
    },
    async resume() {
      if (await needsTracker()) await (await tracking.tracker()).pollDue();
    },
    pollStatus: (requestId) => deps.engine().pollStatus(requestId),
  };
  return tracking;
}

export function toChangeView(change: TrackedChange, explainFailure: ExplainFailure): ChangeView {
  const cause = causeOf(change, explainFailure);
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
