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

/** Where the popup is: its layout (popup-frame.js decides it before any frame) and whether the browser is Firefox. */
export interface PopupSurface {
  layout: PopupLayout;
  firefox: boolean;
}

/**
 * When popup.html's frame script starts the popup's module after painting a kept frame. Once the frame is presented
 * (afterFirstPresented) where a module started earlier held the first frame back: Chromium's toolbar popup, shown only
 * after its document loaded, and every Firefox page (a Firefox build whose tabs started the module after the rendered
 * frame painted the first screen later: two alternated bench runs per build, warm tabs, 1.19 and 1.31× against 0.96 and
 * 1.10× not configured, 1.47 and 1.36× against 1.13 and 1.25× signed in). A Chromium tab or window is on screen before
 * its document loads, nothing holds its frame back, and waiting for the presentation there only made the live screen
 * later: after the rendered frame (bench/popup-probe.ts, signed-in tabs, medians of each popup's own gaps: the live
 * screen came 47 → 23 ms after the first screen beside a running worker and 67 → 46 ms beside a stopped one, the
 * presented frame 18 → 13 and 28 → 30 ms).
 */
export function afterKeptFrame(surface: PopupSurface, then: () => void, latestMs: number, view: Window & typeof globalThis = window): void {
  if (surface.layout === 'popup' || surface.firefox) afterFirstPresented(then, latestMs, view);
  else afterFirstRendered(then, view);
}
