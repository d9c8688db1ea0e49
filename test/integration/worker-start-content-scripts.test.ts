import { expect, it } from 'vitest';
import { loadBackground } from '../fixtures/faults/background';

const identity = { extensionId: 'test-extension-id', extensionOrigin: 'chrome-extension://test-extension-id' };

/**
 * The watcher's content-script registration outlives the worker (persistAcrossSessions): a worker start sets it once
 * per browser session (storage.session is empty after a browser start or an update), not at every wake-up, which
 * would load the page-prompt chunk each time.
 */
it('sets the watcher registration at the first worker start of a browser session only', async () => {
  const background = await loadBackground();
  const quiet = { addListener: () => undefined, removeListener: () => undefined, hasListener: () => false };
  const registrations: unknown[] = [];
  Object.assign(background.browser.permissions, { onAdded: quiet, onRemoved: quiet, contains: async () => true });
  Object.assign(background.browser.runtime, { onConnect: quiet });
  Object.assign(background.browser.scripting, {
    getRegisteredContentScripts: async () => [],
    unregisterContentScripts: async () => undefined,
    registerContentScripts: async (scripts: unknown[]) => {
      registrations.push(...scripts);
    },
  });
  const { startWorker } = await import('@/entrypoints/background/listeners');
  const { createWorkerServices } = await import('@/entrypoints/background/root');
  const wakeUp = async () => {
    startWorker(createWorkerServices(identity, { sealKeys: background.sealKeys }), identity);
    // Start-up steps run after the listeners are in place; give them their turn.
    await new Promise((resolve) => setTimeout(resolve, 200));
  };

  startWorker(background.services, identity);
  await expect.poll(() => registrations.length).toBe(1);
  expect(registrations[0]).toMatchObject({
    id: 'rekey-expiry-watch',
    js: ['content-scripts/expiry-watch.js'],
    persistAcrossSessions: true,
  });

  await wakeUp();
  await wakeUp();
  expect(registrations).toHaveLength(1);

  // A browser start empties storage.session: the first worker of the new session sets the registration again.
  await background.browser.storage.session.clear();
  await wakeUp();
  await expect.poll(() => registrations.length).toBe(2);
});
