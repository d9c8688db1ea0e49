import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterFirstPresented, afterKeptFrame } from '@/entrypoints/shared/after-presented';

type Entries = { getEntriesByName(name: string): unknown[] };

/** A page whose browser reports paint timing when `present` is called, with fake timers and frames. */
function fakePage(reportsPaints = true) {
  const observers: { callback: (entries: Entries) => void; disconnected: boolean }[] = [];
  class FakeObserver {
    static supportedEntryTypes = reportsPaints ? ['mark', 'paint'] : ['mark'];
    private readonly record: (typeof observers)[number];
    constructor(callback: (entries: Entries) => void) {
      this.record = { callback, disconnected: false };
      observers.push(this.record);
    }
    observe() {}
    disconnect() {
      this.record.disconnected = true;
    }
  }
  const paint = (name: string) => {
    for (const observer of observers) {
      if (!observer.disconnected) observer.callback({ getEntriesByName: (wanted) => (wanted === name ? [{ name }] : []) });
    }
  };
  const view = {
    PerformanceObserver: FakeObserver,
    setTimeout: (run: () => void, ms?: number) => setTimeout(run, ms),
    // A rendered (not yet presented) frame every 16 ms.
    requestAnimationFrame: (run: () => void) => setTimeout(run, 16),
  } as unknown as Window & typeof globalThis;
  return { view, paint, observers };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("starting the popup's module after its kept frame is on screen", () => {
  it('waits past the rendered frame for the first contentful paint the browser reports', () => {
    const page = fakePage();
    const start = vi.fn();
    afterFirstPresented(start, 300, page.view);
    vi.advanceTimersByTime(50);
    expect(start).not.toHaveBeenCalled();
    page.paint('first-paint');
    expect(start).not.toHaveBeenCalled();
    page.paint('first-contentful-paint');
    expect(start).toHaveBeenCalledOnce();
  });

  it('starts it once, and stops watching paints', () => {
    const page = fakePage();
    const start = vi.fn();
    afterFirstPresented(start, 300, page.view);
    page.paint('first-contentful-paint');
    vi.advanceTimersByTime(1000);
    expect(start).toHaveBeenCalledOnce();
    expect(page.observers.every((observer) => observer.disconnected)).toBe(true);
  });

  it('starts it after the longest wait when no frame is ever reported presented (a page opened hidden)', () => {
    const page = fakePage();
    const start = vi.fn();
    afterFirstPresented(start, 300, page.view);
    vi.advanceTimersByTime(299);
    expect(start).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(start).toHaveBeenCalledOnce();
  });

  it('where the browser reports no paint timing, starts it in a task after the next rendered frame', () => {
    const page = fakePage(false);
    const start = vi.fn();
    afterFirstPresented(start, 300, page.view);
    vi.advanceTimersByTime(15);
    expect(start).not.toHaveBeenCalled();
    vi.advanceTimersByTime(2);
    expect(start).toHaveBeenCalledOnce();
    vi.advanceTimersByTime(1000);
    expect(start).toHaveBeenCalledOnce();
  });
});

describe("when the popup's module starts after a kept frame, by where the popup is", () => {
  it("in Chromium's toolbar popup, once the frame is presented", () => {
    const page = fakePage();
    const start = vi.fn();
    afterKeptFrame({ layout: 'popup', firefox: false }, start, 300, page.view);
    vi.advanceTimersByTime(50);
    expect(start).not.toHaveBeenCalled();
    page.paint('first-contentful-paint');
    expect(start).toHaveBeenCalledOnce();
  });

  it('in a Firefox tab too, once the frame is presented', () => {
    const page = fakePage();
    const start = vi.fn();
    afterKeptFrame({ layout: 'page', firefox: true }, start, 300, page.view);
    vi.advanceTimersByTime(50);
    expect(start).not.toHaveBeenCalled();
    page.paint('first-contentful-paint');
    expect(start).toHaveBeenCalledOnce();
  });

  it('in a Chromium tab or window, in a task after the next rendered frame, without waiting for its presentation', () => {
    const page = fakePage();
    const start = vi.fn();
    afterKeptFrame({ layout: 'page', firefox: false }, start, 300, page.view);
    vi.advanceTimersByTime(15);
    expect(start).not.toHaveBeenCalled();
    vi.advanceTimersByTime(2);
    expect(start).toHaveBeenCalledOnce();
    page.paint('first-contentful-paint');
    vi.advanceTimersByTime(1000);
    expect(start).toHaveBeenCalledOnce();
  });
});
