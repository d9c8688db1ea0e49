import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { versionedLocalItem } from '@/entrypoints/background/settings-item';
import { settingsMigrations, settingsVersion } from '@/utils/settings/migrations';
import type { Settings } from '@/utils/settings/schema';

const item = () =>
  versionedLocalItem<Partial<Settings>>('settings', {
    fallback: {},
    version: settingsVersion,
    migrations: settingsMigrations as Record<number, (old: unknown) => unknown>,
  });

describe('the stored user settings (the layout @wxt-dev/storage wrote, so installed extensions keep theirs)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('answers the fallback when nothing is stored, and writes the value with its schema version', async () => {
    const settings = item();
    expect(await settings.getValue()).toEqual({});
    await settings.setValue({ tenant: 'https://acme.identitynow.com' });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({
      settings: { tenant: 'https://acme.identitynow.com' },
      settings$: { v: settingsVersion },
    });
  });

  it('migrates a version 1 value (no version stored) once, before the first read', async () => {
    await fakeBrowser.storage.local.set({ settings: { sourceName: ' Active Directory ', clientId: 'rekey' } });
    const settings = item();
    expect(await settings.getValue()).toEqual({ clientId: 'rekey', sources: [{ sourceName: 'Active Directory' }] });
    expect(await fakeBrowser.storage.local.get('settings$')).toEqual({ settings$: { v: 2 } });
  });

  it('leaves a value already at the current version as it is', async () => {
    await fakeBrowser.storage.local.set({ settings: { sourceName: 'kept as is' }, settings$: { v: settingsVersion } });
    expect(await item().getValue()).toEqual({ sourceName: 'kept as is' });
  });

  it('reads the value, its version and the keys asked beside it in one storage call', async () => {
    await fakeBrowser.storage.local.set({ settings: { clientId: 'rekey' }, settings$: { v: settingsVersion }, seal: 'sealed' });
    const reads = vi.spyOn(fakeBrowser.storage.local, 'get');
    const settings = item();
    expect(await settings.getValueWith(['seal'])).toEqual({ value: { clientId: 'rekey' }, others: { seal: 'sealed' } });
    expect(reads).toHaveBeenCalledTimes(1);
    // Later reads skip the version: still one call each.
    expect(await settings.getValueWith(['seal'])).toEqual({ value: { clientId: 'rekey' }, others: { seal: 'sealed' } });
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it('lets a write made during the first read wait for its migration, which then cannot overwrite it', async () => {
    await fakeBrowser.storage.local.set({ settings: { sourceName: 'Active Directory', clientId: 'old' } });
    const settings = item();
    await Promise.all([settings.getValueWith(['seal']), settings.setValue({ clientId: 'new' })]);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ settings: { clientId: 'new' }, settings$: { v: settingsVersion } });
  });

  it('tells a watcher about writes to the settings and nothing else', async () => {
    const settings = item();
    const seen: unknown[] = [];
    const unwatch = settings.watch((value) => seen.push(value));
    await fakeBrowser.storage.local.set({ other: 1 });
    await settings.setValue({ clientId: 'rekey' });
    unwatch();
    await settings.setValue({ clientId: 'after' });
    expect(seen).toEqual([{ clientId: 'rekey' }]);
  });
});
