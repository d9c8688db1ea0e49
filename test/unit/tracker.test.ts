import { readFileSync } from 'node:fs';
import { generateChromeMessages, parseMessagesText } from '@wxt-dev/i18n/build';
import { describe, expect, it, vi } from 'vitest';
import { createTranslator, lookupIn } from '@/utils/i18n/translate';
import { explainChangeError, explainChangeErrors } from '@/utils/tracker/explain-error';
import { formatHelpdeskSummary } from '@/utils/tracker/helpdesk-summary';
import { formatOutcomeNotification, stateLabel } from '@/utils/tracker/notification';
import { createTracker, type TrackerDeps, type TrackerStore } from '@/utils/tracker/tracker';
import {
  changeStates,
  defaultTrackerOptions,
  type NewChange,
  type Outcome,
  parseTrackerState,
  type StatusPollResult,
  type TrackerBadge,
  type TrackerState,
} from '@/utils/tracker/types';

// ---------------------------------------------------------------------------------------------
// Tiny fakes: an in-memory storage.local, a scripted ISC, a fake clock and a notification centre.
// ---------------------------------------------------------------------------------------------

const T0 = Date.UTC(2025, 2, 3, 9, 0, 0);
const second = 1_000;
const minute = 60 * second;

function memoryStore() {
  let saved: TrackerState | undefined;
  const store = {
    saves: 0,
    /** Simulates the worker dying: every save from now on throws. */
    dead: false,
    async load() {
      return saved === undefined ? undefined : structuredClone(saved);
    },
    async save(state: TrackerState) {
      if (store.dead) throw new Error('worker stopped');
      saved = structuredClone(state);
      store.saves += 1;
    },
    get state(): TrackerState | undefined {
      return saved;
    },
    set state(value: unknown) {
      saved = value as TrackerState;
    },
  };
  return store satisfies TrackerStore;
}

const inProgress: StatusPollResult = { kind: 'status', state: 'IN_PROGRESS', errors: [], sourceIds: [] };
const finished = (sourceIds: string[] = []): StatusPollResult => ({ kind: 'status', state: 'FINISHED', errors: [], sourceIds });
const failed = (...errors: string[]): StatusPollResult => ({ kind: 'status', state: 'FAILED', errors, sourceIds: [] });
const serverError: StatusPollResult = { kind: 'retry-later', reason: 'server' };
const rateLimited = (retryAfterMs?: number): StatusPollResult => ({ kind: 'retry-later', reason: 'rate-limited', retryAfterMs });

function harness(overrides: Partial<TrackerDeps> = {}) {
  const clock = { now: T0 };
  const store = memoryStore();
  /** Per request id, the answers ISC gives in order; the last one repeats. */
  const script = new Map<string, StatusPollResult[]>();
  const calls: { requestId: string; at: number }[] = [];
  const notifications: Outcome[] = [];
  const shown = new Set<string>();
  const badges: TrackerBadge[] = [];
  const wakeUps: (number | null)[] = [];
  let ids = 0;

  const deps = (more: Partial<TrackerDeps> = {}): TrackerDeps => ({
    store,
    async getStatus(requestId) {
      calls.push({ requestId, at: clock.now });
      const answers = script.get(requestId) ?? [];
      const answer = answers.length > 1 ? answers.shift() : answers[0];
      if (!answer) throw new Error(`no scripted answer for ${requestId}`);
      return answer;
    },
    now: () => clock.now,
    async notify(outcome) {
      notifications.push(outcome);
      shown.add(outcome.id);
    },
    isNotificationShown: async (id) => shown.has(id),
    updateBadge: async (badge) => void badges.push(badge),
    scheduleWakeUp: async (at) => void wakeUps.push(at),
    random: () => 0.5,
    sleep: async (ms) => {
      clock.now += ms;
    },
    newId: () => `id-${++ids}`,
    // These specifications are about what each answer does, so the first read happens at once; when it happens
    // in the product (learned per source, or the default) is specified under 'change tracker: timing'.
    options: { defaultFirstPollMs: 0 },
    ...overrides,
    ...more,
  });

  return {
    clock,
    store,
    script,
    calls,
    notifications,
    shown,
    badges,
    wakeUps,
    deps,
    /** A fresh tracker over the same storage, as after a worker restart. */
    start: (more: Partial<TrackerDeps> = {}) => createTracker(deps(more)),
    lastWakeUp: () => wakeUps.at(-1) ?? null,
    /** What the background does when the alarm fires: move the clock to the wake-up time and poll. */
    async wake(tracker: ReturnType<typeof createTracker>) {
      const at = wakeUps.at(-1);
      if (at === null || at === undefined) return false;
      clock.now = Math.max(clock.now, at);
      await tracker.pollDue();
      return true;
    },
  };
}

function change(n: number, requestId: string | null = `req-${n}`, extra: Partial<NewChange> = {}): NewChange {
  return {
    requestId,
    identityId: 'identity-2c91808568c529c60168cca6f90c1313',
    sourceId: `source-${n}`,
    sourceName: ['Active Directory', 'Workday', 'Corporate LDAP', 'G Suite'][n % 4] ?? `Source ${n}`,
    accountId: `CN=Abby Smith,OU=Users,DC=corp,DC=example,DC=com#${n}`,
    accountName: 'abby.smith',
    ...extra,
  };
}

/** The real translator over this repository's locales/en.yml (only the tracker section is parsed). */
function englishTranslator() {
  const yaml = readFileSync(new URL('../../locales/en.yml', import.meta.url), 'utf8');
  const section = yaml.split(/^(?=[A-Za-z])/m).find((block) => block.startsWith('tracker:'));
  if (!section) throw new Error('locales/en.yml has no tracker: section');
  const dictionary = generateChromeMessages(parseMessagesText(section, 'YAML'));
  return createTranslator(lookupIn(dictionary), 'en').t;
}

// ---------------------------------------------------------------------------------------------

describe('change tracker: surviving worker restarts', () => {
  it('notifies the outcome exactly once when the worker restarts between two polls', async () => {
    const h = harness();
    h.script.set('req-1', [inProgress, finished(['source-1'])]);

    const first = h.start();
    await first.track([change(1)]);
    await first.pollDue();
    expect(h.notifications).toHaveLength(0);
    expect((await first.snapshot()).pending).toHaveLength(1);

    const second = h.start();
    expect(await h.wake(second)).toBe(true);
    expect(h.notifications).toHaveLength(1);
    expect(h.notifications[0]).toMatchObject({ kind: 'finished', sources: [{ sourceName: 'Workday', state: 'finished' }] });

    const third = h.start();
    h.clock.now += 10 * minute;
    await third.pollDue();
    expect(h.notifications).toHaveLength(1);
    expect(h.calls).toHaveLength(2);
    expect((await third.snapshot()).history[0]).toMatchObject({ state: 'finished', notified: true, sourceIds: ['source-1'] });
  });

  it('does not notify twice when the worker died right after showing the notification', async () => {
    const h = harness();
    h.script.set('req-1', [finished()]);
    const dying = h.start({
      async notify(outcome) {
        h.notifications.push(outcome);
        h.shown.add(outcome.id);
        h.store.dead = true; // killed before the "notified" save
      },
    });
    await dying.track([change(1)]);
    await expect(dying.pollDue()).rejects.toThrow('worker stopped');
    expect(h.store.state?.outbox[0]?.status).toBe('notifying');

    h.store.dead = false;
    const restarted = h.start();
    await restarted.pollDue();
    expect(h.notifications).toHaveLength(1);
    expect(h.store.state?.outbox).toEqual([]);
    expect(h.store.state?.changes[0]?.notified).toBe(true);
  });

  it('re-notifies under the same id when the platform cannot confirm the notification, so it replaces rather than stacks', async () => {
    const h = harness({ isNotificationShown: undefined });
    h.script.set('req-1', [finished()]);
    const dying = h.start({
      async notify(outcome) {
        h.notifications.push(outcome);
        h.store.dead = true;
      },
    });
    await dying.track([change(1)]);
    await expect(dying.pollDue()).rejects.toThrow();

    h.store.dead = false;
    await h.start().pollDue();
    expect(h.notifications.map((outcome) => outcome.id)).toEqual(['id-1', 'id-1']);
  });

  it('delivers the outcome after a restart when the worker died before the notification was shown', async () => {
    const h = harness();
    h.script.set('req-1', [finished()]);
    const dying = h.start({ notify: () => new Promise<void>(() => {}) }); // stopped inside notify
    await dying.track([change(1)]);
    void dying.pollDue();
    await vi.waitFor(() => expect(h.store.state?.outbox[0]?.status).toBe('notifying'));

    await h.start().pollDue();
    expect(h.notifications).toHaveLength(1);
    expect(h.notifications[0]?.kind).toBe('finished');
  });

  it('treats unreadable stored data as an empty state instead of crashing', async () => {
    const h = harness();
    h.store.state = { version: 99, changes: 'nonsense' };
    const tracker = h.start();
    expect((await tracker.snapshot()).pending).toEqual([]);
    expect(parseTrackerState(null)).toEqual({ version: 1, changes: [], outbox: [], needsSignIn: false });
  });
});

describe('change tracker: the wake-up follows the newest state', () => {
  it('keeps the wake-up of a change tracked while an older publish was still reading the store', async () => {
    // Seen in Firefox under load: the popup's fast-polling switch read the store before a change was saved, scheduled
    // "nothing pending" after the change's own publish, and the change was not read again until the next event.
    const h = harness({ options: { defaultFirstPollMs: 2 * second } });
    const store = h.store;
    let releaseOldRead: () => void = () => undefined;
    let holdNextRead = false;
    const slowStore: TrackerStore = {
      async load() {
        const state = await store.load();
        if (!holdNextRead) return state;
        holdNextRead = false;
        await new Promise<void>((resolve) => {
          releaseOldRead = resolve;
        });
        return state;
      },
      save: (state) => store.save(state),
    };
    const tracker = h.start({ store: slowStore });
    holdNextRead = true;
    const staleSwitch = tracker.setFastPolling(false);
    const tracked = tracker.track([change(1)]);
    await new Promise((resolve) => setTimeout(resolve, 10));
    releaseOldRead();
    await Promise.all([staleSwitch, tracked]);
    expect(h.lastWakeUp()).not.toBeNull();
  });
});

describe('change tracker: polling and backoff', () => {
  it('respects Retry-After from a 429: no status request before it, even with the popup open', async () => {
    const h = harness();
    h.script.set('req-1', [rateLimited(60 * second), finished()]);
    const tracker = h.start();
    await tracker.track([change(1)]);
    await tracker.pollDue();
    expect(h.calls).toHaveLength(1);
    const retryAt = h.lastWakeUp();
    expect(retryAt).toBeGreaterThanOrEqual(T0 + 60 * second);

    await tracker.setFastPolling(true);
    expect(h.lastWakeUp()).toBe(retryAt);
    for (const after of [2 * second, 30 * second, 59 * second]) {
      h.clock.now = T0 + after;
      await tracker.pollDue();
    }
    expect(h.calls).toHaveLength(1);

    await h.wake(tracker);
    expect(h.calls).toHaveLength(2);
    expect(h.calls[1]?.at).toBeGreaterThanOrEqual(T0 + 60 * second);
    expect(h.notifications).toHaveLength(1);
  });

  it('backs off exponentially during a 5xx storm, never beyond maxBackoffMs, then gives up as unknown', async () => {
    for (const random of [0, 0.5, 1]) {
      const h = harness({ random: () => random });
      h.script.set('req-1', [serverError]);
      const tracker = h.start();
      await tracker.track([change(1)]);
      while (await h.wake(tracker)) {
        /* drive the alarm until nothing is scheduled */
      }
      const gaps = h.calls.slice(1).map((call, index) => call.at - (h.calls[index]?.at ?? 0));
      expect(gaps.length).toBeGreaterThan(3);
      for (const [index, gap] of gaps.entries()) {
        expect(gap).toBeLessThanOrEqual(5 * minute);
        expect(gap).toBeGreaterThanOrEqual(Math.min(2.5 * second * 2 ** index, 2.5 * minute));
      }
      expect(gaps[3]).toBeGreaterThan(gaps[0] ?? Number.POSITIVE_INFINITY);
      expect(h.calls.length).toBeLessThan(15);
      const [settled] = (await tracker.snapshot()).history;
      expect(settled).toMatchObject({ state: 'unknown', lastError: 'gave-up' });
      expect(settled?.settledAt).toBeGreaterThanOrEqual(T0 + 15 * minute);
      expect(h.notifications).toMatchObject([{ kind: 'unknown', sources: [{ causeKey: 'tracker.cause.gaveUp' }] }]);
    }
  });

  it('gives up after 15 minutes of IN_PROGRESS with outcome unknown and one notification', async () => {
    const h = harness();
    h.script.set('req-1', [inProgress]);
    const tracker = h.start();
    await tracker.track([change(1)]);
    while (await h.wake(tracker)) {
      /* every 30 s */
    }
    expect(h.calls.length).toBeGreaterThanOrEqual(30);
    expect(h.calls.length).toBeLessThanOrEqual(32);
    expect(h.calls.at(-1)?.at).toBeLessThanOrEqual(T0 + 15 * minute);
    expect(h.notifications).toHaveLength(1);
    expect(h.notifications[0]).toMatchObject({ kind: 'unknown' });
    expect(h.lastWakeUp()).toBeNull();
  });

  it('reports a request ISC does not know (404) once and stops asking', async () => {
    const h = harness();
    h.script.set('req-1', [{ kind: 'not-found' }]);
    const tracker = h.start();
    await tracker.track([change(1)]);
    await tracker.pollDue();
    h.clock.now += 5 * minute;
    await tracker.pollDue();
    expect(h.calls).toHaveLength(1);
    expect(h.notifications).toMatchObject([{ kind: 'not-found', sources: [{ causeKey: 'tracker.cause.notFound' }] }]);
    expect(h.lastWakeUp()).toBeNull();
  });

  it('reports "submitted, outcome not readable" for a 403, never "failed"', async () => {
    const h = harness();
    h.script.set('req-1', [{ kind: 'not-readable' }]);
    const tracker = h.start();
    await tracker.track([change(1)]);
    await tracker.pollDue();
    const snapshot = await tracker.snapshot();
    expect(snapshot.history[0]?.state).toBe('not-readable');
    expect(snapshot.badge).toEqual({ pending: 0, failed: 0 });
    expect(h.notifications).toMatchObject([{ kind: 'not-readable', sources: [{ causeKey: 'tracker.cause.notReadable' }] }]);
  });

  it('keeps a change pending while signed out, past the usual time limit, and finishes it after sign-in', async () => {
    const h = harness();
    h.script.set('req-1', [{ kind: 'signed-out' }]);
    const tracker = h.start();
    await tracker.track([change(1)]);
    await tracker.pollDue();
    expect(await tracker.snapshot()).toMatchObject({ needsSignIn: true, pending: [{ state: 'pending' }] });

    h.clock.now = T0 + 40 * minute;
    await tracker.pollDue();
    expect((await tracker.snapshot()).pending).toHaveLength(1);
    expect(h.notifications).toHaveLength(0);

    h.script.set('req-1', [finished()]);
    await h.wake(tracker);
    expect(await tracker.snapshot()).toMatchObject({ needsSignIn: false, pending: [], history: [{ state: 'finished' }] });
    expect(h.notifications).toHaveLength(1);
  });

  it('gives a signed-out change up as unknown only after a day', async () => {
    const h = harness();
    h.script.set('req-1', [{ kind: 'signed-out' }]);
    const tracker = h.start();
    await tracker.track([change(1)]);
    await tracker.pollDue();
    h.clock.now = T0 + 23 * 60 * minute;
    await tracker.pollDue();
    expect(h.notifications).toHaveLength(0);
    h.clock.now = T0 + 24 * 60 * minute;
    await tracker.pollDue();
    expect(h.notifications).toMatchObject([{ kind: 'unknown', sources: [{ causeKey: 'tracker.cause.signedOutTooLong' }] }]);
  });

  it('polls several pending changes in one pass, one after another with a small pause', async () => {
    const h = harness();
    for (const n of [1, 2, 3]) h.script.set(`req-${n}`, [inProgress]);
    const tracker = h.start();
    await tracker.track([change(1), change(2), change(3)]);
    await tracker.pollDue();
    expect(h.calls.map((call) => call.requestId)).toEqual(['req-1', 'req-2', 'req-3']);
    const pauses = h.calls.slice(1).map((call, index) => call.at - (h.calls[index]?.at ?? 0));
    for (const pause of pauses) {
      expect(pause).toBeGreaterThan(0);
      expect(pause).toBeLessThanOrEqual(250);
    }
  });

  it('ends the pass at the first 429 and holds every other pending change back with it', async () => {
    const h = harness();
    h.script.set('req-1', [rateLimited(20 * second), inProgress]);
    h.script.set('req-2', [inProgress]);
    h.script.set('req-3', [inProgress]);
    const tracker = h.start();
    await tracker.track([change(1), change(2), change(3)]);
    await tracker.pollDue();
    expect(h.calls).toHaveLength(1);
    expect(h.clock.now).toBe(T0); // no pause taken: the pass ended at once

    h.clock.now = T0 + 10 * second;
    await tracker.pollDue();
    expect(h.calls).toHaveLength(1);

    await h.wake(tracker);
    expect(h.calls.map((call) => call.requestId)).toEqual(['req-1', 'req-1', 'req-2', 'req-3']);
    expect(h.calls[1]?.at).toBeGreaterThanOrEqual(T0 + 20 * second);
  });

  it('stops the pass when signed out (every other request would fail the same way)', async () => {
    const h = harness();
    for (const n of [1, 2]) h.script.set(`req-${n}`, [{ kind: 'signed-out' }]);
    const tracker = h.start();
    await tracker.track([change(1), change(2)]);
    await tracker.pollDue();
    expect(h.calls).toHaveLength(1);
  });

  it('treats a throwing status call as a network error and retries later', async () => {
    const h = harness();
    const tracker = h.start({
      getStatus: async () => {
        h.calls.push({ requestId: 'req-1', at: h.clock.now });
        throw new TypeError('Failed to fetch');
      },
    });
    await tracker.track([change(1)]);
    await tracker.pollDue();
    expect((await tracker.snapshot()).pending[0]).toMatchObject({ lastError: 'network', backingOff: true, retryStreak: 1 });
  });

  it('runs one pass at a time when the alarm and the popup ask together', async () => {
    const h = harness();
    h.script.set('req-1', [inProgress]);
    const tracker = h.start();
    await tracker.track([change(1)]);
    await Promise.all([tracker.pollDue(), tracker.pollDue()]);
    expect(h.calls).toHaveLength(1);
  });

  it('polls at once while the popup is open, doubling the gap with each pending answer, and every 30 s otherwise', async () => {
    const h = harness();
    h.script.set('req-1', [inProgress]);
    const tracker = h.start();
    await tracker.track([change(1)]);
    expect(h.lastWakeUp()).toBe(T0);
    await tracker.pollDue();
    expect(h.lastWakeUp()).toBe(T0 + 30 * second);

    await tracker.setFastPolling(true);
    expect(h.lastWakeUp()).toBe(T0 + 2 * second);
    await h.wake(tracker);
    await h.wake(tracker);
    expect(h.calls.map((call) => call.at - T0)).toEqual([0, 2 * second, 6 * second]);

    await tracker.setFastPolling(false);
    expect(h.lastWakeUp()).toBe(T0 + 36 * second);
  });
});

describe('change tracker: timing of status reads (each one spends the shared rate limit)', () => {
  /** The product's own timing: no override of the first read. */
  const productTiming = () => harness({ options: {} });
  const readsAfterSubmit = (h: ReturnType<typeof harness>, submittedAt: number) =>
    h.calls.filter((call) => call.at >= submittedAt).map((call) => (call.at - submittedAt) / second);

  async function runToEnd(h: ReturnType<typeof harness>, tracker: ReturnType<typeof createTracker>) {
    for (let step = 0; step < 50 && (await h.wake(tracker)); step++);
  }

  it('reads a change on a source it knows nothing about after the default 20 s, then every 30 s', async () => {
    const h = productTiming();
    h.script.set('req-1', [inProgress, inProgress, finished()]);
    const tracker = h.start();
    await tracker.track([change(1)]);
    await tracker.pollDue();
    expect(h.calls).toHaveLength(0);
    await runToEnd(h, tracker);
    expect(readsAfterSubmit(h, T0)).toEqual([20, 50, 80]);
  });

  it('learns how long the source took and reads the next change on it once, at that time, popup open or not', async () => {
    const h = productTiming();
    h.script.set('req-1', [inProgress, finished()]);
    const tracker = h.start();
    await tracker.track([change(1)]);
    await runToEnd(h, tracker);
    expect(h.store.state?.timings).toEqual({ 'source-1': { expectedMs: 50 * second, quickHits: 0 } });

    const next = h.clock.now + 5 * minute;
    h.clock.now = next;
    h.script.set('req-2', [finished()]);
    await tracker.setFastPolling(true);
    await tracker.track([change(1, 'req-2')]);
    expect(h.lastWakeUp()).toBe(next + 50 * second);
    await runToEnd(h, tracker);
    expect(readsAfterSubmit(h, next)).toEqual([50]);
  });

  it('looks again soon when a change on a learned source is late, and learns the longer time', async () => {
    const h = productTiming();
    h.store.state = { ...parseTrackerState(undefined), timings: { 'source-1': { expectedMs: 40 * second, quickHits: 0 } } };
    h.script.set('req-1', [inProgress, finished()]);
    const tracker = h.start();
    await tracker.track([change(1)]);
    await runToEnd(h, tracker);
    expect(readsAfterSubmit(h, T0)).toEqual([40, 50]);
    expect(h.store.state?.timings?.['source-1']).toEqual({ expectedMs: 50 * second, quickHits: 0 });
  });

  it('tries a shorter wait after three changes in a row were already done at the first read', async () => {
    const h = productTiming();
    h.store.state = { ...parseTrackerState(undefined), timings: { 'source-1': { expectedMs: 60 * second, quickHits: 0 } } };
    const tracker = h.start();
    const firstReads: number[] = [];
    for (let n = 1; n <= 4; n++) {
      const submittedAt = h.clock.now;
      h.script.set(`req-${n}`, [finished()]);
      await tracker.track([change(1, `req-${n}`)]);
      await runToEnd(h, tracker);
      firstReads.push(readsAfterSubmit(h, submittedAt)[0]!);
      h.clock.now += 10 * minute;
    }
    expect(firstReads).toEqual([60, 60, 60, 48]);
  });

  it('learns nothing from a change whose reads a rate limit delayed, and keeps each source apart', async () => {
    const h = productTiming();
    h.script.set('req-1', [rateLimited(5_000), finished()]);
    h.script.set('req-2', [finished()]);
    const tracker = h.start();
    await tracker.track([change(1)]);
    await runToEnd(h, tracker);
    expect(h.store.state?.changes.map((c) => c.state)).toEqual(['finished']);
    expect(h.store.state?.timings).toBeUndefined();

    await tracker.track([change(2)]);
    await runToEnd(h, tracker);
    expect(Object.keys(h.store.state?.timings ?? {})).toEqual(['source-2']);
  });
});

describe('change tracker: outcomes and notifications', () => {
  it('settles a change without a request id as unknown at once, without polling', async () => {
    const h = harness();
    const tracker = h.start();
    const [tracked] = await tracker.track([change(1, null)]);
    expect(tracked).toMatchObject({ state: 'unknown', lastError: 'no-request-id' });
    expect(h.calls).toHaveLength(0);
    expect(h.notifications).toMatchObject([{ kind: 'unknown', sources: [{ causeKey: 'tracker.cause.noRequestId' }] }]);
    expect(h.lastWakeUp()).toBeNull();
  });

  it('settles a change ISC accepted (2xx) without a request id as "accepted, not tracked": do not submit again', async () => {
    const h = harness();
    const tracker = h.start();
    const [tracked] = await tracker.track([change(1, null, { accepted: true })]);
    expect(tracked).toMatchObject({ state: 'unknown', lastError: 'accepted-untracked' });
    expect(h.calls).toHaveLength(0);
    expect(h.notifications).toMatchObject([{ kind: 'unknown', sources: [{ causeKey: 'tracker.cause.acceptedNotTracked' }] }]);
    expect(englishTranslator()('tracker.cause.acceptedNotTracked', ['Workday'])).toMatch(/accepted.*Do not submit again/s);
  });

  it('keeps a change whose status answers say no documented state pending, then ends it as unknown after the timeout', async () => {
    const h = harness();
    h.script.set('req-1', [{ kind: 'retry-later', reason: 'unreadable' }]);
    const tracker = h.start();
    await tracker.track([change(1)]);
    await tracker.pollDue();
    expect((await tracker.snapshot()).pending).toMatchObject([{ requestId: 'req-1', lastError: 'unreadable' }]);
    h.clock.now = T0 + defaultTrackerOptions.giveUpAfterMs;
    await tracker.pollDue();
    const { pending, history } = await tracker.snapshot();
    expect(pending).toEqual([]);
    expect(history).toMatchObject([{ state: 'unknown', lastError: 'gave-up' }]);
    expect(h.notifications).toMatchObject([{ kind: 'unknown', sources: [{ causeKey: 'tracker.cause.gaveUp' }] }]);
  });

  it('sends one notification for a submission, when its last change settles, naming every source and cause', async () => {
    const h = harness();
    h.script.set('req-0', [failed('Password was used too recently (password history)')]);
    h.script.set('req-1', [inProgress, finished()]);
    h.script.set('req-2', [failed('ERR_0x1F: quota exceeded on target')]);
    const tracker = h.start();
    await tracker.track([change(0), change(1, 'req-1', { alsoChanges: ['Slack', 'Zoom'] }), change(2)]);
    await tracker.pollDue();
    expect(h.notifications).toHaveLength(0);

    await h.wake(tracker);
    expect(h.notifications).toHaveLength(1);
    const [outcome] = h.notifications;
    expect(outcome).toMatchObject({
      kind: 'failed',
      changeIds: ['id-2', 'id-3', 'id-4'],
      sources: [
        { sourceName: 'Active Directory', state: 'failed', causeKey: 'tracker.cause.history', causeParams: ['Active Directory'] },
        { sourceName: 'Workday', state: 'finished', alsoChanges: ['Slack', 'Zoom'] },
        { sourceName: 'Corporate LDAP', state: 'failed', causeKey: 'tracker.cause.verbatim' },
      ],
    });

    const text = formatOutcomeNotification(outcome as Outcome, englishTranslator());
    expect(text.title).toBe('2 password changes failed');
    expect(text.message.split('\n')).toEqual([
      'Active Directory rejected the password because you have used it before. Choose one you have not used recently.',
      'Workday: changed, together with Slack, Zoom.',
      'Corporate LDAP did not change the password. It said: "ERR_0x1F: quota exceeded on target". If that does not explain it, contact your help desk.',
    ]);
  });

  it('keeps separate submissions in separate notifications', async () => {
    const h = harness();
    h.script.set('req-1', [finished()]);
    h.script.set('req-2', [finished()]);
    const tracker = h.start();
    await tracker.track([change(1)]);
    await tracker.track([change(2)]);
    await tracker.pollDue();
    expect(h.notifications.map((outcome) => outcome.sources.map((source) => source.sourceName))).toEqual([['Workday'], ['Corporate LDAP']]);
  });

  it('retries a notification that could not be shown, and gives up after three attempts', async () => {
    const h = harness();
    h.script.set('req-1', [finished()]);
    let attempts = 0;
    const tracker = h.start({
      notify: async () => {
        attempts += 1;
        throw new Error('notifications permission missing');
      },
    });
    await tracker.track([change(1)]);
    await tracker.pollDue();
    expect(h.lastWakeUp()).toBe(h.clock.now + 30 * second);
    await h.wake(tracker);
    await h.wake(tracker);
    await h.wake(tracker);
    expect(attempts).toBe(3);
    expect(h.store.state?.outbox).toEqual([]);
    expect((await tracker.snapshot()).history[0]).toMatchObject({ state: 'finished', notified: true, lastError: 'notify-failed' });
  });

  it('counts pending and failed changes for the badge, and clears the failure count when seen', async () => {
    const h = harness();
    h.script.set('req-1', [failed('Password does not meet the password policy')]);
    h.script.set('req-2', [inProgress]);
    const tracker = h.start();
    await tracker.track([change(1)]);
    await tracker.track([change(2)]);
    expect(h.badges.at(-1)).toEqual({ pending: 2, failed: 0 });
    await tracker.pollDue();
    expect(h.badges.at(-1)).toEqual({ pending: 1, failed: 1 });
    await tracker.markSeen();
    expect(h.badges.at(-1)).toEqual({ pending: 1, failed: 0 });
    expect((await tracker.snapshot()).badge).toEqual({ pending: 1, failed: 0 });
  });

  it('clears the badge and the wake-up when something else emptied its store (a sign-out forgetting the changes)', async () => {
    const h = harness();
    h.script.set('req-1', [inProgress]);
    const tracker = h.start();
    await tracker.track([change(1)]);
    expect(h.badges.at(-1)).toEqual({ pending: 1, failed: 0 });
    expect(h.lastWakeUp()).not.toBeNull();
    h.store.state = undefined;
    await tracker.republish();
    expect(h.badges.at(-1)).toEqual({ pending: 0, failed: 0 });
    expect(h.lastWakeUp()).toBeNull();
  });

  it('keeps the 20 newest settled changes, newest first', async () => {
    const h = harness();
    const tracker = h.start();
    for (let n = 1; n <= 25; n++) {
      h.script.set(`req-${n}`, [finished()]);
      await tracker.track([change(n)]);
      await tracker.pollDue();
      h.clock.now += minute;
    }
    const { history } = await tracker.snapshot();
    expect(history.map((tracked) => tracked.requestId)).toEqual(Array.from({ length: 20 }, (_, index) => `req-${25 - index}`));
    expect(h.store.state?.changes).toHaveLength(20);
    expect(h.notifications).toHaveLength(25);
  });

  it('clears the history but keeps changes whose submission is still being followed', async () => {
    const h = harness();
    h.script.set('req-1', [finished()]);
    h.script.set('req-2', [inProgress]);
    h.script.set('req-3', [finished()]);
    const tracker = h.start();
    await tracker.track([change(1)]);
    await tracker.track([change(2), change(3)]);
    await tracker.pollDue();
    await tracker.clearHistory();
    const snapshot = await tracker.snapshot();
    expect(snapshot.history.map((tracked) => tracked.requestId)).toEqual(['req-3']);
    expect(snapshot.pending.map((tracked) => tracked.requestId)).toEqual(['req-2']);
  });
});

describe('help-desk summary', () => {
  const fakePassword = 'Tr0ub4dor&3-correct-horse';
  const fakeToken = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhYmJ5In0.c2lnbmF0dXJl';

  it('lists request ids, ISO times, sources, states and error texts, and nothing else', async () => {
    const h = harness();
    h.script.set('req-1', [failed('The password change payload is invalid', 'Second\n  line')]);
    h.script.set('req-2', [inProgress]);
    const tracker = h.start();
    // A careless caller passing extra fields: the tracker keeps only the documented ones.
    const careless = { ...change(1), password: fakePassword, accessToken: fakeToken } as NewChange;
    await tracker.track([careless, change(2, 'req-2', { alsoChanges: ['Slack'] })]);
    await tracker.pollDue();
    const summary = formatHelpdeskSummary(await tracker.summaryChanges(), T0, englishTranslator());

    expect(summary).not.toContain(fakePassword);
    expect(summary).not.toContain(fakeToken);
    expect(JSON.stringify(h.store.state)).not.toContain(fakePassword);
    expect(summary).toContain('Request id: req-1');
    expect(summary).toContain('Request id: req-2');
    expect(summary).toContain(`Submitted: ${new Date(T0).toISOString()}`);
    expect(summary).toContain('1/2. Corporate LDAP — Checking…');
    expect(summary).toContain('2/2. Workday — Not changed');
    expect(summary).toContain('  - The password change payload is invalid');
    expect(summary).toContain('  - Second line');

    const allowed = [
      /^Rekey password change report$/,
      /^Created: \d{4}-\d\d-\d\dT[\d:.]+Z$/,
      /^$/,
      /^\d+\/\d+\. .+ — .+$/,
      /^ {3}Account: abby\.smith \(CN=Abby Smith,OU=Users,DC=corp,DC=example,DC=com#\d\)$/,
      /^ {3}Also changes: Slack$/,
      /^ {3}Identity id: identity-2c91808568c529c60168cca6f90c1313$/,
      /^ {3}Source id: source-\d$/,
      /^ {3}Request id: req-\d$/,
      /^ {3}(Submitted|Settled): \d{4}-\d\d-\d\dT[\d:.]+Z$/,
      /^ {3}Settled: not yet, still checking$/,
      /^ {3}Status checks: \d+$/,
      /^ {3}Error reported by Identity Security Cloud:$|^ {3}\d errors reported by Identity Security Cloud:$/,
      /^ {5}- (The password change payload is invalid|Second line)$/,
    ];
    for (const line of summary.split('\n')) {
      expect(
        allowed.some((pattern) => pattern.test(line)),
        line,
      ).toBe(true);
    }
  });

  it('says so when there is nothing to report, and can be limited to some changes', async () => {
    const h = harness();
    const tracker = h.start();
    expect(formatHelpdeskSummary(await tracker.summaryChanges(), T0, englishTranslator())).toContain('No password changes to report.');
    h.script.set('req-1', [rateLimited()]);
    const [first] = await tracker.track([change(1), change(2)]);
    h.script.set('req-2', [rateLimited()]);
    await tracker.pollDue();
    const only = formatHelpdeskSummary(await tracker.summaryChanges([first?.id ?? '']), T0, englishTranslator());
    expect(only).toContain('req-1');
    expect(only).not.toContain('req-2');
    expect(only).toContain('Last problem while checking: rate limited by Identity Security Cloud');
  });
});

describe('plain-language causes', () => {
  const cases: [string, string][] = [
    ['The password change payload is invalid', 'tracker.cause.invalidPayload'],
    ['Password was used too recently', 'tracker.cause.history'],
    ['New password matches one in the password history', 'tracker.cause.history'],
    ['Password was changed too recently; minimum age is 1 day', 'tracker.cause.minimumAge'],
    ['The password does not meet the policy requirements', 'tracker.cause.policy'],
    ['Password complexity check failed', 'tracker.cause.policy'],
    ['Password must contain at least 2 special characters', 'tracker.cause.policy'],
    ['Password matches a word in the dictionary', 'tracker.cause.dictionary'],
    ['Password contains account name', 'tracker.cause.personalInfo'],
    ['The password must not contain the identity attribute "lastname"', 'tracker.cause.personalInfo'],
    ['Connector timeout while setting password', 'tracker.cause.unavailable'],
    ['Target system unavailable', 'tracker.cause.unavailable'],
    ['Account is locked', 'tracker.cause.locked'],
    ['Account disabled', 'tracker.cause.disabled'],
  ];

  it.each(cases)('explains "%s" as %s', (text, key) => {
    expect(explainChangeError(text, 'Active Directory')).toEqual({ key, params: ['Active Directory'] });
  });

  it('quotes an unrecognised text verbatim, bounded in length', () => {
    expect(explainChangeError('  ERR 42:\n quota  ', 'LDAP')).toEqual({ key: 'tracker.cause.verbatim', params: ['LDAP', 'ERR 42: quota'] });
    const long = explainChangeError('x'.repeat(1000), 'LDAP');
    expect(long.params?.[1]).toHaveLength(300);
    expect(explainChangeError('   ', 'LDAP')).toEqual({ key: 'tracker.cause.noDetails', params: ['LDAP'] });
  });

  it('prefers a specific explanation over a quote when a change reports several errors', () => {
    expect(explainChangeErrors(['ERR 42', 'Password is in the dictionary'], 'LDAP').key).toBe('tracker.cause.dictionary');
    expect(explainChangeErrors([], 'LDAP').key).toBe('tracker.cause.noDetails');
  });

  it('has an English text, with every substitution filled, for each key it produces', () => {
    const t = englishTranslator();
    const keys = [...new Set([...cases.map(([, key]) => key), 'tracker.cause.verbatim', 'tracker.cause.noDetails'])];
    for (const key of [
      ...keys,
      'tracker.cause.notReadable',
      'tracker.cause.notFound',
      'tracker.cause.noRequestId',
      'tracker.cause.acceptedNotTracked',
      'tracker.cause.gaveUp',
      'tracker.cause.signedOutTooLong',
    ]) {
      const text = t(key, ['Workday', 'quoted']);
      expect(text, key).not.toBe(key);
      expect(text, key).not.toMatch(/\$\d/);
      expect(text, key).toContain('Workday');
    }
    for (const state of changeStates) expect(t(stateLabel(state).key)).not.toMatch(/^tracker\./);
  });

  it('titles notifications with plural forms', () => {
    const t = englishTranslator();
    const outcome = (kind: Outcome['kind'], count: number): Outcome => ({
      id: 's',
      changeIds: [],
      kind,
      sources: Array.from({ length: count }, () => ({ sourceName: 'AD', accountName: 'a', state: kind, alsoChanges: [] })),
    });
    expect(formatOutcomeNotification(outcome('finished', 1), t).title).toBe('Password changed');
    expect(formatOutcomeNotification(outcome('finished', 3), t).title).toBe('Password changed on 3 systems');
    for (const kind of ['failed', 'unknown', 'not-readable', 'not-found'] as const) {
      for (const count of [1, 2]) expect(formatOutcomeNotification(outcome(kind, count), t).title).not.toMatch(/tracker\.|\$/);
    }
  });
});
