/**
 * The official `sailpoint-api-client` SDK, unchanged, against the sandbox tenant: if the SDK and the
 * sandbox disagree about URLs, token requests, headers or schemas, this file says so.
 */
import {
  Configuration,
  PasswordConfigurationBetaApi,
  PasswordManagementApi,
  PasswordManagementBetaApi,
  PasswordManagementV2024Api,
} from 'sailpoint-api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDS, type SandboxTenant, startTenant } from '@/sandbox/tenant';
import { expectedHash } from '../fixtures/tenant/client';
import { opensslEncrypt } from '../fixtures/tenant/openssl';

let tenant: SandboxTenant;
let config: Configuration;

beforeAll(async () => {
  tenant = await startTenant({ statusDelayMs: 50 });
  config = new Configuration({
    baseurl: tenant.url,
    clientId: 'sandbox-admin',
    clientSecret: 'sandbox-secret',
    tokenUrl: `${tenant.url}/oauth/token`,
  });
  config.experimental = true;
});
afterAll(() => tenant.stop());

interface HttpFailure {
  response?: { status: number; data: unknown };
}

async function failure(promise: Promise<unknown>): Promise<{ status: number; data: unknown }> {
  try {
    await promise;
  } catch (error) {
    const response = (error as HttpFailure).response;
    if (response) return { status: response.status, data: response.data };
    throw error;
  }
  throw new Error('Expected the SDK call to fail.');
}

async function pollUntilDone(api: PasswordManagementApi, id: string) {
  for (let attempt = 0; attempt < 100; attempt++) {
    const { data } = await api.getPasswordChangeStatus({ id });
    if (data.state !== 'IN_PROGRESS') return data;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('The change never finished.');
}

describe('the official SDK against the sandbox', () => {
  it('gets a client-credentials token with its multipart request', async () => {
    const token = await (config.accessToken as Promise<string>);
    expect(token.split('.')).toHaveLength(3);
    expect(tenant.requestLog().find((entry) => entry.path === '/oauth/token')).toMatchObject({
      method: 'POST',
      status: 200,
      clientId: 'sandbox-admin',
    });
  });

  it('queries password info, sets an openssl-encrypted password on v3 and polls it to FINISHED', async () => {
    const api = new PasswordManagementApi(config);
    const { data: info } = await api.queryPasswordInfo({ passwordInfoQueryDTO: { userName: 'alice', sourceName: 'Active Directory' } });
    expect(info).toMatchObject({ identityId: IDS.alice, sourceId: IDS.activeDirectory, accounts: [{ accountName: 'alice.smith' }] });
    const { data: accepted, status } = await api.setPassword({
      passwordChangeRequest: {
        identityId: info.identityId,
        sourceId: info.sourceId,
        accountId: info.accounts?.[0]?.accountId,
        publicKeyId: info.publicKeyId,
        encryptedPassword: opensslEncrypt(info.publicKey ?? '', 'Sdk-Conformance-31!'),
      },
    });
    expect(status).toBe(202);
    expect(accepted.state).toBe('IN_PROGRESS');
    const done = await pollUntilDone(api, accepted.requestId ?? '');
    expect(done).toMatchObject({ requestId: accepted.requestId, state: 'FINISHED', errors: [] });
    expect(done.sourceIds?.sort()).toEqual([IDS.activeDirectory, IDS.workday].sort());
    const state = tenant.accountState('CN=Alice Smith,OU=Staff,DC=corp,DC=example');
    expect(state.passwordHash).toBe(expectedHash(state.passwordSalt, 'Sdk-Conformance-31!'));
  });

  it('sets a password through beta setIdentityPassword', async () => {
    const { data: info } = await new PasswordManagementBetaApi(config).queryPasswordInfo({
      passwordInfoQueryDTOBeta: { userName: 'bob', sourceName: 'Active Directory' },
    });
    const { data } = await new PasswordManagementBetaApi(config).setIdentityPassword({
      passwordChangeRequestBeta: {
        identityId: info.identityId,
        sourceId: info.sourceId,
        accountId: info.accounts?.[0]?.accountId,
        publicKeyId: info.publicKeyId,
        encryptedPassword: opensslEncrypt(info.publicKey ?? '', 'Beta-Sdk-Route-47!'),
      },
    });
    expect(data.state).toBe('IN_PROGRESS');
    const { data: status } = await new PasswordManagementBetaApi(config).getIdentityPasswordChangeStatus({ id: data.requestId ?? '' });
    expect(['IN_PROGRESS', 'FINISHED']).toContain(status.state);
  });

  it('reads (404 before creation), creates and updates the org config through beta', async () => {
    const api = new PasswordConfigurationBetaApi(config);
    const missing = await failure(api.getPasswordOrgConfig());
    expect(missing.status).toBe(404);
    expect(missing.data).toMatchObject({ detailCode: '404 Not found', messages: [{ locale: 'en-US', localeOrigin: 'DEFAULT' }] });
    await api.createPasswordOrgConfig({ passwordOrgConfigBeta: { digitTokenEnabled: true } });
    const { data: updated } = await api.putPasswordOrgConfig({
      passwordOrgConfigBeta: { digitTokenLength: 9, digitTokenDurationMinutes: 15 },
    });
    expect(updated).toEqual({
      customInstructionsEnabled: false,
      digitTokenEnabled: true,
      digitTokenLength: 9,
      digitTokenDurationMinutes: 15,
    });
    const { data } = await api.getPasswordOrgConfig();
    expect(data.digitTokenLength).toBe(9);
  });

  it('creates a digit token on v2024 with the experimental header the SDK adds', async () => {
    const api = new PasswordManagementV2024Api(config);
    const { data } = await api.createDigitToken({ passwordDigitTokenResetV2024: { userId: 'alice', length: 8, durationMinutes: 5 } });
    expect(data.digitToken).toMatch(/^\d{8}$/);
    expect(typeof data.requestId).toBe('string');
  });

  it('surfaces a 400 for an invalid digit token length', async () => {
    const api = new PasswordManagementV2024Api(config);
    const invalid = await failure(api.createDigitToken({ passwordDigitTokenResetV2024: { userId: 'alice', length: 5 } }));
    expect(invalid.status).toBe(400);
    expect(invalid.data).toMatchObject({ detailCode: '400.1 Bad Request Content', causes: [] });
  });

  it('surfaces a 404 for an unknown password change request', async () => {
    const unknown = await failure(new PasswordManagementApi(config).getPasswordChangeStatus({ id: 'no-such-request' }));
    expect(unknown.status).toBe(404);
  });

  it('surfaces a 403 for a user token on beta query-password-info', async () => {
    const userConfig = new Configuration({ baseurl: tenant.url, accessToken: tenant.issueToken('alice').access_token });
    const forbidden = await failure(
      new PasswordManagementBetaApi(userConfig).queryPasswordInfo({
        passwordInfoQueryDTOBeta: { userName: 'alice', sourceName: 'Workday' },
      }),
    );
    expect(forbidden.status).toBe(403);
    expect((forbidden.data as { trackingId: string }).trackingId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('sends the SDK headers the tenant accepts and logs every call with its version', () => {
    const versions = new Set(tenant.requestLog().map((entry) => entry.apiVersion));
    expect(versions).toEqual(new Set([null, 'v3', 'beta', 'v2024']));
  });
});
