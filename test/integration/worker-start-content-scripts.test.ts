import { expect, it } from 'vitest';
import { loadBackground } from '../fixtures/faults/background';

const identity = { extensionId: 'test-extension-id', extensionOrigin: 'chrome-extension://test-extension-id' };

/**
 * The worker over the fake browser with every host granted, the listeners the fake lacks made quiet, and `scripting`
 * standing in for the browser's content-script registry.
 */
async function workerWithScripting(scripting: object) {
  const background = await loadBackground();
  const quiet = { addListener: () => undefined, removeListener: () => undefined, hasListener: () => false };
  Object.assign(background.browser.permissions, { onAdded: quiet, onRemoved: quiet, contains: async () => true });
  Object.assign(background.browser.runtime, { onConnect: quiet });
  Object.assign(background.browser.scripting, scripting);
  const { startWorker } = await import('@/entrypoints/background/listeners');
  return { background, startWorker };
}

/**
 * The watcher's content-script registration outlives the worker (persistAcrossSessions): a worker start sets it once
 * per browser session (storage.session is empty after a browser start or an update), not at every wake-up, which
 * would load the page-prompt chunk each time.
 */
it('sets the watcher registration at the first worker start of a browser session only', async () => {
  const registrations: unknown[] = [];
  const { background, startWorker } = await workerWithScripting({
    getRegisteredContentScripts: async () => [],
    unregisterContentScripts: async () => undefined,
    registerContentScripts: async (scripts: unknown[]) => {
      registrations.push(...scripts);
    },
  });
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

/**
 * Chromium's scripting registry as it behaves: registering an id that exists fails ("Duplicate script ID"), and every
 * call takes a moment, so two passes can overlap the way they do in a real worker.
 */
function fakeScriptingRegistry() {
  const scripts = new Map<string, { id: string; matches: string[] }>();
  const moment = () => new Promise((resolve) => setTimeout(resolve, 50));
  return {
    scripts,
    api: {
      getRegisteredContentScripts: async ({ ids }: { ids: string[] }) => {
        await moment();
        return ids.flatMap((id) => (scripts.has(id) ? [scripts.get(id)] : []));
      },
      registerContentScripts: async (added: { id: string; matches: string[] }[]) => {
        await moment();
        for (const script of added) {
          if (scripts.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
          scripts.set(script.id, script);
        }
      },
      updateContentScripts: async (changed: { id: string; matches: string[] }[]) => {
        await moment();
        for (const script of changed) scripts.set(script.id, script);
      },
      unregisterContentScripts: async ({ ids }: { ids: string[] }) => {
        await moment();
        for (const id of ids) scripts.delete(id);
      },
    },
  };
}

it('watches a site saved while the start-up registration is still running, as soon as the save is answered', async () => {
  const registry = fakeScriptingRegistry();
  const { background, startWorker } = await workerWithScripting(registry.api);
  const optionsPage = { id: identity.extensionId, url: `${identity.extensionOrigin}/options.html` };
  const added = 'https://sso.acme.example/*';

  // A worker started with no event runs its start-up pass after 100 ms; the administrator saves a site during it.
  startWorker(background.services, identity);
  await new Promise((resolve) => setTimeout(resolve, 110));
  const saved = await background.services.route({ type: 'settings/update', edit: { expiryPagePatterns: [added] } }, optionsPage);
  expect(saved).toEqual({ ok: true, value: { refused: [], invalid: [] } });
  expect(registry.scripts.get('rekey-expiry-watch')?.matches).toContain(added);

  // Nothing still running may put the older list back.
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(registry.scripts.get('rekey-expiry-watch')?.matches).toContain(added);
});
