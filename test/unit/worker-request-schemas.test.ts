import * as v from 'valibot';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type ChunkLoader, type ChunkName, WorkerChunkMissing, type WorkerChunks } from '@/entrypoints/background/chunks';
import { networkChunk } from '@/entrypoints/background/network-chunk';
import { pageChunk } from '@/entrypoints/background/page-chunk';
import { rareChunk } from '@/entrypoints/background/rare-chunk';
import { requestsChunk } from '@/entrypoints/background/requests-chunk';
import { createWorkerServices } from '@/entrypoints/background/root';
import { memoryKeyStore } from '@/entrypoints/background/settings-seal';
import { allowedSenders, chunkRequestSchemas, listenerRequestSchemas, RequestSchema, type RequestType } from '@/utils/messages/protocol';
import { sampleRequests } from '../fixtures/hostile/messages';

/**
 * The protocol's schemas live in two tables: the listener's (requests that carry only their type, and the settings
 * edit) and the chunks' (requests with a payload, whose handlers load the worker's chunks anyway). Wherever a schema
 * ships, every request is checked against it before its handler runs, and an unknown type is refused by the listener
 * without loading anything.
 */

const identity = { extensionId: 'test-extension-id', extensionOrigin: 'chrome-extension://test-extension-id' };
const fromPopup = { id: identity.extensionId, url: `${identity.extensionOrigin}/popup.html` };
const fromContentScript = {
  id: identity.extensionId,
  url: 'https://login.corp.example/',
  tab: { id: 4, url: 'https://login.corp.example/' },
};
const all: WorkerChunks = { network: networkChunk, page: pageChunk, rare: rareChunk, requests: requestsChunk };
const chunkTypes = Object.keys(chunkRequestSchemas) as RequestType[];

/** The worker, with chunk loads recorded; `missing` chunks fail to load as a damaged install's would. */
function worker(missing: ChunkName[] = []) {
  const loaded: ChunkName[] = [];
  const chunks: ChunkLoader = (name) => {
    if (missing.includes(name)) throw new WorkerChunkMissing(name);
    loaded.push(name);
    return all[name];
  };
  return { services: createWorkerServices(identity, { sealKeys: memoryKeyStore(), chunks }), loaded };
}

/** A sender each request type is allowed from. */
const allowedSender = (type: RequestType) => (allowedSenders[type].includes('extension-page') ? fromPopup : fromContentScript);

beforeEach(() => {
  fakeBrowser.reset();
  Object.assign(fakeBrowser.runtime, { getManifest: () => ({ version: '1.2.3' }) });
});

describe("the protocol's two schema tables", () => {
  it('together hold every request type exactly once', () => {
    const listener = Object.keys(listenerRequestSchemas);
    expect(listener.filter((type) => chunkTypes.includes(type as RequestType))).toEqual([]);
    expect(new Set([...listener, ...chunkTypes])).toEqual(new Set(Object.keys(allowedSenders)));
  });

  it('give the worker the same verdict as the whole protocol, for every sample and for the sample without a field', () => {
    for (const [type, sample] of Object.entries(sampleRequests)) {
      const table = { ...listenerRequestSchemas, ...chunkRequestSchemas } as Record<string, () => v.GenericSchema>;
      const schema = table[type]!();
      expect(v.safeParse(schema, sample).success, type).toBe(true);
      for (const key of Object.keys(sample).filter((k) => k !== 'type')) {
        const without = { ...sample, [key]: undefined };
        expect(v.safeParse(schema, without).success, `${type} without ${key}`).toBe(v.safeParse(RequestSchema, without).success);
      }
    }
  });
});

describe("the worker's router", () => {
  it('answers a ping, a state request and a settings save with no chunk loaded', async () => {
    const { services, loaded } = worker();
    expect(await services.route({ type: 'ping' }, fromPopup)).toMatchObject({ ok: true });
    expect(await services.route({ type: 'state/get' }, fromPopup)).toMatchObject({ ok: true });
    expect(await services.route({ type: 'settings/update', edit: { snoozeHours: 4 } }, fromPopup)).toMatchObject({ ok: true });
    expect(loaded).toEqual([]);
  });

  it('refuses an unknown request type without loading any chunk', async () => {
    const { services, loaded } = worker();
    for (const raw of [{ type: 'password/reveal' }, { type: 'constructor' }, { type: '__proto__' }, { type: 7 }, null, 'ping']) {
      expect(await services.route(raw, fromPopup)).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    }
    expect(loaded).toEqual([]);
  });

  it.each(chunkTypes)('checks %s against its schema from the chunks before any handler runs', async (type) => {
    const { services, loaded } = worker();
    const sample = sampleRequests[type] as Record<string, unknown>;
    const field = Object.keys(sample).find((key) => key !== 'type')!;
    // One of its fields of the wrong type: refused as malformed, and the handler's own chunk is never loaded.
    expect(await services.route({ ...sample, [field]: 42 }, allowedSender(type))).toMatchObject({
      ok: false,
      error: { code: 'invalid-message' },
    });
    expect(loaded).toEqual(['requests']);
  });

  it('refuses a password change that carries anything but ciphertext, before the network chunk is loaded', async () => {
    const { services, loaded } = worker();
    const { encryptedPassword: _ciphertext, ...rest } = sampleRequests['password/submit'];
    expect(await services.route({ ...rest, password: 'Winter2026!' }, fromPopup)).toMatchObject({
      ok: false,
      error: { code: 'invalid-message' },
    });
    expect(loaded).not.toContain('network');
  });

  it("refuses a request type from a sender the protocol does not allow for it, whichever table holds the type's schema", async () => {
    const { services, loaded } = worker();
    expect(await services.route(sampleRequests['password/submit'], fromContentScript)).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
    expect(await services.route(sampleRequests['expiry/report'], fromPopup)).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
    expect(loaded).not.toContain('network');
    expect(loaded).not.toContain('page');
  });

  it('hands a well-formed request to its handler once its schema from the chunks passed it', async () => {
    const { services, loaded } = worker();
    const print = sampleRequests['clipboard/scheduleWipe'];
    expect(await services.route(print, fromPopup)).toMatchObject({ ok: true, value: null });
    expect(loaded).toEqual(['requests', 'rare']);
  });

  it("answers with a failure, and runs no handler, when the chunks' file would not load", async () => {
    const { services, loaded } = worker(['requests']);
    expect(await services.route(sampleRequests['clipboard/scheduleWipe'], fromPopup)).toMatchObject({
      ok: false,
      error: { code: 'handler-failed' },
    });
    expect(loaded).toEqual([]);
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });
});
