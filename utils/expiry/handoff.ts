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

export const HANDOFF_RETRY = { attempts: 3, delayMs: 1_000 } as const;

/**
 * Runs `attempt` until it returns a result `settled` accepts, at most `attempts` times, waiting `delayMs` times the
 * attempt number in between (1 s, 2 s: a restarting worker is back within that). A throwing attempt counts as
 * unsettled. Resolves with the last result, or undefined when every attempt threw; stops early when `stopped()`.
 */
export async function retryUntilSettled<T>(
  attempt: () => Promise<T>,
  settled: (result: T) => boolean,
  options: { attempts?: number; delayMs?: number; stopped?: () => boolean; wait?: (ms: number) => Promise<void> } = {},
): Promise<T | undefined> {
  const { attempts = HANDOFF_RETRY.attempts, delayMs = HANDOFF_RETRY.delayMs, stopped = () => false } = options;
  const wait = options.wait ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let last: T | undefined;
  for (let n = 1; n <= attempts && !stopped(); n += 1) {
    try {
      last = await attempt();
      if (settled(last)) return last;
    } catch {
      last = undefined;
    }
    if (n < attempts) await wait(delayMs * n);
  }
  return last;
}
