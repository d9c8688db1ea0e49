import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  type Background,
  englishTranslator,
  openPopup,
  signedInBackground,
  statusScreen,
  submitFromPopup,
} from '../fixtures/faults/background';
import { ACCOUNTS, freshPassword, hashFor } from '../fixtures/faults/rig';
import { tenantForTests } from '../fixtures/tenant/per-file';

/**
 * Fault 9: storage.local refuses the tracker's write (quota exceeded, disk error) right after ISC accepted a
 * change. What is correct:
 *   - the change is never sent twice: the employee is not told "something went wrong, try again";
 *   - the popup says the change was sent but its outcome cannot be confirmed, so the employee checks first;
 *   - what storage already held is not lost: earlier pending changes are still followed to their outcome.
 */

const tenant = tenantForTests({ statusDelayMs: 60_000 });
let background: Background;
const t = englishTranslator();

afterEach(() => vi.restoreAllMocks());
beforeEach(async () => {
  background = await signedInBackground(tenant, 'alice');
});

/** Makes every write of the tracker's key fail from now on, as a full storage.local does; returns the undo. */
function failTrackerWrites(): () => void {
  const local = background.browser.storage.local;
  const original = local.set.bind(local);
  local.set = (async (items: Record<string, unknown>) => {
    if ('tracker' in items) throw new Error('QUOTA_BYTES quota exceeded');
    return original(items);
  }) as typeof local.set;
  return () => {
    local.set = original;
  };
}

describe('a tracker store that cannot be written', () => {
  it('reports an accepted change as sent-but-unconfirmed (never "try again"), sends it once, and loses nothing stored', async () => {
    const popup = openPopup(background);
    const earlierPassword = freshPassword();
    const earlier = await submitFromPopup(popup, 'G Suite', earlierPassword);
    expect(earlier?.accounts[0]).toMatchObject({ ok: true, requestId: expect.any(String) });
    const accepted = tenant.setPasswordCount();

    const restore = failTrackerWrites();
    popup.back();
    const password = freshPassword();
    const result = await submitFromPopup(popup, 'Active Directory', password);

    expect(popup.store.getState().error).toBeNull();
    expect(result?.accounts).toEqual([
      {
        accountId: ACCOUNTS.activeDirectory,
        ok: true,
        requestId: expect.any(String),
        error: { kind: 'outcome-unknown', messageKey: 'errors.notTracked', params: [] },
      },
    ]);
    const screen = statusScreen(popup, t);
    expect(screen.notices).toEqual([
      'Identity Security Cloud accepted the change, but Rekey could not save it to follow it (browser storage is full or failing). Do not submit again: try the new password in a few minutes, and ask your help desk if it does not work.',
    ]);
    expect(tenant.setPasswordCount()).toBe(accepted + 1);
    // The earlier change is still there, still pending.
    expect(screen.earlier).toEqual([{ source: 'G Suite', state: 'In progress' }]);

    // Storage recovers; the earlier change is followed to its outcome as usual.
    restore();
    tenant.advanceClock(60_000);
    // The next alarm, 30 s on, wakes a fresh worker (whose clock is Date.now).
    const alarmAt = Date.now() + 31_000;
    vi.spyOn(Date, 'now').mockReturnValue(alarmAt);
    background.services.tracking.reset();
    await (await background.services.tracking.tracker()).pollDue();
    await popup.refresh();
    expect(statusScreen(popup, t).earlier).toEqual([{ source: 'G Suite', state: 'Done' }]);
    expect(Object.values(background.browser.notifications.getAllCreateOptions()).map((n) => n.title)).toEqual(['Password changed']);
    expect(tenant.accountState(ACCOUNTS.gSuite).passwordHash).toBe(hashFor(tenant, ACCOUNTS.gSuite, earlierPassword));
    expect(tenant.accountState(ACCOUNTS.activeDirectory).passwordHash).toBe(hashFor(tenant, ACCOUNTS.activeDirectory, password));
    expect(tenant.setPasswordCount()).toBe(accepted + 1);
  });
});
