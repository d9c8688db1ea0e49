import { describe, expect, it } from 'vitest';
import { ACCOUNTS, createRig, freshPassword, hashFor, setPasswordCalls } from '../fixtures/faults/rig';
import { tenantForTests } from '../fixtures/tenant/per-file';

/**
 * Fault 1: 429 storms. Every employee shares one rate-limit bucket per OAuth client and API version, so a
 * 429 is normal weather: the calls an employee waits for (query-password-info, set-password) wait for
 * Retry-After and go again (a rate-limited request was never processed, so even set-password is safe to
 * resend); status polls leave the 429 to the tracker, which holds every pending change back for at least a
 * minute. The change completes without the employee ever seeing a failure.
 */

const tenant = tenantForTests({ statusDelayMs: 1_500 }, (sandbox) => sandbox.configure({ rateLimit: { requests: 100, windowMs: 10_000 } }));

describe('a storm of 429 Too Many Requests', () => {
  it('is waited out on reads and on set-password, honouring Retry-After, and the change is applied once', async () => {
    const rig = await createRig(tenant);
    const accepted = tenant.setPasswordCount();
    const sentBefore = setPasswordCalls(tenant).length;
    tenant.injectFault({ method: 'POST', path: '/v3/query-password-info', status: 429, count: 2 });
    tenant.injectFault({ method: 'POST', path: '/v3/set-password', status: 429, count: 2 });

    const password = freshPassword();
    const info = await rig.passwordInfo('G Suite');
    const response = await rig.submit(info, password);
    await rig.tracker.track([rig.newChange(info, 'G Suite', response.requestId ?? null)]);
    await rig.settle();

    // The sandbox's 429s say "Retry-After: 1"; the client waited at least that long each time (plus jitter).
    expect(rig.clientWaits).toHaveLength(4);
    for (const wait of rig.clientWaits) expect(wait).toBeGreaterThanOrEqual(1_000);
    // Two refused set-password requests, then the one ISC processed: exactly one change.
    expect(
      setPasswordCalls(tenant)
        .slice(sentBefore)
        .map((entry) => entry.status),
    ).toEqual([429, 429, 202]);
    expect(tenant.setPasswordCount()).toBe(accepted + 1);
    expect(tenant.accountState(ACCOUNTS.gSuite).passwordHash).toBe(hashFor(tenant, ACCOUNTS.gSuite, password));

    expect(rig.notifications.map((notification) => notification.title)).toEqual(['Password changed']);
    expect(rig.badges.every((badge) => badge.failed === 0)).toBe(true);
  });

  it('makes the tracker back off all pending changes when the client gives up, then finish them without a failure', async () => {
    const rig = await createRig(tenant);
    const gSuite = await rig.passwordInfo('G Suite');
    const directory = await rig.passwordInfo('Active Directory');
    const password = freshPassword();
    const first = await rig.submit(gSuite, password);
    const second = await rig.submit(directory, password);
    await rig.tracker.track([
      rig.newChange(gSuite, 'G Suite', first.requestId ?? null),
      rig.newChange(directory, 'Active Directory', second.requestId ?? null, ['Workday']),
    ]);
    // Status polls do not wait out a 429 themselves: the first one ends the pass.
    tenant.injectFault({ method: 'GET', path: '/v3/password-change-status/*', status: 429, count: 2 });
    const statusCalls = () => tenant.requestLog().filter((entry) => entry.path.startsWith('/v3/password-change-status/'));
    const callsBefore = statusCalls().length;

    expect(await rig.wake()).toBe(true);
    const afterStorm = await rig.tracker.snapshot();
    // One change hit the limit; the pass stopped there, and every pending change now steps back a minute or more.
    expect(statusCalls().length - callsBefore).toBe(1);
    expect(afterStorm.pending).toHaveLength(2);
    const limited = afterStorm.pending.find((change) => change.lastError === 'rate-limited');
    expect(limited).toBeDefined();
    for (const change of afterStorm.pending) {
      expect(change.backingOff).toBe(true);
      expect(change.nextPollAt).toBeGreaterThanOrEqual((limited?.lastPolledAt ?? 0) + 60_000);
    }
    expect(rig.notifications).toHaveLength(0);

    await rig.settle();
    const { history, badge } = await rig.tracker.snapshot();
    expect(history.map((change) => change.state)).toEqual(['finished', 'finished']);
    expect(badge).toEqual({ pending: 0, failed: 0 });
    expect(rig.notifications.map((notification) => notification.title)).toEqual(['Password changed on 2 systems']);
    expect(rig.badges.every((entry) => entry.failed === 0)).toBe(true);
  });

  it("rides out the tenant's own rate limit (3 requests per 4 s) through a whole change", async () => {
    tenant.configure({ rateLimit: { requests: 3, windowMs: 4_000 } });
    const rig = await createRig(tenant);
    const accepted = tenant.setPasswordCount();
    const logStart = tenant.requestLog().length;
    const password = freshPassword();

    const directory = await rig.passwordInfo('Active Directory');
    const gSuite = await rig.passwordInfo('G Suite');
    const first = await rig.submit(directory, password);
    const second = await rig.submit(gSuite, password);
    await rig.tracker.track([
      rig.newChange(directory, 'Active Directory', first.requestId ?? null, ['Workday']),
      rig.newChange(gSuite, 'G Suite', second.requestId ?? null),
    ]);
    await rig.settle();

    const limited = tenant
      .requestLog()
      .slice(logStart)
      .filter((entry) => entry.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(tenant.setPasswordCount()).toBe(accepted + 2);
    expect((await rig.tracker.snapshot()).history.map((change) => change.state)).toEqual(['finished', 'finished']);
    expect(rig.notifications.map((notification) => notification.title)).toEqual(['Password changed on 2 systems']);
  });
});
