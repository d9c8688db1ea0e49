import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionSession, launchExtension, stopServiceWorkers } from '@/sandbox/browser/chromium';
import { configure, enterNewPassword, sandboxSettings, signIn } from '@/sandbox/browser/journeys';
import { type SandboxTenant, startTenant } from '@/sandbox/tenant';

const password = 'Amber-Falcon-Orchard-58';

describe('a change survives a stopped service worker', () => {
  let tenant: SandboxTenant;
  let session: ExtensionSession;

  beforeAll(async () => {
    // Long enough that the worker is stopped while ISC still works on the change.
    tenant = await startTenant({ port: 0, statusDelayMs: 6_000 });
    session = await launchExtension();
    await configure(session, sandboxSettings(tenant));
  });

  afterAll(async () => {
    await session?.close();
    await tenant?.stop();
  });

  it('notifies and records the outcome after the worker was stopped mid-change', async () => {
    const popup = await session.openPopup();
    await signIn(session, popup, 'alice', 'Alice-Sandbox-1');
    await enterNewPassword(popup, 'Active Directory', password);
    await popup.getByTestId('submit').click();
    await expect.poll(() => popup.getByTestId('current-changes').locator('[data-state="pending"]').count()).toBe(1);
    await popup.close();

    // Stop the worker the way Chrome does when it idles: through the DevTools protocol.
    const page = await session.context.newPage();
    await stopServiceWorkers(session, page);

    // ISC finishes while no worker runs.
    await new Promise((resolve) => setTimeout(resolve, 6_500));
    expect(tenant.accountState('CN=Alice Smith,OU=Staff,DC=corp,DC=example').passwordChangedAt).toBeTruthy();

    // The employee opens the popup: the worker restarts, rebuilds the tracker from storage and
    // reports the outcome. (Without the popup the next alarm, at most 30 s later, does the same.)
    await page.goto(`${session.extensionOrigin}/popup.html`);
    const history = async () =>
      page.evaluate(() =>
        chrome.runtime.sendMessage({ type: 'state/get' }).then((r) => r.value.tracker.history.map((c: { state: string }) => c.state)),
      );
    await expect.poll(history, { timeout: 20_000 }).toEqual(['finished']);
    // The tracker records the outcome first and notifies right after (outbox), so wait for the notification.
    const notifications = () => page.evaluate(() => chrome.notifications.getAll().then((all) => Object.keys(all).length));
    await expect.poll(notifications, { timeout: 5_000 }).toBe(1);
    const badge = await page.evaluate(() => chrome.action.getBadgeText({}));
    expect(badge).toBe('');
    // Even with notifications blocked, the popup itself leads with the outcome.
    expect(await page.getByTestId('unseen-outcomes').textContent()).toContain('done');
  });
});
