/** 'aborted': the caller cancelled through `signal` before an answer came. */
export type BreachUnavailableReason = 'timeout' | 'network' | 'http-error' | 'bad-response' | 'aborted';

/** 'unavailable' means "could not check" and must never be read as "safe". */
export type BreachResult =
  | { status: 'breached'; count: number }
  | { status: 'not-found' }
  | { status: 'unavailable'; reason: BreachUnavailableReason };
