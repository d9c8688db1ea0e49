import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { showPrompt } from '@/components/prompt/prompt';
import { detectExpiry } from '@/utils/expiry';
import { createMessenger } from '@/utils/messages/client';

/** Re-evaluations allowed on a single-page app before the script stops watching. */
const maxEvaluations = 20;
const debounceMs = 600;

export default defineContentScript({
  // Registered at runtime by the background, only for sites the user or policy granted.
  registration: 'runtime',
  matches: [],
  runAt: 'document_idle',
  main(ctx) {
    // `wxt/browser` is the browsers' native promise-based API here (see the hook in wxt.config.ts).
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

    // Single-page apps show the warning after load: look again after meaningful changes, debounced and bounded.
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
