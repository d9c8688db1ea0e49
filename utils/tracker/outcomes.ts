import { causeOf } from './cause';
import { explainChangeErrors } from './explain-error';
import type { Outcome, OutcomeKind, OutcomeSource, TrackedChange, TrackerState } from './types';

/** A batch's notification leads with its worst result, so a failure is never hidden behind a success. */
const severity: Record<OutcomeKind, number> = { finished: 0, 'not-readable': 1, unknown: 2, 'not-found': 3, failed: 4 };

export function buildOutcome(submissionId: string, changes: readonly TrackedChange[]): Outcome {
  const sources: OutcomeSource[] = changes.map((change) => {
    const cause = causeOf(change, explainChangeErrors);
    const state = change.state;
    return {
      sourceName: change.sourceName,
      accountName: change.accountName,
      state,
      alsoChanges: [...change.alsoChanges],
      ...(cause ? { causeKey: cause.key, causeParams: cause.params ?? [] } : {}),
    };
  });
  const kinds = changes.map((change) => change.state).filter((state): state is OutcomeKind => state !== 'pending');
  const kind = kinds.reduce<OutcomeKind>((worst, next) => (severity[next] > severity[worst] ? next : worst), 'finished');
  return { id: submissionId, changeIds: changes.map((change) => change.id), kind, sources };
}

/**
 * Puts one outbox entry for every submission whose changes have all settled and whose outcome was
 * neither delivered nor already queued. Runs in the same save as the settlement, so an outcome can
 * never be lost between "settled" and "queued".
 */
export function queueSettledSubmissions(state: TrackerState): TrackerState {
  const bySubmission = new Map<string, TrackedChange[]>();
  for (const change of state.changes) {
    const group = bySubmission.get(change.submissionId) ?? [];
    group.push(change);
    bySubmission.set(change.submissionId, group);
  }
  const queued = new Set(state.outbox.map((entry) => entry.outcome.id));
  const additions = [...bySubmission]
    .filter(
      ([id, changes]) =>
        !queued.has(id) && changes.every((change) => change.state !== 'pending') && changes.some((change) => !change.notified),
    )
    .map(([id, changes]) => ({ outcome: buildOutcome(id, changes), status: 'ready' as const, failures: 0 }));
  return additions.length === 0 ? state : { ...state, outbox: [...state.outbox, ...additions] };
}
