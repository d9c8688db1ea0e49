import { describe, expect, it, vi } from 'vitest';
import { createPasswordInfoCache, type PasswordInfoKey, passwordInfoCacheFromJSON } from '@/utils/api/cache';
import type { PasswordInfo } from '@/utils/api/types';

const key: PasswordInfoKey = { tenant: 'acme', version: 'v3', userName: 'alice', sourceName: 'Active Directory' };
const info: PasswordInfo = {
  identityId: 'id-1',
  sourceId: 'src-1',
  publicKeyId: 'key-1',
  publicKey: 'MIIB',
  accounts: [{ accountId: 'CN=Alice', accountName: 'alice' }],
  policies: ['passwordMinLength is 12'],
};

function clock(start = 1_000_000) {
  let time = start;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

describe('password info cache', () => {
  it('serves an entry until its TTL passes', () => {
    const time = clock();
    const cache = createPasswordInfoCache({ ttlMs: 60_000, now: time.now });
    cache.set(key, info);
    time.advance(59_999);
    expect(cache.get(key)).toEqual(info);
    time.advance(1);
    expect(cache.get(key)).toBeUndefined();
  });

  it('defaults to five minutes', () => {
    const time = clock();
    const cache = createPasswordInfoCache({ now: time.now });
    cache.set(key, info);
    time.advance(5 * 60_000 - 1);
    expect(cache.get(key)).toBeDefined();
    time.advance(1);
    expect(cache.get(key)).toBeUndefined();
  });

  it('keeps tenants, versions, users and sources apart', () => {
    const cache = createPasswordInfoCache();
    cache.set(key, info);
    expect(cache.get({ ...key, tenant: 'ACME' })).toEqual(info);
    expect(cache.get({ ...key, tenant: 'other' })).toBeUndefined();
    expect(cache.get({ ...key, version: 'v2025' })).toBeUndefined();
    expect(cache.get({ ...key, userName: 'bob' })).toBeUndefined();
    expect(cache.get({ ...key, sourceName: 'Workday' })).toBeUndefined();
    expect(cache.get({ tenant: 'acme', version: 'v3' })).toBeUndefined();
  });

  it('does not call the loader when a fresh entry exists', async () => {
    const cache = createPasswordInfoCache();
    cache.set(key, info);
    const load = vi.fn(async () => info);
    await cache.getOrLoad(key, load);
    expect(load).not.toHaveBeenCalled();
  });

  it('shares one load between concurrent callers', async () => {
    const cache = createPasswordInfoCache();
    let resolve!: (value: PasswordInfo) => void;
    const load = vi.fn(() => new Promise<PasswordInfo>((r) => (resolve = r)));
    const results = Promise.all(Array.from({ length: 5 }, () => cache.getOrLoad(key, load)));
    resolve(info);
    expect(await results).toEqual(Array(5).fill(info));
    expect(load).toHaveBeenCalledTimes(1);
    expect(cache.get(key)).toEqual(info);
  });

  it('reloads after expiry and does not cache failures', async () => {
    const time = clock();
    const cache = createPasswordInfoCache({ ttlMs: 1000, now: time.now });
    const load = vi.fn<() => Promise<PasswordInfo>>().mockRejectedValueOnce(new Error('429')).mockResolvedValue(info);
    await expect(cache.getOrLoad(key, load)).rejects.toThrow('429');
    await cache.getOrLoad(key, load);
    time.advance(1000);
    await cache.getOrLoad(key, load);
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('does not store a load that finishes after the key was invalidated', async () => {
    const cache = createPasswordInfoCache();
    let resolve!: (value: PasswordInfo) => void;
    const pending = cache.getOrLoad(key, () => new Promise<PasswordInfo>((r) => (resolve = r)));
    cache.invalidate(key);
    resolve(info);
    await pending;
    expect(cache.get(key)).toBeUndefined();
  });

  it('forgets everything on a full invalidation', () => {
    const cache = createPasswordInfoCache();
    cache.set(key, info);
    cache.set({ ...key, userName: 'bob' }, info);
    cache.invalidate();
    expect(cache.toJSON().entries).toEqual([]);
  });

  it('survives a round trip through JSON, keeping fresh entries with their age', () => {
    const time = clock();
    const cache = createPasswordInfoCache({ ttlMs: 10_000, now: time.now });
    cache.set(key, info);
    time.advance(4_000);
    cache.set({ ...key, sourceName: 'Workday' }, info);
    const saved = JSON.parse(JSON.stringify(cache.toJSON()));
    time.advance(7_000);
    const restored = passwordInfoCacheFromJSON(saved, { ttlMs: 10_000, now: time.now });
    expect(restored.get(key)).toBeUndefined();
    expect(restored.get({ ...key, sourceName: 'Workday' })).toEqual(info);
  });

  it('drops damaged or foreign saved data instead of failing', () => {
    for (const saved of [
      null,
      'x',
      { version: 2, entries: [] },
      { version: 1, entries: [{ key: 'k', storedAt: 'yesterday', value: {} }] },
    ]) {
      expect(passwordInfoCacheFromJSON(saved).toJSON().entries).toEqual([]);
    }
  });

  it('distrusts entries from the future (a clock that went backwards)', () => {
    const time = clock();
    const cache = createPasswordInfoCache({ now: time.now });
    cache.set(key, info);
    time.advance(-1);
    expect(cache.get(key)).toBeUndefined();
  });
});
