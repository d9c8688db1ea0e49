import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SandboxTenant, startTenant } from '@/sandbox/tenant';
import { formatHelpdeskSummary } from '@/utils/tracker/helpdesk-summary';
import { createRig, freshPassword, hashFor } from '../fixtures/faults/rig';

/**
 * ISC accepted a change but its 202 cannot be fully read (the spec makes every field optional). The change
 * did happen, so the employee must be told "accepted — cannot be tracked; do not submit again", never
 * "try again"; and a status body without a documented state keeps the change pending until the timeout.
 */

let tenant: SandboxTenant;
beforeAll(async () => {
  tenant = await startTenant({ statusDelayMs: 0 });
});
afterAll(() => tenant.stop());

describe('a set-password 202 that cannot be fully read', () => {
  it.each([
    ['without state or request id', { omitFields: ['state', 'requestId'] }],
    ['with a null request id and an unknown state', { body: { requestId: null, state: 'QUEUED' } }],
  ])('%s ends as "accepted, not tracked", with the help-desk summary saying so', async (_name, reshape) => {
    const rig = await createRig(tenant);
    const info = await rig.passwordInfo('Workday');
    const password = freshPassword();
    tenant.injectFault({ method: 'POST', path: '/v3/set-password', ...reshape });
    const accepted = await rig.submit(info, password);
    expect(accepted).toMatchObject({ requestId: null });
    // The change did happen on the tenant: a second submission would have been a duplicate.
    expect(tenant.accountState(info.accounts[0]?.accountId ?? '').passwordHash).toBe(
      hashFor(tenant, info.accounts[0]?.accountId ?? '', password),
    );

    const [change] = await rig.tracker.track([{ ...rig.newChange(info, 'Workday', accepted.requestId), accepted: true }]);
    expect(change).toMatchObject({ state: 'unknown', lastError: 'accepted-untracked' });
    expect(rig.notifications.at(-1)?.outcome.sources).toMatchObject([{ causeKey: 'tracker.cause.acceptedNotTracked' }]);
    const summary = formatHelpdeskSummary(await rig.tracker.summaryChanges(), Date.now(), rig.t.t);
    expect(summary).toContain(rig.t.t('tracker.summary.problem.acceptedUntracked'));
    expect(summary).toContain(rig.t.t('tracker.summary.noRequestId'));
  });

  it('with a request id but no state is followed through the status until ISC says how it ended', async () => {
    const rig = await createRig(tenant);
    const info = await rig.passwordInfo('Workday');
    tenant.injectFault({ method: 'POST', path: '/v3/set-password', omitFields: ['state'] });
    const accepted = await rig.submit(info, freshPassword());
    expect(accepted).toEqual({ requestId: expect.any(String), state: null });
    const [change] = await rig.tracker.track([{ ...rig.newChange(info, 'Workday', accepted.requestId), accepted: true }]);
    expect(change?.state).toBe('pending');
    await rig.settle();
    // The rig signs in as an employee: the ORG_ADMIN-only status falls back to beta, where the owner may read it.
    expect((await rig.tracker.snapshot()).history[0]).toMatchObject({ state: 'finished' });
  });
});

describe('a status body without a documented state', () => {
  it('keeps the change pending, then ends as "unknown — check with your help desk" after the timeout', async () => {
    const rig = await createRig(tenant);
    const info = await rig.passwordInfo('Workday');
    const accepted = await rig.submit(info, freshPassword());
    tenant.injectFault({ method: 'GET', path: '*password-change-status*', count: 1000, status: 200, body: { status: 'PROCESSING' } });
    try {
      await rig.tracker.track([{ ...rig.newChange(info, 'Workday', accepted.requestId), accepted: true }]);
      await rig.wake();
      expect((await rig.tracker.snapshot()).pending).toMatchObject([{ lastError: 'unreadable' }]);
      await rig.settle(60);
      const [settled] = (await rig.tracker.snapshot()).history;
      expect(settled).toMatchObject({ state: 'unknown', lastError: 'gave-up' });
      expect(rig.notifications.at(-1)?.outcome.sources).toMatchObject([{ causeKey: 'tracker.cause.gaveUp' }]);
    } finally {
      tenant.clearFaults();
    }
  });
});
