/**
 * The hand-off between the page's watcher, the worker and the classifier it injects. Each step crosses a context
 * the browser may tear down at any moment (an MV3 worker stopping as the message arrives, an injection refused
 * while the tab is busy), and a lost step used to mean silence for the rest of that page: now each side asks again,
 * a bounded number of times.
 */

/** Set by the classifier in its frame, once; the watcher shares that frame's isolated world and reads it. */
export const classifierInstalledFlag = '__rekeyExpiryClassifier';

export function classifierInstalled(scope: object = globalThis): boolean {
  return (scope as Record<string, unknown>)[classifierInstalledFlag] === true;
}

export const HANDOFF_RETRY = { attempts: 3, delayMs: 1_000, attemptMs: 5_000 } as const;

/**
 * Runs `attempt` until it returns a result `settled` accepts, at most `attempts` times, waiting `delayMs` times the
 * attempt number in between (1 s, 2 s: a restarting worker is back within that). A throwing attempt counts as
 * unsettled, and so does one with no answer within `attemptMs`: a reply that never comes (a worker torn down with the
 * message in hand) must not hold the page silent for good. Resolves with the last result, or undefined when every
 * attempt threw or timed out; stops early when `stopped()`.
 */
export async function retryUntilSettled<T>(
  attempt: () => Promise<T>,
  settled: (result: T) => boolean,
  options: {
    attempts?: number;
    delayMs?: number;
    attemptMs?: number;
    stopped?: () => boolean;
    wait?: (ms: number) => Promise<void>;
  } = {},
): Promise<T | undefined> {
  const { attempts = HANDOFF_RETRY.attempts, delayMs = HANDOFF_RETRY.delayMs, attemptMs = HANDOFF_RETRY.attemptMs } = options;
  const stopped = options.stopped ?? (() => false);
  const wait = options.wait ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let last: T | undefined;
  for (let n = 1; n <= attempts && !stopped(); n += 1) {
    try {
      last = await withinTime(attempt(), attemptMs);
      if (settled(last)) return last;
    } catch {
      last = undefined;
    }
    if (n < attempts) await wait(delayMs * n);
  }
  return last;
}

/** `answer`, or a rejection once `ms` passed without it. */
function withinTime<T>(answer: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`No answer within ${ms} ms`)), ms);
  });
  return Promise.race([answer, late]).finally(() => clearTimeout(timer));
}
