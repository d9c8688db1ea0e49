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
    view.requestAnimationFrame(() => view.setTimeout(run));
    return;
  }
  observer = new view.PerformanceObserver((entries) => {
    if (entries.getEntriesByName('first-contentful-paint').length > 0) run();
  });
  observer.observe({ type: 'paint', buffered: true });
}
