import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SandboxTenant, startTenant } from '@/sandbox/tenant';
import { mayListSources, readSources } from '@/utils/admin/sources';
import { createIscClient } from '@/utils/api/client';
import { ApiError } from '@/utils/api/errors';
import type { ApiVersion } from '@/utils/api/types';

/** The options page's "Add from Identity Security Cloud": Rekey's client and reader against the sandbox tenant. */

let tenant: SandboxTenant;

beforeAll(async () => {
  tenant = await startTenant({ statusDelayMs: 0 });
});
afterAll(() => tenant.stop());

function clientFor(identity: string, version: ApiVersion = 'v3') {
  const token = tenant.issueToken(identity).access_token;
  return createIscClient({
    apiBaseUrl: tenant.url,
    version,
    getAccessToken: async () => token,
    refreshAccessToken: async () => token,
    maxReadRetries: 0,
  });
}

describe('reading the tenant sources for the sources editor', () => {
  it("gives an admin every source, sorted, with its password group's other sources as what also changes", async () => {
    const view = await readSources(clientFor('admin'));
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
    const view = await readSources(clientFor('admin', 'v1'));
    expect(view.sources.map((source) => source.name)).toEqual(['Active Directory', 'G Suite', 'Workday']);
  });

  it("fails with a typed 'forbidden' error for an employee, whom the options page does not offer the picker", async () => {
    const error = await readSources(clientFor('alice')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).kind).toBe('forbidden');
    expect((error as ApiError).status).toBe(403);
    expect(mayListSources({ authorities: [], scopes: ['idn:password-info:read'] })).toBe(false);
  });
});
