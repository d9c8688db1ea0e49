import { render } from 'preact';
import { browser } from 'wxt/browser';
import { setTranslator } from '@/components/i18n';
import { PopupApp } from '@/components/popup/PopupApp';
import { applyPopupLayout, popupLayout } from '@/components/popup/page-layout';
import { createPopupStore } from '@/components/popup/store';
import { loadTranslator } from '../shared/i18n';
import { readUiSnapshot } from '../shared/ui-snapshot';
import { connectToWorker, pageBrowser } from '../shared/worker-client';
import '@/components/theme.css';
import '@/components/popup/popup.css';

async function start() {
  // In a tab or window (not the toolbar popup) the popup lays out as a page: before the first paint.
  applyPopupLayout(
    document.documentElement,
    popupLayout(window, () => browser.extension.getViews({ type: 'popup' })),
  );
  // The last state the worker left paints the popup before the (maybe cold) worker answers.
  const snapshot = await readUiSnapshot();
  const language = snapshot?.settings.settings.language ?? '';
  setTranslator(await loadTranslator(language));
  document.documentElement.lang = language || browser.i18n.getUILanguage();

  // The port also tells the worker a popup is open, so it polls pending changes faster meanwhile.
  const worker = connectToWorker('popup');
  const actions = createPopupStore(worker.send, pageBrowser);
  render(<PopupApp actions={actions} snapshot={snapshot} worker={worker} />, document.getElementById('app')!);
}

void start();
