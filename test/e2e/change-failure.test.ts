import { describe, expect, it } from 'vitest';
import { dumpExtensionStorage, enterNewPassword, signIn } from '@/sandbox/browser/journeys';
import { IDS } from '@/sandbox/tenant';
import { tenantAndBrowser } from '../fixtures/tenant-and-browser';
import { auditAccessibility } from './axe';

const password = 'Copper-Willow-Signal-46';

describe('a change that one source rejects', () => {
  const rig = tenantAndBrowser({ statusDelayMs: 300 });

  it('shows the failed source with a plain-language cause and what to do next', async () => {
    rig.tenant.configure({ failSource: { sourceId: IDS.workday, error: 'Workday rejected the password: the connector is unavailable' } });
    const popup = await rig.session.openPopup();
    await signIn(rig.session, popup, 'alice', 'Alice-Sandbox-1');
    await enterNewPassword(popup, 'Active Directory', password);
    await popup.getByTestId('submit').click();

    const failed = popup.getByTestId('current-changes').locator('[data-state="failed"]');
    await expect.poll(() => failed.count(), { timeout: 20_000 }).toBe(1);
    const text = await failed.textContent();
    expect(text).toContain('Failed');
    expect(text).toMatch(/Workday/);
    expect(text).toMatch(/could not be reached|unavailable|try again/i);
    expect(await popup.getByTestId('after-change').count()).toBe(0);
    await auditAccessibility(popup, 'status (failed)');

    // Seen in the open popup, so no badge asks for attention (it follows the recorded state a moment later).
    await expect.poll(() => popup.evaluate(() => chrome.action.getBadgeText({})), { timeout: 5_000 }).toBe('');
    expect(await dumpExtensionStorage(rig.session)).not.toContain(password);
    expect(rig.tenant.requestLogText()).not.toContain(password);
  });
});
