import { type Message, render, type Translate } from './message';
import { stateLabel } from './notification';
import type { ProblemKind, TrackedChange } from './types';

/**
 * A plain-text report the employee can copy into a help-desk ticket. It is built only from the
 * tracked fields (ids, names, times, states, ISC's error texts), which never include a password or
 * a token, so nothing secret can reach it. Times are ISO 8601 (UTC) so support staff in another
 * time zone read them unambiguously.
 */

const problemKeyPart: Record<ProblemKind, string> = {
  'rate-limited': 'rateLimited',
  server: 'server',
  network: 'network',
  timeout: 'timeout',
  'signed-out': 'signedOut',
  'no-request-id': 'noRequestId',
  'accepted-untracked': 'acceptedUntracked',
  unreadable: 'unreadable',
  'gave-up': 'gaveUp',
  'notify-failed': 'notifyFailed',
};

const indent = '   ';

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function describeChange(change: TrackedChange, index: number, total: number, t: Translate): string[] {
  const line = (message: Message) => render(t, message);
  const detail = (key: string, ...params: string[]) => `${indent}${line({ key: `tracker.summary.${key}`, params })}`;
  const lines = [
    line({
      key: 'tracker.summary.changeHeading',
      params: [String(index + 1), String(total), change.sourceName, line(stateLabel(change.state))],
    }),
    detail('account', change.accountName, change.accountId),
  ];
  if (change.alsoChanges.length > 0) lines.push(detail('alsoChanges', change.alsoChanges.join(', ')));
  lines.push(
    detail('identityId', change.identityId),
    detail('sourceId', change.sourceId),
    change.requestId === null ? detail('noRequestId') : detail('requestId', change.requestId),
    detail('submitted', new Date(change.submittedAt).toISOString()),
    change.settledAt === undefined ? detail('stillChecking') : detail('settled', new Date(change.settledAt).toISOString()),
    `${indent}${line({ key: 'tracker.summary.checks', params: [String(change.attempts)], count: change.attempts })}`,
  );
  if (change.lastError) {
    lines.push(detail('lastProblem', line({ key: `tracker.summary.problem.${problemKeyPart[change.lastError]}` })));
  }
  if (change.sourceIds.length > 0) lines.push(detail('sourceIds', change.sourceIds.join(', ')));
  if (change.errors.length > 0) {
    lines.push(`${indent}${line({ key: 'tracker.summary.errors', params: [String(change.errors.length)], count: change.errors.length })}`);
    for (const error of change.errors) lines.push(`${indent}  - ${oneLine(error)}`);
  }
  return lines;
}

/** `changes` in the order to list them (the tracker passes pending first, then history newest first). */
export function formatHelpdeskSummary(changes: readonly TrackedChange[], generatedAt: number, t: Translate): string {
  const header = [t('tracker.summary.heading'), t('tracker.summary.generated', [new Date(generatedAt).toISOString()])];
  if (changes.length === 0) return [...header, '', t('tracker.summary.none')].join('\n');
  const blocks = changes.map((change, index) => describeChange(change, index, changes.length, t).join('\n'));
  return [...header, '', blocks.join('\n\n')].join('\n');
}
