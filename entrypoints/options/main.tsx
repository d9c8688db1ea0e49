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

/** Asks only for what is not granted yet, so saving unchanged settings never prompts. */
async function requestOrigins(origins: string[]): Promise<boolean> {
  const missing: string[] = [];
  for (const origin of origins) if (!(await browser.permissions.contains({ origins: [origin] }))) missing.push(origin);
  return missing.length === 0 || browser.permissions.request({ origins: missing });
}

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
      requestOrigins={requestOrigins}
      onWorkerChange={onWorkerChange}
      admin={(state) => <AdminSection state={state} send={sendMessage} />}
    />,
    document.getElementById('app')!,
  );
}

void start();
