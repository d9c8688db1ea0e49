import { describe, expect, it } from 'vitest';
import { mayListSources, readSources } from '@/utils/admin/sources';
import { ApiError } from '@/utils/api/errors';
import { clientAs } from '../fixtures/tenant/client';
import { tenantForTests } from '../fixtures/tenant/per-file';

/** The options page's "Add from Identity Security Cloud": Rekey's client and reader against the sandbox tenant. */

const tenant = tenantForTests({ statusDelayMs: 0 });

describe('reading the tenant sources for the sources editor', () => {
  it("gives an admin every source, sorted, with its password group's other sources as what also changes", async () => {
    const view = await readSources(clientAs(tenant, 'admin'));
    expect(view.truncated).toBe(false);
    expect(view.sources).toEqual([
      {
        id: expect.any(String),
        name: 'Active Directory',
        type: 'Active Directory - Direct',
        takesPasswords: true,
        alsoChanges: ['Workday'],
      },
      { id: expect.any(String), name: 'G Suite', type: 'Google Apps', takesPasswords: true, alsoChanges: [] },
      { id: expect.any(String), name: 'Workday', type: 'Workday', takesPasswords: true, alsoChanges: ['Active Directory'] },
    ]);
  });

  it('reads the same on the per-service v1 layout (/sources/v1)', async () => {
    const view = await readSources(clientAs(tenant, 'admin', 'v1'));
    expect(view.sources.map((source) => source.name)).toEqual(['Active Directory', 'G Suite', 'Workday']);
  });

  it("fails with a typed 'forbidden' error for an employee, whom the options page does not offer the picker", async () => {
    const error = await readSources(clientAs(tenant, 'alice')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).kind).toBe('forbidden');
    expect((error as ApiError).status).toBe(403);
    expect(mayListSources({ authorities: [], scopes: ['idn:password-info:read'] })).toBe(false);
  });
});
