import type { ApiRequest } from './password-api';
import { iscError, json, type Reply } from './reply';
import type { TenantState } from './state';
import type { Principal } from './tokens';
import type { SeedSource } from './types';

/**
 * `GET /sources` (list-sources), as ISC serves it on v3, beta, the year-named versions and the
 * per-service layout (`/sources/v1`): a page of Source objects, `limit` ≤ 250, `offset`, `count=true`
 * → X-Total-Count, `sorters` on name. Admins only: ISC requires the ORG_ADMIN, SOURCE_ADMIN or
 * SOURCE_SUBADMIN user level (a sub-admin must also pass `forSubadmin`), or an API token with a
 * sources scope. An employee's token gets 403.
 *
 * Not in the password subset of the OpenAPI documents in shared/isc-openapi: the shape follows the
 * `Source` model and `listSources` parameters of the official sailpoint-api-client SDK (v3).
 */

export const SOURCES_RESOURCE = 'sources';

const SOURCE_SCOPES = ['sp:scopes:all', 'idn:sources:read', 'idn:sources:manage'];
const MAX_LIMIT = 250;

/** null when the principal may list sources, else the 403 ISC answers. */
function refusal(principal: Principal, query: URLSearchParams): Reply | null {
  const levels = principal.authorities;
  if (principal.orgAdmin || levels.includes('SOURCE_ADMIN')) return null;
  if (levels.includes('SOURCE_SUBADMIN')) {
    return query.get('forSubadmin') ? null : iscError(403, 'A SOURCE_SUBADMIN must pass forSubadmin to list sources.');
  }
  if (principal.apiAuthority && principal.scopes.some((scope) => SOURCE_SCOPES.includes(scope))) return null;
  return iscError(403, "The user you are running as doesn't have access to this end-point.");
}

function sourceDto(state: TenantState, source: SeedSource) {
  const created = new Date(state.createdAt).toISOString();
  const owner = [...state.identities.values()].find((identity) => identity.authorities.includes('ORG_ADMIN'));
  const policy = state.policies.get(source.policyId);
  return {
    id: source.id,
    name: source.name,
    description: `${source.name} (sandbox)`,
    owner: owner ? { type: 'IDENTITY', id: owner.id, name: owner.name } : null,
    cluster: null,
    accountCorrelationConfig: null,
    accountCorrelationRule: null,
    managerCorrelationRule: null,
    beforeProvisioningRule: null,
    schemas: [],
    passwordPolicies: policy ? [{ type: 'PASSWORD_POLICY', id: policy.id, name: policy.name }] : [],
    // Every seeded source takes password changes; PASSWORD implies PROVISIONING (see the Source model).
    features: ['PROVISIONING', 'PASSWORD', 'ENABLE', 'SEARCH'],
    type: source.type,
    connector: source.type.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    connectorName: source.type,
    connectionType: 'direct',
    connectorAttributes: {},
    deleteThreshold: 10,
    authoritative: false,
    managementWorkgroup: null,
    healthy: true,
    status: 'SOURCE_STATE_HEALTHY',
    since: created,
    created,
    modified: created,
    credentialProviderEnabled: false,
    category: null,
  };
}

const SORTABLE: Record<string, (source: SeedSource) => string> = { name: (s) => s.name, id: (s) => s.id, type: (s) => s.type };

function sorted(sources: SeedSource[], sorters: string | null): SeedSource[] | string {
  if (!sorters) return sources;
  const list = [...sources];
  // ISC applies the first sorter first; a stable sort by the last one first gives the same order.
  for (const sorter of sorters.split(',').reverse()) {
    const descending = sorter.startsWith('-');
    const field = sorter.replace(/^-/, '').trim();
    const key = SORTABLE[field];
    if (!key) return `Sorting on "${field}" is not supported by the sandbox (name, id, type).`;
    list.sort((a, b) => key(a).localeCompare(key(b)) * (descending ? -1 : 1));
  }
  return list;
}

export function handleSources({ state, method, rest, query, principal }: ApiRequest): Reply {
  if (rest.length > 0) return iscError(404, 'No such endpoint.');
  if (method !== 'GET') return iscError(405, `${method} is not supported here.`);
  const refused = refusal(principal, query);
  if (refused) return refused;
  // An unsupported filter must not quietly answer with every source.
  if (query.get('filters')) return iscError(400, 'The sandbox tenant does not evaluate filters on sources.');
  const limit = Number(query.get('limit') ?? MAX_LIMIT);
  const offset = Number(query.get('offset') ?? 0);
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_LIMIT) return iscError(400, `limit must be an integer from 0 to ${MAX_LIMIT}.`);
  if (!Number.isInteger(offset) || offset < 0) return iscError(400, 'offset must be a non-negative integer.');
  // A sub-admin sees the sources of their management workgroups; the sandbox has none.
  const visible = principal.orgAdmin || !principal.authorities.includes('SOURCE_SUBADMIN') ? [...state.sources.values()] : [];
  const ordered = sorted(visible, query.get('sorters'));
  if (typeof ordered === 'string') return iscError(400, ordered);
  const headers: Record<string, string> = query.get('count') === 'true' ? { 'X-Total-Count': String(ordered.length) } : {};
  return json(
    200,
    ordered.slice(offset, offset + limit).map((source) => sourceDto(state, source)),
    headers,
  );
}
