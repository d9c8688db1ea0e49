import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDS, type SandboxTenant, startTenant } from '@/sandbox/tenant';
import { createIscClient } from '@/utils/api/client';
import type { ApiVersion } from '@/utils/api/versions';
import { withAdmin } from '../fixtures/admin-client';
import { recordingFetch } from '../fixtures/openapi/client-calls';
import { operationFor, requestProblems, responseProblems, type SentRequest, SPEC_VERSIONS } from '../fixtures/openapi/spec';
import { clientCredentials, submitPassword, userTokens } from '../fixtures/tenant/client';

/**
 * The sandbox tenant and the client against SailPoint's documents, for every version: each tenant answer
 * (valid and malformed requests) has a documented status and a body that fits its schema, and each request
 * the client sends names a documented operation with its required headers, documented query and a valid
 * body. The tenant's deliberate deviations are listed here and in its README, and nowhere else tolerated.
 */

/** Deviations the tenant README lists under "Deviations from the specs"; each key must appear there. */
const DEVIATIONS = {
  'org-config-404': (method: string, path: string, status: number) =>
    method === 'GET' && path.includes('password-org-config') && status === 404,
  'body-413': (_method: string, _path: string, status: number) => status === 413,
} as const;

let tenant: SandboxTenant;
let admin: string;
let alice: string;

/** A fresh tenant per test (keys are cached, so it starts in milliseconds): the org config starts absent. */
beforeEach(async () => {
  tenant = await startTenant({ statusDelayMs: 0 });
  admin = (await clientCredentials(tenant.url)).access_token;
  alice = (await userTokens(tenant.url, 'alice', 'Alice-Sandbox-1')).access_token;
});
afterEach(() => tenant.stop());

const pathOf = (version: ApiVersion, resource: string, rest = '') =>
  version === 'v1' ? `/${resource}/v1${rest}` : `/${version}/${resource}${rest}`;
const EXPERIMENTAL = { 'X-SailPoint-Experimental': 'true' };

interface Exchange {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: unknown;
  rawBody?: string;
  token?: string | null;
  /** What the tenant must answer. */
  expect: number;
}

/** Valid and malformed requests for every operation Rekey uses, on one version. */
function exchanges(version: ApiVersion, requestId: string): Exchange[] {
  const info = pathOf(version, 'query-password-info');
  const set = pathOf(version, 'set-password');
  const status = (id: string) => pathOf(version, 'password-change-status', `/${id}`);
  const digit = version === 'v1' ? '/generate-password-reset-token/v1/digit' : `/${version}/generate-password-reset-token/digit`;
  const experimental = version !== 'v3' && version !== 'beta';
  const policyHeaders = experimental ? EXPERIMENTAL : {};
  const list: Exchange[] = [
    { method: 'POST', path: info, body: { userName: 'alice', sourceName: 'Active Directory' }, expect: 200 },
    { method: 'POST', path: info, body: { userName: 'alice' }, expect: 400 },
    { method: 'POST', path: info, body: { userName: 'nobody', sourceName: 'Active Directory' }, expect: 400 },
    { method: 'POST', path: info, body: { userName: 'alice', sourceName: 'No Such Source' }, expect: 400 },
    { method: 'POST', path: info, rawBody: '{"userName": ', expect: 400 },
    { method: 'POST', path: info, rawBody: JSON.stringify({ userName: 'alice', pad: 'x'.repeat(1_100_000) }), expect: 413 },
    { method: 'POST', path: info, body: { userName: 'alice', sourceName: 'Workday' }, token: null, expect: 401 },
    { method: 'POST', path: info, body: { userName: 'bob', sourceName: 'Active Directory' }, token: alice, expect: 403 },
    { method: 'POST', path: set, body: { identityId: IDS.alice }, expect: 400 },
    {
      method: 'POST',
      path: set,
      body: { identityId: IDS.bob, sourceId: IDS.activeDirectory, accountId: 'x', publicKeyId: 'k', encryptedPassword: 'QUJD' },
      token: alice,
      expect: 403,
    },
    {
      method: 'POST',
      path: set,
      body: { identityId: IDS.alice, sourceId: IDS.activeDirectory, accountId: 'x', publicKeyId: 'stale', encryptedPassword: 'QUJD' },
      expect: 400,
    },
    { method: 'GET', path: status(requestId), expect: 200 },
    { method: 'GET', path: status('0000000000000000'), expect: 404 },
    // The specs give this operation the ORG_ADMIN level everywhere but beta, where the identity owner may read it.
    { method: 'GET', path: status(requestId), token: alice, expect: version === 'beta' ? 200 : 403 },
    { method: 'GET', path: pathOf(version, 'password-org-config'), expect: 404 },
    { method: 'POST', path: pathOf(version, 'password-org-config'), body: { digitTokenLength: 5 }, expect: 400 },
    { method: 'POST', path: pathOf(version, 'password-org-config'), body: { digitTokenEnabled: true }, expect: 200 },
    { method: 'POST', path: pathOf(version, 'password-org-config'), body: { digitTokenEnabled: true }, expect: 400 },
    { method: 'PUT', path: pathOf(version, 'password-org-config'), body: { digitTokenLength: 8 }, expect: 200 },
    { method: 'GET', path: pathOf(version, 'password-org-config'), expect: 200 },
    { method: 'GET', path: pathOf(version, 'password-policies'), headers: policyHeaders, expect: 200 },
    { method: 'GET', path: `${pathOf(version, 'password-policies')}?limit=251`, headers: policyHeaders, expect: 400 },
    { method: 'GET', path: pathOf(version, 'password-policies', `/${IDS.adPolicy}`), headers: policyHeaders, expect: 200 },
    { method: 'GET', path: pathOf(version, 'password-policies', '/unknown'), headers: policyHeaders, expect: 404 },
    { method: 'GET', path: pathOf(version, 'password-policies'), headers: policyHeaders, token: alice, expect: 403 },
    { method: 'GET', path: `${pathOf(version, 'password-sync-groups')}?count=true`, expect: 200 },
    { method: 'GET', path: pathOf(version, 'password-sync-groups', `/${IDS.syncGroup}`), expect: 200 },
    { method: 'GET', path: pathOf(version, 'password-sync-groups', '/unknown'), expect: 404 },
  ];
  if (experimental) list.push({ method: 'GET', path: pathOf(version, 'password-policies'), expect: 400 });
  if (version !== 'v3') {
    list.push(
      { method: 'POST', path: digit, headers: policyHeaders, body: { userId: 'alice', length: 8 }, expect: 200 },
      { method: 'POST', path: digit, headers: policyHeaders, body: { userId: 'nobody' }, expect: 400 },
      { method: 'POST', path: digit, headers: policyHeaders, body: { userId: 'alice', length: 19 }, expect: 400 },
    );
    if (experimental) list.push({ method: 'POST', path: digit, body: { userId: 'alice' }, expect: 400 });
  }
  return list;
}

async function send(exchange: Exchange): Promise<{ status: number; body: unknown }> {
  const token = exchange.token === undefined ? admin : exchange.token;
  const headers: Record<string, string> = { ...exchange.headers };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (exchange.rawBody !== undefined || exchange.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(tenant.url + exchange.path, {
    method: exchange.method,
    headers,
    ...(exchange.rawBody !== undefined
      ? { body: exchange.rawBody }
      : exchange.body !== undefined
        ? { body: JSON.stringify(exchange.body) }
        : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

describe.each(SPEC_VERSIONS)('the tenant on %s answers as the document says', (version) => {
  it('with a documented status and a body that fits its schema, for valid and malformed requests', async () => {
    const { response } = await submitPassword(tenant.url, alice, {
      userName: 'alice',
      sourceName: 'G Suite',
      password: `Contract-${version}-Check-8`,
      version,
    });
    expect(response.status).toBe(202);
    const requestId = ((await response.json()) as { requestId: string }).requestId;
    const deviations = new Set<string>();
    const problems: string[] = [];
    for (const exchange of exchanges(version, requestId)) {
      const { status, body } = await send(exchange);
      const label = `${exchange.method} ${exchange.path.slice(0, 80)}`;
      expect(status, label).toBe(exchange.expect);
      expect(operationFor(version, exchange.method, exchange.path.split('?')[0] ?? ''), `${label} is documented`).not.toBeNull();
      const deviation = Object.entries(DEVIATIONS).find(([, matches]) => matches(exchange.method, exchange.path, status));
      if (deviation) {
        deviations.add(deviation[0]);
        continue;
      }
      problems.push(...responseProblems(version, exchange.method, exchange.path.split('?')[0] ?? '', status, body));
    }
    // Server trouble and the rate limit, as injected faults and a spent bucket produce them.
    const info = pathOf(version, 'query-password-info');
    const body = { userName: 'alice', sourceName: 'Workday' };
    tenant.injectFault({ method: 'POST', path: info, status: 500 });
    const failed = await send({ method: 'POST', path: info, body, expect: 500 });
    expect(failed.status).toBe(500);
    problems.push(...responseProblems(version, 'POST', info, failed.status, failed.body));
    tenant.configure({ rateLimit: { requests: 0 } });
    const limited = await send({ method: 'POST', path: info, body, expect: 429 });
    tenant.configure({ rateLimit: { requests: 100 } });
    expect(limited.status).toBe(429);
    problems.push(...responseProblems(version, 'POST', info, limited.status, limited.body));
    expect(problems).toEqual([]);
    expect([...deviations].sort()).toEqual(Object.keys(DEVIATIONS).sort());
  });

  it('receives from the client only documented operations, with required headers, documented query and valid bodies', async () => {
    const sent: SentRequest[] = [];
    const client = withAdmin(
      createIscClient({
        apiBaseUrl: tenant.url,
        version,
        fetch: recordingFetch(sent, tenant.url),
        getAccessToken: async () => admin,
        refreshAccessToken: async () => admin,
      }),
    );
    const info = await client.queryPasswordInfo({ userName: 'alice', sourceName: 'Workday' });
    const accepted = await client.setPassword({
      identityId: info.identityId ?? '',
      sourceId: info.sourceId ?? '',
      accountId: info.accounts[0]?.accountId ?? '',
      publicKeyId: info.publicKeyId ?? '',
      encryptedPassword: 'QUJD',
    });
    expect(accepted.requestId).toEqual(expect.any(String));
    await client.getPasswordChangeStatus(accepted.requestId ?? '');
    await client.createOrgConfig({ digitTokenEnabled: true, digitTokenLength: 8 });
    await client.updateOrgConfig({ digitTokenDurationMinutes: 10 });
    await client.getOrgConfig();
    await client.listPasswordPolicies({ limit: 250, offset: 0 });
    await client.getPasswordPolicy(IDS.adPolicy);
    await client.listSyncGroups({ limit: 10 });
    await client.getSyncGroup(IDS.syncGroup);
    if (version !== 'v3') await client.createDigitToken({ userId: 'alice', length: 8, durationMinutes: 5 });
    // An employee's status read: refused (ORG_ADMIN only) on every version but beta, then read on beta.
    const employee = withAdmin(
      createIscClient({
        apiBaseUrl: tenant.url,
        version,
        fetch: recordingFetch(sent, tenant.url),
        getAccessToken: async () => alice,
        refreshAccessToken: async () => alice,
      }),
    );
    expect(await employee.getPasswordChangeStatus(accepted.requestId ?? '')).toMatchObject({ kind: 'status' });
    expect(sent.at(-1)?.url).toMatch(/^\/beta\/password-change-status\//);
    expect(sent.length).toBe((version === 'v3' ? 10 : 11) + (version === 'beta' ? 1 : 2));
    expect(
      sent.flatMap((request) =>
        requestProblems(addressedVersion(version, request.url), request).map((problem) => `${request.method} ${request.url}: ${problem}`),
      ),
    ).toEqual([]);
  });
});

describe('the contract checker', () => {
  it('notices a missing required header, an undocumented status, a body off its schema and an unknown query', () => {
    const digit = { method: 'POST', url: '/generate-password-reset-token/v1/digit', headers: {}, body: { userId: 'alice' } };
    expect(requestProblems('v1', digit)).toEqual(['required header X-SailPoint-Experimental is missing']);
    expect(requestProblems('v3', { method: 'GET', url: '/v3/password-policies?page=2', headers: {} })).toEqual([
      'query parameter page is not documented',
    ]);
    expect(requestProblems('v3', { method: 'POST', url: '/v3/set-password', headers: {}, body: { identityId: 7 } })).toHaveLength(1);
    expect(responseProblems('v3', 'GET', '/v3/password-org-config', 404, {})).toHaveLength(1);
    expect(responseProblems('v2026', 'POST', '/v2026/set-password', 202, { state: 'DONE' })).toHaveLength(1);
    expect(operationFor('v3', 'POST', '/v3/generate-password-reset-token/digit')).toBeNull();
  });
});

describe('deliberate deviations', () => {
  it('are each listed in the tenant README', () => {
    const readme = readFileSync(resolve(import.meta.dirname, '../../sandbox/tenant/README.md'), 'utf8');
    for (const id of Object.keys(DEVIATIONS)) expect(readme, id).toContain(`\`${id}\``);
  });
});

/** The client reads an employee's status on beta when the configured version refuses it: check it against beta's document. */
function addressedVersion(configured: ApiVersion, url: string): ApiVersion {
  return url.startsWith('/beta/') ? 'beta' : configured;
}
