import { afterAll, beforeAll, expect, it } from 'vitest';
import { IDS, type SandboxTenant, startTenant } from '@/sandbox/tenant';
import { openPopup, signedInBackground, submitFromPopup } from '../fixtures/faults/background';

let tenant: SandboxTenant;

beforeAll(async () => {
  tenant = await startTenant({ statusDelayMs: 0 });
});
afterAll(() => tenant.stop());

it('"Try again" on a failure notification opens the change flow on that password', async () => {
  const background = await signedInBackground(tenant, 'alice');
  // The fake browser lacks the events the worker only listens to here; nothing in this test fires them.
  const quiet = { addListener: () => undefined, removeListener: () => undefined, hasListener: () => false };
  Object.assign(background.browser.permissions, { onAdded: quiet, onRemoved: quiet, contains: async () => false });
  Object.assign(background.browser.runtime, { onConnect: quiet });
  Object.assign(background.browser.scripting, {
    getRegisteredContentScripts: async () => [],
    unregisterContentScripts: async () => undefined,
  });
  const { startWorker } = await import('@/entrypoints/background/listeners');
  startWorker(background.services, { extensionId: 'test-extension-id', extensionOrigin: 'chrome-extension://test-extension-id' });
  tenant.configure({ failSource: { sourceId: IDS.gSuite, error: 'G Suite rejected the password: the connector is unavailable' } });

  const popup = openPopup(background);
  const submission = await submitFromPopup(popup, 'G Suite', 'Orbit-Lantern-Quiet-93');
  expect(submission?.accounts.every((account) => account.ok)).toBe(true);
  const settled = async () => {
    await (await background.services.tracking.tracker()).pollDue();
    await popup.refresh();
    return popup.store.getState().state?.tracker.history[0]?.state;
  };
  await expect.poll(settled, { timeout: 10_000 }).toBe('failed');

  const opened: string[] = [];
  background.browser.action.openPopup = async () => {
    opened.push('popup');
  };
  await background.browser.notifications.onButtonClicked.trigger(submission!.submissionId, 0);
  await expect.poll(() => opened.length).toBe(1);
  await popup.refresh();
  expect(popup.store.getState().state?.preselectSource).toBe('G Suite');
});
