import type { Message } from './message';
import type { SettledState, TrackedChange } from './types';

/** Reads ISC's error strings of a failed change (explain-error.ts: tables the worker keeps in its network chunk). */
export type ExplainFailure = (errors: readonly string[], sourceName: string) => Message;

/** The plain-language cause shown next to a source, or none when the change simply succeeded. */
export function causeOf(change: TrackedChange, explainFailure: ExplainFailure): Message | undefined {
  const state: SettledState | 'pending' = change.state;
  switch (state) {
    case 'finished':
    case 'pending':
      return undefined;
    case 'failed':
      return explainFailure(change.errors, change.sourceName);
    case 'not-readable':
      return { key: 'tracker.cause.notReadable', params: [change.sourceName] };
    case 'not-found':
      return { key: 'tracker.cause.notFound', params: [change.sourceName] };
    case 'unknown':
      if (change.lastError === 'no-request-id') return { key: 'tracker.cause.noRequestId', params: [change.sourceName] };
      if (change.lastError === 'accepted-untracked') return { key: 'tracker.cause.acceptedNotTracked', params: [change.sourceName] };
      if (change.lastError === 'signed-out') return { key: 'tracker.cause.signedOutTooLong', params: [change.sourceName] };
      return { key: 'tracker.cause.gaveUp', params: [change.sourceName] };
  }
}
