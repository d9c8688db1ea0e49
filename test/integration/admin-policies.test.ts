import { describe, expect, it } from 'vitest';
import { IDS } from '@/sandbox/tenant';
import { explainAdminError } from '@/utils/admin/explain';
import { checkAccess, readPolicies, readSyncGroups } from '@/utils/admin/operations';
import { collectPages } from '@/utils/admin/paging';
import { toUserError } from '@/utils/api/errors';
import { failure } from '../fixtures/api-error';
import { clientAs } from '../fixtures/tenant/client';
import { tenantForTests } from '../fixtures/tenant/per-file';

const tenant = tenantForTests({ statusDelayMs: 0 }, (sandbox) => sandbox.configure({ rateLimit: { requests: 1000, windowMs: 10_000 } }));

describe('password policies over HTTP', () => {
  it.each(['v3', 'beta', 'v2024', 'v2025'] as const)('lists every policy with its rules and sources on %s', async (version) => {
    const { policies, truncated } = await readPolicies(clientAs(tenant, 'admin', version));
    expect(truncated).toBe(false);
    expect(policies.map((policy) => policy.name)).toEqual(['Active Directory Policy', 'Workday Policy', 'G Suite Policy']);
    const ad = policies.find((policy) => policy.id === IDS.adPolicy);
    expect(ad?.sourceIds).toEqual([IDS.activeDirectory]);
    expect(ad?.rules).toEqual(
      expect.arrayContaining([
        { id: 'minLength', key: 'policy.minLength', count: 12, params: [12] },
        { id: 'maxLength', key: 'policy.maxLength', count: 128, params: [128] },
        { id: 'dictionary', key: 'policy.dictionary', params: [] },
      ]),
    );
    expect(policies.find((policy) => policy.name === 'G Suite Policy')).toMatchObject({ isDefault: true, expirationDays: 365 });
  });

  it('reads page by page with the same result', async () => {
    const client = clientAs(tenant, 'admin');
    const paged = await collectPages((page) => client.listPasswordPolicies(page), { pageSize: 1 });
    expect(paged.items.map((policy) => policy.id)).toEqual([IDS.adPolicy, IDS.workdayPolicy, IDS.gSuitePolicy]);
  });

  it('answers 404 for an unknown policy id', async () => {
    expect(await failure(clientAs(tenant, 'admin').getPasswordPolicy('no-such-policy'))).toMatchObject({ kind: 'not-found', status: 404 });
  });

  it('refuses an employee (403) and says which scope is missing', async () => {
    const error = await failure(readPolicies(clientAs(tenant, 'alice')));
    expect(error.status).toBe(403);
    expect(explainAdminError('policiesRead', toUserError(error)).params).toEqual(['idn:password-policy:read', 'ORG_ADMIN']);
  });

  it('reports 429 as rate-limited', async () => {
    tenant.injectFault({ method: 'GET', path: '/v3/password-policies', status: 429 });
    expect(await failure(readPolicies(clientAs(tenant, 'admin')))).toMatchObject({ kind: 'rate-limited', status: 429 });
  });
});

describe('password sync groups over HTTP', () => {
  it('lists each group with its policy and sources', async () => {
    expect(await readSyncGroups(clientAs(tenant, 'admin'))).toEqual({
      groups: [{ id: IDS.syncGroup, name: 'Directory and HR', policyId: IDS.adPolicy, sourceIds: [IDS.activeDirectory, IDS.workday] }],
      truncated: false,
    });
  });

  it('answers 404 for an unknown group id', async () => {
    expect(await failure(clientAs(tenant, 'admin').getSyncGroup('no-such-group'))).toMatchObject({ kind: 'not-found', status: 404 });
  });

  it('refuses an employee (403) and says which scope is missing', async () => {
    const error = await failure(readSyncGroups(clientAs(tenant, 'alice', 'v2024')));
    expect(error.status).toBe(403);
    expect(explainAdminError('syncGroupsRead', toUserError(error)).params).toEqual(['idn:password-sync-group:read', 'ORG_ADMIN']);
  });

  it('reports 429 as rate-limited', async () => {
    tenant.injectFault({ method: 'GET', path: '/v3/password-sync-groups', status: 429 });
    expect(await failure(readSyncGroups(clientAs(tenant, 'admin')))).toMatchObject({ kind: 'rate-limited', status: 429 });
  });
});

describe('"Check access" over HTTP', () => {
  it('finds everything allowed for the org admin, the missing org config (404) included', async () => {
    expect(await checkAccess(clientAs(tenant, 'admin'))).toEqual({
      orgConfigRead: { outcome: 'allowed', status: 404, kind: 'not-found' },
      policiesRead: { outcome: 'allowed', status: 200, kind: null },
      syncGroupsRead: { outcome: 'allowed', status: 200, kind: null },
    });
  });

  it('finds everything denied for an employee', async () => {
    const access = await checkAccess(clientAs(tenant, 'alice'));
    expect(Object.values(access).map((probe) => [probe.outcome, probe.status])).toEqual([
      ['denied', 403],
      ['denied', 403],
      ['denied', 403],
    ]);
  });

  it('tells apart a token with some admin scopes', async () => {
    const access = await checkAccess(clientAs(tenant, 'alice', 'v2024', ['idn:password-policy:read']));
    expect([access.orgConfigRead.outcome, access.policiesRead.outcome, access.syncGroupsRead.outcome]).toEqual([
      'denied',
      'allowed',
      'denied',
    ]);
  });

  it('calls a rate-limited probe inconclusive rather than denied', async () => {
    tenant.injectFault({ method: 'GET', path: '/v3/password-sync-groups', status: 429 });
    const access = await checkAccess(clientAs(tenant, 'admin'));
    expect(access.syncGroupsRead).toEqual({ outcome: 'unknown', status: 429, kind: 'rate-limited' });
    expect(access.policiesRead.outcome).toBe('allowed');
  });
});
