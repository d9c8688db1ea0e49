import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { applyPopupLayout, popupLayout } from '@/components/popup/page-layout';
import { afterKeptFrame } from './shared/after-presented';
import { paintKeptFrame } from './shared/kept-frame';

/**
 * popup.html's one script, a classic one right after `#app` (scripts/module-after-frame.ts): paints the popup's kept
 * first screen (kept-frame.ts), then starts the popup's module script, named by its `data-module`. After a painted
 * frame, in the toolbar popup only once the browser reports that frame presented, with nothing fetched meanwhile: a
 * toolbar popup is shown and sized only after its document loaded, and the module's fetch, compilation and first render
 * (and the port it opens, which starts a stopped worker) fell into that window and held the frame back; in a tab or
 * window, which is on screen before its document loads, once the frame is rendered, except in Firefox
 * (after-presented.ts's afterKeptFrame). Started at once, the module ran before the browser painted anything. With no frame, at once; with a
 * kept state only storage.session can vouch for, once it answered (and after the frame it allowed, as above).
 */
/** The longest a painted frame holds back the popup's module when no presented frame is reported (after-presented.ts). */
const moduleLatestMs = 300;
/** The longest the module waits for storage.session's answer to a kept signed-in state before it starts anyway. */
const checkedLatestMs = 100;

export default defineUnlistedScript(() => {
  // For the benchmark's probes (bench/toolbar-probe.ts, bench/popup-probe.ts): where the popup's own work starts.
  performance.mark('rekey:frame-script');
  const popupModule = (document.currentScript as HTMLScriptElement | null)?.dataset.module ?? '';
  // In a tab or window (not the toolbar popup) the popup lays out as a page: decided here, before any frame, once
  // (main.tsx, which this script starts, leaves it), so the frame and the live screen have the same layout.
  const layout = popupLayout(window, () => browser.extension.getViews({ type: 'popup' }));
  applyPopupLayout(document.documentElement, layout);
  performance.mark('rekey:layout-decided');
  let frame: boolean | Promise<boolean> = false;
  const app = document.getElementById('app');
  try {
    // The kept frame at once; where only storage.session can tell whether the kept state is still true (every kept
    // signed-in state in Chromium), once it answered: one in-memory round trip.
    if (app) frame = paintKeptFrame(app);
  } catch {
    // Whatever went wrong with the kept frame, the popup's own script paints the screen.
  }
  const startPopup = () => {
    const module = document.createElement('script');
    module.type = 'module';
    module.src = popupModule;
    document.head.append(module);
  };
  const afterFrame = () => afterKeptFrame({ layout, firefox: import.meta.env.FIREFOX }, startPopup, moduleLatestMs);
  if (frame === true) afterFrame();
  else if (frame === false) startPopup();
  else {
    // Should storage.session not answer, the module starts anyway (appended twice, a module still runs once).
    setTimeout(startPopup, checkedLatestMs);
    frame.then((framed) => (framed ? afterFrame() : startPopup()), startPopup);
  }
});
