import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { pageRecheck, whenQuiet } from '@/utils/dom/when-quiet';
import { classifierInstalled, retryUntilSettled } from '@/utils/expiry/handoff';
import { looksRelevant } from '@/utils/expiry/precheck';

/**
 * Runs on every watched sign-in page, so it is kept tiny (budget: bench/size.ts): it only asks whether the page
 * could be about a password (a password field, or the word "password" in any shipped language). When it could,
 * it asks the worker to inject the classifier (expiry-classifier.content.ts) into this frame, once. The phrase
 * tables, the detector and the prompt load only on such pages — most pages on a watched host never pay for them.
 *
 * Why not send the page's text to the worker instead: the worker has its own size target, Chrome's MV3 worker
 * cannot import() lazily, and the text of a sign-in page does not need to leave the page at all this way.
 */

/** Re-checks allowed on a single-page app before the watcher stops looking. */
const maxChecks = 20;

export default defineContentScript({
  // Registered at runtime by the worker, only for sites the user or policy granted.
  registration: 'runtime',
  matches: [],
  runAt: 'document_idle',
  main(ctx) {
    let checks = 0;

    function check() {
      if (checks >= maxChecks) return observer.disconnect();
      checks += 1;
      if (!looksRelevant(document)) return;
      observer.disconnect();
      // `browser` here is the browsers' native promise-based API (see the hook in wxt.config.ts). The worker answers
      // once it injected the classifier; a worker that was stopping, or an injection the busy tab refused, is asked again.
      void retryUntilSettled(
        () => browser.runtime.sendMessage({ type: 'expiry/classify' }),
        () => classifierInstalled(),
        {
          stopped: () => ctx.isInvalid,
        },
      );
    }

    // Single-page apps render the sign-in form after load: look again after changes, once quiet, and bounded.
    const later = whenQuiet(check, pageRecheck);
    const observer = new MutationObserver(() => later.changed());
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    ctx.onInvalidated(() => {
      observer.disconnect();
      later.cancel();
    });
    check();
  },
});
