export { causeOf, type ExplainFailure } from './cause';
export { explainChangeError, explainChangeErrors } from './explain-error';
export { formatHelpdeskSummary } from './helpdesk-summary';
export { type Message, render, type Translate } from './message';
export { describeOutcome, formatOutcomeNotification, offersTryAgain, stateLabel } from './notification';
export { buildOutcome } from './outcomes';
export { badgeOf, hasWork, snapshotOf } from './snapshot';
export { createTracker, type Tracker, type TrackerDeps, type TrackerStore } from './tracker';
export * from './types';
