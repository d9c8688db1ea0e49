import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { configure, sandboxSettings, signIn } from '@/sandbox/browser/journeys';
import { alicesAccount, submitPendingChange } from '../fixtures/pending-change';
import { tenantAndKeptProfile } from '../fixtures/tenant-and-browser';

/**
 * Fault 8: the whole browser closes while a change is pending. storage.session (the sign-in) is gone after
 * the restart; storage.local (settings, tracked changes) is not. The popup asks for a new sign-in, says a
 * change is waiting for it, and once signed in shows the change's real outcome. Nothing is sent twice.
 */

const password = 'Harbor-Violet-Compass-37';

const trackerOf = (page: Page) =>
  page.evaluate(() =>
    chrome.runtime.sendMessage({ type: 'state/get' }).then((r) => ({
      pending: r.value.tracker.pending.length as number,
      history: r.value.tracker.history.map((c: { state: string }) => c.state) as string[],
      signedIn: r.value.identity !== null,
    })),
  );

describe('a browser restart with a change pending', () => {
  const rig = tenantAndKeptProfile({ statusDelayMs: 60_000 });

  it('keeps the change, asks for a new sign-in, and shows the outcome after it', async () => {
    const { tenant } = rig;
    const before = await rig.launch();
    await configure(before, sandboxSettings(tenant));
    const popup = await before.openPopup();
    await submitPendingChange(before, popup, password);

    // The browser quits before ISC finishes; ISC finishes while it is closed.
    await rig.quit();
    tenant.advanceClock(60_000);
    expect(tenant.accountState(alicesAccount).passwordChangedAt).toBeTruthy();

    const session = await rig.launch();
    const reopened = await session.openPopup();
    // Signed out (storage.session did not survive), the change still listed, and a note that it needs a sign-in.
    await reopened.getByTestId('signed-out').waitFor({ timeout: 15_000 });
    expect(await trackerOf(reopened)).toEqual({ pending: 1, history: [], signedIn: false });
    await expect
      .poll(
        () => reopened.getByText('You have password changes waiting for an outcome. Sign in again so Rekey can check on them.').count(),
        {
          timeout: 10_000,
        },
      )
      .toBe(1);

    await signIn(session, reopened, 'alice', 'Alice-Sandbox-1');
    await expect
      .poll(() => trackerOf(reopened), { timeout: 20_000, interval: 500 })
      .toEqual({ pending: 0, history: ['finished'], signedIn: true });
    await expect.poll(() => reopened.getByTestId('unseen-outcomes').count(), { timeout: 5_000 }).toBe(1);
    expect(await reopened.getByTestId('unseen-outcomes').textContent()).toContain('done');
    expect(tenant.setPasswordCount()).toBe(1);
  });
});
