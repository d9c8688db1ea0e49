import { browser } from 'wxt/browser';

/**
 * The user's settings in storage.local under `key`, with their schema version under `key + '$'` ({ v }) and the
 * migrations from older versions run once before the first read or write. The same layout @wxt-dev/storage's
 * defineItem wrote (installed extensions keep their settings); this is the part of it the worker uses, 1 kB instead
 * of the library's 8 kB in a worker that starts at every event.
 */
export interface VersionedItem<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  /** Calls back when another write changed the stored value; returns the unwatch function. */
  watch(onChange: (value: T) => void): () => void;
}

export function versionedLocalItem<T>(
  key: string,
  options: { fallback: T; version: number; migrations: Record<number, (old: unknown) => unknown> },
): VersionedItem<T> {
  const metaKey = `${key}$`;
  let migrated: Promise<void> | undefined;

  async function migrate(): Promise<void> {
    const stored = await browser.storage.local.get([key, metaKey]);
    const value = stored[key];
    if (value === undefined || value === null) return;
    const meta = stored[metaKey] as { v?: unknown } | undefined;
    const from = typeof meta?.v === 'number' ? meta.v : 1;
    if (from >= options.version) return;
    let next: unknown = value;
    for (let version = from + 1; version <= options.version; version++) next = options.migrations[version]?.(next) ?? next;
    await browser.storage.local.set({ [key]: next, [metaKey]: { ...meta, v: options.version } });
  }

  // A failed migration leaves the stored value as it was; reads then validate it like any other.
  const ready = () => (migrated ??= migrate().catch(() => undefined));

  return {
    async getValue() {
      await ready();
      const value = (await browser.storage.local.get(key))[key] as T | undefined | null;
      return value ?? options.fallback;
    },
    async setValue(value) {
      await ready();
      await browser.storage.local.set({ [key]: value, [metaKey]: { v: options.version } });
    },
    watch(onChange) {
      const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
        if (area === 'local' && key in changes) onChange((changes[key]?.newValue as T | undefined) ?? options.fallback);
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}
