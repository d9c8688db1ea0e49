import { browser } from 'wxt/browser';
import { applyUserEdit, type EffectiveSettings, resolveSettings } from '@/utils/settings/effective';
import { settingsMigrations, settingsVersion } from '@/utils/settings/migrations';
import type { Settings } from '@/utils/settings/schema';
import { versionedLocalItem } from './settings-item';
import type { SettingsSeal } from './settings-seal';
import { keys } from './storage';

type Policy = Record<string, unknown>;

export interface SettingsSource {
  /** User settings under the enterprise policy; waits for the policy. Use it to decide anything. */
  load(): Promise<EffectiveSettings>;
  /**
   * Settings for painting: if the policy is still being read after `waitMs`, answers without it and calls
   * `onPolicyRead` when it arrives. Never used to decide an edit.
   */
  loadForDisplay(waitMs: number, onPolicyRead: () => void): Promise<EffectiveSettings>;
  /** Applies an edit from the options page unless it touches a locked key. */
  edit(edit: Record<string, unknown>): Promise<{ refused: string[]; invalid: { key: string; issue: string }[] }>;
  /** Calls back whenever user settings or the managed policy change. */
  watch(onChange: () => void): () => void;
}

/** The user's own choices; enterprise policy is read separately and always wins. */
const userSettingsItem = versionedLocalItem<Partial<Settings>>(keys.settings, {
  fallback: {},
  version: settingsVersion,
  migrations: settingsMigrations as Record<number, (old: unknown) => unknown>,
});

const sealKey = 'settings-seal';

export function createSettingsSource(seal: SettingsSeal): SettingsSource {
  let managedRead: Promise<Policy> | undefined;
  let managedKnown: Policy | undefined;

  // Every API call resolves the tenant from the settings, so the verified user settings are kept until their key or
  // their seal changes (any writer, this worker included) instead of being read and HMAC-checked each time.
  let verified: Promise<Partial<Settings>> | undefined;
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && (keys.settings in changes || sealKey in changes)) verified = undefined;
  });

  /** The user's settings if this worker saved them; otherwise (someone else wrote storage.local) none at all. */
  function userSettings(): Promise<Partial<Settings>> {
    if (verified) return verified;
    const reading = verifyUserSettings();
    verified = reading;
    // A failed read is not kept: the next caller tries again.
    reading.catch(() => {
      if (verified === reading) verified = undefined;
    });
    return reading;
  }

  async function verifyUserSettings(): Promise<Partial<Settings>> {
    // One storage call for the settings and their seal.
    const { value, others } = await userSettingsItem.getValueWith([sealKey]);
    let verdict: Awaited<ReturnType<SettingsSeal['check']>>;
    try {
      verdict = await seal.check(value, others[sealKey]);
    } catch {
      // No key store (IndexedDB refused): the settings still work, only unsealed. Nothing a page can cause.
      return value;
    }
    if (verdict === 'invalid') return {};
    if (verdict === 'adopt') await browser.storage.local.set({ [sealKey]: await seal.seal(value) });
    return value;
  }

  /**
   * Managed storage throws in Firefox when no policy exists; in Chromium the first read of a browser session can
   * take seconds (measured 2–3 s on Debian Chromium), so one read is shared and kept until the policy changes.
   */
  function readManagedPolicy(): Promise<Policy> {
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

  const source: SettingsSource = {
    async load() {
      const [user, managed] = await Promise.all([userSettings(), readManagedPolicy()]);
      return resolveSettings(user, managed);
    },

    async loadForDisplay(waitMs, onPolicyRead) {
      const user = await userSettings();
      if (managedKnown) return resolveSettings(user, managedKnown);
      const read = readManagedPolicy();
      const timedOut = Symbol('timed out');
      const managed = await Promise.race([read, new Promise<typeof timedOut>((resolve) => setTimeout(() => resolve(timedOut), waitMs))]);
      if (managed !== timedOut) return resolveSettings(user, managed);
      void read.then(onPolicyRead);
      return resolveSettings(user, {});
    },

    async edit(edit) {
      const effective = await source.load();
      const current = await userSettings();
      const { next, refused, invalid } = applyUserEdit(current, edit, effective.lockedKeys);
      if (invalid.length === 0) {
        // Sealed first: a reader between the two writes finds the new seal over the old value and takes defaults
        // for a moment, never a value the worker did not write.
        await browser.storage.local.set({ [sealKey]: await seal.seal(next) });
        await userSettingsItem.setValue(next);
        verified = undefined;
      }
      return { refused, invalid };
    },

    watch(onChange) {
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
    },
  };
  return source;
}
