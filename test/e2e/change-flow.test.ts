import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { dumpExtensionStorage, signIn } from '@/sandbox/browser/journeys';
import { tenantAndBrowser } from '../fixtures/tenant-and-browser';
import { auditAccessibility } from './axe';

const goodPassword = 'Quiet-Harbor-Lantern-72';

describe('changing a password from the popup', () => {
  const rig = tenantAndBrowser({ statusDelayMs: 400 });
  let popup: Page;

  beforeAll(async () => {
    popup = await rig.session.openPopup();
  });

  it('signs in through the tenant sign-in page and shows who is signed in', async () => {
    await expect.poll(() => popup.getByTestId('signed-out').count()).toBe(1);
    expect(await popup.getByTestId('tenant').textContent()).toBe(rig.tenant.url);
    await auditAccessibility(popup, 'signed out');
    await signIn(rig.session, popup, 'alice', 'Alice-Sandbox-1');
    expect(await popup.getByTestId('identity').textContent()).toContain('alice');
  });

  it('lists each password with the accounts that will change', async () => {
    const card = popup.locator('[data-testid="target"][data-source="Active Directory"]');
    await expect.poll(() => card.getByTestId('accounts').count()).toBe(1);
    expect(await card.getByTestId('accounts').textContent()).toContain('alice.smith');
    expect(await card.getByTestId('also-changes').textContent()).toContain('Workday');
    await auditAccessibility(popup, 'choose');
  });

  it('shows the policy as a live checklist and only allows a compliant password', async () => {
    await popup.locator('[data-testid="target"][data-source="Active Directory"]').getByRole('button').click();
    await popup.getByTestId('new-password').waitFor();
    const password = popup.getByLabel('New password', { exact: true });
    await password.fill('short');
    await popup.getByLabel('Type it again').fill('short');
    await expect.poll(() => popup.getByTestId('checklist').locator('[data-status="unmet"]').count()).toBeGreaterThan(0);
    expect(await popup.getByTestId('submit').isDisabled()).toBe(true);
    expect(await popup.getByTestId('submit-reason').textContent()).toMatch(/Not yet/);
    await auditAccessibility(popup, 'new password (failing)');

    await password.fill(goodPassword);
    await popup.getByLabel('Type it again').fill(goodPassword);
    await expect.poll(() => popup.getByTestId('checklist').locator('[data-status="unmet"]').count()).toBe(0);
    await expect.poll(() => popup.getByTestId('submit').isDisabled(), { timeout: 10_000 }).toBe(false);
    await auditAccessibility(popup, 'new password (passing)');
  });

  it('submits ciphertext only and follows the change until every account is done', async () => {
    await popup.getByTestId('submit').click();
    await popup.getByTestId('status').waitFor();
    await expect
      .poll(() => popup.getByTestId('current-changes').locator('[data-state="finished"]').count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    expect(await popup.getByTestId('current-changes').locator('[data-state="pending"]').count()).toBe(0);
    expect(await popup.getByTestId('after-change').isVisible()).toBe(true);
    await auditAccessibility(popup, 'status');
    const ad = rig.tenant.accountState('CN=Alice Smith,OU=Staff,DC=corp,DC=example');
    expect(ad.passwordChangedAt).toBeTruthy();
    expect(rig.tenant.setPasswordCount()).toBe(1);
  });

  it('leaves the plaintext password nowhere: not in extension storage, not in the tenant log', async () => {
    expect(await dumpExtensionStorage(rig.session)).not.toContain(goodPassword);
    expect(rig.tenant.requestLogText()).not.toContain(goodPassword);
  });
});
