import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { showPrompt } from '@/components/prompt/prompt';
import { pageRecheck, whenQuiet } from '@/utils/dom/when-quiet';
import { detectExpiry } from '@/utils/expiry';
import { classifierInstalledFlag, retryUntilSettled } from '@/utils/expiry/handoff';
import { createMessenger } from '@/utils/messages/client';

/**
 * The full expiry classifier with the prompt, injected by the worker into a frame whose watcher found it relevant
 * (see expiry-watch.content.ts). Not registered for any page by itself.
 */

/** Re-evaluations allowed on a single-page app before the classifier stops watching. */
const maxEvaluations = 20;

export default defineContentScript({
  registration: 'runtime',
  matches: [],
  main(ctx) {
    // One classifier per frame, however often the worker is asked to inject it (the watcher reads the flag too).
    const scope = globalThis as Record<string, unknown>;
    if (scope[classifierInstalledFlag]) return;
    scope[classifierInstalledFlag] = true;
    const send = createMessenger((message) => browser.runtime.sendMessage(message));
    let evaluations = 0;
    let settled = false;

    async function evaluate() {
      if (settled || evaluations >= maxEvaluations) return;
      evaluations += 1;
      const { kind, daysLeft } = detectExpiry(document, location.href);
      if (kind === 'none') return;
      settled = true;
      observer.disconnect();
      // Only the verdict goes to the worker; the site is taken from the sender by the worker itself,
      // and the worker words the prompt (it knows a language forced by policy).
      // Any answer settles it; no answer (a worker stopping just then) is asked again.
      const reply = await retryUntilSettled(
        () => send({ type: 'expiry/report', kind, ...(daysLeft !== undefined ? { daysLeft } : {}) }),
        () => true,
        { stopped: () => ctx.isInvalid },
      );
      if (!reply?.show || ctx.isInvalid) return;
      showPrompt(document, reply.text, {
        onChangeNow: () => void send({ type: 'expiry/openChange' }).catch(() => undefined),
        onNotNow: () => void send({ type: 'expiry/snooze' }).catch(() => undefined),
        onClose: () => undefined,
      });
    }

    const later = whenQuiet(() => void evaluate(), pageRecheck);
    const observer = new MutationObserver(() => later.changed());
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    ctx.onInvalidated(() => {
      observer.disconnect();
      later.cancel();
    });
    void evaluate();
  },
});
