import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionSession, e2eExtensionDir, launchExtension } from '@/sandbox/browser/chromium';
import { configure, sandboxSettings, signIn } from '@/sandbox/browser/journeys';
import { type SandboxTenant, startTenant } from '@/sandbox/tenant';
import { auditAccessibility } from './axe';

/** The settings page through axe: unconfigured, with validation errors, and signed in, light and dark. */
describe('options page accessibility in Chromium', () => {
  let tenant: SandboxTenant;
  let session: ExtensionSession;
  let buildCopy: string;

  beforeAll(async () => {
    // A private copy: other builds may rewrite .output while this file runs.
    buildCopy = mkdtempSync(join(tmpdir(), 'rekey-a11y-build-'));
    cpSync(e2eExtensionDir, buildCopy, { recursive: true });
    tenant = await startTenant({ port: 0 });
    session = await launchExtension({ dir: buildCopy });
  });

  afterAll(async () => {
    await session?.close();
    await tenant?.stop();
    if (buildCopy) rmSync(buildCopy, { recursive: true, force: true });
  });

  const settingsForm = (page: Page) => page.getByTestId('save-settings').waitFor();

  it('passes axe before anything is set up', async () => {
    const options = await session.openOptions();
    await settingsForm(options);
    expect(await options.getByRole('heading', { level: 1 }).count()).toBe(1);
    await auditAccessibility(options, 'options: unconfigured');
    await options.close();
  });

  it('shows validation errors tied to their fields, and passes axe with them shown', async () => {
    const options = await session.openOptions();
    await settingsForm(options);
    await options.locator('#setting-tenant').fill('http://acme.example');
    await options.locator('#setting-reminderDays').fill('soon, 7');
    await options.getByTestId('save-settings').click();

    const tenantError = options.locator('#setting-tenant-error');
    await tenantError.waitFor();
    expect(await tenantError.getAttribute('role')).toBe('alert');
    expect(await tenantError.textContent()).toContain('uses plain http');
    expect(await options.locator('#setting-tenant').getAttribute('aria-invalid')).toBe('true');
    expect(await options.locator('#setting-tenant').getAttribute('aria-describedby')).toBe('setting-tenant-error');
    expect(await options.locator('#setting-reminderDays').getAttribute('aria-invalid')).toBe('true');
    expect(await options.locator('#setting-reminderDays-error').isVisible()).toBe(true);
    expect(await options.getByTestId('settings-status').textContent()).not.toBe('');
    await auditAccessibility(options, 'options: validation errors');

    await options.emulateMedia({ colorScheme: 'dark' });
    await auditAccessibility(options, 'options: validation errors (dark)');
    await options.close();
  });

  it('passes axe signed out with the sandbox configured', async () => {
    await configure(session, sandboxSettings(tenant));
    const options = await session.openOptions();
    await settingsForm(options);
    expect(await options.locator('#setting-tenant').inputValue()).toBe(tenant.url);
    await auditAccessibility(options, 'options: signed out');
    await options.close();
  });

  it('passes axe signed in as alice, light and dark', async () => {
    const popup = await session.openPopup();
    await popup.getByTestId('signed-out').waitFor();
    await signIn(session, popup, 'alice', 'Alice-Sandbox-1');
    await popup.close();

    const options = await session.openOptions();
    await options.getByTestId('options-identity').waitFor();
    expect(await options.getByTestId('options-identity').textContent()).toContain('Signed in as alice');
    await auditAccessibility(options, 'options: signed in');
    await options.emulateMedia({ colorScheme: 'dark' });
    expect(await options.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(22, 27, 34)');
    await auditAccessibility(options, 'options: signed in (dark)');
    await options.close();
  });
});
