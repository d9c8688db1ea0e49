import { defineContentScript } from 'wxt/utils/define-content-script';
import { showPrompt } from '@/components/prompt/prompt';
import { detectExpiry } from '@/utils/expiry';
import { createTranslator, pickLocale } from '@/utils/i18n/translate';
import { createMessenger } from '@/utils/messages/client';

/** Re-evaluations allowed on a single-page app before the script stops watching. */
const maxEvaluations = 20;
const debounceMs = 600;

interface NativeExtensionApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  i18n: { getMessage(key: string, subs?: string[]): string; getUILanguage(): string };
}

function nativeExtensionApi(): NativeExtensionApi {
  const scope = globalThis as unknown as { browser?: NativeExtensionApi; chrome: NativeExtensionApi };
  return scope.browser ?? scope.chrome;
}

export default defineContentScript({
  // Registered at runtime by the background, only for sites the user or policy granted.
  registration: 'runtime',
  matches: [],
  runAt: 'document_idle',
  main(ctx) {
    const send = createMessenger((message) => browser.runtime.sendMessage(message));
    const t = createTranslator(
      (key, subs) => browser.i18n.getMessage(key as '@@ui_locale', subs.length > 0 ? [...subs] : undefined),
      pickLocale(browser.i18n.getUILanguage()),
    ).t;
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
      // Only the verdict goes to the worker; the site is taken from the sender by the worker itself.
      const reply = await send({
        type: 'expiry/report',
        kind: verdict.kind,
        ...(verdict.daysLeft !== undefined ? { daysLeft: verdict.daysLeft } : {}),
      }).catch(() => null);
      if (!reply?.show || ctx.isInvalid) return;
      const message =
        verdict.kind === 'expired'
          ? t('prompt.expired')
          : verdict.daysLeft === undefined
            ? t('prompt.expiringSoon')
            : verdict.daysLeft === 0
              ? t('prompt.expiringToday')
              : t('prompt.expiringIn', [verdict.daysLeft], verdict.daysLeft);
      showPrompt(
        document,
        {
          message,
          changeNow: t('prompt.changeNow'),
          notNow: t('prompt.notNow'),
          close: t('prompt.close'),
          regionLabel: t('prompt.region'),
        },
        {
          onChangeNow: () => void send({ type: 'expiry/openChange' }).catch(() => undefined),
          onNotNow: () => void send({ type: 'expiry/snooze' }).catch(() => undefined),
          onClose: () => undefined,
        },
      );
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
