import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { whenQuiet } from '@/utils/dom/when-quiet';

describe('looking at a changing page again (whenQuiet)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('looks once the page has been quiet for the quiet time after a burst of changes', () => {
    const run = vi.fn();
    const watch = whenQuiet(run, { quietMs: 600, maxWaitMs: 2_000 });
    for (let i = 0; i < 5; i += 1) {
      watch.changed();
      vi.advanceTimersByTime(100);
    }
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(500);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('still looks on a page that never stops changing (a clock every 250 ms): at the latest after the longest wait, again and again', () => {
    const run = vi.fn();
    const watch = whenQuiet(run, { quietMs: 600, maxWaitMs: 2_000 });
    for (let elapsed = 0; elapsed < 6_000; elapsed += 250) {
      watch.changed();
      vi.advanceTimersByTime(250);
    }
    // A plain 600 ms debounce would not have run once in these six seconds.
    expect(run).toHaveBeenCalledTimes(3);
  });

  it('does nothing after it was cancelled (the content script invalidated)', () => {
    const run = vi.fn();
    const watch = whenQuiet(run, { quietMs: 600, maxWaitMs: 2_000 });
    watch.changed();
    watch.cancel();
    vi.advanceTimersByTime(5_000);
    expect(run).not.toHaveBeenCalled();
  });
});
