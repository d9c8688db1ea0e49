import type { Translator } from '@/utils/i18n/translate';
import { browserTranslator, loadTranslator } from '../shared/i18n';
import type { SettingsSource } from './settings';

/** The worker words notifications and the page prompt itself: it alone knows a language forced by policy. */
export interface WorkerTranslator {
  current(): Translator;
  /** Re-reads the forced language (at start and when the policy changes). */
  reload(): Promise<void>;
}

export function createWorkerTranslator(settings: SettingsSource): WorkerTranslator {
  let active = browserTranslator();
  return {
    current: () => active,
    async reload() {
      active = await loadTranslator((await settings.load()).settings.language);
    },
  };
}
