import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { IDS, type SandboxTenant, startTenant } from '@/sandbox/tenant';
import { formatHelpdeskSummary } from '@/utils/tracker/helpdesk-summary';
import { ACCOUNTS, createRig, freshPassword, hashFor } from '../fixtures/faults/rig';

/**
 * The change tracker end to end: the real API client (a session minted by the sandbox tenant), the real
 * tracker over an in-memory store, and the notification rendered with the English dictionary the build ships.
 */

let tenant: SandboxTenant;

beforeAll(async () => {
  tenant = await startTenant({ statusDelayMs: 1_500 });
});
afterAll(() => tenant.stop());
beforeEach(() => {
  tenant.clearFaults();
  tenant.configure({ failSource: null, statusDelayMs: 1_500 });
});

describe('tracking a password change over HTTP until ISC settles it', () => {
  it('follows a sync-group change to FINISHED and announces it once, naming the sources that changed with it', async () => {
    const rig = await createRig(tenant);
    const password = freshPassword();
    const info = await rig.passwordInfo('Active Directory');
    const accepted = await rig.submit(info, password);
    expect(accepted.state).toBe('IN_PROGRESS');

    const [tracked] = await rig.tracker.track([rig.newChange(info, 'Active Directory', accepted.requestId ?? null, ['Workday'])]);
    // The first poll happens at once: ISC is still working on it.
    expect((await rig.tracker.snapshot()).pending.map((change) => change.id)).toEqual([tracked?.id]);
    expect(rig.notifications).toHaveLength(0);

    await rig.settle();

    const { history, pending, badge } = await rig.tracker.snapshot();
    expect(pending).toEqual([]);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ state: 'finished', notified: true, errors: [] });
    expect(new Set(history[0]?.sourceIds)).toEqual(new Set([IDS.activeDirectory, IDS.workday]));
    expect(badge).toEqual({ pending: 0, failed: 0 });

    expect(rig.notifications).toHaveLength(1);
    expect(rig.notifications[0]?.title).toBe('Password changed');
    expect(rig.notifications[0]?.message).toBe('Active Directory: changed, together with Workday.');

    // The tenant applied exactly this password, once, to both members of the sync group.
    expect(tenant.accountState(ACCOUNTS.activeDirectory).passwordHash).toBe(hashFor(tenant, ACCOUNTS.activeDirectory, password));
    expect(tenant.accountState(ACCOUNTS.workday).passwordHash).toBe(hashFor(tenant, ACCOUNTS.workday, password));
  });

  it('follows a change a source rejects to FAILED and explains the cause in plain language', async () => {
    const rig = await createRig(tenant);
    const before = tenant.accountState(ACCOUNTS.gSuite).passwordHash;
    const connectorError = 'G Suite rejected the password: the connector timed out talking to the domain';
    tenant.configure({ failSource: { sourceId: IDS.gSuite, error: connectorError } });

    const info = await rig.passwordInfo('G Suite');
    const accepted = await rig.submit(info, freshPassword());
    await rig.tracker.track([rig.newChange(info, 'G Suite', accepted.requestId ?? null, ['Gmail', 'Google Drive', 'Google Calendar'])]);
    await rig.settle();

    const { history, badge } = await rig.tracker.snapshot();
    expect(history[0]).toMatchObject({ state: 'failed', errors: [connectorError], notified: true });
    expect(badge).toEqual({ pending: 0, failed: 1 });
    expect(rig.notifications).toHaveLength(1);
    expect(rig.notifications[0]?.title).toBe('A password change failed');
    expect(rig.notifications[0]?.message).toBe(
      'G Suite could not be reached to apply the change, so your password there is unchanged. Try again later.',
    );
    expect(tenant.accountState(ACCOUNTS.gSuite).passwordHash).toBe(before);

    // The help desk gets ISC's own words, which the notification translated.
    const summary = formatHelpdeskSummary(await rig.tracker.summaryChanges(), Date.now(), rig.t.t);
    expect(summary).toContain(connectorError);
    expect(summary).toContain(`Request id: ${accepted.requestId}`);
  });

  it('announces a submission to two sources in one notification led by its failure, one line per source', async () => {
    const rig = await createRig(tenant);
    tenant.configure({
      failSource: { sourceId: IDS.activeDirectory, error: 'Active Directory rejected the password: it was used too recently' },
    });
    const password = freshPassword();
    const accepted = tenant.setPasswordCount();
    const gSuite = await rig.passwordInfo('G Suite');
    const directory = await rig.passwordInfo('Active Directory');
    const gSuiteAccepted = await rig.submit(gSuite, password);
    const directoryAccepted = await rig.submit(directory, password);

    await rig.tracker.track([
      rig.newChange(gSuite, 'G Suite', gSuiteAccepted.requestId ?? null, ['Gmail', 'Google Drive', 'Google Calendar']),
      rig.newChange(directory, 'Active Directory', directoryAccepted.requestId ?? null, ['Workday']),
    ]);
    await rig.settle();

    expect((await rig.tracker.snapshot()).history.map((change) => change.state).sort()).toEqual(['failed', 'finished']);
    expect(rig.notifications).toHaveLength(1);
    expect(rig.notifications[0]?.title).toBe('A password change failed');
    expect(rig.notifications[0]?.message.split('\n')).toEqual([
      'G Suite: changed, together with Gmail, Google Drive, Google Calendar.',
      'Active Directory rejected the password because you have used it before. Choose one you have not used recently.',
    ]);
    expect(tenant.setPasswordCount()).toBe(accepted + 2);
  });
});
