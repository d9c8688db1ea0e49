import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type SandboxTenant, startTenant } from '@/sandbox/tenant';
import {
  type Background,
  englishTranslator,
  openPopup,
  signedInBackground,
  statusScreen,
  submitFromPopup,
} from '../fixtures/faults/background';
import { ACCOUNTS, freshPassword, hashFor } from '../fixtures/faults/rig';

/**
 * Through the real worker and popup store: ISC accepts a change with a 202 whose body says neither state nor
 * request id (every field of it is optional in the specs). The change happened; the employee reads "accepted,
 * cannot be tracked, do not submit again" and gets the help-desk summary, never an error that invites a retry.
 */

let tenant: SandboxTenant;
let background: Background;
const t = englishTranslator();

beforeAll(async () => {
  tenant = await startTenant({ statusDelayMs: 0 });
});
afterAll(() => tenant.stop());
beforeEach(async () => {
  tenant.clearFaults();
  background = await signedInBackground(tenant, 'alice');
});

describe('a 202 without state or request id, end to end through the worker', () => {
  it('is shown as accepted and not tracked, with nothing to retry and the help-desk summary saying so', async () => {
    const popup = openPopup(background);
    const password = freshPassword();
    tenant.injectFault({ method: 'POST', path: '/v3/set-password', omitFields: ['state', 'requestId'] });

    const result = await submitFromPopup(popup, 'G Suite', password);
    expect(result?.accounts).toEqual([{ accountId: ACCOUNTS.gSuite, ok: true, requestId: null }]);
    expect(tenant.accountState(ACCOUNTS.gSuite).passwordHash).toBe(hashFor(tenant, ACCOUNTS.gSuite, password));

    await popup.refresh();
    const screen = statusScreen(popup, t);
    expect(screen.notices).toEqual([]);
    expect(screen.changes).toEqual([
      { source: 'G Suite', state: t.t('popup.stateUnknown'), causes: [t.t('tracker.cause.acceptedNotTracked', ['G Suite'])] },
    ]);
    expect(screen.changes[0]?.causes[0]).toMatch(/accepted.*Do not submit again/s);
    const summary = await popup.copySummary();
    expect(summary).toContain(t.t('tracker.summary.problem.acceptedUntracked'));
    expect(summary).toContain(t.t('tracker.summary.noRequestId'));
    expect(tenant.setPasswordCount()).toBe(1);
  });
});
