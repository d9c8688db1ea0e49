import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '@/sandbox/browser/journeys';
import { tenantAndBrowser } from '../fixtures/tenant-and-browser';

/**
 * An employee on API version v2026 changes the G Suite password, whose policy asks for a second factor off
 * the company network. The popup says so before the password is typed; the tenant's default (status readable
 * by ORG_ADMIN only, as the specs say) makes Rekey follow the change through beta, where the owner may read it.
 */

const goodPassword = 'Violet-Canyon-Ferry-48';

describe('step-up notice and the employee status fallback on v2026', () => {
  const rig = tenantAndBrowser({ statusDelayMs: 400 }, { apiVersion: 'v2026' });
  let popup: Page;

  beforeAll(async () => {
    popup = await rig.session.openPopup();
    await signIn(rig.session, popup, 'alice', 'Alice-Sandbox-1');
  });

  it('tells the employee about the second factor before the new password is typed', async () => {
    await popup.locator('[data-testid="target"][data-source="G Suite"]').getByRole('button').click();
    await popup.getByTestId('new-password').waitFor();
    const notice = popup.getByRole('note', { name: 'This password needs a second factor' });
    expect(await notice.textContent()).toContain('outside your company network');
    expect(await notice.textContent()).toContain('Password Manager');
    // The flag is no password rule: the checklist does not list it as an unknown one.
    expect(await popup.getByTestId('checklist').textContent()).not.toMatch(/requireStrongAuth/i);
  });

  it('changes the password and follows it through the beta status the owner may read', async () => {
    await popup.getByLabel('New password', { exact: true }).fill(goodPassword);
    await popup.getByLabel('Type it again').fill(goodPassword);
    await expect.poll(() => popup.getByTestId('submit').isDisabled(), { timeout: 10_000 }).toBe(false);
    await popup.getByTestId('submit').click();
    await popup.getByTestId('status').waitFor();
    await expect
      .poll(() => popup.getByTestId('current-changes').locator('[data-state="finished"]').count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    const log = rig.tenant.requestLog();
    expect(log.some((entry) => entry.path === '/v2026/set-password' && entry.status === 202)).toBe(true);
    // v2026 lets only ORG_ADMIN read statuses (the tenant's default, as the spec says): the employee's reads go to beta.
    expect(log.some((entry) => entry.path.startsWith('/v2026/password-change-status/') && entry.status === 200)).toBe(false);
    expect(log.some((entry) => entry.path.startsWith('/beta/password-change-status/') && entry.status === 200)).toBe(true);
  });
});
