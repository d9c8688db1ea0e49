import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type SandboxTenant, startTenant } from '@/sandbox/tenant';
import { isApiError } from '@/utils/api/errors';
import { ACCOUNTS, createRig, freshPassword, hashFor } from '../fixtures/faults/rig';

/**
 * Faults 5 and 6: the session changes under a change in flight. An access token that expires between the
 * query and the submit is refreshed once and the submit goes through; a revoked refresh token ends the
 * session: the employee is asked to sign in again, and pending changes wait for that instead of failing.
 */

const ttlSeconds = 120;
let tenant: SandboxTenant;

beforeAll(async () => {
  tenant = await startTenant({ statusDelayMs: 1_500, accessTokenTtlSeconds: ttlSeconds });
});
afterAll(() => tenant.stop());
beforeEach(() => tenant.clearFaults());

describe('an access token that expires between query and submit', () => {
  it('is refreshed once before the submit, which succeeds', async () => {
    const rig = await createRig(tenant);
    const info = await rig.passwordInfo('G Suite');
    const accepted = tenant.setPasswordCount();
    const password = freshPassword();

    // The employee takes longer than the token's lifetime to pick a password.
    tenant.advanceClock((ttlSeconds + 5) * 1000);
    const response = await rig.submit(info, password);

    expect(response.requestId).toEqual(expect.any(String));
    expect(rig.refreshCount()).toBe(1);
    expect(tenant.setPasswordCount()).toBe(accepted + 1);
    tenant.advanceClock(tenant.config.statusDelayMs);
    expect(tenant.accountState(ACCOUNTS.gSuite).passwordHash).toBe(hashFor(tenant, ACCOUNTS.gSuite, password));
  });

  it('is refreshed once when ISC rejects it first (clocks disagree), and set-password is sent again only after that 401', async () => {
    const rig = await createRig(tenant);
    const info = await rig.passwordInfo('G Suite');
    const accepted = tenant.setPasswordCount();
    // The browser still believes in its token; ISC says it expired.
    tenant.injectFault({ method: 'POST', path: '/v3/set-password', status: 401 });

    const response = await rig.submit(info, freshPassword());

    expect(response.requestId).toEqual(expect.any(String));
    expect(rig.refreshCount()).toBe(1);
    expect(rig.requests.filter((request) => request.path === '/v3/set-password').map((request) => request.status)).toEqual([401, 202]);
    expect(tenant.setPasswordCount()).toBe(accepted + 1);
  });

  it('is refreshed while the tracker follows the change, which still finishes', async () => {
    const rig = await createRig(tenant);
    const info = await rig.passwordInfo('G Suite');
    const response = await rig.submit(info, freshPassword());
    await rig.tracker.track([rig.newChange(info, 'G Suite', response.requestId ?? null)]);
    tenant.advanceClock((ttlSeconds + 5) * 1000);

    await rig.settle();

    expect(rig.refreshCount()).toBe(1);
    expect((await rig.tracker.snapshot()).history[0]?.state).toBe('finished');
    expect(rig.notifications.map((notification) => notification.title)).toEqual(['Password changed']);
  });
});

describe('a refresh token revoked mid-session', () => {
  it('signs the employee out, keeps the pending change waiting for sign-in, and finishes it after signing in again', async () => {
    const rig = await createRig(tenant);
    const info = await rig.passwordInfo('G Suite');
    const password = freshPassword();
    const response = await rig.submit(info, password);
    await rig.tracker.track([rig.newChange(info, 'G Suite', response.requestId ?? null)]);

    expect(tenant.revokeRefreshTokens('alice')).toBeGreaterThan(0);
    tenant.advanceClock((ttlSeconds + 5) * 1000);
    await rig.wake();

    // Signed out: the session is gone, the tracker asks for a sign-in, and the change is still pending.
    expect(await rig.session.identity()).toBeNull();
    let snapshot = await rig.tracker.snapshot();
    expect(snapshot.needsSignIn).toBe(true);
    expect(snapshot.pending).toHaveLength(1);
    expect(snapshot.pending[0]?.lastError).toBe('signed-out');
    expect(snapshot.badge.failed).toBe(0);
    expect(rig.notifications).toHaveLength(0);
    expect(rig.t.t('popup.pendingNeedSignIn')).toBe(
      'You have password changes waiting for an outcome. Sign in again so Rekey can check on them.',
    );

    // A submit in this state is refused locally with the sign-in explanation; nothing reaches set-password.
    const accepted = tenant.setPasswordCount();
    const refused = await rig.submit(info, freshPassword()).catch((caught: unknown) => caught);
    expect(isApiError(refused, 'signed-out')).toBe(true);
    expect(rig.t.t((refused as { messageKey: string }).messageKey)).toBe('Your session has ended. Sign in again to continue.');
    expect(tenant.setPasswordCount()).toBe(accepted);

    // Polls while signed out do not give up on the change, even past the normal 15-minute limit.
    tenant.advanceClock(20 * 60_000);
    await rig.wake();
    expect((await rig.tracker.snapshot()).pending).toHaveLength(1);

    await rig.signIn();
    await rig.settle();
    snapshot = await rig.tracker.snapshot();
    expect(snapshot.needsSignIn).toBe(false);
    expect(snapshot.history[0]?.state).toBe('finished');
    expect(rig.notifications.map((notification) => notification.title)).toEqual(['Password changed']);
    expect(tenant.accountState(ACCOUNTS.gSuite).passwordHash).toBe(hashFor(tenant, ACCOUNTS.gSuite, password));
  });
});
