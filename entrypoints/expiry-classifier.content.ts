import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { showPrompt } from '@/components/prompt/prompt';
import { detectExpiry } from '@/utils/expiry';
import { createMessenger } from '@/utils/messages/client';

/**
 * The full expiry classifier with the prompt, injected by the worker into a frame whose watcher found it relevant
 * (see expiry-watch.content.ts). Not registered for any page by itself.
 */

/** Re-evaluations allowed on a single-page app before the classifier stops watching. */
const maxEvaluations = 20;
const debounceMs = 600;
/** One classifier per frame, however often the worker is asked to inject it. */
const installedFlag = '__rekeyExpiryClassifier';

export default defineContentScript({
  registration: 'runtime',
  matches: [],
  main(ctx) {
    const scope = globalThis as Record<string, unknown>;
    if (scope[installedFlag]) return;
    scope[installedFlag] = true;
    const send = createMessenger((message) => browser.runtime.sendMessage(message));
    let evaluations = 0;
    let settled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;

    async function evaluate() {
      if (settled || evaluations >= maxEvaluations) return;
      evaluations += 1;
      const verdict = detectExpiry(document, location.href);
      if (verdict.kind === 'none') return;
      settled = true;
      observer.disconnect();
      // Only the verdict goes to the worker; the site is taken from the sender by the worker itself,
      // and the worker words the prompt (it knows a language forced by policy).
      const reply = await send({
        type: 'expiry/report',
        kind: verdict.kind,
        ...(verdict.daysLeft !== undefined ? { daysLeft: verdict.daysLeft } : {}),
      }).catch(() => null);
      if (!reply?.show || ctx.isInvalid) return;
      showPrompt(document, reply.text, {
        onChangeNow: () => void send({ type: 'expiry/openChange' }).catch(() => undefined),
        onNotNow: () => void send({ type: 'expiry/snooze' }).catch(() => undefined),
        onClose: () => undefined,
      });
    }

    const observer = new MutationObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(() => void evaluate(), debounceMs);
    });
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    ctx.onInvalidated(() => {
      observer.disconnect();
      clearTimeout(timer);
    });
    void evaluate();
  },
});
