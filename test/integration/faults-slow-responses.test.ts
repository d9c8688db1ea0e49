import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type SandboxTenant, startTenant } from '@/sandbox/tenant';
import { isApiError } from '@/utils/api/errors';
import { createRig, freshPassword } from '../fixtures/faults/rig';

/**
 * Fault 4: answers slower than the client's deadline (300 ms here instead of 15 s). A slow read is retried and
 * then reported as a timeout ("nothing is lost"); a slow set-password may still be applied after the client
 * stopped waiting, so it is "outcome unknown" and never resent.
 */

const timeoutMs = 300;
let tenant: SandboxTenant;

beforeAll(async () => {
  tenant = await startTenant({ statusDelayMs: 1_500 });
});
afterAll(() => tenant.stop());
beforeEach(() => tenant.clearFaults());

const slow = (method: string, path: string, count: number) => tenant.injectFault({ method, path, latencyMs: timeoutMs + 400, count });
const realDelay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('responses slower than the client timeout', () => {
  it('on a read: the read is retried and succeeds when the tenant speeds up', async () => {
    const rig = await createRig(tenant, { client: { timeoutMs } });
    slow('POST', '/v3/query-password-info', 1);

    const info = await rig.passwordInfo('G Suite');

    expect(info.publicKeyId).toEqual(expect.any(String));
    expect(rig.requests.filter((request) => request.path === '/v3/query-password-info').map((request) => request.status)).toEqual([
      undefined,
      200,
    ]);
    expect(rig.clientWaits).toEqual([250]);
  });

  it('on a read that stays slow: a timeout error that tells the employee nothing is lost', async () => {
    const rig = await createRig(tenant, { client: { timeoutMs, maxReadRetries: 1 } });
    slow('POST', '/v3/query-password-info', 2);

    const error = await rig.passwordInfo('G Suite').catch((caught: unknown) => caught);

    expect(isApiError(error, 'timeout')).toBe(true);
    const { messageKey, messageParams } = error as { messageKey: string; messageParams: string[] };
    expect(rig.t.t(messageKey, messageParams)).toBe(
      `${new URL(tenant.url).host} took too long to answer. Nothing is lost; try again in a moment.`,
    );
  });

  it('on set-password: "outcome unknown" and never resent, so at most one change can ever come of it', async () => {
    const rig = await createRig(tenant, { client: { timeoutMs } });
    const info = await rig.passwordInfo('G Suite');
    const accepted = tenant.setPasswordCount();
    slow('POST', '/v3/set-password', 1);

    const error = await rig.submit(info, freshPassword()).catch((caught: unknown) => caught);
    expect(isApiError(error, 'outcome-unknown')).toBe(true);
    expect(rig.t.t((error as { messageKey: string }).messageKey)).toMatch(/Check its status before trying again/);

    // One attempt only. The client hung up before the sandbox read the body, so here nothing was applied even
    // after the delay (a real ISC might have applied it: hence "unknown"); either way never two changes.
    expect(rig.requests.filter((request) => request.path === '/v3/set-password')).toHaveLength(1);
    await realDelay(timeoutMs + 400);
    expect(tenant.setPasswordCount()).toBe(accepted);
  });

  it('on status reads: the tracker records a timeout, backs off, and still reports the real outcome', async () => {
    const rig = await createRig(tenant, { client: { timeoutMs, maxReadRetries: 1 } });
    const info = await rig.passwordInfo('G Suite');
    const response = await rig.submit(info, freshPassword());
    await rig.tracker.track([rig.newChange(info, 'G Suite', response.requestId ?? null)]);
    slow('GET', '/v3/password-change-status/*', 2);

    await rig.wake();
    expect((await rig.tracker.snapshot()).pending[0]).toMatchObject({ lastError: 'timeout', backingOff: true });
    await realDelay(500);

    await rig.settle();
    expect((await rig.tracker.snapshot()).history[0]?.state).toBe('finished');
    expect(rig.notifications.map((notification) => notification.title)).toEqual(['Password changed']);
  });
});
