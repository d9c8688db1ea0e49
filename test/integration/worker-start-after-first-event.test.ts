import { expect, it } from 'vitest';
import { loadBackground } from '../fixtures/faults/background';

const identity = { extensionId: 'test-extension-id', extensionOrigin: 'chrome-extension://test-extension-id' };
const fromPopup = { id: identity.extensionId, url: `${identity.extensionOrigin}/popup.html` };

/**
 * A stopped worker is started by an event, and the event waits for nothing but its own work: the start-up steps every
 * worker life runs (storage access levels, the tracker picking up changes submitted before the restart) come after the
 * first event's answer, once per worker life.
 */
it('answers the message that woke the worker before any start-up step, then runs each step once', async () => {
  const background = await loadBackground();
  const quiet = { addListener: () => undefined, removeListener: () => undefined, hasListener: () => false };
  Object.assign(background.browser.permissions, { onAdded: quiet, onRemoved: quiet, contains: async () => false });
  Object.assign(background.browser.runtime, { onConnect: quiet, getManifest: () => ({ version: '1.2.3' }) });
  Object.assign(background.browser.scripting, {
    getRegisteredContentScripts: async () => [],
    unregisterContentScripts: async () => undefined,
    registerContentScripts: async () => undefined,
  });
  const steps: string[] = [];
  for (const area of ['session', 'local', 'sync'] as const) {
    Object.assign(background.browser.storage[area], {
      setAccessLevel: async () => {
        steps.push(`${area} storage for trusted contexts only`);
      },
    });
  }
  background.services.tracking.resume = async () => {
    steps.push('tracker resumed');
  };
  const { startWorker } = await import('@/entrypoints/background/listeners');

  startWorker(background.services, identity);
  const answers: { answer: unknown; stepsBefore: string[] }[] = [];
  const ping = () =>
    background.browser.runtime.onMessage.trigger({ type: 'ping' }, fromPopup, (answer: unknown) => {
      answers.push({ answer, stepsBefore: [...steps] });
    });
  await ping();

  await expect.poll(() => answers.length).toBe(1);
  expect(answers[0]).toMatchObject({ answer: { ok: true, value: { pong: true } }, stepsBefore: [] });
  await expect.poll(() => steps.length).toBe(4);
  expect([...steps].sort()).toEqual([
    'local storage for trusted contexts only',
    'session storage for trusted contexts only',
    'sync storage for trusted contexts only',
    'tracker resumed',
  ]);

  // Later events of the same worker life run no step again.
  await ping();
  await expect.poll(() => answers.length).toBe(2);
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(steps).toHaveLength(4);
});
