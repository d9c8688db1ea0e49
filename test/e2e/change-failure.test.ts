import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionSession, launchExtension } from '@/sandbox/browser/chromium';
import { configure, dumpExtensionStorage, enterNewPassword, sandboxSettings, signIn } from '@/sandbox/browser/journeys';
import { IDS, type SandboxTenant, startTenant } from '@/sandbox/tenant';
import { auditAccessibility } from './axe';

const password = 'Copper-Willow-Signal-46';

describe('a change that one source rejects', () => {
  let tenant: SandboxTenant;
  let session: ExtensionSession;

  beforeAll(async () => {
    tenant = await startTenant({ port: 0, statusDelayMs: 300 });
    session = await launchExtension();
    await configure(session, sandboxSettings(tenant));
  });

  afterAll(async () => {
    await session?.close();
    await tenant?.stop();
  });

  it('shows the failed source with a plain-language cause and what to do next', async () => {
    tenant.configure({ failSource: { sourceId: IDS.workday, error: 'Workday rejected the password: the connector is unavailable' } });
    const popup = await session.openPopup();
    await signIn(session, popup, 'alice', 'Alice-Sandbox-1');
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

    const badge = await popup.evaluate(() => chrome.action.getBadgeText({}));
    expect(badge).toBe('');
    expect(await dumpExtensionStorage(session)).not.toContain(password);
    expect(tenant.requestLogText()).not.toContain(password);
  });
});
