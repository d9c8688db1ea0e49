import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SandboxTenant, startTenant } from '@/sandbox/tenant';
import { createIscClient } from '@/utils/api/client';
import { readStepUp } from '@/utils/api/step-up';
import { withAdmin } from '../fixtures/admin-client';
import { userTokens } from '../fixtures/tenant/client';

/**
 * Step-up authentication from the employee's side: the sandbox's G Suite policy asks for a second factor off
 * the company network. The employee's token cannot read password policies (ORG_ADMIN only), so the flag has
 * to come through query-password-info, and Rekey must know of it before the employee types a password.
 */

let tenant: SandboxTenant;
let alice: string;

beforeAll(async () => {
  tenant = await startTenant({ statusDelayMs: 0 });
  alice = (await userTokens(tenant.url, 'alice', 'Alice-Sandbox-1')).access_token;
});
afterAll(() => tenant.stop());

const clientFor = (token: string) =>
  withAdmin(
    createIscClient({ apiBaseUrl: tenant.url, version: 'v2026', getAccessToken: async () => token, refreshAccessToken: async () => token }),
  );

describe('step-up requirement seen by an employee', () => {
  it('reaches Rekey through query-password-info, apart from the password rules', async () => {
    const info = await clientFor(alice).queryPasswordInfo({ userName: 'alice', sourceName: 'G Suite' });
    const { policies, stepUp } = readStepUp(info.policies);
    expect(stepUp).toEqual({ always: false, offNetwork: true, untrustedGeographies: false });
    expect(policies).toEqual(['passwordMinLength is 8', 'passwordMaxLength is 100']);
  });

  it('is absent for a policy without it', async () => {
    const info = await clientFor(alice).queryPasswordInfo({ userName: 'alice', sourceName: 'Workday' });
    expect(readStepUp(info.policies).stepUp).toBeUndefined();
  });

  it('is refused to the employee through the policy API, which only administrators may read', async () => {
    const error = await clientFor(alice)
      .listPasswordPolicies()
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'forbidden', status: 403 });
  });
});
