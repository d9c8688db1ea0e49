import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionSession, launchExtension } from '@/sandbox/browser/chromium';
import { configure, dumpExtensionStorage, sandboxSettings, signIn } from '@/sandbox/browser/journeys';
import { type SandboxTenant, startTenant } from '@/sandbox/tenant';
import { api } from '../fixtures/tenant/client';
import { auditAccessibility } from './axe';

const digitPath = '/v2024/generate-password-reset-token/digit';

describe('the Administration section of the options page', () => {
  let tenant: SandboxTenant;
  let session: ExtensionSession;
  let options: Page;
  let digitToken = '';

  const orgConfigInTenant = async () => {
    const response = await api(tenant.url, tenant.issueToken('admin').access_token, '/v3/password-org-config');
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    tenant = await startTenant({ port: 0, statusDelayMs: 0 });
    session = await launchExtension();
    // Extension origins count as opaque for per-origin grants, so the clipboard is granted everywhere.
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await configure(session, sandboxSettings(tenant));
    const popup = await session.openPopup();
    await signIn(session, popup, 'admin', 'Admin-Sandbox-1');
    await popup.close();
    options = await session.context.newPage();
    await options.setViewportSize({ width: 1000, height: 900 });
    // A fake clock (running at normal speed) so the test can jump to the digit token's expiry.
    await options.clock.install();
    await options.goto(`${session.extensionOrigin}/options.html`);
  });

  afterAll(async () => {
    await session?.close();
    await tenant?.stop();
  });

  it('appears for the org admin with every tool', async () => {
    await options.getByTestId('admin').waitFor({ timeout: 15_000 });
    expect(await options.getByRole('heading', { name: 'Administration', level: 2 }).count()).toBe(1);
    const access = options.getByTestId('admin-access');
    expect(await access.locator('li[data-allowed="true"]').count()).toBe(5);
    for (const panel of ['admin-org-config', 'admin-digit-token', 'admin-policies', 'admin-sync-groups', 'admin-diagnostics']) {
      expect(await options.getByTestId(panel).count(), panel).toBe(1);
    }
  });

  it('refuses an out-of-range org config value in the page, before any request', async () => {
    const panel = options.getByTestId('admin-org-config');
    await panel.getByTestId('org-config-absent').waitFor();
    await options.locator('#org-digit-length').fill('19');
    await panel.getByTestId('org-config-save').click();
    expect(await panel.getByRole('alert').textContent()).toBe('Enter a whole number from 6 to 18.');
    expect(await options.locator('#org-digit-length').getAttribute('aria-invalid')).toBe('true');
    expect(
      tenant
        .requestLog()
        .filter((entry) => entry.path === '/v3/password-org-config' && (entry.method === 'POST' || entry.method === 'PUT')),
    ).toEqual([]);
    expect((await orgConfigInTenant()).status).toBe(404);
  });

  it('creates the org config (POST) and the tenant keeps it', async () => {
    const panel = options.getByTestId('admin-org-config');
    await options.locator('#org-digit-enabled').check();
    await options.locator('#org-digit-length').fill('8');
    await options.locator('#org-digit-duration').fill('10');
    expect(await panel.getByTestId('org-config-save').textContent()).toBe('Create configuration');
    await panel.getByTestId('org-config-save').click();
    await expect.poll(() => panel.getByTestId('org-config-status').textContent()).toBe('Password configuration created.');
    expect(await orgConfigInTenant()).toEqual({
      status: 200,
      body: { customInstructionsEnabled: false, digitTokenEnabled: true, digitTokenLength: 8, digitTokenDurationMinutes: 10 },
    });
  });

  it('edits it (PUT) and the tenant keeps the change', async () => {
    const panel = options.getByTestId('admin-org-config');
    expect(await panel.getByTestId('org-config-save').textContent()).toBe('Save configuration');
    await options.locator('#org-digit-length').fill('9');
    await options.locator('#org-custom-instructions').check();
    await panel.getByTestId('org-config-save').click();
    await expect.poll(() => panel.getByTestId('org-config-status').textContent()).toBe('Password configuration saved.');
    expect((await orgConfigInTenant()).body).toEqual({
      customInstructionsEnabled: true,
      digitTokenEnabled: true,
      digitTokenLength: 9,
      digitTokenDurationMinutes: 10,
    });
    const writes = tenant
      .requestLog()
      .filter((entry) => entry.path === '/v3/password-org-config' && (entry.method === 'POST' || entry.method === 'PUT'));
    expect(writes.map((entry) => [entry.method, entry.status])).toEqual([
      ['POST', 200],
      ['PUT', 200],
    ]);
  });

  it('generates a helpdesk digit token on v2024 although the configured version is v3, shown large with a live countdown', async () => {
    const panel = options.getByTestId('admin-digit-token');
    expect(await panel.getByTestId('digit-version-note').textContent()).toContain('v3');
    expect(await options.locator('#digit-version').inputValue()).toBe('v2024');
    await options.locator('#digit-userId').fill('alice');
    await options.locator('#digit-length').fill('12');
    await options.locator('#digit-durationMinutes').fill('1');
    await panel.getByTestId('digit-generate').click();
    await panel.getByTestId('digit-token').waitFor();
    digitToken = (await panel.getByTestId('digit-token').textContent()) ?? '';
    expect(digitToken).toMatch(/^\d{12}$/);
    expect(await panel.getByTestId('digit-token').evaluate((element) => getComputedStyle(element).fontFamily)).toMatch(/mono/i);
    expect(
      tenant
        .requestLog()
        .filter((entry) => entry.path === digitPath && entry.method === 'POST')
        .map((entry) => entry.status),
    ).toEqual([200]);

    const countdown = panel.getByTestId('digit-countdown');
    expect(await countdown.textContent()).toMatch(/^Expires in (1:00|0:5\d)$/);
    const first = Number(await countdown.getAttribute('data-remaining-ms'));
    await expect.poll(async () => Number(await countdown.getAttribute('data-remaining-ms')), { timeout: 5_000 }).toBeLessThan(first);
    await auditAccessibility(options, 'administration with a digit token');
  });

  it('copies the token, and keeps it out of extension storage and the tenant log', async () => {
    const panel = options.getByTestId('admin-digit-token');
    await panel.getByTestId('digit-copy').click();
    await expect.poll(() => panel.getByTestId('digit-status').textContent()).toBe('Token copied.');
    expect(await options.evaluate(() => navigator.clipboard.readText())).toBe(digitToken);
    expect(await dumpExtensionStorage(session)).not.toContain(digitToken);
    expect(tenant.requestLogText()).not.toContain(digitToken);
  });

  it('clears the token from the page when it expires', async () => {
    const panel = options.getByTestId('admin-digit-token');
    await options.clock.fastForward('01:05');
    await expect.poll(() => panel.getByTestId('digit-token').count()).toBe(0);
    expect(await panel.getByTestId('digit-status').textContent()).toBe('The token expired and was cleared from this page.');
    expect(await options.content()).not.toContain(digitToken);
  });

  it('lists the password policies in plain language with their sources, and the sync groups', async () => {
    const ad = options.locator('[data-testid="admin-policy"][data-policy="Active Directory Policy"]');
    await ad.waitFor();
    const rules = await ad.locator('li[data-rule]').allTextContents();
    expect(rules).toContain('At least 12 characters');
    expect(rules).toContain('Does not contain a common or banned word');
    expect(await ad.textContent()).toContain(tenant.sources.find((source) => source.name === 'Active Directory')?.id);
    expect(await ad.textContent()).toContain('Directory and HR');
    const group = options.locator('[data-testid="admin-sync-group"][data-group="Directory and HR"]');
    expect(await group.textContent()).toContain('Policy: Active Directory Policy');
  });

  it('checks access against the tenant on request', async () => {
    await options.getByTestId('check-access').click();
    await expect.poll(() => options.getByText('Access checked with Identity Security Cloud.').count()).toBe(1);
    expect(await options.getByTestId('admin-access').locator('li[data-allowed="true"]').count()).toBe(5);
  });

  it('copies a diagnostics report with tenant, version and tracking data but no token', async () => {
    const panel = options.getByTestId('admin-diagnostics');
    await panel.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(() => panel.getByTestId('diag-counts').textContent()).toContain(`POST ${digitPath}`);
    expect(await panel.getByTestId('diag-tenant').textContent()).toBe(tenant.url);
    expect(await panel.getByTestId('diag-api-version').textContent()).toBe('v3');
    await panel.getByTestId('diag-copy').click();
    await expect.poll(() => panel.getByTestId('diag-status').textContent()).toBe('Diagnostics copied.');
    const report = await options.evaluate(() => navigator.clipboard.readText());
    expect(report).toContain(`Tenant: ${tenant.url}`);
    expect(report).toContain('API version: v3');
    expect(report).toContain('User name: admin');
    expect(report).toContain('Authorities: ORG_ADMIN');

    const stored = (await options.evaluate(() => chrome.storage.session.get('session'))) as {
      session: { accessToken: string; refreshToken?: string };
    };
    expect(stored.session.accessToken.length).toBeGreaterThan(100);
    expect(report).not.toContain(stored.session.accessToken);
    expect(report).not.toContain(stored.session.accessToken.split('.')[1]);
    if (stored.session.refreshToken) expect(report).not.toContain(stored.session.refreshToken);
    expect(report).not.toContain(digitToken);

    await panel.getByText('Show the report').click();
    await auditAccessibility(options, 'administration with the diagnostics report open');
  });

  it('disappears on sign-out, and an employee never sees it', async () => {
    await options.getByTestId('options-identity').getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => options.getByTestId('admin').count(), { timeout: 10_000 }).toBe(0);

    const popup = await session.openPopup();
    await signIn(session, popup, 'alice', 'Alice-Sandbox-1');
    await popup.close();
    await expect
      .poll(async () => (await options.getByTestId('options-identity').textContent()) ?? '', { timeout: 10_000 })
      .toContain('alice');
    await options.reload();
    await options.getByTestId('options-identity').waitFor();
    expect(await options.getByTestId('admin').count()).toBe(0);
    expect(await options.getByRole('heading', { name: 'Administration' }).count()).toBe(0);
  });
});
