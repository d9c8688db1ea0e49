import { render } from 'preact';
import { browser } from 'wxt/browser';
import { AdminSection } from '@/components/options/admin/AdminSection';
import { OptionsApp } from '@/components/options/OptionsApp';
import { initI18n } from '@/platform/i18n';
import { loadEffectiveSettings } from '@/platform/settings';
import { uiSnapshotKey } from '@/platform/snapshot';
import { sendMessage } from '@/utils/messages/browser-messenger';
import '@/components/theme.css';
import '@/components/options/options.css';

async function start() {
  const { settings } = await loadEffectiveSettings();
  await initI18n(settings.language);
  document.documentElement.lang = settings.language || browser.i18n.getUILanguage();
  const onWorkerChange = (refresh: () => void) => {
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && uiSnapshotKey in changes) refresh();
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  };
  render(
    <OptionsApp
      send={sendMessage}
      requestOrigins={(origins) => browser.permissions.request({ origins })}
      onWorkerChange={onWorkerChange}
      admin={(state) => <AdminSection state={state} send={sendMessage} />}
    />,
    document.getElementById('app')!,
  );
}

void start();
