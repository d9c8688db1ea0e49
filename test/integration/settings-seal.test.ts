import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type SandboxTenant, startTenant } from '@/sandbox/tenant';
import { configureFor, loadBackground } from '../fixtures/faults/background';

/**
 * Settings say where sign-ins go, and in Firefox a content script can write storage.local: the worker uses only
 * settings it saved itself (sealed with a key no content script can reach).
 */
let tenant: SandboxTenant;
beforeAll(async () => {
  tenant = await startTenant({ statusDelayMs: 0 });
});
afterAll(() => tenant.stop());

describe('settings the worker did not write', () => {
  it('are ignored: the defaults apply, not the planted token URL', async () => {
    const background = await loadBackground();
    await configureFor(background, tenant);
    expect((await background.services.settings.load()).settings.tenant).toBe(tenant.url);
    // What a compromised content script could do in Firefox: rewrite the settings behind the worker's back.
    const { settings } = (await background.browser.storage.local.get('settings')) as { settings: Record<string, unknown> };
    await background.browser.storage.local.set({ settings: { ...settings, tokenUrl: 'https://evil.example/oauth/token' } });
    const effective = await background.services.settings.load();
    expect(effective.settings.tokenUrl).toBe('');
    expect(effective.settings.tenant).toBe('');
  });

  it('are kept when the worker saved them, across a new worker with the same key', async () => {
    const background = await loadBackground();
    await configureFor(background, tenant, { tokenUrl: `${tenant.url}/oauth/token` });
    const { createWorkerServices } = await import('@/entrypoints/background/root');
    const restarted = createWorkerServices(
      { extensionId: 'test-extension-id', extensionOrigin: 'chrome-extension://test-extension-id' },
      { sealKeys: background.sealKeys },
    );
    expect((await restarted.settings.load()).settings.tokenUrl).toBe(`${tenant.url}/oauth/token`);
  });

  it('are adopted once on the first start of a version that seals (nothing was ever sealed on this profile)', async () => {
    const background = await loadBackground();
    await background.browser.storage.local.set({ settings: { tenant: tenant.url, clientId: 'rekey-extension' } });
    expect((await background.services.settings.load()).settings.tenant).toBe(tenant.url);
    expect(Object.keys(await background.browser.storage.local.get('settings-seal'))).toEqual(['settings-seal']);
  });

  it('are read and checked once while nothing writes them, and again after any write', async () => {
    const background = await loadBackground();
    await configureFor(background, tenant);
    await background.services.settings.load();
    const reads = vi.spyOn(background.browser.storage.local, 'get');
    const settingsReads = () =>
      reads.mock.calls.filter(([keys]) => [keys].flat().some((key) => key === 'settings' || key === 'settings-seal')).length;
    await Promise.all([background.services.settings.load(), background.services.settings.load(), background.services.settings.load()]);
    expect(settingsReads()).toBe(0);
    await background.browser.storage.local.set({ 'settings-seal': 'forged' });
    expect((await background.services.settings.load()).settings.tenant).toBe('');
    expect(settingsReads()).toBeGreaterThan(0);
  });
});
