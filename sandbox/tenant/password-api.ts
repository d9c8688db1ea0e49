import { randomInt } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { API_VERSIONS, YEAR_API_VERSIONS } from '../../utils/api/versions';
import { submitChange } from './changes';
import { policyStrings } from './policy';
import { iscError, json, type Reply } from './reply';
import type { TenantState } from './state';
import { hasScope, type Principal } from './tokens';
import type { ApiVersion, SeedOrgConfig, SeedPolicy } from './types';

export interface ApiRequest {
  state: TenantState;
  version: ApiVersion;
  method: string;
  resource: string;
  rest: string[];
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: unknown;
  principal: Principal;
}

type Handler = (request: ApiRequest) => Reply;

interface Route {
  methods: Record<string, Handler>;
  versions: readonly ApiVersion[];
  /** Versions on which ISC marks the endpoint experimental (X-SailPoint-Experimental: true required). */
  experimental: readonly ApiVersion[];
}

const ALL: readonly ApiVersion[] = API_VERSIONS;
const YEARLY: readonly ApiVersion[] = YEAR_API_VERSIONS;
/** Where the specs mark the digit token and password policies experimental (the header is required). */
const EXPERIMENTAL: readonly ApiVersion[] = [...YEAR_API_VERSIONS, 'v1'];
/** The specs give password-change-status the ORG_ADMIN user level everywhere but beta (identity owner there). */
const STATUS_ORG_ADMIN: readonly ApiVersion[] = ALL.filter((version) => version !== 'beta');

const forbidden = (text: string) => iscError(403, text);
const missingScope = (scope: string) => forbidden(`The token lacks the required scope "${scope}" (or the ORG_ADMIN authority).`);

function record(body: unknown): Record<string, unknown> | null {
  return body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
}

function stringField(body: Record<string, unknown>, name: string): string | null {
  const value = body[name];
  return typeof value === 'string' && value.length > 0 ? value : null;
}

function queryPasswordInfo({ state, version, body, principal }: ApiRequest): Reply {
  if (!hasScope(principal, 'idn:password-info:read')) return missingScope('idn:password-info:read');
  if (version === 'beta' && !principal.apiAuthority) {
    return forbidden('The beta query-password-info API requires a token with API authority (client credentials).');
  }
  const fields = record(body);
  const userName = fields && stringField(fields, 'userName');
  const sourceName = fields && stringField(fields, 'sourceName');
  if (!userName || !sourceName) return iscError(400, 'userName and sourceName are required.');
  const identity = state.identity(userName);
  if (!principal.apiAuthority && !principal.orgAdmin && identity?.id !== principal.identity?.id) {
    return forbidden('A user token may only query its own password info.');
  }
  // The spec documents no 404 here: an unknown user or source is a 400 with a message naming it.
  if (!identity) return iscError(400, `Identity not found: no identity with user name "${userName}".`);
  const source = state.sourceByName(sourceName);
  if (!source) return iscError(400, `Source not found: no source named "${sourceName}".`);
  const accounts = state.accountsOf(identity.id, source.id);
  if (accounts.length === 0) return iscError(400, `Account not found: ${identity.name} has no account on ${source.name}.`);
  const key = state.keys.get(source.id);
  const policy = state.effectivePolicy(source.id);
  return json(200, {
    identityId: identity.id,
    sourceId: source.id,
    publicKeyId: key?.publicKeyId ?? null,
    publicKey: key?.pair.publicKeyBase64 ?? null,
    accounts: accounts.map((account) => ({ accountId: account.seed.id, accountName: account.seed.name })),
    policies: policy ? policyStrings(policy) : [],
  });
}

function setPassword({ state, body, principal }: ApiRequest): Reply {
  if (!hasScope(principal, 'idn:password-change:manage')) return missingScope('idn:password-change:manage');
  const fields = record(body);
  const missing = ['identityId', 'encryptedPassword', 'publicKeyId', 'accountId', 'sourceId'].filter(
    (name) => !fields || !stringField(fields, name),
  );
  if (!fields || missing.length > 0) return iscError(400, `Missing required fields: ${missing.join(', ')}.`);
  const identityId = fields.identityId as string;
  const sourceId = fields.sourceId as string;
  const accountId = fields.accountId as string;
  if (!principal.apiAuthority && principal.identity?.id !== identityId) {
    return forbidden("Only a token with API authority may change another identity's password.");
  }
  if (!state.identities.has(identityId)) return iscError(400, `Identity not found: no identity with id "${identityId}".`);
  const source = state.sources.get(sourceId);
  if (!source) return iscError(400, `Source not found: no source with id "${sourceId}".`);
  const account = state.accounts.get(accountId);
  if (!account || account.seed.identityId !== identityId || account.seed.sourceId !== sourceId) {
    return iscError(400, `The account "${accountId}" does not belong to this identity on ${source.name}.`);
  }
  const key = state.keys.get(sourceId);
  if (key && key.publicKeyId !== fields.publicKeyId && state.config.staleKey === 'fail-later') {
    // The form the specs document: ISC accepts the request and the change FAILs with "The password change
    // payload is invalid" (it cannot decrypt what was encrypted for the old key).
    const request = submitChange(state, account.seed, Buffer.alloc(0));
    return json(202, { requestId: request.id, state: request.state });
  }
  if (!key || key.publicKeyId !== fields.publicKeyId) {
    return iscError(
      400,
      `The public key id "${String(fields.publicKeyId)}" is not the current key of ${source.name}; query password info again.`,
    );
  }
  const encrypted = fields.encryptedPassword as string;
  const ciphertext = /^[A-Za-z0-9+/]+={0,2}$/.test(encrypted.replace(/\s+/g, '')) ? Buffer.from(encrypted, 'base64') : Buffer.alloc(0);
  const request = submitChange(state, account.seed, ciphertext);
  return json(202, { requestId: request.id, state: request.state });
}

function passwordChangeStatus({ state, version, rest, principal }: ApiRequest): Reply {
  if (!hasScope(principal, 'idn:password-change:read')) return missingScope('idn:password-change:read');
  if (STATUS_ORG_ADMIN.includes(version) && state.config.statusRequiresOrgAdmin && !principal.orgAdmin) {
    return forbidden('Reading password change status requires the ORG_ADMIN user level.');
  }
  const id = rest[0] ?? '';
  const request = state.requests.get(id);
  if (!request) return iscError(404, `No password change request with id "${id}".`);
  if (!principal.apiAuthority && !principal.orgAdmin && principal.identity?.id !== request.identityId) {
    return forbidden('A user token may only read the status of its own password changes.');
  }
  return json(200, { requestId: request.id, state: request.state, errors: request.errors, sourceIds: request.sourceIds });
}

function intInRange(value: unknown, min: number, max: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

function digitToken({ state, body, principal }: ApiRequest): Reply {
  if (!hasScope(principal, 'idn:password-digit-token:create')) return missingScope('idn:password-digit-token:create');
  const fields = record(body);
  const userId = fields && stringField(fields, 'userId');
  if (!fields || !userId) return iscError(400, 'userId is required.');
  const length = fields.length ?? state.orgConfig?.digitTokenLength ?? 6;
  const duration = fields.durationMinutes ?? state.orgConfig?.digitTokenDurationMinutes ?? 5;
  if (!intInRange(length, 6, 18)) return iscError(400, 'length must be an integer from 6 to 18.');
  if (!intInRange(duration, 1, 60)) return iscError(400, 'durationMinutes must be an integer from 1 to 60.');
  if (!state.identity(userId)) return iscError(400, `User not found: no user with id "${userId}".`);
  const digitToken = Array.from({ length: length as number }, () => String(randomInt(10))).join('');
  return json(200, { digitToken, requestId: state.newRequestId() });
}

const ORG_CONFIG_DEFAULTS: SeedOrgConfig = {
  customInstructionsEnabled: false,
  digitTokenEnabled: false,
  digitTokenDurationMinutes: 5,
  digitTokenLength: 6,
};

function validOrgConfig(body: unknown): Partial<SeedOrgConfig> | string {
  const fields = record(body);
  if (!fields) return 'The body must be a PasswordOrgConfig object.';
  const known = Object.keys(ORG_CONFIG_DEFAULTS);
  const unknown = Object.keys(fields).filter((name) => !known.includes(name));
  if (unknown.length > 0) return `Unknown fields: ${unknown.join(', ')}.`;
  for (const name of ['customInstructionsEnabled', 'digitTokenEnabled'] as const) {
    if (fields[name] !== undefined && typeof fields[name] !== 'boolean') return `${name} must be a boolean.`;
  }
  if (fields.digitTokenLength !== undefined && !intInRange(fields.digitTokenLength, 6, 18)) {
    return 'digitTokenLength must be an integer from 6 to 18.';
  }
  if (fields.digitTokenDurationMinutes !== undefined && !intInRange(fields.digitTokenDurationMinutes, 1, 60)) {
    return 'digitTokenDurationMinutes must be an integer from 1 to 60.';
  }
  return fields as Partial<SeedOrgConfig>;
}

const ORG_CONFIG_WRITE = ['idn:password-org-config:write', 'idn:password-org-config:manage'];

function getOrgConfig({ state, principal }: ApiRequest): Reply {
  if (!hasScope(principal, 'idn:password-org-config:read')) return missingScope('idn:password-org-config:read');
  if (!state.orgConfig) return iscError(404, 'The password org config has not been created yet.');
  return json(200, state.orgConfig);
}

function writeOrgConfig(create: boolean): Handler {
  return ({ state, body, principal }) => {
    if (!ORG_CONFIG_WRITE.some((scope) => hasScope(principal, scope))) return missingScope('idn:password-org-config:write');
    const fields = validOrgConfig(body);
    if (typeof fields === 'string') return iscError(400, fields);
    if (create && state.orgConfig) return iscError(400, 'The password org config already exists; update it with PUT.');
    if (!create && !state.orgConfig) return iscError(404, 'The password org config has not been created yet; create it with POST.');
    state.orgConfig = { ...(state.orgConfig ?? ORG_CONFIG_DEFAULTS), ...fields };
    return json(200, state.orgConfig);
  };
}

/** `limit` (≤ 250), `offset`, `count=true` → X-Total-Count, as ISC's list endpoints take them. */
function paginate<T>(items: T[], query: URLSearchParams, render: (item: T) => unknown): Reply {
  const limit = Number(query.get('limit') ?? 250);
  const offset = Number(query.get('offset') ?? 0);
  if (!Number.isInteger(limit) || limit < 0 || limit > 250) return iscError(400, 'limit must be an integer from 0 to 250.');
  if (!Number.isInteger(offset) || offset < 0) return iscError(400, 'offset must be a non-negative integer.');
  const headers: Record<string, string> = query.get('count') === 'true' ? { 'X-Total-Count': String(items.length) } : {};
  return json(200, items.slice(offset, offset + limit).map(render), headers);
}

function policyDto(state: TenantState, policy: SeedPolicy, version: ApiVersion) {
  const created = new Date(state.createdAt).toISOString();
  // v2024+ serve the dates as epoch milliseconds; v3/beta as date-time strings.
  const date = YEARLY.includes(version) || version === 'v1' ? state.createdAt : created;
  const { historyLength: _history, ...fields } = policy;
  return {
    ...fields,
    dateCreated: date,
    lastUpdated: date,
    firstExpirationReminder: 45,
    accountIdMinWordLength: -1,
    accountNameMinWordLength: policy.validateAgainstAccountName ? 3 : -1,
    enablePasswdExpiration: policy.passwordExpiration > 0,
    requireStrongAuthn: policy.requireStrongAuthn ?? false,
    requireStrongAuthOffNetwork: policy.requireStrongAuthOffNetwork ?? false,
    requireStrongAuthUntrustedGeographies: policy.requireStrongAuthUntrustedGeographies ?? false,
    useAccountAttributes: false,
    created,
    modified: created,
    sourceIds: [...state.sources.values()].filter((source) => source.policyId === policy.id).map((source) => source.id),
  };
}

function passwordPolicies({ state, version, rest, query, principal }: ApiRequest): Reply {
  if (!hasScope(principal, 'idn:password-policy:read')) return missingScope('idn:password-policy:read');
  if (rest[0] !== undefined) {
    const policy = state.policies.get(rest[0]);
    return policy ? json(200, policyDto(state, policy, version)) : iscError(404, `No password policy with id "${rest[0]}".`);
  }
  return paginate([...state.policies.values()], query, (policy) => policyDto(state, policy, version));
}

function passwordSyncGroups({ state, rest, query, principal }: ApiRequest): Reply {
  if (!hasScope(principal, 'idn:password-sync-group:read')) return missingScope('idn:password-sync-group:read');
  const created = new Date(state.createdAt).toISOString();
  const dto = (group: (typeof state.seed.syncGroups)[number]) => ({ ...group, created, modified: created });
  if (rest[0] !== undefined) {
    const group = state.syncGroups.get(rest[0]);
    return group ? json(200, dto(group)) : iscError(404, `No password sync group with id "${rest[0]}".`);
  }
  return paginate([...state.syncGroups.values()], query, dto);
}

const ROUTES: Record<string, Route> = {
  'query-password-info': { methods: { POST: queryPasswordInfo }, versions: ALL, experimental: [] },
  'set-password': { methods: { POST: setPassword }, versions: ALL, experimental: [] },
  'password-change-status': { methods: { GET: passwordChangeStatus }, versions: ALL, experimental: [] },
  'generate-password-reset-token': { methods: { POST: digitToken }, versions: ['beta', ...YEARLY, 'v1'], experimental: EXPERIMENTAL },
  'password-org-config': {
    methods: { GET: getOrgConfig, POST: writeOrgConfig(true), PUT: writeOrgConfig(false) },
    versions: ALL,
    experimental: [],
  },
  'password-policies': { methods: { GET: passwordPolicies }, versions: ALL, experimental: EXPERIMENTAL },
  'password-sync-groups': { methods: { GET: passwordSyncGroups }, versions: ALL, experimental: [] },
};

const SHAPES: Record<string, (rest: string[]) => boolean> = {
  'password-change-status': (rest) => rest.length === 1,
  'generate-password-reset-token': (rest) => rest.length === 1 && rest[0] === 'digit',
  'password-policies': (rest) => rest.length <= 1,
  'password-sync-groups': (rest) => rest.length <= 1,
};

function isKnownEndpoint(version: ApiVersion, resource: string, rest: string[]): boolean {
  const route = ROUTES[resource];
  const shape = SHAPES[resource] ?? ((parts: string[]) => parts.length === 0);
  return Boolean(route?.versions.includes(version) && shape(rest));
}

export function handleApi(request: ApiRequest): Reply {
  const route = ROUTES[request.resource];
  if (!route || !isKnownEndpoint(request.version, request.resource, request.rest)) {
    return iscError(404, `No such endpoint on ${request.version}.`);
  }
  const handler = route.methods[request.method];
  if (!handler) return iscError(405, `${request.method} is not supported here.`);
  if (route.experimental.includes(request.version) && String(request.headers['x-sailpoint-experimental']).toLowerCase() !== 'true') {
    return iscError(400, 'This API is experimental on this version: send the header "X-SailPoint-Experimental: true" to use it.');
  }
  return handler(request);
}
