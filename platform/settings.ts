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

type Policy = Record<string, unknown>;
let managedRead: Promise<Policy> | undefined;
let managedKnown: Policy | undefined;

/**
 * The enterprise policy. Managed storage throws in Firefox when no policy exists; in Chromium the
 * first read of a browser session can take seconds (measured 2–3 s on Debian Chromium), so one
 * read is shared and its result kept for this context's lifetime (policy changes reset it).
 */
export function readManagedPolicy(): Promise<Policy> {
  managedRead ??= (async () => {
    try {
      managedKnown = ((await browser.storage.managed?.get()) ?? {}) as Policy;
    } catch {
      managedKnown = {};
    }
    return managedKnown;
  })();
  return managedRead;
}

/**
 * Settings for painting: if the policy is still being read after `waitMs`, answer without it
 * and let `onPolicyRead` repaint. Never used to decide an edit: `loadEffectiveSettings` waits.
 */
export async function loadEffectiveSettingsForDisplay(waitMs: number, onPolicyRead: () => void): Promise<EffectiveSettings> {
  const user = await userSettingsItem.getValue();
  if (managedKnown) return resolveSettings(user, managedKnown);
  const read = readManagedPolicy();
  const timedOut = Symbol('timed out');
  const managed = await Promise.race([read, new Promise<typeof timedOut>((resolve) => setTimeout(() => resolve(timedOut), waitMs))]);
  if (managed !== timedOut) return resolveSettings(user, managed);
  void read.then(onPolicyRead);
  return resolveSettings(user, {});
}

export async function loadEffectiveSettings(): Promise<EffectiveSettings> {
  const [user, managed] = await Promise.all([userSettingsItem.getValue(), readManagedPolicy()]);
  return resolveSettings(user, managed);
}

/** Calls back whenever user settings or the managed policy change. */
export function watchSettings(onChange: () => void): () => void {
  const listener = (_changes: unknown, area: string) => {
    if (area !== 'managed') return;
    managedRead = undefined;
    managedKnown = undefined;
    onChange();
  };
  browser.storage.onChanged.addListener(listener);
  const unwatch = userSettingsItem.watch(() => onChange());
  return () => {
    browser.storage.onChanged.removeListener(listener);
    unwatch();
  };
}
