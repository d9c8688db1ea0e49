/** The content scripts' pace: quiet for 600 ms after a change, or 2 s after the first change on a page that never rests. */
export const pageRecheck = { quietMs: 600, maxWaitMs: 2_000 } as const;

/**
 * Runs `run` once a page has been quiet for `quietMs` after its last change — or at the latest `maxWaitMs` after the
 * first change not yet looked at. A plain debounce never fires on a page that never stops changing (a ticking clock,
 * a carousel, a spinner drawn in the DOM): a single-page app that renders its "password expired" message after load
 * on such a page would never be looked at again. Callers still bound how many runs they allow in all.
 */
export function whenQuiet(
  run: () => void,
  { quietMs, maxWaitMs }: { quietMs: number; maxWaitMs: number },
  clock: { now(): number; set(fn: () => void, ms: number): unknown; clear(handle: unknown): void } = {
    now: () => Date.now(),
    set: (fn, ms) => setTimeout(fn, ms),
    clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  },
): { changed(): void; cancel(): void } {
  let timer: unknown;
  let firstUnseen: number | undefined;
  const fire = () => {
    timer = undefined;
    firstUnseen = undefined;
    run();
  };
  return {
    changed() {
      const now = clock.now();
      firstUnseen ??= now;
      if (timer !== undefined) clock.clear(timer);
      timer = clock.set(fire, Math.max(0, Math.min(quietMs, firstUnseen + maxWaitMs - now)));
    },
    cancel() {
      if (timer !== undefined) clock.clear(timer);
      timer = undefined;
      firstUnseen = undefined;
    },
  };
}
