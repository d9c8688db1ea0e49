import { storage } from '@wxt-dev/storage';
import { browser } from 'wxt/browser';
import { type EffectiveSettings, resolveSettings } from '@/utils/settings/effective';
import { settingsMigrations, settingsVersion } from '@/utils/settings/migrations';
import type { Settings } from '@/utils/settings/schema';

/** The user's own choices; enterprise policy is read separately and always wins. */
export const userSettingsItem = storage.defineItem<Partial<Settings>>('local:settings', {
  fallback: {},
  version: settingsVersion,
  migrations: settingsMigrations as Record<number, (old: unknown) => unknown>,
});

/** Managed storage throws in Firefox when no policy exists and may be absent in tests. */
export async function readManagedPolicy(): Promise<Record<string, unknown>> {
  try {
    return ((await browser.storage.managed?.get()) ?? {}) as Record<string, unknown>;
  } catch {
    return {};
  }
}

export async function loadEffectiveSettings(): Promise<EffectiveSettings> {
  const [user, managed] = await Promise.all([userSettingsItem.getValue(), readManagedPolicy()]);
  return resolveSettings(user, managed);
}

/** Calls back whenever user settings or the managed policy change. */
export function watchSettings(onChange: () => void): () => void {
  const listener = (_changes: unknown, area: string) => {
    if (area === 'managed') onChange();
  };
  browser.storage.onChanged.addListener(listener);
  const unwatch = userSettingsItem.watch(() => onChange());
  return () => {
    browser.storage.onChanged.removeListener(listener);
    unwatch();
  };
}
