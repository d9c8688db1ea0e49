import { constants, createPublicKey, publicEncrypt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDS, type SandboxTenant, startTenant } from '@/sandbox/tenant';
import { createIscClient, type RequestInfo } from '@/utils/api/client';
import type { PasswordInfo } from '@/utils/api/types';
import { API_VERSIONS, type ApiVersion } from '@/utils/api/types';
import { clientCredentials } from '@/utils/auth/tokens';
import { type TestClient, withAdmin } from '../fixtures/admin-client';

let tenant: SandboxTenant;
let adminToken: string;

beforeAll(async () => {
  // A generous rate limit: this file makes many calls per version within seconds.
  tenant = await startTenant({ statusDelayMs: 0, rateLimit: { requests: 1000 } });
  adminToken = (
    await clientCredentials({ tokenEndpoint: `${tenant.url}/oauth/token`, clientId: 'sandbox-admin', clientSecret: 'sandbox-secret' })
  ).accessToken;
});
afterAll(() => tenant.stop());

function clientFor(version: ApiVersion, token: string, requests: RequestInfo[] = []): TestClient {
  return withAdmin(
    createIscClient({
      apiBaseUrl: tenant.url,
      version,
      getAccessToken: async () => token,
      refreshAccessToken: async () => token,
      onRequest: (info) => requests.push(info),
    }),
  );
}

/** The documented recipe: RSA PKCS#1 v1.5 with the SPKI key from query-password-info, base64. */
function encrypt(info: PasswordInfo, password: string): string {
  const key = Buffer.from(info.publicKey!, 'base64');
  return publicEncrypt(
    { key: createPublicKey({ key, format: 'der', type: 'spki' }), padding: constants.RSA_PKCS1_PADDING },
    Buffer.from(password),
  ).toString('base64');
}

async function waitForOutcome(client: TestClient, requestId: string) {
  for (let poll = 0; poll < 50; poll++) {
    const result = await client.getPasswordChangeStatus(requestId);
    if (result.kind !== 'status' || result.status.state !== 'IN_PROGRESS') return result;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the change did not settle');
}

describe.each(API_VERSIONS)('API version %s against the sandbox', (version) => {
  it('queries password info, sets the password and reads the outcome', async () => {
    const requests: RequestInfo[] = [];
    // beta's query-password-info needs API authority; the other versions accept alice's own token.
    const userToken = tenant.issueToken('alice').access_token;
    const queryClient = clientFor(version, version === 'beta' ? adminToken : userToken, requests);
    const info = await queryClient.queryPasswordInfo({ userName: 'alice', sourceName: 'G Suite' });
    expect(info).toMatchObject({ identityId: IDS.alice, sourceId: IDS.gSuite, accounts: [{ accountId: 'alice.smith@corp.example' }] });
    expect(info.policies.length).toBeGreaterThan(0);

    const client = clientFor(version, userToken, requests);
    const password = `Fresh-${version}-Pass-42`;
    const before = tenant.setPasswordCount();
    const response = await client.setPassword({
      identityId: info.identityId!,
      sourceId: info.sourceId!,
      publicKeyId: info.publicKeyId!,
      accountId: info.accounts[0]!.accountId!,
      encryptedPassword: encrypt(info, password),
    });
    expect(response.state).toBe('IN_PROGRESS');
    expect(response.requestId).toBeTruthy();
    expect(tenant.setPasswordCount()).toBe(before + 1);

    const outcome = await waitForOutcome(client, response.requestId!);
    expect(outcome).toEqual({
      kind: 'status',
      status: { requestId: response.requestId, state: 'FINISHED', errors: [], sourceIds: [IDS.gSuite] },
    });
    expect(tenant.accountState('alice.smith@corp.example').passwordChangedAt).not.toBeNull();

    const expectedPath = version === 'v1' ? '/set-password/v1' : `/${version}/set-password`;
    expect(requests.some((request) => request.path === expectedPath && request.status === 202)).toBe(true);
  });

  it('serves the admin operations the version has', async () => {
    const client = clientFor(version, adminToken);
    if (version === 'v3') {
      await expect(client.createDigitToken({ userId: 'alice' })).rejects.toMatchObject({ kind: 'unsupported-in-version' });
    } else {
      const token = await client.createDigitToken({ userId: 'alice', length: 8 });
      expect(token.digitToken).toMatch(/^\d{8}$/);
    }
    const policies = await client.listPasswordPolicies({ limit: 2 });
    expect(policies).toHaveLength(2);
    expect(await client.getPasswordPolicy(IDS.adPolicy)).toMatchObject({ id: IDS.adPolicy, minLength: 12 });
    expect((await client.getSyncGroup(IDS.syncGroup)).sourceIds).toEqual([IDS.activeDirectory, IDS.workday]);
    expect(await client.listSyncGroups()).toHaveLength(1);
  });
});

describe('password org config against the sandbox', () => {
  it('creates, reads and updates the config', async () => {
    const client = clientFor('v2025', adminToken);
    await expect(client.getOrgConfig()).rejects.toMatchObject({ kind: 'not-found' });
    expect(await client.createOrgConfig({ digitTokenEnabled: true })).toMatchObject({ digitTokenEnabled: true, digitTokenLength: 6 });
    expect(await client.updateOrgConfig({ digitTokenLength: 10 })).toMatchObject({ digitTokenEnabled: true, digitTokenLength: 10 });
    expect(await clientFor('v1', adminToken).getOrgConfig()).toMatchObject({ digitTokenLength: 10 });
    await expect(client.createOrgConfig({})).rejects.toMatchObject({ kind: 'bad-request', messageKey: 'errors.badRequest' });
  });
});
