import type { PopupLayout } from '@/components/popup/page-layout';

/**
 * Runs `then` once the page's first contentful frame is on screen — its first-contentful-paint entry, which the browser
 * reports after presenting that frame — and at the latest after `latestMs`.
 *
 * Why not at the frame's rendering (requestAnimationFrame, then a task): Chromium shows a toolbar popup only after its
 * document has loaded and been sized to its content, and presents the popup's first frame after that, 30–50 ms after the
 * page rendered it. The popup's module, started at the rendered frame, was fetched, compiled and run in exactly that
 * window, and its live screen (and its port, which starts a stopped worker) was always ready before the kept frame was
 * presented: the first frame on screen waited for the module it was painted to precede (bench/toolbar-probe.ts, signed
 * in: the popup's first-contentful-paint came after its live screen's 'rekey:first-screen' mark in 39 of 40 toolbar
 * popups, 20 beside a running worker and 20 beside a stopped one; started here, in none of 60).
 *
 * Where the browser reports no paint timing, at the rendered frame as before; `latestMs` bounds the wait where a frame
 * is never presented (a page opened hidden), so the popup's own script always starts.
 */
export function afterFirstPresented(then: () => void, latestMs: number, view: Window & typeof globalThis = window): void {
  let done = false;
  let observer: PerformanceObserver | undefined;
  const run = () => {
    if (done) return;
    done = true;
    observer?.disconnect();
    then();
  };
  view.setTimeout(run, latestMs);
  if (!view.PerformanceObserver?.supportedEntryTypes?.includes('paint')) {
    afterFirstRendered(run, view);
    return;
  }
  observer = new view.PerformanceObserver((entries) => {
    if (entries.getEntriesByName('first-contentful-paint').length > 0) run();
  });
  observer.observe({ type: 'paint', buffered: true });
}

/** Runs `then` in a task after the page's next rendered frame: the frame is out, its presentation not awaited. */
export function afterFirstRendered(then: () => void, view: Window & typeof globalThis = window): void {
  view.requestAnimationFrame(() => view.setTimeout(then));
}

/**
 * When popup.html's frame script starts the popup's module after painting a kept frame, by where the popup is laid out.
 * The toolbar popup: once the frame is presented (afterFirstPresented), since Chromium shows it only after its document
 * loaded and the module's work held the frame back. A tab or window is on screen before its document loads, so nothing
 * holds its frame's presentation back and waiting for it only made the live screen later: after the rendered frame
 * (bench/popup-probe.ts, signed-in tabs, medians of each popup's own gaps: the live screen came 47 → 23 ms after the
 * first screen beside a running worker and 67 → 46 ms beside a stopped one, the presented frame 18 → 13 and 28 → 30 ms).
 */
export function afterKeptFrame(layout: PopupLayout, then: () => void, latestMs: number, view: Window & typeof globalThis = window): void {
  if (layout === 'popup') afterFirstPresented(then, latestMs, view);
  else afterFirstRendered(then, view);
}
