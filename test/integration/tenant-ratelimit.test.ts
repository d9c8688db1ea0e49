import { afterEach, describe, expect, it } from 'vitest';
import { IDS, type SandboxTenant, startTenant } from '@/sandbox/tenant';
import { api, clientCredentials, queryPasswordInfo, waitForStatus } from '../fixtures/tenant/client';
import { opensslEncryptMany } from '../fixtures/tenant/openssl';

let tenant: SandboxTenant | undefined;
afterEach(async () => {
  await tenant?.stop();
  tenant = undefined;
});

const infoBody = { userName: 'alice', sourceName: 'G Suite' };

describe('rate limiting', () => {
  it('allows 100 requests per 10 s per client and version by default, then answers 429 with Retry-After', async () => {
    let clock = 1_700_000_000_000;
    tenant = await startTenant({ now: () => clock });
    const { access_token } = await clientCredentials(tenant.url);
    const statuses = await Promise.all(
      Array.from({ length: 100 }, () =>
        api(tenant!.url, access_token, '/v3/query-password-info', { method: 'POST', body: infoBody }).then((r) => r.status),
      ),
    );
    expect(statuses.every((status) => status === 200)).toBe(true);
    clock += 4_000;
    const limited = await api(tenant.url, access_token, '/v3/query-password-info', { method: 'POST', body: infoBody });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('6');
    expect(await limited.json()).toEqual({ message: 'Rate Limit Exceeded' });
    // Other versions and other clients have their own buckets.
    expect((await api(tenant.url, access_token, '/v2025/query-password-info', { method: 'POST', body: infoBody })).status).toBe(200);
    const alice = tenant.issueToken('alice').access_token;
    expect((await api(tenant.url, alice, '/v3/query-password-info', { method: 'POST', body: infoBody })).status).toBe(200);
    // The window slides on the injected clock.
    clock += 6_000;
    expect((await api(tenant.url, access_token, '/v3/query-password-info', { method: 'POST', body: infoBody })).status).toBe(200);
  });

  it('counts every user of one OAuth client in the same bucket', async () => {
    tenant = await startTenant({ rateLimit: { requests: 3, windowMs: 60_000 } });
    const alice = tenant.issueToken('alice').access_token;
    const bob = tenant.issueToken('bob').access_token;
    const call = (token: string, userName: string) =>
      api(tenant!.url, token, '/query-password-info/v1', { method: 'POST', body: { userName, sourceName: 'Active Directory' } });
    expect((await call(alice, 'alice')).status).toBe(200);
    expect((await call(bob, 'bob')).status).toBe(200);
    expect((await call(alice, 'alice')).status).toBe(200);
    const limited = await call(bob, 'bob');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('60');
    expect(tenant.requestLog().at(-1)).toMatchObject({ status: 429, clientId: 'rekey-extension', apiVersion: 'v1' });
  });

  it('can be reconfigured at run time, and the control clock moves the window', async () => {
    tenant = await startTenant();
    tenant.configure({ rateLimit: { requests: 1 } });
    expect(tenant.config.rateLimit).toEqual({ requests: 1, windowMs: 10_000 });
    const { access_token } = await clientCredentials(tenant.url);
    expect((await api(tenant.url, access_token, '/beta/password-sync-groups')).status).toBe(200);
    expect((await api(tenant.url, access_token, '/beta/password-sync-groups')).status).toBe(429);
    tenant.advanceClock(10_000);
    expect((await api(tenant.url, access_token, '/beta/password-sync-groups')).status).toBe(200);
  });
});

describe('load', () => {
  it('handles 200 concurrent set-password requests without an error and logs every one', async () => {
    tenant = await startTenant({ statusDelayMs: 0, rateLimit: { requests: 10_000 } });
    const { access_token } = await clientCredentials(tenant.url);
    const info = await queryPasswordInfo(tenant.url, access_token, 'alice', 'G Suite');
    const passwords = Array.from({ length: 200 }, (_, i) => `Load-Test-${String(i).padStart(3, '0')}-Kx`);
    const ciphertexts = await opensslEncryptMany(info.publicKey, passwords);
    expect(ciphertexts).toHaveLength(200);
    tenant.clearRequestLog();
    const before = tenant.setPasswordCount();
    const started = performance.now();
    const responses = await Promise.all(
      ciphertexts.map((encryptedPassword) =>
        api(tenant!.url, access_token, '/v3/set-password', {
          method: 'POST',
          body: {
            identityId: IDS.alice,
            sourceId: IDS.gSuite,
            accountId: 'alice.smith@corp.example',
            publicKeyId: info.publicKeyId,
            encryptedPassword,
          },
        }).then(async (response) => ({ status: response.status, body: (await response.json()) as { requestId: string } })),
      ),
    );
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `sandbox tenant: 200 concurrent set-password in ${(seconds * 1000).toFixed(0)} ms = ${(200 / seconds).toFixed(0)} requests/s`,
    );
    expect(responses.every((response) => response.status === 202)).toBe(true);
    expect(new Set(responses.map((response) => response.body.requestId)).size).toBe(200);
    expect(tenant.setPasswordCount() - before).toBe(200);
    const log = tenant.requestLog();
    expect(log).toHaveLength(200);
    expect(log.every((entry) => entry.path === '/v3/set-password' && entry.status === 202 && entry.clientId === 'sandbox-admin')).toBe(
      true,
    );
    expect(new Set(log.map((entry) => entry.seq)).size).toBe(200);
    const last = await waitForStatus(tenant.url, access_token, responses.at(-1)?.body.requestId ?? '');
    expect(last.state).toBe('FINISHED');
  });
});
