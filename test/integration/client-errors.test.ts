import { constants, createPublicKey, publicEncrypt } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { IDS, type SandboxTenant, startTenant } from '@/sandbox/tenant';
import { createIscClient, type IscClientOptions } from '@/utils/api/client';
import type { PasswordChangeRequest } from '@/utils/api/types';
import { discover } from '@/utils/auth/discovery';
import { withAdmin } from '../fixtures/admin-client';
import { failure } from '../fixtures/api-error';

let tenant: SandboxTenant;
let htmlSite: Server;
let htmlSiteUrl: string;

beforeAll(async () => {
  tenant = await startTenant({ statusDelayMs: 0 });
  // A web page where the tenant should be: what a mistyped vanity domain or an intranet portal answers.
  htmlSite = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html' });
    response.end('<!doctype html><html><body>Welcome to the intranet</body></html>');
  });
  await new Promise<void>((resolve) => htmlSite.listen(0, '127.0.0.1', resolve));
  htmlSiteUrl = `http://127.0.0.1:${(htmlSite.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await tenant.stop();
  await new Promise((resolve) => htmlSite.close(resolve));
});
beforeEach(() => {
  tenant.clearFaults();
  tenant.clearRequestLog();
  tenant.configure({ statusRequiresOrgAdmin: false, rateLimit: { requests: 100, windowMs: 10_000 } });
});

function client(options: Partial<IscClientOptions> = {}) {
  const token = tenant.issueToken('alice').access_token;
  return withAdmin(
    createIscClient({
      apiBaseUrl: tenant.url,
      version: 'v3',
      getAccessToken: async () => token,
      refreshAccessToken: async () => token,
      backoffBaseMs: 20,
      ...options,
    }),
  );
}

async function aliceChange(): Promise<PasswordChangeRequest> {
  const info = await client().queryPasswordInfo({ userName: 'alice', sourceName: 'G Suite' });
  const key = Buffer.from(info.publicKey!, 'base64');
  const ciphertext = publicEncrypt(
    { key: createPublicKey({ key, format: 'der', type: 'spki' }), padding: constants.RSA_PKCS1_PADDING },
    Buffer.from('Another-Pass-77'),
  );
  return {
    identityId: info.identityId!,
    sourceId: info.sourceId!,
    publicKeyId: info.publicKeyId!,
    accountId: info.accounts[0]!.accountId!,
    encryptedPassword: ciphertext.toString('base64'),
  };
}

const requestsTo = (path: string) => tenant.requestLog().filter((entry) => entry.path === path);

describe('ISC client against sandbox faults', () => {
  it("honours a 429's Retry-After, then succeeds", async () => {
    tenant.injectFault({ path: '/v3/query-password-info', status: 429 });
    const started = performance.now();
    const info = await client().queryPasswordInfo({ userName: 'alice', sourceName: 'Workday' });
    const waitedMs = performance.now() - started;
    expect(info.sourceId).toBe(IDS.workday);
    // The sandbox's injected 429 says Retry-After: 1.
    expect(waitedMs).toBeGreaterThanOrEqual(1000);
    expect(waitedMs).toBeLessThan(5000);
    expect(requestsTo('/v3/query-password-info').map((entry) => entry.status)).toEqual([429, 200]);
  });

  it("waits out the tenant's own rate limit", async () => {
    // v2024 has its own bucket (per client id and version), untouched by the other tests here.
    tenant.configure({ rateLimit: { requests: 2, windowMs: 1000 } });
    const c = client({ version: 'v2024' });
    const started = performance.now();
    for (let i = 0; i < 3; i++) await c.queryPasswordInfo({ userName: 'alice', sourceName: 'Workday' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(1000);
    expect(requestsTo('/v2024/query-password-info').map((entry) => entry.status)).toEqual([200, 200, 429, 200]);
  });

  it('retries a burst of 500s on a read', async () => {
    tenant.injectFault({ path: '/v3/query-password-info', status: 500, count: 2 });
    expect((await client().queryPasswordInfo({ userName: 'alice', sourceName: 'Workday' })).identityId).toBe(IDS.alice);
    expect(requestsTo('/v3/query-password-info').map((entry) => entry.status)).toEqual([500, 500, 200]);
  });

  it('gives up on a read after its retries with a server error and tracking id', async () => {
    tenant.injectFault({ path: '/v3/query-password-info', status: 503, count: 10 });
    const error = await failure(client({ maxReadRetries: 2 }).queryPasswordInfo({ userName: 'alice', sourceName: 'Workday' }));
    expect(error.kind).toBe('server');
    expect(error.trackingId).toMatch(/^[0-9a-f]{32}$/);
    expect(requestsTo('/v3/query-password-info')).toHaveLength(3);
  });

  it('reports outcome-unknown when the connection drops after set-password was processed, and never sends it twice', async () => {
    const change = await aliceChange();
    const before = tenant.setPasswordCount();
    tenant.injectFault({ path: '/v3/set-password', drop: 'after-processing' });
    const error = await failure(client().setPassword(change));
    expect(error.kind).toBe('outcome-unknown');
    expect(tenant.setPasswordCount()).toBe(before + 1);
    expect(requestsTo('/v3/set-password')).toHaveLength(1);
  });

  it('reports outcome-unknown when set-password times out, and never sends it twice', async () => {
    const change = await aliceChange();
    const before = tenant.setPasswordCount();
    const attempts: number[] = [];
    tenant.injectFault({ path: '/v3/set-password', latencyMs: 300 });
    const error = await failure(client({ timeoutMs: 100, onRequest: (info) => attempts.push(info.attempt) }).setPassword(change));
    expect(error.kind).toBe('outcome-unknown');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(attempts).toEqual([1]);
    // Whether the slow server still applied it is exactly what is unknown; it never applies it twice.
    expect(tenant.setPasswordCount() - before).toBeLessThanOrEqual(1);
    expect(requestsTo('/v3/set-password').length).toBeLessThanOrEqual(1);
  });

  it('explains the 403 of beta query-password-info with a user token', async () => {
    const error = await failure(client({ version: 'beta' }).queryPasswordInfo({ userName: 'alice', sourceName: 'Workday' }));
    expect(error).toMatchObject({ kind: 'forbidden-api-authority', status: 403, messageKey: 'errors.forbiddenApiAuthority' });
  });

  it('falls back to beta for the status when the version requires ORG_ADMIN, and remembers it', async () => {
    const c = client();
    const { requestId } = await c.setPassword(await aliceChange());
    tenant.configure({ statusRequiresOrgAdmin: true });
    tenant.clearRequestLog();
    expect(await c.getPasswordChangeStatus(requestId!)).toMatchObject({ kind: 'status', status: { requestId } });
    expect(await c.getPasswordChangeStatus(requestId!)).toMatchObject({ kind: 'status' });
    expect(tenant.requestLog().map((entry) => `${entry.path} ${entry.status}`)).toEqual([
      `/v3/password-change-status/${requestId} 403`,
      `/beta/password-change-status/${requestId} 200`,
      `/beta/password-change-status/${requestId} 200`,
    ]);
  });

  it("answers not-readable when even beta refuses (another identity's change)", async () => {
    const { requestId } = await client().setPassword(await aliceChange());
    const bob = tenant.issueToken('bob').access_token;
    const asBob = client({ getAccessToken: async () => bob });
    expect(await asBob.getPasswordChangeStatus(requestId!)).toEqual({ kind: 'not-readable' });
  });

  it('reports an unknown request id as not-found', async () => {
    const error = await failure(client().getPasswordChangeStatus('0000000000000000'));
    expect(error).toMatchObject({ kind: 'not-found', status: 404, messageKey: 'errors.notFoundRequest' });
  });

  it('tells an unknown source from an unknown user', async () => {
    const noSource = await failure(client().queryPasswordInfo({ userName: 'alice', sourceName: 'Mainframe' }));
    expect(noSource.messageKey).toBe('errors.notFoundSource');
    const admin = tenant.issueToken('admin').access_token;
    const noUser = await failure(
      client({ getAccessToken: async () => admin }).queryPasswordInfo({ userName: 'zed', sourceName: 'Workday' }),
    );
    expect(noUser.messageKey).toBe('errors.notFoundUser');
  });

  it("shows ISC's text for a bad request", async () => {
    const change = await aliceChange();
    const error = await failure(client().setPassword({ ...change, publicKeyId: 'stale-key' }));
    expect(error.kind).toBe('bad-request');
    expect(error.messageParams[0]).toContain('is not the current key');
  });

  it('refreshes on a 401 and reports signed-out when the new token is rejected too', async () => {
    let refreshes = 0;
    const error = await failure(
      client({
        getAccessToken: async () => 'not-a-jwt',
        refreshAccessToken: async () => {
          refreshes++;
          return 'still-not-a-jwt';
        },
      }).getOrgConfig(),
    );
    expect(error.kind).toBe('signed-out');
    expect(refreshes).toBe(1);
    expect(error.message).not.toContain('jwt');
  });

  it('reports a web page where the tenant should be as a wrong tenant', async () => {
    const error = await failure(client({ apiBaseUrl: htmlSiteUrl }).queryPasswordInfo({ userName: 'alice' }));
    expect(error).toMatchObject({ kind: 'wrong-tenant', messageParams: [new URL(htmlSiteUrl).host] });
    expect((await failure(discover(htmlSiteUrl, fetch))).kind).toBe('wrong-tenant');
    expect((await failure(discover(`${tenant.url}/not-here`, fetch))).kind).toBe('wrong-tenant');
  });

  it('reports a closed port as unreachable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const url = `http://127.0.0.1:${port}`;
    const error = await failure(client({ apiBaseUrl: url, maxReadRetries: 1 }).getOrgConfig());
    expect(error).toMatchObject({ kind: 'unreachable', messageParams: [`127.0.0.1:${port}`] });
    expect((await failure(client({ apiBaseUrl: url }).setPassword(await aliceChange()))).kind).toBe('unreachable');
    expect((await failure(discover(url, fetch))).kind).toBe('unreachable');
  });
});
