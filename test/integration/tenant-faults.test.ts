import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { IDS, type SandboxTenant, startTenant } from '@/sandbox/tenant';
import { api, clientCredentials, expectedHash, queryPasswordInfo, submitPassword } from '../fixtures/tenant/client';
import { opensslEncrypt } from '../fixtures/tenant/openssl';

const GSUITE_ACCOUNT = 'alice.smith@corp.example';

let tenant: SandboxTenant;
let admin: string;

beforeAll(async () => {
  tenant = await startTenant({ statusDelayMs: 0 });
  admin = (await clientCredentials(tenant.url)).access_token;
});
afterAll(() => tenant.stop());
beforeEach(() => tenant.clearFaults());

const info = () =>
  api(tenant.url, admin, '/v3/query-password-info', { method: 'POST', body: { userName: 'alice', sourceName: 'G Suite' } });

describe('injected status faults', () => {
  it('answer the next N matching requests with ISC error bodies, then stop', async () => {
    tenant.injectFault({ method: 'POST', path: '/v3/query-password-info', status: 503, count: 2 });
    for (let i = 0; i < 2; i++) {
      const response = await info();
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ detailCode: '503 Service Unavailable', messages: [{ locale: 'en-US' }], causes: [] });
    }
    expect((await info()).status).toBe(200);
  });

  it('use the 429 and 401 body shapes for those statuses', async () => {
    tenant.injectFault({ path: '*query-password-info*', status: 429 });
    tenant.injectFault({ path: '*query-password-info*', status: 401 });
    const limited = await info();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(await limited.json()).toEqual({ message: 'Rate Limit Exceeded' });
    const expired = await info();
    expect(await expired.json()).toEqual({ error: 'JWT validation failed: JWT is expired' });
  });

  it('match on method and path pattern only', async () => {
    tenant.injectFault({ method: 'GET', path: '/v3/*', status: 500 });
    expect((await info()).status).toBe(200);
    const status = await api(tenant.url, admin, '/v3/password-change-status/x');
    expect(status.status).toBe(500);
    expect(tenant.requestLog().at(-1)?.fault).toBe('status 500');
  });
});

describe('latency faults', () => {
  it('delay the answer by the given time', async () => {
    tenant.injectFault({ path: '/oauth/info', latencyMs: 150 });
    const started = performance.now();
    const response = await fetch(`${tenant.url}/oauth/info`);
    expect(response.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });
});

describe('dropped connections', () => {
  async function setPasswordBody(password: string) {
    const passwordInfo = await queryPasswordInfo(tenant.url, admin, 'alice', 'G Suite');
    return {
      identityId: IDS.alice,
      sourceId: IDS.gSuite,
      accountId: GSUITE_ACCOUNT,
      publicKeyId: passwordInfo.publicKeyId,
      encryptedPassword: opensslEncrypt(passwordInfo.publicKey, password),
    };
  }

  it('before the body is read: the client sees a network error and nothing is applied', async () => {
    const count = tenant.setPasswordCount();
    const before = tenant.accountState(GSUITE_ACCOUNT).passwordHash;
    tenant.injectFault({ method: 'POST', path: '/v3/set-password', drop: 'before-body' });
    await expect(
      api(tenant.url, admin, '/v3/set-password', { method: 'POST', body: await setPasswordBody('Dropped-Early-11') }),
    ).rejects.toThrow();
    expect(tenant.setPasswordCount()).toBe(count);
    expect(tenant.accountState(GSUITE_ACCOUNT).passwordHash).toBe(before);
    expect(tenant.requestLog().at(-1)).toMatchObject({ path: '/v3/set-password', status: 0, fault: 'drop before-body' });
  });

  it('after set-password is applied: the client sees a network error but the change happened', async () => {
    const count = tenant.setPasswordCount();
    tenant.injectFault({ method: 'POST', path: '/v3/set-password', drop: 'after-processing' });
    await expect(
      api(tenant.url, admin, '/v3/set-password', { method: 'POST', body: await setPasswordBody('Dropped-Late-22') }),
    ).rejects.toThrow();
    expect(tenant.setPasswordCount()).toBe(count + 1);
    const state = tenant.accountState(GSUITE_ACCOUNT);
    expect(state.passwordHash).toBe(expectedHash(state.passwordSalt, 'Dropped-Late-22'));
  });
});

describe('the fault API', () => {
  it('is reachable over HTTP under /__sandbox/ and validates faults', async () => {
    const created = await fetch(`${tenant.url}/__sandbox/faults`, {
      method: 'POST',
      body: JSON.stringify({ method: 'POST', path: '/oauth/token', status: 500 }),
    });
    expect(created.status).toBe(201);
    expect(((await created.json()) as { id: string }).id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await fetch(`${tenant.url}/oauth/token`, { method: 'POST', body: 'grant_type=client_credentials' })).status).toBe(500);
    const invalid = await fetch(`${tenant.url}/__sandbox/faults`, { method: 'POST', body: JSON.stringify({ path: '/x' }) });
    expect(invalid.status).toBe(400);
    expect(() => tenant.injectFault({ path: '/x', drop: 'sometimes' as 'before-body' })).toThrow('drop must be');
  });

  it('clears pending faults', async () => {
    tenant.injectFault({ path: '/oauth/info', status: 500, count: 5 });
    expect((await fetch(`${tenant.url}/__sandbox/faults/clear`, { method: 'POST' })).status).toBe(204);
    expect((await fetch(`${tenant.url}/oauth/info`)).status).toBe(200);
  });

  it('leaves real ISC behaviour untouched for requests that do not match', async () => {
    tenant.injectFault({ path: '/v2024/*', status: 500 });
    const { response } = await submitPassword(tenant.url, admin, {
      userName: 'alice',
      sourceName: 'G Suite',
      password: 'Untouched-Path-33',
    });
    expect(response.status).toBe(202);
  });
});
