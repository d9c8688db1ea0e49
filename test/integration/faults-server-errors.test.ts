import { beforeEach, describe, expect, it } from 'vitest';
import { isApiError } from '@/utils/api/errors';
import {
  type Background,
  englishTranslator,
  openPopup,
  signedInBackground,
  statusScreen,
  submitFromPopup,
} from '../fixtures/faults/background';
import { ACCOUNTS, createRig, freshPassword, hashFor, setPasswordCalls } from '../fixtures/faults/rig';
import { tenantForTests } from '../fixtures/tenant/per-file';

/**
 * Fault 2: bursts of 500, 502 and 503. Reads are retried with a growing, jittered backoff. set-password is
 * never retried: a gateway may fail after ISC accepted the change, so a 5xx there is "outcome unknown, check
 * before trying again", never "failed" and never a silent second change.
 */

const tenant = tenantForTests({ statusDelayMs: 1_500 }, (sandbox) => sandbox.configure({ statusDelayMs: 1_500 }));

describe('5xx bursts on reads', () => {
  it('are retried with exponential backoff, and the change completes without the employee noticing', async () => {
    const rig = await createRig(tenant);
    const accepted = tenant.setPasswordCount();
    tenant.injectFault({ method: 'POST', path: '/v3/query-password-info', status: 503, count: 1 });
    tenant.injectFault({ method: 'POST', path: '/v3/query-password-info', status: 502, count: 1 });
    tenant.injectFault({ method: 'GET', path: '/v3/password-change-status/*', status: 500, count: 3 });

    const password = freshPassword();
    const info = await rig.passwordInfo('G Suite');
    // Full jitter with random() = 0.5: half of 500 ms, then half of 1 s.
    expect(rig.clientWaits).toEqual([250, 500]);

    const response = await rig.submit(info, password);
    await rig.tracker.track([rig.newChange(info, 'G Suite', response.requestId ?? null)]);
    await rig.settle();

    expect(rig.clientWaits).toEqual([250, 500, 250, 500, 1_000]);
    expect(tenant.setPasswordCount()).toBe(accepted + 1);
    expect(tenant.accountState(ACCOUNTS.gSuite).passwordHash).toBe(hashFor(tenant, ACCOUNTS.gSuite, password));
    expect(rig.notifications.map((notification) => notification.title)).toEqual(['Password changed']);
  });

  it('that outlast the retries make the tracker back off and try later, still ending in the real outcome', async () => {
    const rig = await createRig(tenant);
    const info = await rig.passwordInfo('G Suite');
    const response = await rig.submit(info, freshPassword());
    await rig.tracker.track([rig.newChange(info, 'G Suite', response.requestId ?? null)]);
    // Four 503s exhaust one status call (1 + 3 retries): the tracker records a server problem and backs off.
    tenant.injectFault({ method: 'GET', path: '/v3/password-change-status/*', status: 503, count: 4 });

    await rig.wake();
    const [waiting] = (await rig.tracker.snapshot()).pending;
    expect(waiting).toMatchObject({ lastError: 'server', backingOff: true, retryStreak: 1 });
    // The tracker's own backoff (5 s base, equal jitter) comes on top of the client's.
    expect((waiting?.nextPollAt ?? 0) - (waiting?.lastPolledAt ?? 0)).toBeGreaterThanOrEqual(2_500);

    await rig.settle();
    expect((await rig.tracker.snapshot()).history[0]?.state).toBe('finished');
    expect(rig.notifications.map((notification) => notification.title)).toEqual(['Password changed']);
  });
});

describe('a 5xx answer to set-password', () => {
  it('is reported as "outcome unknown" by the client and never sent again', async () => {
    const rig = await createRig(tenant);
    const info = await rig.passwordInfo('G Suite');
    const sentBefore = setPasswordCalls(tenant).length;
    const accepted = tenant.setPasswordCount();

    for (const status of [500, 502, 503]) {
      tenant.injectFault({ method: 'POST', path: '/v3/set-password', status });
      const error = await rig.submit(info, freshPassword()).catch((caught: unknown) => caught);
      expect(isApiError(error, 'outcome-unknown')).toBe(true);
      expect(rig.t.t((error as { messageKey: string }).messageKey)).toMatch(/may or may not have been applied/);
    }
    expect(
      setPasswordCalls(tenant)
        .slice(sentBefore)
        .map((entry) => entry.status),
    ).toEqual([500, 502, 503]);
    expect(tenant.setPasswordCount()).toBe(accepted);
  });

  describe('seen from the popup', () => {
    let background: Background;

    beforeEach(async () => {
      tenant.configure({ statusDelayMs: 0 });
      background = await signedInBackground(tenant, 'alice');
    });

    it('shows the change as "Outcome unknown" (not failed, not done), and a later deliberate retry changes it once', async () => {
      const t = englishTranslator();
      const popup = openPopup(background);
      const before = tenant.accountState(ACCOUNTS.gSuite).passwordHash;
      const accepted = tenant.setPasswordCount();
      tenant.injectFault({ method: 'POST', path: '/v3/set-password', status: 502 });

      const result = await submitFromPopup(popup, 'G Suite', freshPassword());
      expect(result?.accounts).toEqual([{ accountId: ACCOUNTS.gSuite, ok: true, requestId: null }]);
      const screen = statusScreen(popup, t);
      expect(screen.changes).toEqual([{ source: 'G Suite', state: 'Outcome unknown', causes: [expect.stringContaining('G Suite')] }]);
      expect(screen.notices).toEqual([]);
      expect(popup.store.getState().state?.tracker.badge.failed).toBe(1);
      expect(Object.values(background.browser.notifications.getAllCreateOptions()).map((n) => n.title)).toEqual([
        'Password change outcome unknown',
      ]);
      expect(tenant.accountState(ACCOUNTS.gSuite).passwordHash).toBe(before);
      expect(tenant.setPasswordCount()).toBe(accepted);

      // The employee checks, sees the old password still works, and submits again on purpose.
      const password = freshPassword();
      popup.back();
      const retry = await submitFromPopup(popup, 'G Suite', password);
      expect(retry?.accounts[0]).toMatchObject({ ok: true, requestId: expect.any(String) });
      await background.services.tracking.tracker().then((tracker) => tracker.pollDue());
      await popup.refresh();
      expect(statusScreen(popup, t).changes).toEqual([{ source: 'G Suite', state: 'Done', causes: [] }]);
      expect(tenant.setPasswordCount()).toBe(accepted + 1);
      expect(tenant.accountState(ACCOUNTS.gSuite).passwordHash).toBe(hashFor(tenant, ACCOUNTS.gSuite, password));
    });
  });
});
