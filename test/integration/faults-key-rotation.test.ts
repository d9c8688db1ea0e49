import { beforeEach, describe, expect, it } from 'vitest';
import { IDS } from '@/sandbox/tenant';
import {
  type Background,
  chooseTarget,
  englishTranslator,
  openPopup,
  signedInBackground,
  statusScreen,
  submitFromPopup,
} from '../fixtures/faults/background';
import { ACCOUNTS, freshPassword, hashFor } from '../fixtures/faults/rig';
import { tenantForTests } from '../fixtures/tenant/per-file';

/**
 * Fault 10: the tenant rotates a source's key while Rekey holds the old one (cached for a few minutes, shown
 * in an open popup). ISC refuses the stale publicKeyId with a 400; nothing changes. Rekey forgets the cached
 * key, the popup reloads the source, and the employee's second attempt is encrypted with the new key.
 */

const tenant = tenantForTests({ statusDelayMs: 0 });
let background: Background;
const t = englishTranslator();

beforeEach(async () => {
  background = await signedInBackground(tenant, 'alice');
});

const queries = () => tenant.requestLog().filter((entry) => entry.path === '/v3/query-password-info').length;

async function waitForKey(popup: ReturnType<typeof openPopup>, sourceName: string, publicKeyId: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const target = popup.store.getState().targets[sourceName];
    if (target?.status === 'ready' && target.view.publicKeyId === publicKeyId) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`the popup never showed key ${publicKeyId} for ${sourceName}`);
}

describe('a source key rotated after Rekey fetched it', () => {
  it('refuses the stale submit without changing anything, then succeeds with the new key after re-entering the password', async () => {
    const popup = openPopup(background);
    const accepted = tenant.setPasswordCount();
    const before = tenant.accountState(ACCOUNTS.gSuite).passwordHash;

    // The popup is open on G Suite's form, holding its key, when the administrator rotates the key.
    const shown = await chooseTarget(popup, 'G Suite');
    const newKeyId = await tenant.rotateKey(IDS.gSuite);
    const queriesBefore = queries();
    popup.back();
    const refused = await submitFromPopup(popup, 'G Suite', freshPassword());

    expect(refused?.accounts).toEqual([
      { accountId: ACCOUNTS.gSuite, ok: false, error: { kind: 'key-rotated', messageKey: 'errors.keyRotated', params: ['G Suite'] } },
    ]);
    const screen = statusScreen(popup, t);
    expect(screen.notices).toHaveLength(1);
    expect(screen.notices[0]).toBe(
      'Identity Security Cloud has just renewed the encryption key for G Suite, so nothing was changed. Type your new password again and submit.',
    );
    expect(screen.changes).toEqual([]);
    expect(newKeyId).not.toBe(shown.publicKeyId);
    expect(tenant.setPasswordCount()).toBe(accepted);
    expect(tenant.accountState(ACCOUNTS.gSuite).passwordHash).toBe(before);

    // The worker dropped the cached key and the popup reloaded the source: one fresh query, the new key.
    await waitForKey(popup, 'G Suite', newKeyId);
    expect(queries()).toBe(queriesBefore + 1);

    const password = freshPassword();
    popup.back();
    const retried = await submitFromPopup(popup, 'G Suite', password);
    expect(retried?.accounts[0]).toMatchObject({ ok: true, requestId: expect.any(String) });
    await (await background.services.tracking.tracker()).pollDue();
    await popup.refresh();
    expect(statusScreen(popup, t).changes).toEqual([{ source: 'G Suite', state: 'Done', causes: [] }]);
    expect(tenant.setPasswordCount()).toBe(accepted + 1);
    expect(tenant.accountState(ACCOUNTS.gSuite).passwordHash).not.toBe(before);
    expect(tenant.accountState(ACCOUNTS.gSuite).passwordHash).toBe(hashFor(tenant, ACCOUNTS.gSuite, password));
  });
});
