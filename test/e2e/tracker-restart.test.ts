import { describe, expect, it } from 'vitest';
import { alicesAccount, submitThenStopWorker, trackerHistory } from '../fixtures/pending-change';
import { tenantAndBrowser } from '../fixtures/tenant-and-browser';

const password = 'Amber-Falcon-Orchard-58';

describe('a change survives a stopped service worker', () => {
  // Long enough that the worker is stopped while ISC still works on the change.
  const rig = tenantAndBrowser({ statusDelayMs: 6_000 });

  it('notifies and records the outcome after the worker was stopped mid-change', async () => {
    const { tenant, session } = rig;
    // The worker is stopped the way Chrome stops it when it idles.
    const page = await submitThenStopWorker(session, password);

    // ISC finishes while no worker runs.
    await new Promise((resolve) => setTimeout(resolve, 6_500));
    expect(tenant.accountState(alicesAccount).passwordChangedAt).toBeTruthy();

    // The employee opens the popup: the worker restarts, rebuilds the tracker from storage and
    // reports the outcome. (Without the popup the next alarm, at most 30 s later, does the same.)
    await page.goto(`${session.extensionOrigin}/popup.html`);
    await expect.poll(() => trackerHistory(page), { timeout: 20_000 }).toEqual(['finished']);
    // The tracker records the outcome first and notifies right after (outbox), so wait for the notification.
    const notifications = () => page.evaluate(() => chrome.notifications.getAll().then((all) => Object.keys(all).length));
    await expect.poll(notifications, { timeout: 5_000 }).toBe(1);
    // The badge follows once the delivery is recorded, a moment after the notification: wait for it too.
    await expect.poll(() => page.evaluate(() => chrome.action.getBadgeText({})), { timeout: 5_000 }).toBe('');
    // Even with notifications blocked, the popup itself leads with the outcome.
    expect(await page.getByTestId('unseen-outcomes').textContent()).toContain('done');
  });
});
