import * as v from 'valibot';
import { type ApiVersion, PasswordInfo } from './types';

/**
 * Password info per (tenant, version, userName, sourceName). ISC's rate limit is shared by every employee using
 * the same OAuth client and API version, so the popup must be served from here whenever an entry is fresh.
 * It holds public keys and account names only, so it may be kept in storage.session across worker restarts.
 */

export interface PasswordInfoKey {
  tenant: string;
  version: ApiVersion;
  userName?: string;
  sourceName?: string;
}

export interface PasswordInfoCacheOptions {
  ttlMs?: number;
  now?: () => number;
}

const SerializedEntry = v.object({
  key: v.string(),
  storedAt: v.number(),
  value: PasswordInfo,
});

export const SerializedPasswordInfoCache = v.object({
  version: v.literal(1),
  entries: v.array(SerializedEntry),
});
export type SerializedPasswordInfoCache = v.InferInput<typeof SerializedPasswordInfoCache>;

export interface PasswordInfoCache {
  /** A fresh entry, or undefined. */
  get(key: PasswordInfoKey): PasswordInfo | undefined;
  set(key: PasswordInfoKey, value: PasswordInfo): void;
  /** Fresh entry if there is one; otherwise one `load()` shared by every concurrent caller for the key. Failures are not cached. */
  getOrLoad(key: PasswordInfoKey, load: () => Promise<PasswordInfo>): Promise<PasswordInfo>;
  /** Forget one key (e.g. after ISC rotated the source's key), or everything. */
  invalidate(key?: PasswordInfoKey): void;
  /** Fresh entries only; JSON-safe. */
  toJSON(): SerializedPasswordInfoCache;
}

export const DEFAULT_PASSWORD_INFO_TTL_MS = 5 * 60_000;

export function passwordInfoCacheKey(key: PasswordInfoKey): string {
  return JSON.stringify([key.tenant.toLowerCase(), key.version, key.userName ?? null, key.sourceName ?? null]);
}

export function createPasswordInfoCache(options: PasswordInfoCacheOptions = {}, saved?: unknown): PasswordInfoCache {
  const ttlMs = options.ttlMs ?? DEFAULT_PASSWORD_INFO_TTL_MS;
  const now = options.now ?? Date.now;
  const entries = new Map<string, { storedAt: number; value: PasswordInfo }>();
  const loading = new Map<string, Promise<PasswordInfo>>();

  const isFresh = (storedAt: number) => {
    const age = now() - storedAt;
    // A clock that went backwards makes the age negative: distrust the entry rather than keep it forever.
    return age >= 0 && age < ttlMs;
  };

  if (saved !== undefined) {
    // Whatever was stored may come from an older build or be damaged: keep only what still validates.
    const parsed = v.safeParse(SerializedPasswordInfoCache, saved);
    if (parsed.success) {
      for (const entry of parsed.output.entries) {
        if (isFresh(entry.storedAt)) entries.set(entry.key, { storedAt: entry.storedAt, value: entry.value });
      }
    }
  }

  function get(key: PasswordInfoKey): PasswordInfo | undefined {
    const id = passwordInfoCacheKey(key);
    const entry = entries.get(id);
    if (!entry) return undefined;
    if (isFresh(entry.storedAt)) return entry.value;
    entries.delete(id);
    return undefined;
  }

  return {
    get,

    set(key, value) {
      entries.set(passwordInfoCacheKey(key), { storedAt: now(), value });
    },

    getOrLoad(key, load) {
      const cached = get(key);
      if (cached) return Promise.resolve(cached);
      const id = passwordInfoCacheKey(key);
      const pending = loading.get(id);
      if (pending) return pending;
      const promise: Promise<PasswordInfo> = load().then(
        (value) => {
          // Not stored if invalidated meanwhile: the answer may describe the key that was just rotated.
          if (loading.get(id) === promise) {
            loading.delete(id);
            entries.set(id, { storedAt: now(), value });
          }
          return value;
        },
        (error: unknown) => {
          if (loading.get(id) === promise) loading.delete(id);
          throw error;
        },
      );
      loading.set(id, promise);
      return promise;
    },

    invalidate(key) {
      if (key) {
        entries.delete(passwordInfoCacheKey(key));
        loading.delete(passwordInfoCacheKey(key));
      } else {
        entries.clear();
        loading.clear();
      }
    },

    toJSON() {
      const fresh = [...entries].filter(([, entry]) => isFresh(entry.storedAt));
      return { version: 1, entries: fresh.map(([key, entry]) => ({ key, storedAt: entry.storedAt, value: entry.value })) };
    },
  };
}

/** Restores a cache saved with `toJSON()`; invalid or expired entries are dropped. */
export function passwordInfoCacheFromJSON(saved: unknown, options: PasswordInfoCacheOptions = {}): PasswordInfoCache {
  return createPasswordInfoCache(options, saved);
}

/**
 * What to store when every cached public key must go: after the documented key rotation (a change FAILED with
 * "The password change payload is invalid"), the employee's next attempt must query the key again.
 */
export function emptyPasswordInfoCache(): SerializedPasswordInfoCache {
  return createPasswordInfoCache().toJSON();
}
