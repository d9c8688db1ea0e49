import { describe, expect, it } from 'vitest';
import { createIscClient } from '@/utils/api/client';
import type { FetchLike } from '@/utils/api/http';
import { routeFor } from '@/utils/api/routes';
import type { ApiVersion } from '@/utils/api/types';
import { type TestClient, withAdmin } from '../fixtures/admin-client';

const BASE = 'https://acme.api.identitynow.com';

interface Expected {
  method: string;
  path: string;
  experimental: boolean;
}

/** What each client method sends per version: the URL layout and the experimental header. */
const table: Record<ApiVersion, Record<string, Expected>> = {
  v3: {
    queryPasswordInfo: { method: 'POST', path: '/v3/query-password-info', experimental: false },
    setPassword: { method: 'POST', path: '/v3/set-password', experimental: false },
    getPasswordChangeStatus: { method: 'GET', path: '/v3/password-change-status/req-1', experimental: false },
    getOrgConfig: { method: 'GET', path: '/v3/password-org-config', experimental: false },
    createOrgConfig: { method: 'POST', path: '/v3/password-org-config', experimental: false },
    updateOrgConfig: { method: 'PUT', path: '/v3/password-org-config', experimental: false },
    listPasswordPolicies: { method: 'GET', path: '/v3/password-policies', experimental: false },
    getPasswordPolicy: { method: 'GET', path: '/v3/password-policies/pol-1', experimental: false },
    listSyncGroups: { method: 'GET', path: '/v3/password-sync-groups', experimental: false },
    getSyncGroup: { method: 'GET', path: '/v3/password-sync-groups/grp-1', experimental: false },
  },
  beta: {
    queryPasswordInfo: { method: 'POST', path: '/beta/query-password-info', experimental: false },
    setPassword: { method: 'POST', path: '/beta/set-password', experimental: false },
    getPasswordChangeStatus: { method: 'GET', path: '/beta/password-change-status/req-1', experimental: false },
    createDigitToken: { method: 'POST', path: '/beta/generate-password-reset-token/digit', experimental: false },
    getOrgConfig: { method: 'GET', path: '/beta/password-org-config', experimental: false },
    listPasswordPolicies: { method: 'GET', path: '/beta/password-policies', experimental: false },
    getSyncGroup: { method: 'GET', path: '/beta/password-sync-groups/grp-1', experimental: false },
  },
  v2024: {
    queryPasswordInfo: { method: 'POST', path: '/v2024/query-password-info', experimental: false },
    setPassword: { method: 'POST', path: '/v2024/set-password', experimental: false },
    getPasswordChangeStatus: { method: 'GET', path: '/v2024/password-change-status/req-1', experimental: false },
    createDigitToken: { method: 'POST', path: '/v2024/generate-password-reset-token/digit', experimental: true },
    getOrgConfig: { method: 'GET', path: '/v2024/password-org-config', experimental: false },
    listPasswordPolicies: { method: 'GET', path: '/v2024/password-policies', experimental: true },
    getPasswordPolicy: { method: 'GET', path: '/v2024/password-policies/pol-1', experimental: true },
    listSyncGroups: { method: 'GET', path: '/v2024/password-sync-groups', experimental: false },
  },
  v2025: {
    queryPasswordInfo: { method: 'POST', path: '/v2025/query-password-info', experimental: false },
    setPassword: { method: 'POST', path: '/v2025/set-password', experimental: false },
    getPasswordChangeStatus: { method: 'GET', path: '/v2025/password-change-status/req-1', experimental: false },
    createDigitToken: { method: 'POST', path: '/v2025/generate-password-reset-token/digit', experimental: true },
    updateOrgConfig: { method: 'PUT', path: '/v2025/password-org-config', experimental: false },
    getPasswordPolicy: { method: 'GET', path: '/v2025/password-policies/pol-1', experimental: true },
    getSyncGroup: { method: 'GET', path: '/v2025/password-sync-groups/grp-1', experimental: false },
  },
  v2026: {
    queryPasswordInfo: { method: 'POST', path: '/v2026/query-password-info', experimental: false },
    setPassword: { method: 'POST', path: '/v2026/set-password', experimental: false },
    getPasswordChangeStatus: { method: 'GET', path: '/v2026/password-change-status/req-1', experimental: false },
    createDigitToken: { method: 'POST', path: '/v2026/generate-password-reset-token/digit', experimental: true },
    getOrgConfig: { method: 'GET', path: '/v2026/password-org-config', experimental: false },
    listPasswordPolicies: { method: 'GET', path: '/v2026/password-policies', experimental: true },
    getPasswordPolicy: { method: 'GET', path: '/v2026/password-policies/pol-1', experimental: true },
    listSyncGroups: { method: 'GET', path: '/v2026/password-sync-groups', experimental: false },
  },
  v1: {
    queryPasswordInfo: { method: 'POST', path: '/query-password-info/v1', experimental: false },
    setPassword: { method: 'POST', path: '/set-password/v1', experimental: false },
    getPasswordChangeStatus: { method: 'GET', path: '/password-change-status/v1/req-1', experimental: false },
    // The spec marks X-SailPoint-Experimental required here (the tenant enforces it).
    createDigitToken: { method: 'POST', path: '/generate-password-reset-token/v1/digit', experimental: true },
    getOrgConfig: { method: 'GET', path: '/password-org-config/v1', experimental: false },
    createOrgConfig: { method: 'POST', path: '/password-org-config/v1', experimental: false },
    // The per-service password-policies service is experimental; password-sync-groups is not.
    listPasswordPolicies: { method: 'GET', path: '/password-policies/v1', experimental: true },
    getPasswordPolicy: { method: 'GET', path: '/password-policies/v1/pol-1', experimental: true },
    listSyncGroups: { method: 'GET', path: '/password-sync-groups/v1', experimental: false },
    getSyncGroup: { method: 'GET', path: '/password-sync-groups/v1/grp-1', experimental: false },
  },
};

const responses: Record<string, unknown> = {
  queryPasswordInfo: {},
  setPassword: { requestId: 'req-1', state: 'IN_PROGRESS' },
  getPasswordChangeStatus: { requestId: 'req-1', state: 'FINISHED' },
  createDigitToken: { digitToken: '012345', requestId: 'r' },
  getOrgConfig: {},
  createOrgConfig: {},
  updateOrgConfig: {},
  listPasswordPolicies: [],
  getPasswordPolicy: {},
  listSyncGroups: [],
  getSyncGroup: {},
};

const invoke: Record<string, (client: TestClient) => Promise<unknown>> = {
  queryPasswordInfo: (c) => c.queryPasswordInfo({ userName: 'alice', sourceName: 'AD' }),
  setPassword: (c) => c.setPassword({ identityId: 'i', encryptedPassword: 'e', publicKeyId: 'k', accountId: 'a', sourceId: 's' }),
  getPasswordChangeStatus: (c) => c.getPasswordChangeStatus('req-1'),
  createDigitToken: (c) => c.createDigitToken({ userId: 'alice', length: 8 }),
  getOrgConfig: (c) => c.getOrgConfig(),
  createOrgConfig: (c) => c.createOrgConfig({ digitTokenEnabled: true }),
  updateOrgConfig: (c) => c.updateOrgConfig({ digitTokenLength: 8 }),
  listPasswordPolicies: (c) => c.listPasswordPolicies(),
  getPasswordPolicy: (c) => c.getPasswordPolicy('pol-1'),
  listSyncGroups: (c) => c.listSyncGroups(),
  getSyncGroup: (c) => c.getSyncGroup('grp-1'),
};

const cases = Object.entries(table).flatMap(([version, methods]) =>
  Object.entries(methods).map(([method, expected]) => ({ version: version as ApiVersion, method, expected })),
);

describe('API versions: URL layout and headers', () => {
  it.each(cases)('$version $method → $expected.method $expected.path', async ({ version, method, expected }) => {
    const seen: Array<{ url: string; init: RequestInit }> = [];
    const fetch: FetchLike = async (url, init = {}) => {
      seen.push({ url, init });
      return new Response(JSON.stringify(responses[method]), { status: 200, headers: { 'Content-Type': 'application/json' } });
    };
    const client = withAdmin(
      createIscClient({
        apiBaseUrl: `${BASE}/`,
        version,
        getAccessToken: async () => 't',
        refreshAccessToken: async () => 't2',
        fetch,
      }),
    );
    await invoke[method]!(client);
    expect(seen).toHaveLength(1);
    const headers = seen[0]!.init.headers as Record<string, string>;
    expect(seen[0]!.url).toBe(BASE + expected.path);
    expect(seen[0]!.init.method).toBe(expected.method);
    expect(headers['X-SailPoint-Experimental']).toBe(expected.experimental ? 'true' : undefined);
    expect(headers.Accept).toBe('application/json');
    expect(headers['Content-Type']).toBe(expected.method === 'GET' ? undefined : 'application/json');
  });

  it('names the version actually addressed, so diagnostics count the right rate-limit bucket', () => {
    expect(routeFor('v1', 'password-policies')).toEqual({ path: '/password-policies/v1', version: 'v1', experimental: true });
    expect(routeFor('v1', 'set-password')).toEqual({ path: '/set-password/v1', version: 'v1', experimental: false });
  });
});
