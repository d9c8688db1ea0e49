import { browser } from 'wxt/browser';

/**
 * The user's settings in storage.local under `key`, with their schema version under `key + '$'` ({ v }) and the
 * migrations from older versions run once before the first read or write. The same layout @wxt-dev/storage's
 * defineItem wrote (installed extensions keep their settings); this is the part of it the worker uses, 1 kB instead
 * of the library's 8 kB in a worker that starts at every event.
 */
export interface VersionedItem<T> {
  getValue(): Promise<T>;
  /** The value and other keys of storage.local, read in one storage call (the worker reads its seal beside it). */
  getValueWith<K extends string>(others: readonly K[]): Promise<{ value: T; others: Partial<Record<K, unknown>> }>;
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

  /** Runs the migrations on what was read; true when it wrote a migrated value (the read is then out of date). */
  async function migrate(stored: Record<string, unknown>): Promise<boolean> {
    const value = stored[key];
    if (value === undefined || value === null) return false;
    const meta = stored[metaKey] as { v?: unknown } | undefined;
    const from = typeof meta?.v === 'number' ? meta.v : 1;
    if (from >= options.version) return false;
    let next: unknown = value;
    for (let version = from + 1; version <= options.version; version++) next = options.migrations[version]?.(next) ?? next;
    await browser.storage.local.set({ [key]: next, [metaKey]: { ...meta, v: options.version } });
    return true;
  }

  /**
   * The stored value and `others`. The first read of a worker life also reads the version and migrates, and answers
   * from that same storage call unless it migrated; every caller waits for the migration before reading or writing.
   */
  async function read(others: readonly string[]): Promise<Record<string, unknown>> {
    if (migrated) {
      await migrated;
    } else {
      let done: () => void = () => undefined;
      migrated = new Promise<void>((resolve) => {
        done = resolve;
      });
      try {
        const stored = await browser.storage.local.get([key, metaKey, ...others]);
        if (!(await migrate(stored))) return stored;
      } catch {
        // A failed migration leaves the stored value as it was; reads then validate it like any other.
      } finally {
        done();
      }
    }
    return browser.storage.local.get([key, ...others]);
  }

  const storedValue = (stored: Record<string, unknown>) => (stored[key] as T | undefined | null) ?? options.fallback;

  return {
    async getValue() {
      return storedValue(await read([]));
    },
    async getValueWith(others) {
      const stored = await read(others);
      return { value: storedValue(stored), others: Object.fromEntries(others.map((other) => [other, stored[other]])) as never };
    },
    async setValue(value) {
      if (migrated) await migrated;
      else await read([]);
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
