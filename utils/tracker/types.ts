import * as v from 'valibot';
import { once } from '@/utils/lazy/once';
import { recordOf } from '@/utils/schema/record-of';

/**
 * The tracker's persisted data. Schemas (rather than bare interfaces) because the state comes back
 * from storage.local, possibly written by an older version: it is validated before use.
 * Nothing here may ever hold a password or a token.
 */

export const changeStates = ['pending', 'finished', 'failed', 'unknown', 'not-readable', 'not-found'] as const;
export type ChangeState = (typeof changeStates)[number];
export type SettledState = Exclude<ChangeState, 'pending'>;

/** Why polling was troubled or stopped: a kind, never a server message (which could echo anything). */
export const problemKinds = [
  'rate-limited',
  'server',
  'network',
  'timeout',
  'signed-out',
  'no-request-id',
  /** ISC answered set-password with a 2xx whose body named no request to follow: accepted, not trackable. */
  'accepted-untracked',
  /** ISC answered a status request with a body that did not say a documented state. */
  'unreadable',
  'gave-up',
  'notify-failed',
] as const;
export type ProblemKind = (typeof problemKinds)[number];

export const outcomeKinds = ['finished', 'failed', 'unknown', 'not-readable', 'not-found'] as const;
export type OutcomeKind = (typeof outcomeKinds)[number];

/**
 * The stored state's schemas, built on the first read of that state: every worker start evaluates this module, and
 * most (a popup's state, a page prompt) read no tracker state, or read it after answering.
 */
const schemas = once(() => {
  /**
   * Numbers a Date can hold (±8.64e15 ms). Firefox keeps ±Infinity through storage (structured clone), and a
   * time outside that range made the help-desk summary's toISOString throw: such state is corrupt and dropped.
   */
  const finiteNumber = v.pipe(v.number(), v.minValue(-8.64e15), v.maxValue(8.64e15));

  const trackedChange = v.object({
    /** Local id (uuid); the notification and UI refer to it. */
    id: v.string(),
    /** Changes submitted together share it; they produce one notification when all have settled. */
    submissionId: v.string(),
    requestId: v.nullable(v.string()),
    identityId: v.string(),
    sourceId: v.string(),
    sourceName: v.string(),
    accountId: v.string(),
    accountName: v.string(),
    /** Other sources or applications that change with this one (sync group, multi-application source). */
    alsoChanges: v.array(v.string()),
    submittedAt: finiteNumber,
    state: v.picklist(changeStates),
    /** ISC's error texts, verbatim (shown to the employee and copied into the help-desk summary). */
    errors: v.array(v.string()),
    sourceIds: v.array(v.string()),
    /** Status requests made so far. */
    attempts: finiteNumber,
    /** Consecutive 'retry-later' answers; drives the exponential backoff. */
    retryStreak: finiteNumber,
    /** When the next status request may be made. */
    nextPollAt: finiteNumber,
    /** True while nextPollAt is a backoff the fast popup cadence must not undercut. */
    backingOff: v.boolean(),
    lastPolledAt: v.optional(finiteNumber),
    /** How long changes on this source took before (learned, see timing.ts); absent while nothing is learned. */
    learnedMs: v.optional(finiteNumber),
    lastError: v.optional(v.picklist(problemKinds)),
    settledAt: v.optional(finiteNumber),
    /** The outcome notification for this change's submission has been delivered. */
    notified: v.boolean(),
    /** The employee has looked at the outcome (clears the failure badge). */
    seen: v.boolean(),
  });

  const outcomeSource = v.object({
    sourceName: v.string(),
    accountName: v.string(),
    state: v.picklist(changeStates),
    alsoChanges: v.array(v.string()),
    causeKey: v.optional(v.string()),
    causeParams: v.optional(v.array(v.string())),
  });

  const outcome = v.object({
    /** The submission id: stable across retries, so the background can use it as the notification id. */
    id: v.string(),
    changeIds: v.array(v.string()),
    kind: v.picklist(outcomeKinds),
    sources: v.array(outcomeSource),
  });

  const outboxEntry = v.object({
    outcome: outcome,
    /**
     * 'ready': not handed to notify yet. 'notifying': saved just before notify was called; finding it
     * in this state on a later run means the worker died around the notify call (see tracker.ts).
     */
    status: v.picklist(['ready', 'notifying']),
    failures: finiteNumber,
  });

  const trackerState = v.object({
    version: v.literal(1),
    changes: v.array(trackedChange),
    outbox: v.array(outboxEntry),
    /** The last status request said the employee is signed out; pending changes wait for a new sign-in. */
    needsSignIn: v.boolean(),
    /** Per source id: how long its changes take to settle, learned from earlier changes (timing.ts). */
    timings: v.optional(recordOf(v.object({ expectedMs: finiteNumber, quickHits: finiteNumber }))),
  });
  return { trackedChange, outcomeSource, outcome, outboxEntry, trackerState };
});
type Schemas = ReturnType<typeof schemas>;
export type TrackedChange = v.InferOutput<Schemas['trackedChange']>;
export type OutcomeSource = v.InferOutput<Schemas['outcomeSource']>;
export type Outcome = v.InferOutput<Schemas['outcome']>;
export type OutboxEntry = v.InferOutput<Schemas['outboxEntry']>;
export type TrackerState = v.InferOutput<Schemas['trackerState']>;

export function emptyTrackerState(): TrackerState {
  return { version: 1, changes: [], outbox: [], needsSignIn: false };
}

/** Stored data that does not validate (corrupt, or from an incompatible version) is replaced by an empty state. */
export function parseTrackerState(stored: unknown): TrackerState {
  const parsed = v.safeParse(schemas().trackerState, stored);
  return parsed.success ? parsed.output : emptyTrackerState();
}

/** What the background learnt from `GET password-change-status/{id}`, API errors already classified. */
export type StatusPollResult =
  | { kind: 'status'; state: 'IN_PROGRESS' | 'FINISHED' | 'FAILED'; errors: string[]; sourceIds: string[] }
  /** 403 on every path tried: the employee's token may not read change status on this tenant. */
  | { kind: 'not-readable' }
  /** 404 for a request id ISC gave us. */
  | { kind: 'not-found' }
  | { kind: 'retry-later'; reason: 'rate-limited' | 'server' | 'network' | 'timeout' | 'unreadable'; retryAfterMs?: number }
  /** No usable token (expired refresh token, signed out): keep the change and wait for sign-in. */
  | { kind: 'signed-out' };

/** One change as the popup hands it over after set-password answered 202. */
export interface NewChange {
  requestId: string | null;
  /**
   * ISC answered set-password with a 2xx. With a null requestId that means "accepted, cannot be tracked"
   * (do not submit again) rather than "the answer was lost" (outcome unknown).
   */
  accepted?: boolean;
  identityId: string;
  sourceId: string;
  sourceName: string;
  accountId: string;
  accountName: string;
  alsoChanges?: string[];
  /** Defaults to the tracker's clock. */
  submittedAt?: number;
}

export interface TrackerOptions {
  /** Stop polling this long after submission and report 'unknown'. */
  giveUpAfterMs: number;
  /** Settled changes kept for the popup and the help-desk summary. */
  historySize: number;
  /** First step of the cadence while the popup is open (it doubles with each pending answer). */
  fastPollMs: number;
  /** Longest gap between two polls of a pending change. */
  slowPollMs: number;
  /** The first status read, for a source whose timing nothing has taught yet. */
  defaultFirstPollMs: number;
  /** Bounds of a learned first read. */
  minFirstPollMs: number;
  maxFirstPollMs: number;
  /** Ceiling of the exponential backoff after server, network or timeout errors. */
  maxBackoffMs: number;
  /** First step of that backoff. */
  baseBackoffMs: number;
  /** While signed out a change is kept past giveUpAfterMs (the outcome becomes readable after sign-in), up to this age. */
  signedOutGiveUpAfterMs: number;
  /** Pause between two status requests of one pass, at most (spreads a fleet's requests). */
  passJitterMs: number;
  /** Attempts to deliver one notification before giving up on it (the popup still shows the outcome). */
  maxNotifyAttempts: number;
  /** After a 429 on a status poll, wait at least this long (plus jitter), whatever Retry-After said. */
  rateLimitFloorMs: number;
}

export const defaultTrackerOptions: TrackerOptions = {
  giveUpAfterMs: 15 * 60_000,
  historySize: 20,
  fastPollMs: 2_000,
  slowPollMs: 30_000,
  defaultFirstPollMs: 20_000,
  minFirstPollMs: 2_000,
  maxFirstPollMs: 5 * 60_000,
  maxBackoffMs: 5 * 60_000,
  baseBackoffMs: 5_000,
  signedOutGiveUpAfterMs: 24 * 60 * 60_000,
  passJitterMs: 250,
  maxNotifyAttempts: 3,
  rateLimitFloorMs: 60_000,
};

export interface TrackerBadge {
  pending: number;
  /** Settled changes that need the employee's attention (failed, unknown, not found) and are not yet seen. */
  failed: number;
}

export interface TrackerSnapshot {
  /** Oldest first. */
  pending: TrackedChange[];
  /** The last `historySize` settled changes, newest first. */
  history: TrackedChange[];
  badge: TrackerBadge;
  needsSignIn: boolean;
}
