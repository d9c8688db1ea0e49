import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDS, type SandboxTenant, startTenant } from '@/sandbox/tenant';
import { createPasswordInfoCache, emptyPasswordInfoCache } from '@/utils/api/cache';
import { causeOf, explainChangeErrors } from '@/utils/tracker';
import { needsFreshPublicKey, pollResultFromStatus } from '@/utils/tracker/from-api-error';
import { chooseTarget, openPopup, signedInBackground, submitFromPopup } from '../fixtures/faults/background';
import { ACCOUNTS, createRig, freshPassword, hashFor } from '../fixtures/faults/rig';

/**
 * A key rotation in the only form the specs document: ISC accepts the set-password encrypted for the old key
 * (202), and the change FAILs with "The password change payload is invalid". Nothing changed; Rekey must ask
 * for the key again, explain what happened, and let the employee resubmit safely.
 */

let tenant: SandboxTenant;
beforeAll(async () => {
  tenant = await startTenant({ statusDelayMs: 0, staleKey: 'fail-later' });
});
afterAll(() => tenant.stop());

describe('a change encrypted for a key ISC has since rotated (documented form)', () => {
  it('fails asynchronously with nothing changed, asks for a fresh key, and explains that resubmitting is safe', async () => {
    const rig = await createRig(tenant);
    const stale = await rig.passwordInfo('Workday');
    const accountId = stale.accounts[0]?.accountId ?? '';
    const before = tenant.accountState(accountId).passwordHash;
    await tenant.rotateKey(IDS.workday);

    const accepted = await rig.submit(stale, freshPassword());
    expect(accepted).toMatchObject({ requestId: expect.any(String), state: 'IN_PROGRESS' });
    const status = pollResultFromStatus(await rig.client.getPasswordChangeStatus(accepted.requestId ?? ''));
    expect(status).toMatchObject({ kind: 'status', state: 'FAILED', errors: ['The password change payload is invalid'] });
    expect(tenant.accountState(accountId).passwordHash).toBe(before);

    // What the worker does on such a poll result: every cached key goes.
    expect(needsFreshPublicKey(status)).toBe(true);
    expect(
      createPasswordInfoCache({}, emptyPasswordInfoCache()).get({ tenant: 't', version: 'v3', userName: 'alice', sourceName: 'Workday' }),
    ).toBeUndefined();

    const [change] = await rig.tracker.track([{ ...rig.newChange(stale, 'Workday', accepted.requestId), accepted: true }]);
    await rig.settle();
    const settled = (await rig.tracker.snapshot()).history.find((entry) => entry.id === change?.id);
    expect(settled).toMatchObject({ state: 'failed' });
    const cause = causeOf(settled!, explainChangeErrors);
    expect(cause?.key).toBe('tracker.cause.invalidPayload');
    expect(rig.t.t(cause!.key, cause!.params)).toMatch(/renewed its encryption key.*submit; that is safe/s);

    // The resubmission, encrypted for the key queried again, goes through.
    const fresh = await rig.passwordInfo('Workday');
    expect(fresh.publicKeyId).not.toBe(stale.publicKeyId);
    const password = freshPassword();
    const second = await rig.submit(fresh, password);
    await rig.tracker.track([{ ...rig.newChange(fresh, 'Workday', second.requestId), accepted: true }]);
    await rig.settle();
    expect(tenant.accountState(accountId).passwordHash).toBe(hashFor(tenant, accountId, password));
  });
});

describe('the same rotation through the real worker', () => {
  it('drops the cached key when a status says the payload was invalid, so the next attempt uses the new key and goes through', async () => {
    const background = await signedInBackground(tenant, 'alice');
    const popup = openPopup(background);
    const { tracking } = background.services;

    const shown = await chooseTarget(popup, 'G Suite');
    const newKeyId = await tenant.rotateKey(IDS.gSuite);
    popup.back();
    const accepted = await submitFromPopup(popup, 'G Suite', freshPassword());
    const requestId = accepted?.accounts[0]?.requestId ?? '';
    expect(await tracking.pollStatus(requestId)).toMatchObject({ kind: 'status', state: 'FAILED' });

    // The worker forgot the key: the popup opened after the outcome queries ISC again and shows the new key.
    // (An open popup drops the key it shows when the failure reaches it: test/unit/popup-rotated-key.test.ts.)
    const later = openPopup(background);
    const fresh = await chooseTarget(later, 'G Suite');
    expect(fresh.publicKeyId).toBe(newKeyId);
    expect(fresh.publicKeyId).not.toBe(shown.publicKeyId);
    const password = freshPassword();
    later.back();
    const retried = await submitFromPopup(later, 'G Suite', password);
    expect(await tracking.pollStatus(retried?.accounts[0]?.requestId ?? '')).toMatchObject({ kind: 'status', state: 'FINISHED' });
    expect(tenant.accountState(ACCOUNTS.gSuite).passwordHash).toBe(hashFor(tenant, ACCOUNTS.gSuite, password));
  });
});
