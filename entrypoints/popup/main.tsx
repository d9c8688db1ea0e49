import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '@/components/popup/PopupApp';
import { applyPopupLayout, popupLayout } from '@/components/popup/page-layout';
import { createPopupStore } from '@/components/popup/store';
import { initI18n } from '@/platform/i18n';
import { uiSnapshotKey } from '@/platform/snapshot';
import { sendMessage } from '@/utils/messages/browser-messenger';
import type { PopupState } from '@/utils/messages/views';
import '@/components/theme.css';
import '@/components/popup/popup.css';

async function start() {
  // In a tab or window (not the toolbar popup) the popup lays out as a page: before the first paint.
  applyPopupLayout(
    document.documentElement,
    popupLayout(window, () => browser.extension.getViews({ type: 'popup' })),
  );
  // The last state the worker wrote paints the popup before the (maybe cold) worker answers.
  const stored = await browser.storage.local.get(uiSnapshotKey);
  const snapshot = (stored[uiSnapshotKey] as PopupState | undefined) ?? null;
  await initI18n(snapshot?.settings.settings.language ?? '');
  document.documentElement.lang = snapshot?.settings.settings.language || browser.i18n.getUILanguage();

  // While this port is open the worker polls pending changes faster.
  browser.runtime.connect({ name: 'popup' });

  const actions = createPopupStore(sendMessage);
  const onWorkerChange = (refresh: () => void) => {
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && uiSnapshotKey in changes) refresh();
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  };
  render(<PopupApp actions={actions} snapshot={snapshot} onWorkerChange={onWorkerChange} />, document.getElementById('app')!);
}

void start();
