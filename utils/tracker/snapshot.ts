import type { TrackedChange, TrackerBadge, TrackerSnapshot, TrackerState } from './types';

/**
 * What the tracker's state shows: the badge and the lists the popup paints. Pure, and apart from the tracker itself
 * so that the worker can show the state without loading the code that follows changes (a worker chunk).
 */

const needsAttention = new Set<TrackedChange['state']>(['failed', 'unknown', 'not-found']);

export function badgeOf(state: TrackerState): TrackerBadge {
  return {
    pending: state.changes.filter((change) => change.state === 'pending').length,
    failed: state.changes.filter((change) => needsAttention.has(change.state) && !change.seen).length,
  };
}

export function settledNewestFirst(state: TrackerState): TrackedChange[] {
  return state.changes.filter((change) => change.state !== 'pending').sort((a, b) => (b.settledAt ?? 0) - (a.settledAt ?? 0));
}

export function snapshotOf(state: TrackerState, historySize: number): TrackerSnapshot {
  return {
    pending: state.changes.filter((change) => change.state === 'pending').sort((a, b) => a.submittedAt - b.submittedAt),
    history: settledNewestFirst(state).slice(0, historySize),
    badge: badgeOf(state),
    needsSignIn: state.needsSignIn,
  };
}

/** Whether anything is left to do: a change to read, an outcome to deliver, or a badge to show again after a start. */
export function hasWork(state: TrackerState): boolean {
  const badge = badgeOf(state);
  return badge.pending > 0 || badge.failed > 0 || state.outbox.length > 0;
}
