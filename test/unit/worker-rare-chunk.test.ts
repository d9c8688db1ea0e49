import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ChunkLoader, ChunkName, WorkerChunks } from '@/entrypoints/background/chunks';
import { networkChunk } from '@/entrypoints/background/network-chunk';
import { pageChunk } from '@/entrypoints/background/page-chunk';
import { rareChunk } from '@/entrypoints/background/rare-chunk';
import { requestsChunk } from '@/entrypoints/background/requests-chunk';
import { createWorkerServices } from '@/entrypoints/background/root';
import { memoryKeyStore } from '@/entrypoints/background/settings-seal';

/**
 * Reminders, the translator and the clipboard wipe live in the worker's rare chunk: the events most worker lives start
 * for (a ping, a popup's state) are answered without loading any chunk, and each rare event loads it when it happens.
 */

const identity = { extensionId: 'test-extension-id', extensionOrigin: 'chrome-extension://test-extension-id' };
const fromPopup = { id: identity.extensionId, url: `${identity.extensionOrigin}/popup.html` };
const all: WorkerChunks = { network: networkChunk, page: pageChunk, rare: rareChunk, requests: requestsChunk };

function workerLoadingChunks() {
  const loaded: ChunkName[] = [];
  const chunks: ChunkLoader = (name) => {
    loaded.push(name);
    return all[name];
  };
  const services = createWorkerServices(identity, { sealKeys: memoryKeyStore(), chunks });
  return { services, loaded };
}

beforeEach(() => {
  fakeBrowser.reset();
  Object.assign(fakeBrowser.runtime, { getManifest: () => ({ version: '1.2.3' }) });
});

describe("the worker's rare chunk", () => {
  it('is not loaded, nor any other chunk, to answer a ping or a popup asking for its state', async () => {
    const { services, loaded } = workerLoadingChunks();
    expect(await services.route({ type: 'ping' }, fromPopup)).toMatchObject({ ok: true, value: { pong: true } });
    expect(await services.route({ type: 'state/get' }, fromPopup)).toMatchObject({ ok: true });
    expect(loaded).toEqual([]);
  });

  it('is not what explains a failed request: the network chunk, where failures come from, does, and the UI gets the explanation', async () => {
    const { services, loaded } = workerLoadingChunks();
    // Not configured: asking for password info fails with a typed error the popup can word.
    const reply = await services.route({ type: 'password/info', sourceName: 'Active Directory' }, fromPopup);
    expect(reply).toMatchObject({ ok: false, error: { code: 'handler-failed', user: { messageKey: expect.stringMatching(/^errors\./) } } });
    expect(loaded).toContain('network');
    expect(loaded).not.toContain('rare');
  });

  it('is loaded when a copied password is to be wiped, and the wipe is scheduled', async () => {
    const { services, loaded } = workerLoadingChunks();
    const print = { type: 'clipboard/scheduleWipe', salt: '0'.repeat(32), digest: 'a'.repeat(64) };
    expect(await services.route(print, fromPopup)).toMatchObject({ ok: true });
    // The request's schema ships with the chunks too (see the next describe): checked first, then handled.
    expect(loaded).toEqual(['requests', 'rare']);
    expect(await fakeBrowser.alarms.get('rekey-clipboard-wipe')).toBeDefined();
  });

  it('is loaded when a reminder is due, and the reminder is shown in words', async () => {
    Object.assign(fakeBrowser.i18n, { getUILanguage: () => 'en', getMessage: (key: string) => `«${key}»` });
    const { services, loaded } = workerLoadingChunks();
    await services.reminders.recordExpiry({ key: 'corp', label: 'Corporate sign-in', daysLeft: 1 });
    expect(loaded).toEqual(['rare']);
    const shown = Object.values(await fakeBrowser.notifications.getAll());
    expect(shown).toHaveLength(1);
  });
});
