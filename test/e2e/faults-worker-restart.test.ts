import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SandboxTenant, startTenant } from '../tenant';
import { configure, enterNewPassword, sandboxSettings, signIn } from './fixtures';
import { type ExtensionSession, launchExtension } from './harness';

/**
 * Fault 7: Chrome stops the service worker between the submit and the status poll, and when the restarted
 * worker polls, ISC is having a bad moment (503s, then 429s). The restarted worker rebuilds the tracker from
 * storage, rides out the errors, and shows the real outcome once; the change is never sent twice.
 */

const password = 'Copper-Meadow-Signal-64';
const statusPath = '/v3/password-change-status/*';

/** Stops every service worker of the extension the way Chrome does when it idles, through the DevTools protocol. */
async function stopWorkers(context: BrowserContext, page: Page, origin: string): Promise<void> {
  const cdp = await context.newCDPSession(page);
  const workers = async () =>
    ((await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] }).targetInfos.filter(
      (target) => target.type === 'service_worker' && target.url.startsWith(origin),
    );
  for (const worker of await workers()) await cdp.send('Target.closeTarget', { targetId: worker.targetId });
  await expect.poll(async () => (await workers()).length).toBe(0);
  await cdp.detach();
}

describe('a service worker stopped between submit and status, restarted into a 503 and 429 burst', () => {
  let tenant: SandboxTenant;
  let session: ExtensionSession;

  beforeAll(async () => {
    // ISC takes a minute of tenant time: the change is still in progress when the worker stops.
    tenant = await startTenant({ port: 0, statusDelayMs: 60_000 });
    session = await launchExtension();
    await configure(session, sandboxSettings(tenant));
  });

  afterAll(async () => {
    await session?.close();
    await tenant?.stop();
  });

  it('shows the real outcome once, after backing off, with a single set-password', async () => {
    const popup = await session.openPopup();
    await signIn(session, popup, 'alice', 'Alice-Sandbox-1');
    await enterNewPassword(popup, 'Active Directory', password);
    await popup.getByTestId('submit').click();
    await expect.poll(() => popup.getByTestId('current-changes').locator('[data-state="pending"]').count()).toBe(1);
    await popup.close();

    const page = await session.context.newPage();
    await stopWorkers(session.context, page, session.extensionOrigin);

    // ISC finishes while no worker runs, then starts failing status reads.
    tenant.advanceClock(60_000);
    expect(tenant.accountState('CN=Alice Smith,OU=Staff,DC=corp,DC=example').passwordChangedAt).toBeTruthy();
    tenant.clearRequestLog();
    tenant.injectFault({ method: 'GET', path: statusPath, status: 503, count: 2 });
    tenant.injectFault({ method: 'GET', path: statusPath, status: 429, count: 2 });

    // Opening the popup restarts the worker, which polls the change it finds in storage.
    await page.goto(`${session.extensionOrigin}/popup.html`);
    for (let i = 0; i < 8; i++) {
      await new Promise((r) => setTimeout(r, 1000));
      const cdp = await session.context.newCDPSession(page);
      const infos = ((await cdp.send('Target.getTargets')) as { targetInfos: { type: string; url: string }[] }).targetInfos.filter((x) => x.type === 'service_worker');
      console.log('DBG', i, infos.length, JSON.stringify(tenant.requestLog().map((e) => [e.at.slice(17), e.method, e.path.slice(0, 30), e.status])));
      await cdp.detach();
    }
    const history = () =>
      page.evaluate(() =>
        chrome.runtime.sendMessage({ type: 'state/get' }).then((r) => r.value.tracker.history.map((c: { state: string }) => c.state)),
      );
    await expect.poll(history, { timeout: 25_000, interval: 500 }).toEqual(["finished"]).catch(async (e) => { console.log(tenant.requestLogText()); console.log(JSON.stringify(await page.evaluate(() => chrome.runtime.sendMessage({ type: "state/get" }).then((r) => r.value.tracker)))); throw e; });

    const statusAnswers = tenant
      .requestLog()
      .filter((entry) => entry.path.startsWith('/v3/password-change-status/'))
      .map((entry) => entry.status);
    expect(statusAnswers.slice(0, 4)).toEqual([503, 503, 429, 429]);
    expect(statusAnswers.at(-1)).toBe(200);
    expect(tenant.setPasswordCount()).toBe(1);

    // What the employee sees: one notification, no failure badge, and the popup leading with the outcome.
    expect(Object.keys(await page.evaluate(() => chrome.notifications.getAll()))).toHaveLength(1);
    expect(await page.evaluate(() => chrome.action.getBadgeText({}))).toBe('');
    await expect.poll(() => page.getByTestId('unseen-outcomes').count(), { timeout: 5_000 }).toBe(1);
    expect(await page.getByTestId('unseen-outcomes').textContent()).toContain('done');
  });
});
