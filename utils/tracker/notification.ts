import { type Message, render, type Translate } from './message';
import type { ChangeState, Outcome, OutcomeSource } from './types';

/** Locale keys cannot contain '-', so states are spelt in camelCase there. */
export const stateKeyPart: Record<ChangeState, string> = {
  pending: 'pending',
  finished: 'finished',
  failed: 'failed',
  unknown: 'unknown',
  'not-readable': 'notReadable',
  'not-found': 'notFound',
};

/** The status label the popup shows next to a change. */
export function stateLabel(state: ChangeState): Message {
  return { key: `tracker.state.${stateKeyPart[state]}` };
}

function titleOf(outcome: Outcome): Message {
  const key = `tracker.notify.title.${stateKeyPart[outcome.kind]}`;
  const count = outcome.sources.filter((source) => source.state === outcome.kind).length;
  return { key, params: [String(count)], count };
}

function lineOf(source: OutcomeSource): Message {
  if (source.causeKey) return { key: source.causeKey, params: source.causeParams ?? [] };
  if (source.alsoChanges.length > 0) {
    return { key: 'tracker.notify.changedWithOthers', params: [source.sourceName, source.alsoChanges.join(', ')] };
  }
  return { key: 'tracker.notify.changed', params: [source.sourceName] };
}

/** One notification for a whole submission: a title led by its worst result, then one line per source. */
export function describeOutcome(outcome: Outcome): { title: Message; lines: Message[] } {
  return { title: titleOf(outcome), lines: outcome.sources.map(lineOf) };
}

export function formatOutcomeNotification(outcome: Outcome, t: Translate): { title: string; message: string } {
  const { title, lines } = describeOutcome(outcome);
  return { title: render(t, title), message: lines.map((line) => render(t, line)).join('\n') };
}

/**
 * Whether the outcome may offer "Try again": only when some change certainly did not happen (failed) and none
 * may have (unknown, accepted but untracked, not found, not readable). Offering it for a change that may have
 * been applied would invite the duplicate Rekey exists to avoid.
 */
export function offersTryAgain(outcome: Outcome): boolean {
  const states = outcome.sources.map((source) => source.state);
  return states.includes('failed') && states.every((state) => state === 'failed' || state === 'finished');
}
