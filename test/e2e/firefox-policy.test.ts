import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firefoxExtensionDir, geckoId, launchFirefoxExtension } from '@/sandbox/browser/firefox';
import { type ExtensionHarness, firefoxHarness, testId } from '@/sandbox/browser/harness';
import { demoSources } from '@/sandbox/browser/journeys';
import { type SandboxTenant, startTenant } from '@/sandbox/tenant';

type ExtensionGlobals = { browser: typeof chrome };

/**
 * Administrators configure Firefox through policies.json: `3rdparty` → `Extensions` → the add-on's
 * gecko id becomes its storage.managed. The policy file is private to this browser (see
 * launchFirefoxExtension): nothing machine-wide is written.
 */
describe('enterprise policy in Firefox', () => {
  let tenant: SandboxTenant;
  let harness: ExtensionHarness;

  beforeAll(async () => {
    tenant = await startTenant({ port: 0 });
    const policy = { tenant: tenant.url, clientId: 'rekey-extension', sources: demoSources, locked: true };
    harness = firefoxHarness(
      await launchFirefoxExtension({ policies: { '3rdparty': { Extensions: { [geckoId(firefoxExtensionDir)]: policy } } } }),
    );
  });

  afterAll(async () => {
    await harness?.close();
    await tenant?.stop();
  });

  it('reaches the extension as managed storage', async () => {
    const options = await harness.openOptions();
    const managed = await options.evaluate(() => (globalThis as unknown as ExtensionGlobals).browser.storage.managed.get(null));
    expect(managed).toEqual({ tenant: tenant.url, clientId: 'rekey-extension', sources: demoSources, locked: true });
    await options.close();
  });

  it('shows the locked keys as set by the organisation, and the worker refuses to change them', async () => {
    const options = await harness.openOptions();
    await options.waitFor('#setting-tenant');
    expect(await options.evaluate(() => (document.querySelector('#setting-tenant') as HTMLInputElement).value)).toBe(tenant.url);
    expect(await options.evaluate(() => (document.querySelector('#setting-tenant') as HTMLInputElement).disabled)).toBe(true);
    expect(await options.text('[data-field="setting-tenant"] .managed-note')).toBe('Set and locked by your organisation.');
    expect(await options.text('[data-field="setting-clientId"] .managed-note')).toBe('Set and locked by your organisation.');
    // A key the policy does not set stays the employee's.
    expect(await options.count('[data-field="setting-breachEndpoint"] .managed-note')).toBe(0);
    const reply = await options.evaluate(() =>
      (globalThis as unknown as ExtensionGlobals).browser.runtime.sendMessage({
        type: 'settings/update',
        edit: { tenant: 'https://elsewhere.api.identitynow.com' },
      }),
    );
    expect(reply).toMatchObject({ ok: true, value: { refused: ['tenant'] } });
    await options.close();

    const popup = await harness.openPopup();
    await popup.waitFor(testId('signed-out'));
    expect(await popup.text(testId('tenant'))).toBe(tenant.url);
    expect(await popup.text(`${testId('signed-out')} .managed-note`)).toContain('(set by your organisation)');
    await popup.close();
  });
});
