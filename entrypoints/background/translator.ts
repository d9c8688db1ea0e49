import type { Translator } from '@/utils/i18n/translate';
import { browserTranslator, loadTranslator } from '../shared/i18n';
import type { SettingsSource } from './settings';

/** The worker words notifications and the page prompt itself: it alone knows a language forced by policy. */
export interface WorkerTranslator {
  /**
   * The translator for the language settings force (else the browser's), loaded on first use: most worker lives
   * word nothing, and reading the settings at start would come between the event that woke the worker and its answer.
   */
  current(): Promise<Translator>;
  /** Settings changed: the next `current()` reads the forced language again. */
  reload(): void;
}

export function createWorkerTranslator(settings: SettingsSource): WorkerTranslator {
  let active: Promise<Translator> | undefined;
  return {
    current() {
      if (active) return active;
      const loading: Promise<Translator> = settings
        .load()
        .then(({ settings: current }) => loadTranslator(current.language))
        .catch(() => {
          // Unreadable settings or messages: the browser's language for now, and the next caller tries again.
          if (active === loading) active = undefined;
          return browserTranslator();
        });
      active = loading;
      return loading;
    },
    reload() {
      active = undefined;
    },
  };
}
