import { render } from 'preact';
import { browser } from 'wxt/browser';
import { setTranslator } from '@/components/i18n';
import { AdminSection } from '@/components/options/admin/AdminSection';
import { createAdminSend } from '@/components/options/admin/admin-send';
import { OptionsApp } from '@/components/options/OptionsApp';
import { loadTranslator } from '../shared/i18n';
import { rememberPaintState } from '../shared/paint-cache';
import { readUiSnapshot } from '../shared/ui-snapshot';
import { connectToWorker, pageBrowser } from '../shared/worker-client';
import '@/components/theme.css';
import '@/components/options/options.css';

async function start() {
  const snapshot = await readUiSnapshot();
  const language = snapshot?.settings.settings.language ?? '';
  setTranslator(await loadTranslator(language));
  document.documentElement.lang = language || browser.i18n.getUILanguage();
  const worker = connectToWorker('options');
  // What this page is shown (a sign-out here, say) is also what the next popup paints first.
  worker.subscribe(rememberPaintState);
  render(
    <OptionsApp
      worker={worker}
      requestOrigins={pageBrowser.requestOrigins}
      admin={(state) => <AdminSection state={state} send={createAdminSend(worker.send, state.settings.settings.apiVersion)} />}
    />,
    document.getElementById('app')!,
  );
}

void start();
