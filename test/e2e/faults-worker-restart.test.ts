import { describe, expect, it } from 'vitest';
import { alicesAccount, submitThenStopWorker, trackerHistory } from '../fixtures/pending-change';
import { tenantAndBrowser } from '../fixtures/tenant-and-browser';

/**
 * Fault 7: Chrome stops the service worker between the submit and the status poll, and when the restarted
 * worker polls, ISC is having a bad moment (a burst of 503s). The restarted worker rebuilds the tracker from
 * storage, rides out the errors (client retries, then the tracker's own backoff), and shows the real outcome
 * once; the change is never sent twice. (A 429 on a status poll now holds polling back for at least 60 s,
 * longer than this test may take: that back-off is covered in test/integration/faults-rate-limit.test.ts.)
 */

const password = 'Copper-Meadow-Signal-64';
// Whichever version the worker reads it on (an employee reads on beta: the others ask for ORG_ADMIN).
const statusPath = '*/password-change-status/*';

describe('a service worker stopped between submit and status, restarted into a burst of 503s', () => {
  // ISC takes a minute of tenant time: the change is still in progress when the worker stops.
  const rig = tenantAndBrowser({ statusDelayMs: 60_000 });

  it('shows the real outcome once, after backing off, with a single set-password', async () => {
    const { tenant, session } = rig;
    const page = await submitThenStopWorker(session, password);

    // ISC finishes while no worker runs, then starts failing status reads.
    tenant.advanceClock(60_000);
    expect(tenant.accountState(alicesAccount).passwordChangedAt).toBeTruthy();
    tenant.clearRequestLog();
    // Five 503s: more than one status call retries (1 + 3 attempts), so the tracker backs off too.
    tenant.injectFault({ method: 'GET', path: statusPath, status: 503, count: 5 });

    // Opening the popup restarts the worker, which polls the change it finds in storage.
    await page.goto(`${session.extensionOrigin}/popup.html`);
    await expect.poll(() => trackerHistory(page), { timeout: 20_000, interval: 500 }).toEqual(['finished']);

    const statusAnswers = (version: string) =>
      tenant
        .requestLog()
        .filter((entry) => entry.path.startsWith(`/${version}/password-change-status/`))
        .map((entry) => entry.status);
    // As on a real tenant, v3 lets only ORG_ADMIN read statuses: the employee's reads go to beta, where the
    // identity owner may read them, and never spend a 403 on v3.
    expect(statusAnswers('beta')).toEqual([503, 503, 503, 503, 503, 200]);
    expect(statusAnswers('v3')).toEqual([]);
    expect(tenant.setPasswordCount()).toBe(1);

    // What the employee sees: one notification, no failure badge, and the popup leading with the outcome.
    // (The outcome is saved first and announced right after, in the same pass.)
    await expect.poll(async () => Object.keys(await page.evaluate(() => chrome.notifications.getAll())).length).toBe(1);
    await expect.poll(() => page.evaluate(() => chrome.action.getBadgeText({}))).toBe('');
    await expect.poll(() => page.getByTestId('unseen-outcomes').count(), { timeout: 5_000 }).toBe(1);
    expect(await page.getByTestId('unseen-outcomes').textContent()).toContain('done');
  });
});
