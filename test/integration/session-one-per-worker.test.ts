import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type SandboxTenant, startTenant } from '@/sandbox/tenant';
import { type Background, openPopup, signedInBackground, signInAs } from '../fixtures/faults/background';

/**
 * The worker's services (built by its composition root, over the fake browser) against the sandbox tenant: one
 * session for every caller, so parallel callers after the access token expired cost one refresh and sign nobody
 * out, and a sign-out is final and leaves nothing of the employee behind.
 */

let tenant: SandboxTenant;
let background: Background;

beforeAll(async () => {
  tenant = await startTenant({ statusDelayMs: 0 });
});
afterAll(() => tenant.stop());

beforeEach(async () => {
  background = await signedInBackground(tenant, 'alice');
});

/** The access token expired a second ago (its refresh token is still good): the next caller must refresh. */
async function expireAccessToken(): Promise<void> {
  const area = background.browser.storage.session;
  const { session } = (await area.get('session')) as { session: Record<string, unknown> };
  await area.set({ session: { ...session, expiresAt: Date.now() - 1_000, obtainedAt: Date.now() - 3_600_000 } });
}

const tokenRequests = () => tenant.requestLog().filter((entry) => entry.path.startsWith('/oauth/token')).length;

describe('one session per worker', () => {
  it('refreshes once for parallel callers after the access token expired, and stays signed in', async () => {
    await expireAccessToken();
    const before = tokenRequests();
    const { passwords, tracking, admin } = background.services;
    const results = await Promise.allSettled([
      passwords.info({ type: 'password/info', sourceName: 'Active Directory' }),
      passwords.info({ type: 'password/info', sourceName: 'G Suite' }),
      tracking.pollStatus('no-such-request'),
      admin.relay({ type: 'admin/request', operation: 'org-config/get', version: 'v3' }),
    ]);
    expect(results.slice(0, 2).map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(tokenRequests() - before).toBe(1);
    expect(await background.services.session.current()).not.toBeNull();
  });

  it('keeps the employee signed in across popup opens while the token keeps expiring', async () => {
    for (let open = 0; open < 3; open++) {
      await expireAccessToken();
      const popup = openPopup(background);
      await popup.refresh();
      await expect
        .poll(() => Object.values(popup.store.getState().targets).every((t) => t.status === 'ready'), { timeout: 5_000 })
        .toBe(true);
      expect(popup.store.getState().state?.identity?.userName).toBe('alice');
    }
  });

  it('stays signed out when the sign-out comes while a refresh is on its way', async () => {
    await expireAccessToken();
    tenant.injectFault({ method: 'POST', path: '/oauth/token', latencyMs: 400 });
    const info = background.services.passwords.info({ type: 'password/info', sourceName: 'Active Directory' }).catch(() => null);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await background.services.route(
      { type: 'auth/signOut' },
      { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/popup.html' },
    );
    await info;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await background.services.session.current()).toBeNull();
    expect((await background.services.uiState.read()).identity).toBeNull();
  });

  it('revokes the refresh token at the tenant on sign-out', async () => {
    const { session } = (await background.browser.storage.session.get('session')) as { session: { refreshToken: string } };
    await background.services.session.signOut();
    const reuse = await fetch(`${tenant.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: session.refreshToken, client_id: 'rekey-extension' }),
    });
    expect(reuse.status).toBe(400);
    expect(((await reuse.json()) as { error: string }).error).toBe('invalid_grant');
  });

  it('leaves nothing of the employee behind after sign-out: history, pending changes, reminders, cached info', async () => {
    const { passwords, tracking, session, reminders } = background.services;
    await passwords.info({ type: 'password/info', sourceName: 'Active Directory' });
    await (await tracking.tracker()).track([
      {
        identityId: 'x',
        sourceId: 'y',
        sourceName: 'Active Directory',
        accountId: 'z',
        accountName: 'alice',
        alsoChanges: [],
        requestId: 'r-1',
      },
    ]);
    await reminders.recordExpiry({ key: 'Active Directory', label: 'Windows sign-in', daysLeft: 5 });
    await session.signOut();
    const local = await background.browser.storage.local.get(null);
    const sessionArea = await background.browser.storage.session.get(null);
    expect(Object.keys(local).filter((key) => ['tracker', 'reminders', 'expiry-snoozes'].includes(key))).toEqual([]);
    expect(Object.keys(sessionArea).filter((key) => ['session', 'password-info-cache', 'pat-secret', 'diagnostics'].includes(key))).toEqual(
      [],
    );
    const view = await tracking.view();
    expect([...view.pending, ...view.history]).toEqual([]);
  });

  it('hides the previous employee’s changes from someone else signing in on the same profile', async () => {
    await (await background.services.tracking.tracker()).track([
      {
        identityId: 'x',
        sourceId: 'y',
        sourceName: 'Active Directory',
        accountId: 'z',
        accountName: 'alice',
        alsoChanges: [],
        requestId: 'r-2',
      },
    ]);
    // Alice's session simply ends (browser restart), without a sign-out; Bob signs in next.
    await background.browser.storage.session.remove('session');
    await signInAs(background, tenant, 'bob');
    const view = await background.services.tracking.view();
    expect([...view.pending, ...view.history]).toEqual([]);
  });
});
