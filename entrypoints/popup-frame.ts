import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { applyPopupLayout, popupLayout } from '@/components/popup/page-layout';
import { afterKeptFrame } from './shared/after-presented';
import { paintCheckedFrame, paintKeptFrame } from './shared/kept-frame';

/**
 * popup.html's one script, a classic one right after `#app` (scripts/module-after-frame.ts): paints the popup's kept
 * first screen (kept-frame.ts), then starts the popup's module script, named by its `data-module`. After a painted
 * frame, in the toolbar popup only once the browser reports that frame presented, with nothing fetched meanwhile: a
 * toolbar popup is shown and sized only after its document loaded, and the module's fetch, compilation and first render
 * (and the port it opens, which starts a stopped worker) fell into that window and held the frame back; in a tab or
 * window, which is on screen before its document loads, once the frame is rendered, except in Firefox
 * (after-presented.ts's afterKeptFrame). Started at once, the module ran before the browser painted anything. With no frame, at once (and a
 * frame that needs storage.session's answer comes when that does, if the live screen has not come first).
 */
/** The longest a painted frame holds back the popup's module when no presented frame is reported (after-presented.ts). */
const moduleLatestMs = 300;

export default defineUnlistedScript(() => {
  // For the benchmark's probes (bench/toolbar-probe.ts, bench/popup-probe.ts): where the popup's own work starts.
  performance.mark('rekey:frame-script');
  const popupModule = (document.currentScript as HTMLScriptElement | null)?.dataset.module ?? '';
  // In a tab or window (not the toolbar popup) the popup lays out as a page: decided here, before any frame, once
  // (main.tsx, which this script starts, leaves it), so the frame and the live screen have the same layout.
  const layout = popupLayout(window, () => browser.extension.getViews({ type: 'popup' }));
  applyPopupLayout(document.documentElement, layout);
  performance.mark('rekey:layout-decided');
  let painted = false;
  const app = document.getElementById('app');
  try {
    painted = app !== null && paintKeptFrame(app);
    // Where storage.session must tell whether the kept state is still true: its answer, while the module loads.
    if (app && !painted) paintCheckedFrame(app).catch(() => undefined);
  } catch {
    // Whatever went wrong with the kept frame, the popup's own script paints the screen.
  }
  const startPopup = () => {
    const module = document.createElement('script');
    module.type = 'module';
    module.src = popupModule;
    document.head.append(module);
  };
  if (painted) afterKeptFrame({ layout, firefox: import.meta.env.FIREFOX }, startPopup, moduleLatestMs);
  else startPopup();
});
