import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { IDS, type SandboxTenant, startTenant } from '@/sandbox/tenant';
import {
  api,
  clientCredentials,
  expectedHash,
  queryPasswordInfo,
  submitPassword,
  userTokens,
  waitForStatus,
} from '../fixtures/tenant/client';
import { opensslEncrypt } from '../fixtures/tenant/openssl';

const AD_ACCOUNT = 'CN=Alice Smith,OU=Staff,DC=corp,DC=example';
const WORKDAY_ACCOUNT = 'WD-100234';
const GSUITE_ACCOUNT = 'alice.smith@corp.example';
const BOB_AD_ACCOUNT = 'CN=Bob Jones,OU=Staff,DC=corp,DC=example';

let tenant: SandboxTenant;
let admin: string;
let alice: string;
let bob: string;

beforeAll(async () => {
  tenant = await startTenant({ statusDelayMs: 0 });
  admin = (await clientCredentials(tenant.url)).access_token;
  alice = (await userTokens(tenant.url, 'alice', 'Alice-Sandbox-1')).access_token;
  bob = tenant.issueToken('bob').access_token;
});
afterAll(() => tenant.stop());
beforeEach(() => {
  tenant.configure({ statusDelayMs: 0, statusRequiresOrgAdmin: false, acceptedPaddings: ['pkcs1'], failSource: null });
});

async function change(token: string, userName: string, sourceName: string, password: string, version = 'v3') {
  const { response, info } = await submitPassword(tenant.url, token, { userName, sourceName, password, version });
  expect(response.status).toBe(202);
  const accepted = (await response.json()) as { requestId: string; state: string };
  expect(accepted.state).toBe('IN_PROGRESS');
  return { ...(await waitForStatus(tenant.url, token, accepted.requestId, version)), info, requestId: accepted.requestId };
}

describe('query-password-info', () => {
  it('returns the identity, source, key, accounts and policy strings of the AD source', async () => {
    const info = await queryPasswordInfo(tenant.url, alice, 'alice', 'Active Directory');
    expect(info).toMatchObject({
      identityId: IDS.alice,
      sourceId: IDS.activeDirectory,
      publicKeyId: tenant.sources.find((source) => source.id === IDS.activeDirectory)?.publicKeyId,
      accounts: [{ accountId: AD_ACCOUNT, accountName: 'alice.smith' }],
    });
    expect(Buffer.from(info.publicKey, 'base64').subarray(0, 4).toString('hex')).toBe('30820122');
    expect(info.policies).toEqual(
      expect.arrayContaining([
        'passwordMinLength is 12',
        'passwordMinUpper is 1',
        'passwordMinLower is 1',
        'passwordMinNumeric is 1',
        'passwordMinSpecial is 1',
        'passwordRepeatedChar is 3',
        'passwordHistory is 5',
      ]),
    );
  });

  it('serves the same schema on v3, v2024, v2025 and the per-service v1 path', async () => {
    for (const version of ['v3', 'v2024', 'v2025', 'v1']) {
      const info = await queryPasswordInfo(tenant.url, alice, 'alice', 'G Suite', version);
      expect(info.accounts).toEqual([{ accountId: GSUITE_ACCOUNT, accountName: GSUITE_ACCOUNT }]);
      expect(info.policies).toContain('passwordMinLength is 8');
    }
  });

  it('requires API authority on beta: user tokens get 403, API clients 200', async () => {
    const user = await api(tenant.url, alice, '/beta/query-password-info', {
      method: 'POST',
      body: { userName: 'alice', sourceName: 'Workday' },
    });
    expect(user.status).toBe(403);
    const body = (await user.json()) as { detailCode: string; messages: Array<{ text: string }> };
    expect(body.detailCode).toBe('403 Forbidden');
    expect(body.messages[0]?.text).toContain('API authority');
    const apiClient = await api(tenant.url, admin, '/beta/query-password-info', {
      method: 'POST',
      body: { userName: 'alice', sourceName: 'Workday' },
    });
    expect(apiClient.status).toBe(200);
  });

  it('answers 400 for a missing field and (as the spec documents) for unknown users and sources, 403 for another user', async () => {
    const missing = await api(tenant.url, admin, '/v3/query-password-info', { method: 'POST', body: { userName: 'alice' } });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({
      detailCode: '400.1 Bad Request Content',
      trackingId: expect.stringMatching(/^[0-9a-f]{32}$/),
      messages: [{ locale: 'en-US', localeOrigin: 'DEFAULT', text: 'userName and sourceName are required.' }],
      causes: [],
    });
    expect(
      (await api(tenant.url, admin, '/v3/query-password-info', { method: 'POST', body: { userName: 'zed', sourceName: 'Workday' } }))
        .status,
    ).toBe(400);
    expect(
      (await api(tenant.url, admin, '/v3/query-password-info', { method: 'POST', body: { userName: 'bob', sourceName: 'Workday' } }))
        .status,
    ).toBe(400);
    expect(
      (
        await api(tenant.url, alice, '/v3/query-password-info', {
          method: 'POST',
          body: { userName: 'bob', sourceName: 'Active Directory' },
        })
      ).status,
    ).toBe(403);
  });

  it('answers 400 for a body that is not JSON', async () => {
    const response = await api(tenant.url, admin, '/v3/query-password-info', {
      method: 'POST',
      body: undefined,
      headers: { 'Content-Type': 'application/json' },
    });
    expect(response.status).toBe(400);
    const broken = await fetch(`${tenant.url}/v3/query-password-info`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${admin}` },
      body: '{',
    });
    expect(broken.status).toBe(400);
  });
});

describe('set-password', () => {
  it('decrypts an openssl PKCS#1 v1.5 ciphertext, applies it to the sync group, and finishes', async () => {
    const before = tenant.accountState(WORKDAY_ACCOUNT);
    const result = await change(alice, 'alice', 'Active Directory', 'Quartz-Lantern-58');
    expect(result).toMatchObject({ state: 'FINISHED', errors: [] });
    expect(result.sourceIds.sort()).toEqual([IDS.activeDirectory, IDS.workday].sort());
    for (const accountId of [AD_ACCOUNT, WORKDAY_ACCOUNT]) {
      const state = tenant.accountState(accountId);
      expect(state.passwordHash).toBe(expectedHash(state.passwordSalt, 'Quartz-Lantern-58'));
      expect(state.passwordChangedAt).not.toBeNull();
    }
    expect(tenant.accountState(WORKDAY_ACCOUNT).historyLength).toBe(before.historyLength + 1);
    expect(tenant.accountState(GSUITE_ACCOUNT).passwordChangedAt).toBeNull();
  });

  it('accepts the same request on beta, v2024, v2025 and v1', async () => {
    for (const [index, version] of ['beta', 'v2024', 'v2025', 'v1'].entries()) {
      const token = version === 'beta' ? admin : alice;
      const result = await change(token, 'alice', 'G Suite', `Gsuite-Version-${index}x`, version);
      expect(result.state).toBe('FINISHED');
      expect(result.sourceIds).toEqual([IDS.gSuite]);
    }
  });

  it('accepts the line-wrapped base64 that `openssl … | base64` prints', async () => {
    const info = await queryPasswordInfo(tenant.url, alice, 'alice', 'G Suite');
    const wrapped = (opensslEncrypt(info.publicKey, 'Wrapped-Base64-19').match(/.{1,76}/g) ?? []).join('\n');
    const response = await api(tenant.url, alice, '/v3/set-password', {
      method: 'POST',
      body: {
        identityId: IDS.alice,
        sourceId: IDS.gSuite,
        accountId: GSUITE_ACCOUNT,
        publicKeyId: info.publicKeyId,
        encryptedPassword: `${wrapped}\n`,
      },
    });
    const { requestId } = (await response.json()) as { requestId: string };
    expect((await waitForStatus(tenant.url, alice, requestId)).state).toBe('FINISHED');
  });

  it('rejects a password used too recently with a per-source error', async () => {
    await change(alice, 'alice', 'Active Directory', 'Harbor-Violet-907');
    await change(alice, 'alice', 'Active Directory', 'Meadow-Copper-314');
    const again = await change(alice, 'alice', 'Active Directory', 'Harbor-Violet-907');
    expect(again.state).toBe('FAILED');
    expect(again.errors).toEqual([
      'Active Directory rejected the password: it was used too recently',
      'Workday rejected the password: it was used too recently',
    ]);
    const state = tenant.accountState(AD_ACCOUNT);
    expect(state.passwordHash).toBe(expectedHash(state.passwordSalt, 'Meadow-Copper-314'));
  });

  it.each([
    ['too short', 'Sh0rt!', 'it must be at least 12 characters long'],
    ['without an upper-case letter', 'lowercase-only-42', 'it needs at least 1 upper-case letter'],
    ['without a special character', 'NoSpecials12345', 'it needs at least 1 special character'],
    ['with four repeated characters', 'Paaaa-Sunset-12', 'it repeats a character more than 3 times in a row'],
    ['with a dictionary word', 'Summer-Breeze-2026', 'it contains a common word'],
    ['containing the name', 'Smith-Castle-4242', 'it contains part of your name'],
  ])('checks the AD policy: a password %s fails', async (_label, password, reason) => {
    const result = await change(alice, 'alice', 'Active Directory', password);
    expect(result.state).toBe('FAILED');
    expect(result.errors[0]).toMatch(/^Active Directory rejected the password: /);
    expect(result.errors[0]).toContain(reason);
  });

  it("checks the account name against bob's AD account", async () => {
    const result = await change(bob, 'bob', 'Active Directory', 'Jonesy-Ocean-2026!');
    expect(result.errors[0]).toContain('it contains');
    const ok = await change(bob, 'bob', 'Active Directory', 'Tidal-Granite-77!');
    expect(ok.state).toBe('FINISHED');
    expect(ok.sourceIds).toEqual([IDS.activeDirectory]);
  });

  /** set-password on alice's G Suite account with what `encrypt` makes of the tenant's key: the HTTP answer and the status it ends in. */
  async function setGSuitePassword(encrypt: (publicKey: string) => string) {
    const info = await queryPasswordInfo(tenant.url, alice, 'alice', 'G Suite');
    const response = await api(tenant.url, alice, '/v3/set-password', {
      method: 'POST',
      body: {
        identityId: IDS.alice,
        sourceId: IDS.gSuite,
        accountId: GSUITE_ACCOUNT,
        publicKeyId: info.publicKeyId,
        encryptedPassword: encrypt(info.publicKey),
      },
    });
    const { requestId } = (await response.json()) as { requestId: string };
    return { httpStatus: response.status, status: await waitForStatus(tenant.url, alice, requestId) };
  }

  it('reports an undecryptable payload in the status, not as an HTTP error', async () => {
    const { httpStatus, status } = await setGSuitePassword(() => 'bm90IGEgY2lwaGVydGV4dA==');
    expect(httpStatus).toBe(202);
    expect(status).toMatchObject({ state: 'FAILED', errors: ['The password change payload is invalid'] });
  });

  it('refuses a payload that decrypts to bytes that are not text, as an invalid payload', async () => {
    const notText = Buffer.from([0x41, 0xff, 0xfe, 0x42, 0xc3]);
    const { status } = await setGSuitePassword((publicKey) => opensslEncrypt(publicKey, notText));
    expect(status).toMatchObject({ state: 'FAILED', errors: ['The password change payload is invalid'] });
  });

  it('decrypts RSA-OAEP (SHA-256 and SHA-1) only when the tenant accepts it', async () => {
    const submit = async (padding: 'oaep-sha256' | 'oaep-sha1', password: string) =>
      (await setGSuitePassword((publicKey) => opensslEncrypt(publicKey, password, padding))).status;
    expect((await submit('oaep-sha256', 'Oaep-Refused-1')).errors).toEqual(['The password change payload is invalid']);
    tenant.configure({ acceptedPaddings: ['pkcs1', 'oaep-sha256', 'oaep-sha1'] });
    expect((await submit('oaep-sha256', 'Oaep-Sha256-ok')).state).toBe('FINISHED');
    expect((await submit('oaep-sha1', 'Oaep-Sha1-ok')).state).toBe('FINISHED');
    const state = tenant.accountState(GSUITE_ACCOUNT);
    expect(state.passwordHash).toBe(expectedHash(state.passwordSalt, 'Oaep-Sha1-ok'));
  });

  it("lets an API client change anyone's password, but not a user another identity's (403)", async () => {
    const result = await change(admin, 'bob', 'Active Directory', 'Granted-By-Api-81!');
    expect(result.state).toBe('FINISHED');
    const info = await queryPasswordInfo(tenant.url, admin, 'bob', 'Active Directory');
    const response = await api(tenant.url, alice, '/v3/set-password', {
      method: 'POST',
      body: {
        identityId: IDS.bob,
        sourceId: IDS.activeDirectory,
        accountId: BOB_AD_ACCOUNT,
        publicKeyId: info.publicKeyId,
        encryptedPassword: opensslEncrypt(info.publicKey, 'Hijack-Attempt-1!'),
      },
    });
    expect(response.status).toBe(403);
  });

  it('answers 400 for missing fields, a foreign account, and an unknown publicKeyId after key rotation', async () => {
    const missing = await api(tenant.url, alice, '/v3/set-password', { method: 'POST', body: { identityId: IDS.alice } });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { messages: Array<{ text: string }> }).messages[0]?.text).toContain('encryptedPassword');
    const info = await queryPasswordInfo(tenant.url, alice, 'alice', 'Workday');
    const body = {
      identityId: IDS.alice,
      sourceId: IDS.workday,
      accountId: AD_ACCOUNT,
      publicKeyId: info.publicKeyId,
      encryptedPassword: opensslEncrypt(info.publicKey, 'Whatever-123!'),
    };
    expect((await api(tenant.url, alice, '/v3/set-password', { method: 'POST', body })).status).toBe(400);
    const newKeyId = await tenant.rotateKey(IDS.workday);
    expect(newKeyId).not.toBe(info.publicKeyId);
    const stale = await api(tenant.url, alice, '/v3/set-password', { method: 'POST', body: { ...body, accountId: WORKDAY_ACCOUNT } });
    expect(stale.status).toBe(400);
    expect(((await stale.json()) as { messages: Array<{ text: string }> }).messages[0]?.text).toContain(
      'is not the current key of Workday',
    );
    const fresh = await queryPasswordInfo(tenant.url, alice, 'alice', 'Workday');
    expect(fresh.publicKeyId).toBe(newKeyId);
    expect(fresh.publicKey).not.toBe(info.publicKey);
  });

  it('enforces scopes: a token without idn:password-change:manage gets 403', async () => {
    const readOnly = tenant.issueToken('alice', ['idn:password-info:read']).access_token;
    const { response } = await submitPassword(tenant.url, readOnly, {
      userName: 'alice',
      sourceName: 'G Suite',
      password: 'Scope-Test-1234',
    });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { messages: Array<{ text: string }> }).messages[0]?.text).toContain('idn:password-change:manage');
  });

  it('never logs the password, the ciphertext or the token', async () => {
    tenant.clearRequestLog();
    const { info } = await submitPassword(tenant.url, alice, {
      userName: 'alice',
      sourceName: 'G Suite',
      password: 'Never-Logged-Secret-9',
    });
    const log = tenant.requestLogText();
    expect(log).toContain('/v3/set-password');
    expect(log).not.toContain('Never-Logged-Secret-9');
    expect(log).not.toContain(alice);
    expect(log).not.toContain(info.publicKey.slice(0, 40));
    expect(log).not.toMatch(/encryptedPassword|Bearer/);
  });
});

describe('password-change-status', () => {
  it('stays IN_PROGRESS for the configured delay on the tenant clock, then finishes', async () => {
    tenant.configure({ statusDelayMs: 60_000 });
    const { response } = await submitPassword(tenant.url, alice, {
      userName: 'alice',
      sourceName: 'G Suite',
      password: 'Delayed-Change-77',
    });
    const { requestId } = (await response.json()) as { requestId: string };
    const pending = await api(tenant.url, alice, `/v3/password-change-status/${requestId}`);
    expect(await pending.json()).toEqual({ requestId, state: 'IN_PROGRESS', errors: [], sourceIds: [IDS.gSuite] });
    expect(tenant.accountState(GSUITE_ACCOUNT).passwordHash).not.toBe(
      expectedHash(tenant.accountState(GSUITE_ACCOUNT).passwordSalt, 'Delayed-Change-77'),
    );
    tenant.advanceClock(60_000);
    const done = await api(tenant.url, alice, `/password-change-status/v1/${requestId}`);
    expect(await done.json()).toEqual({ requestId, state: 'FINISHED', errors: [], sourceIds: [IDS.gSuite] });
  });

  it('answers 404 for an unknown id and 403 for another identity’s request', async () => {
    const unknown = await api(tenant.url, alice, '/v3/password-change-status/does-not-exist');
    expect(unknown.status).toBe(404);
    const { requestId } = await change(alice, 'alice', 'G Suite', 'Owner-Only-Status-5');
    expect((await api(tenant.url, bob, `/v3/password-change-status/${requestId}`)).status).toBe(403);
    expect((await api(tenant.url, admin, `/v3/password-change-status/${requestId}`)).status).toBe(200);
  });

  it('requires ORG_ADMIN on v3, v2024, v2025 and v1 when the tenant says so, while beta still answers the owner', async () => {
    const { requestId } = await change(alice, 'alice', 'G Suite', 'Org-Admin-Switch-3');
    tenant.configure({ statusRequiresOrgAdmin: true });
    for (const path of [
      `/v3/password-change-status/${requestId}`,
      `/v2024/password-change-status/${requestId}`,
      `/v2025/password-change-status/${requestId}`,
      `/password-change-status/v1/${requestId}`,
    ]) {
      expect((await api(tenant.url, alice, path)).status).toBe(403);
    }
    expect((await api(tenant.url, alice, `/beta/password-change-status/${requestId}`)).status).toBe(200);
    const adminUser = tenant.issueToken('admin').access_token;
    expect((await api(tenant.url, adminUser, `/v3/password-change-status/${requestId}`)).status).toBe(200);
  });
});

describe('the failSource switch', () => {
  it('makes one source reject the next change with the given error', async () => {
    tenant.configure({ failSource: { sourceId: IDS.workday, error: 'Workday rejected the password: the tenant is in maintenance' } });
    const failed = await change(alice, 'alice', 'Active Directory', 'Maintenance-Window-61');
    expect(failed).toMatchObject({ state: 'FAILED', errors: ['Workday rejected the password: the tenant is in maintenance'] });
    const next = await change(alice, 'alice', 'Active Directory', 'After-Maintenance-62');
    expect(next.state).toBe('FINISHED');
  });
});

describe('digit tokens', () => {
  const body = { userId: 'alice', length: 8, durationMinutes: 5 };

  it('do not exist on v3 (404)', async () => {
    expect((await api(tenant.url, admin, '/v3/generate-password-reset-token/digit', { method: 'POST', body })).status).toBe(404);
  });

  it('need the experimental header on v2024 and v2025 (400 without it)', async () => {
    for (const version of ['v2024', 'v2025']) {
      const without = await api(tenant.url, admin, `/${version}/generate-password-reset-token/digit`, { method: 'POST', body });
      expect(without.status).toBe(400);
      expect(((await without.json()) as { messages: Array<{ text: string }> }).messages[0]?.text).toContain(
        'X-SailPoint-Experimental: true',
      );
      const withHeader = await api(tenant.url, admin, `/${version}/generate-password-reset-token/digit`, {
        method: 'POST',
        body,
        headers: { 'X-SailPoint-Experimental': 'true' },
      });
      expect(withHeader.status).toBe(200);
      const token = (await withHeader.json()) as { digitToken: string; requestId: string };
      expect(token.digitToken).toMatch(/^\d{8}$/);
      expect(token.requestId).toMatch(/^[0-9a-f]{32}$/);
    }
  });

  it('need the experimental header on the per-service v1 path too, as its spec marks it required', async () => {
    expect((await api(tenant.url, admin, '/generate-password-reset-token/v1/digit', { method: 'POST', body })).status).toBe(400);
    const withHeader = await api(tenant.url, admin, '/generate-password-reset-token/v1/digit', {
      method: 'POST',
      body,
      headers: { 'X-SailPoint-Experimental': 'true' },
    });
    expect(withHeader.status).toBe(200);
  });

  it('work on beta without the header and validate length and user', async () => {
    expect((await api(tenant.url, admin, '/beta/generate-password-reset-token/digit', { method: 'POST', body })).status).toBe(200);
    expect(
      (await api(tenant.url, admin, '/beta/generate-password-reset-token/digit', { method: 'POST', body: { ...body, length: 19 } })).status,
    ).toBe(400);
    expect(
      (await api(tenant.url, admin, '/beta/generate-password-reset-token/digit', { method: 'POST', body: { userId: 'nobody' } })).status,
    ).toBe(400);
    expect((await api(tenant.url, alice, '/beta/generate-password-reset-token/digit', { method: 'POST', body })).status).toBe(403);
  });
});

describe('password-org-config', () => {
  it('is absent until POSTed, refuses a second POST, validates, and updates with PUT', async () => {
    const local = await startTenant({ statusDelayMs: 0 });
    try {
      const token = (await clientCredentials(local.url)).access_token;
      expect((await api(local.url, token, '/v3/password-org-config')).status).toBe(404);
      const invalid = await api(local.url, token, '/beta/password-org-config', { method: 'POST', body: { digitTokenLength: 5 } });
      expect(invalid.status).toBe(400);
      expect((await api(local.url, token, '/beta/password-org-config', { method: 'PUT', body: { digitTokenLength: 8 } })).status).toBe(404);
      const created = await api(local.url, token, '/beta/password-org-config', { method: 'POST', body: { digitTokenEnabled: true } });
      expect(await created.json()).toEqual({
        customInstructionsEnabled: false,
        digitTokenEnabled: true,
        digitTokenDurationMinutes: 5,
        digitTokenLength: 6,
      });
      expect((await api(local.url, token, '/beta/password-org-config', { method: 'POST', body: {} })).status).toBe(400);
      for (const bad of [
        { digitTokenLength: 19 },
        { digitTokenDurationMinutes: 0 },
        { digitTokenDurationMinutes: 61 },
        { digitTokenEnabled: 'yes' },
        { colour: 'red' },
      ]) {
        expect((await api(local.url, token, '/password-org-config/v1', { method: 'PUT', body: bad })).status).toBe(400);
      }
      const updated = await api(local.url, token, '/password-org-config/v1', {
        method: 'PUT',
        body: { digitTokenLength: 18, digitTokenDurationMinutes: 60 },
      });
      expect(await updated.json()).toMatchObject({ digitTokenEnabled: true, digitTokenLength: 18, digitTokenDurationMinutes: 60 });
      expect(await (await api(local.url, token, '/v2024/password-org-config')).json()).toMatchObject({ digitTokenLength: 18 });
      const user = local.issueToken('alice').access_token;
      expect((await api(local.url, user, '/v3/password-org-config')).status).toBe(403);
    } finally {
      await local.stop();
    }
  });
});

describe('password policies and sync groups', () => {
  it('lists policies with limit, offset and count, and gets one by id', async () => {
    const page = await api(tenant.url, admin, '/v3/password-policies?limit=2&offset=1&count=true');
    expect(page.status).toBe(200);
    expect(page.headers.get('x-total-count')).toBe('3');
    const policies = (await page.json()) as Array<{ id: string; dateCreated: unknown }>;
    expect(policies.map((policy) => policy.id)).toEqual([IDS.workdayPolicy, IDS.gSuitePolicy]);
    expect(typeof policies[0]?.dateCreated).toBe('string');
    const one = await api(tenant.url, admin, `/beta/password-policies/${IDS.adPolicy}`);
    expect(await one.json()).toMatchObject({ id: IDS.adPolicy, minLength: 12, maxRepeatedChars: 3, sourceIds: [IDS.activeDirectory] });
    expect((await api(tenant.url, admin, '/v3/password-policies/unknown')).status).toBe(404);
    expect((await api(tenant.url, admin, '/v3/password-policies?limit=251')).status).toBe(400);
    expect((await api(tenant.url, alice, '/v3/password-policies')).status).toBe(403);
  });

  it('needs the experimental header on v2024+ and serves epoch-millisecond dates there', async () => {
    expect((await api(tenant.url, admin, '/v2025/password-policies')).status).toBe(400);
    const response = await api(tenant.url, admin, `/v2024/password-policies/${IDS.gSuitePolicy}`, {
      headers: { 'X-SailPoint-Experimental': 'true' },
    });
    expect(typeof ((await response.json()) as { dateCreated: unknown }).dateCreated).toBe('number');
  });

  it('lists and gets password sync groups', async () => {
    const list = await api(tenant.url, admin, '/v3/password-sync-groups?count=true');
    expect(list.headers.get('x-total-count')).toBe('1');
    expect(await list.json()).toMatchObject([
      { id: IDS.syncGroup, passwordPolicyId: IDS.adPolicy, sourceIds: [IDS.activeDirectory, IDS.workday] },
    ]);
    expect((await api(tenant.url, admin, `/v2025/password-sync-groups/${IDS.syncGroup}`)).status).toBe(200);
    expect((await api(tenant.url, admin, '/v3/password-sync-groups/nope')).status).toBe(404);
  });

  it("serves the per-service v1 policies (experimental) and sync groups that SailPoint's Python SDK 2.x calls", async () => {
    const experimental = { headers: { 'X-SailPoint-Experimental': 'true' } };
    expect((await api(tenant.url, admin, '/password-policies/v1')).status).toBe(400);
    const policies = await api(tenant.url, admin, '/password-policies/v1?count=true', experimental);
    expect(policies.status).toBe(200);
    expect(policies.headers.get('x-total-count')).toBe('3');
    const one = await api(tenant.url, admin, `/password-policies/v1/${IDS.adPolicy}`, experimental);
    expect(await one.json()).toMatchObject({ id: IDS.adPolicy, dateCreated: expect.any(Number) });
    expect(await (await api(tenant.url, admin, '/password-sync-groups/v1')).json()).toMatchObject([{ id: IDS.syncGroup }]);
    expect((await api(tenant.url, admin, `/password-sync-groups/v1/${IDS.syncGroup}`)).status).toBe(200);
    expect((await api(tenant.url, admin, '/password-sync-groups/v1/nope')).status).toBe(404);
  });

  it('serves v2026 like v2025', async () => {
    const experimental = { headers: { 'X-SailPoint-Experimental': 'true' } };
    expect((await api(tenant.url, admin, '/v2026/password-policies')).status).toBe(400);
    expect((await api(tenant.url, admin, '/v2026/password-policies', experimental)).status).toBe(200);
    expect((await api(tenant.url, admin, `/v2026/password-sync-groups/${IDS.syncGroup}`)).status).toBe(200);
  });

  it('answers 404 for endpoints a version does not have', async () => {
    expect((await api(tenant.url, admin, '/v3/generate-password-reset-token/digit', { method: 'POST', body: {} })).status).toBe(404);
    expect((await api(tenant.url, admin, '/v2027/password-policies')).status).toBe(404);
    expect((await api(tenant.url, admin, '/v3/no-such-thing')).status).toBe(404);
  });
});
