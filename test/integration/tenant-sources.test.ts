/**
 * The sandbox's list-sources endpoint, over HTTP and through the official `sailpoint-api-client` SDK:
 * who may list sources, paging and sorting as ISC's list endpoints take them, and the Source shape.
 */
import { Configuration, SourcesApi } from 'sailpoint-api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDS, type SandboxTenant, startTenant } from '@/sandbox/tenant';
import { api, clientCredentials } from '../fixtures/tenant/client';

let tenant: SandboxTenant;

beforeAll(async () => {
  tenant = await startTenant({ statusDelayMs: 0 });
});
afterAll(() => tenant.stop());

const list = (token: string, query = '', version = 'v3') =>
  api(tenant.url, token, version === 'v1' ? `/sources/v1${query}` : `/${version}/sources${query}`);

describe('GET /sources in the sandbox tenant', () => {
  it('lists every source to an ORG_ADMIN, with the fields of the Source model', async () => {
    const response = await list(tenant.issueToken('admin').access_token);
    expect(response.status).toBe(200);
    const sources = (await response.json()) as Array<Record<string, unknown>>;
    expect(sources.map((source) => source.name)).toEqual(['Active Directory', 'Workday', 'G Suite']);
    expect(sources[0]).toMatchObject({
      id: IDS.activeDirectory,
      name: 'Active Directory',
      type: 'Active Directory - Direct',
      owner: { type: 'IDENTITY', name: 'admin' },
      healthy: true,
      status: 'SOURCE_STATE_HEALTHY',
      passwordPolicies: [{ type: 'PASSWORD_POLICY', name: expect.any(String) }],
    });
    expect(sources[0]?.features).toContain('PASSWORD');
    expect(typeof sources[0]?.connector).toBe('string');
  });

  it('refuses an employee token with 403 and an ISC error body', async () => {
    const response = await list(tenant.issueToken('alice').access_token);
    expect(response.status).toBe(403);
    const body = (await response.json()) as { detailCode: string; trackingId: string; messages: Array<{ text: string }> };
    expect(body.detailCode).toBe('403 Forbidden');
    expect(body.trackingId).toMatch(/^[0-9a-f]{32}$/);
    expect(body.messages[0]?.text).not.toBe('');
  });

  it('answers 401 without a token, like every API path', async () => {
    expect((await fetch(`${tenant.url}/v3/sources`)).status).toBe(401);
  });

  it('lets an API client with the ORG_ADMIN authority list sources', async () => {
    const { access_token } = await clientCredentials(tenant.url);
    expect((await list(access_token)).status).toBe(200);
  });

  it('serves the same list on beta, the year-named versions and the per-service layout', async () => {
    const token = tenant.issueToken('admin').access_token;
    for (const version of ['beta', 'v2024', 'v2025', 'v1']) {
      const response = await list(token, '', version);
      expect({ version, status: response.status }).toEqual({ version, status: 200 });
      expect(((await response.json()) as unknown[]).length).toBe(3);
    }
  });

  it('pages with limit and offset, counts with count=true and sorts on name', async () => {
    const token = tenant.issueToken('admin').access_token;
    const page = await list(token, '?limit=2&offset=1&count=true&sorters=name');
    expect(page.headers.get('x-total-count')).toBe('3');
    expect(((await page.json()) as Array<{ name: string }>).map((s) => s.name)).toEqual(['G Suite', 'Workday']);
    const descending = (await (await list(token, '?sorters=-name')).json()) as Array<{ name: string }>;
    expect(descending.map((s) => s.name)).toEqual(['Workday', 'G Suite', 'Active Directory']);
  });

  it('refuses a limit over 250, a negative offset and a filter it cannot evaluate with 400', async () => {
    const token = tenant.issueToken('admin').access_token;
    expect((await list(token, '?limit=251')).status).toBe(400);
    expect((await list(token, '?offset=-1')).status).toBe(400);
    expect((await list(token, `?filters=${encodeURIComponent('name sw "Act"')}`)).status).toBe(400);
  });

  it('has no other methods or sub-paths', async () => {
    const token = tenant.issueToken('admin').access_token;
    expect((await api(tenant.url, token, '/v3/sources', { method: 'POST', body: { name: 'x' } })).status).toBe(405);
    expect((await api(tenant.url, token, '/v3/sources/x/y')).status).toBe(404);
  });

  it('answers the official SDK: SourcesApi.listSources returns the sources, and 403 for an employee', async () => {
    const admin = new SourcesApi(new Configuration({ baseurl: tenant.url, accessToken: tenant.issueToken('admin').access_token }));
    const { data } = await admin.listSources({ limit: 250, sorters: 'name' });
    expect(data.map((source) => source.name)).toEqual(['Active Directory', 'G Suite', 'Workday']);
    const employee = new SourcesApi(new Configuration({ baseurl: tenant.url, accessToken: tenant.issueToken('alice').access_token }));
    await expect(employee.listSources()).rejects.toMatchObject({ response: { status: 403 } });
  });
});
