import { canonicalJson } from '@/utils/settings/canonical';

/**
 * A seal (HMAC-SHA-256) over the settings the worker itself saved. Content scripts can write storage.local in
 * Firefox (Chrome closes it to them), and the settings say where sign-ins go: settings without a valid seal are not
 * the worker's and are ignored. The key never leaves the extension's own IndexedDB, which no content script can
 * open (it sees the page's origin), and is not extractable.
 */
export interface SealKeyStore {
  get(): Promise<CryptoKey | undefined>;
  put(key: CryptoKey): Promise<void>;
}

export interface SettingsSeal {
  seal(value: unknown): Promise<string>;
  /**
   * `valid`: saved by this worker. `adopt`: nothing was ever sealed on this profile (first start of this version),
   * so the settings are taken as they are and sealed now. `invalid`: written by someone else.
   */
  check(value: unknown, seal: unknown): Promise<'valid' | 'adopt' | 'invalid'>;
}

export function createSettingsSeal(keys: SealKeyStore): SettingsSeal {
  let loaded: Promise<{ key: CryptoKey; fresh: boolean }> | undefined;

  function key(): Promise<{ key: CryptoKey; fresh: boolean }> {
    loaded ??= (async () => {
      const existing = await keys.get();
      if (existing) return { key: existing, fresh: false };
      const created = await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
      await keys.put(created);
      return { key: created, fresh: true };
    })();
    // A failed read may succeed next time (the worker restarts, the database unlocks).
    loaded.catch(() => {
      loaded = undefined;
    });
    return loaded;
  }

  const bytes = (value: unknown) => new TextEncoder().encode(canonicalJson(value ?? {}));

  return {
    async seal(value) {
      const signature = await crypto.subtle.sign('HMAC', (await key()).key, bytes(value));
      return btoa(String.fromCharCode(...new Uint8Array(signature)));
    },
    async check(value, seal) {
      const { key: current, fresh } = await key();
      if (typeof seal !== 'string') return fresh ? 'adopt' : 'invalid';
      let signature: Uint8Array<ArrayBuffer>;
      try {
        signature = Uint8Array.from(atob(seal), (c) => c.charCodeAt(0));
      } catch {
        return 'invalid';
      }
      return (await crypto.subtle.verify('HMAC', current, signature, bytes(value))) ? 'valid' : 'invalid';
    },
  };
}

/** The key's home: a database of the extension's own origin. */
export function indexedDbKeyStore(): SealKeyStore {
  const open = () =>
    new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('rekey-keys', 1);
      request.onupgradeneeded = () => request.result.createObjectStore('keys');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  const run = async <T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>) => {
    const db = await open();
    try {
      return await new Promise<T>((resolve, reject) => {
        const request = work(db.transaction('keys', mode).objectStore('keys'));
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    } finally {
      db.close();
    }
  };
  return {
    get: () => run<CryptoKey | undefined>('readonly', (store) => store.get('settings-seal') as IDBRequest<CryptoKey | undefined>),
    put: async (key) => {
      await run('readwrite', (store) => store.put(key, 'settings-seal'));
    },
  };
}

/** Where no IndexedDB exists (Node tests of the worker): keys live as long as the worker. */
export function memoryKeyStore(): SealKeyStore {
  let key: CryptoKey | undefined;
  return {
    get: async () => key,
    put: async (next) => {
      key = next;
    },
  };
}
