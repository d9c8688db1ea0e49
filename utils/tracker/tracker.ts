import { queueSettledSubmissions } from './outcomes';
import { applyPollResult, holdBack, settle } from './poll-result';
import { dueAt, giveUpAt, wakeAt } from './schedule';
import { badgeOf, settledNewestFirst, snapshotOf } from './snapshot';
import { firstPollAt, learnedFor, learnFrom } from './timing';
import {
  defaultTrackerOptions,
  type NewChange,
  type Outcome,
  parseTrackerState,
  type StatusPollResult,
  type TrackedChange,
  type TrackerBadge,
  type TrackerOptions,
  type TrackerSnapshot,
  type TrackerState,
} from './types';

/**
 * Follows submitted password changes until ISC settles them, and tells the employee exactly once.
 *
 * Built for a Manifest V3 worker that may be stopped at any moment: every operation reads the state
 * from the store and saves after each single change, so nothing depends on memory surviving. The
 * only in-memory state is the popup's fast-polling flag (the popup sets it again when it reconnects)
 * and the promise chains that keep this instance's own operations from overlapping.
 *
 * Notification delivery is at-least-once, made effectively exactly-once:
 *   1. the settled submission's outcome is queued in the outbox in the same save that settles it;
 *   2. the entry is saved as 'notifying', then `notify` is called, then the entry is removed and the
 *      changes are saved as `notified`.
 * A worker killed before step 2's first save simply delivers on the next run. Killed between
 * `notify` and the final save, the next run finds the entry 'notifying' and asks
 * `isNotificationShown(outcome.id)` (chrome.notifications.getAll): if the notification is still up it
 * is not shown again. Without that answer it notifies again, under the same id, so the platform
 * replaces the notification rather than stacking a second one. The remaining duplicate needs the
 * worker to die in a window of milliseconds *and* the employee to have dismissed the first one.
 * The opposite order (save `notified` first) would instead lose the outcome in that window, which is
 * worse: a silent failure leaves someone believing a password changed when it did not.
 */

export interface TrackerStore {
  /** Returns what `save` stored last, or undefined the first time. Validated on read. */
  load(): Promise<TrackerState | undefined>;
  save(state: TrackerState): Promise<void>;
}

export interface TrackerDeps {
  store: TrackerStore;
  /** One status request; API and network errors already classified (it may also throw: treated as a network error). */
  getStatus(requestId: string): Promise<StatusPollResult>;
  now(): number;
  /** Shows the outcome; should use `outcome.id` as the notification id so a repeat replaces rather than stacks. */
  notify(outcome: Outcome): Promise<void>;
  /** Whether the notification `id` is still displayed; lets a restarted worker avoid repeating one. */
  isNotificationShown?(id: string): Promise<boolean>;
  updateBadge(badge: TrackerBadge): Promise<void>;
  /** Call `pollDue` at `at` (null: nothing to do). Times under ~30 s away need a timer, not an alarm. */
  scheduleWakeUp(at: number | null): Promise<void>;
  random?(): number;
  /** Pause between two status requests of one pass; defaults to setTimeout. */
  sleep?(ms: number): Promise<void>;
  newId?(): string;
  options?: Partial<TrackerOptions>;
}

export interface Tracker {
  /** Starts following changes submitted together (one notification when all settle); first read when ISC is likely done. */
  track(changes: readonly NewChange[]): Promise<TrackedChange[]>;
  /** The wake-up handler: polls every due change once, delivers outstanding notifications, reschedules. Safe on startup. */
  pollDue(): Promise<void>;
  /** Popup open: poll from fastPollMs on, doubling (never before a learned completion time). Only timing changes. */
  setFastPolling(on: boolean): Promise<void>;
  /** Re-reads the store and updates the badge and the wake-up: for when something else changed it (sign-out forgot it). */
  republish(): Promise<void>;
  snapshot(): Promise<TrackerSnapshot>;
  /** The employee has seen the outcomes: clears the failure badge. */
  markSeen(): Promise<void>;
  /** Forgets settled changes (except those still waiting for a batch sibling to settle). */
  clearHistory(): Promise<void>;
  /**
   * The changes a help-desk summary lists (pending first, then history newest first), optionally only `changeIds`.
   * The popup writes the text (utils/tracker/helpdesk-summary.ts), so the worker ships no report layout.
   */
  summaryChanges(changeIds?: readonly string[]): Promise<TrackedChange[]>;
}

/** Keeps the newest `historySize` settled changes, plus any whose outcome has not been queued yet. */
function pruneHistory(state: TrackerState, historySize: number): TrackerState {
  const queued = new Set(state.outbox.flatMap((entry) => entry.outcome.changeIds));
  const dropped = new Set(
    settledNewestFirst(state)
      .slice(historySize)
      .filter((change) => change.notified || queued.has(change.id))
      .map((change) => change.id),
  );
  return dropped.size === 0 ? state : { ...state, changes: state.changes.filter((change) => !dropped.has(change.id)) };
}

function isRateLimited(result: StatusPollResult): boolean {
  return result.kind === 'retry-later' && result.reason === 'rate-limited';
}

/** Runs the tasks given to it one after another, each once the one before has settled (a failure does not stop the next). */
function inOrder(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (task) => {
    const run = tail.then(task);
    tail = run.catch(() => undefined);
    return run;
  };
}

export function createTracker(deps: TrackerDeps): Tracker {
  const options: TrackerOptions = { ...defaultTrackerOptions, ...deps.options };
  const random = deps.random ?? Math.random;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const newId = deps.newId ?? (() => globalThis.crypto.randomUUID());
  let fast = false;
  // State changes and publishes each run one after another (inOrder): a read-modify-write never interleaves with
  // another, and a publish reads the store only once the one before has scheduled.
  const underLock = inOrder();
  const publishInOrder = inOrder();
  let pass: Promise<void> | null = null;
  let delivery: Promise<void> = Promise.resolve();

  async function read(): Promise<TrackerState> {
    return parseTrackerState(await deps.store.load());
  }

  /** Read-modify-write under this instance's lock; network calls never happen inside it. */
  function update(change: (state: TrackerState) => TrackerState): Promise<TrackerState> {
    return underLock(async () => {
      const next = pruneHistory(queueSettledSubmissions(change(await read())), options.historySize);
      await deps.store.save(next);
      return next;
    });
  }

  function updateChange(id: string, change: (tracked: TrackedChange) => TrackedChange): Promise<TrackerState> {
    return update((state) => ({ ...state, changes: state.changes.map((tracked) => (tracked.id === id ? change(tracked) : tracked)) }));
  }

  function nextWake(state: TrackerState): number | null {
    const times = state.changes.filter((change) => change.state === 'pending').map((change) => wakeAt(change, fast, options));
    if (state.outbox.length > 0) times.push(deps.now() + options.slowPollMs);
    return times.length === 0 ? null : Math.min(...times);
  }

  /**
   * The badge and the wake-up from the stored state, one publish after another: each reads the store only once the one
   * before has scheduled, so the last to schedule read last. Run side by side, a publish that read the store before a
   * change was saved could schedule "nothing pending" after the change's own publish, and the change was not read
   * again until the next event (seen in Firefox under load: a change shown "in progress" for 20 s).
   */
  function publish(): Promise<void> {
    return publishInOrder(async () => {
      const state = await read();
      await deps.updateBadge(badgeOf(state));
      await deps.scheduleWakeUp(nextWake(state));
    });
  }

  async function completeDelivery(outcome: Outcome, lastError?: 'notify-failed'): Promise<void> {
    const ids = new Set(outcome.changeIds);
    await update((state) => ({
      ...state,
      outbox: state.outbox.filter((entry) => entry.outcome.id !== outcome.id),
      changes: state.changes.map((change) =>
        ids.has(change.id) ? { ...change, notified: true, ...(lastError ? { lastError } : {}) } : change,
      ),
    }));
  }

  async function deliverOnce(): Promise<void> {
    for (const entry of (await read()).outbox) {
      const { outcome } = entry;
      if (entry.status === 'notifying' && (await deps.isNotificationShown?.(outcome.id))) {
        await completeDelivery(outcome);
        continue;
      }
      await update((state) => ({
        ...state,
        outbox: state.outbox.map((queued) => (queued.outcome.id === outcome.id ? { ...queued, status: 'notifying' as const } : queued)),
      }));
      try {
        await deps.notify(outcome);
      } catch {
        const failures = entry.failures + 1;
        if (failures >= options.maxNotifyAttempts) {
          await completeDelivery(outcome, 'notify-failed');
        } else {
          await update((state) => ({
            ...state,
            outbox: state.outbox.map((queued) =>
              queued.outcome.id === outcome.id ? { ...queued, status: 'ready' as const, failures } : queued,
            ),
          }));
        }
        continue;
      }
      await completeDelivery(outcome);
    }
  }

  function deliver(): Promise<void> {
    delivery = delivery.then(deliverOnce, deliverOnce);
    return delivery;
  }

  /** Polls one change; 'stop' ends the pass (rate limited: the fleet backs off; signed out: every poll would fail). */
  async function pollOne(id: string): Promise<'continue' | 'stop'> {
    const change = (await read()).changes.find((tracked) => tracked.id === id);
    if (change?.state !== 'pending' || change.requestId === null) return 'continue';
    const now = deps.now();
    const overdue = now >= giveUpAt(change, options);
    if (dueAt(change, fast, options) > now) {
      // Pushed back during this pass (another change hit the rate limit) or still in a backoff the server asked for.
      if (overdue) await updateChange(id, (tracked) => settle(tracked, 'unknown', now, 'gave-up'));
      return 'continue';
    }
    let result: StatusPollResult;
    try {
      result = await deps.getStatus(change.requestId);
    } catch {
      result = { kind: 'retry-later', reason: 'network' };
    }
    const polledAt = deps.now();
    await update((state) => {
      let changes = state.changes.map((tracked) =>
        tracked.id === id && tracked.state === 'pending' ? applyPollResult(tracked, result, polledAt, options, random) : tracked,
      );
      const polled = changes.find((tracked) => tracked.id === id);
      if (isRateLimited(result) && polled) changes = changes.map((tracked) => holdBack(tracked, polled.nextPollAt));
      const needsSignIn = result.kind === 'signed-out' ? true : result.kind === 'retry-later' ? state.needsSignIn : false;
      const before = state.changes.find((tracked) => tracked.id === id);
      const settledByIsc = result.kind === 'status' && polled !== undefined && (polled.state === 'finished' || polled.state === 'failed');
      const timings = settledByIsc && before ? learnFrom(state.timings, before, polledAt, options) : state.timings;
      return { ...state, changes, needsSignIn, ...(timings ? { timings } : {}) };
    });
    return result.kind === 'signed-out' || isRateLimited(result) ? 'stop' : 'continue';
  }

  async function runPass(): Promise<void> {
    const startedAt = deps.now();
    const due = (await read()).changes
      .filter((change) => change.state === 'pending' && wakeAt(change, fast, options) <= startedAt)
      .sort((a, b) => wakeAt(a, fast, options) - wakeAt(b, fast, options));
    for (const [index, change] of due.entries()) {
      if (index > 0) await sleep(Math.round(random() * options.passJitterMs));
      if ((await pollOne(change.id)) === 'stop') break;
    }
    await deliver();
    await publish();
  }

  async function snapshot(): Promise<TrackerSnapshot> {
    return snapshotOf(await read(), options.historySize);
  }

  return {
    async track(newChanges) {
      if (newChanges.length === 0) return [];
      const now = deps.now();
      const submissionId = newId();
      const { timings } = await read();
      const created = newChanges.map((change): TrackedChange => {
        const submittedAt = change.submittedAt ?? now;
        const learnedMs = learnedFor(timings, change.sourceId, options);
        const tracked: TrackedChange = {
          id: newId(),
          submissionId,
          requestId: change.requestId,
          identityId: change.identityId,
          sourceId: change.sourceId,
          sourceName: change.sourceName,
          accountId: change.accountId,
          accountName: change.accountName,
          alsoChanges: [...(change.alsoChanges ?? [])],
          submittedAt,
          state: 'pending',
          errors: [],
          sourceIds: [],
          attempts: 0,
          retryStreak: 0,
          // The first read waits until ISC is likely done (timing.ts); the open popup may look earlier.
          nextPollAt: firstPollAt(submittedAt, learnedMs, options),
          ...(learnedMs !== undefined ? { learnedMs } : {}),
          backingOff: false,
          notified: false,
          seen: false,
        };
        // ISC may answer 202 with a null request id (or a lost answer has none): there is nothing to follow.
        if (change.requestId !== null) return tracked;
        return settle(tracked, 'unknown', now, change.accepted ? 'accepted-untracked' : 'no-request-id');
      });
      await update((state) => ({ ...state, changes: [...state.changes, ...created] }));
      await deliver();
      await publish();
      return created;
    },

    pollDue() {
      pass ??= runPass().finally(() => {
        pass = null;
      });
      return pass;
    },

    async setFastPolling(on) {
      fast = on;
      await publish();
    },

    republish: publish,

    snapshot,

    async markSeen() {
      await update((state) => ({
        ...state,
        changes: state.changes.map((change) => (change.state === 'pending' ? change : { ...change, seen: true })),
      }));
      await publish();
    },

    async clearHistory() {
      await update((state) => {
        const waiting = new Set(state.changes.filter((change) => change.state === 'pending').map((change) => change.submissionId));
        return { ...state, changes: state.changes.filter((change) => change.state === 'pending' || waiting.has(change.submissionId)) };
      });
      await publish();
    },

    async summaryChanges(changeIds) {
      const { pending, history } = await snapshot();
      const wanted = changeIds ? new Set(changeIds) : null;
      return [...pending, ...history].filter((change) => !wanted || wanted.has(change.id));
    },
  };
}
