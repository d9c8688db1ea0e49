import fc from 'fast-check';
import * as v from 'valibot';
import { afterAll, describe, it } from 'vitest';
import { createIscClient } from '@/utils/api/client';
import { ApiError, type ApiErrorKind, defaultMessageKey } from '@/utils/api/errors';
import {
  API_VERSIONS,
  type ApiVersion,
  PasswordChangeResponse,
  PasswordDigitToken,
  PasswordInfo,
  PasswordOrgConfig,
  PasswordPolicyV3Dto,
  PasswordStatus,
  PasswordSyncGroup,
} from '@/utils/api/types';
import { discover } from '@/utils/auth/discovery';
import { parseRedirect } from '@/utils/auth/pkce';
import { normalizeTenant } from '@/utils/auth/tenant';
import { clientCredentials, decodeClaims, exchangeCode, refreshTokens } from '@/utils/auth/tokens';
import { type TestClient, withAdmin } from '../fixtures/admin-client';
import { casesRun, check, counted, edgyNumber, jsonish, nastyString, timedAsync } from '../fixtures/hostile/arbitraries';
import { hostileFetch, replies, shapedBodies } from '../fixtures/hostile/http';

/**
 * Hostile tenants and networks: whatever comes back from ISC (or from something pretending to be it), the
 * client, discovery and the OAuth calls either return data that matches their schema or throw an ApiError
 * of a known kind. Never a TypeError, never a hang, never a secret in the error.
 */

const apiErrorKinds = new Set(Object.keys(defaultMessageKey) as ApiErrorKind[]);

/** Fails the property unless `error` is a typed ApiError that repeats none of `secrets`. */
function checkApiError(error: unknown, secrets: readonly string[] = []): void {
  check(error instanceof ApiError, `untyped failure: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  check(apiErrorKinds.has(error.kind), `unknown kind ${error.kind}`);
  check(typeof error.messageKey === 'string' && error.messageKey.startsWith('errors.'), `message key ${error.messageKey}`);
  check(
    error.messageParams.every((param) => typeof param === 'string'),
    'non-string message parameter',
  );
  const shown = [error.message, error.detailCode ?? '', error.serverMessage ?? '', ...error.messageParams].join('\n');
  for (const secret of secrets) check(!shown.includes(secret), `the error repeats a secret: ${shown.slice(0, 200)}`);
}

async function outcome<T>(work: () => Promise<T>, limitMs = 2_000): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  return timedAsync(limitMs, () =>
    work().then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    ),
  );
}

const accessToken = 'access-token-SECRET-7f3a';

const samples = {
  info: {
    identityId: '2c9180835d2e5168015d32f890ca1581',
    sourceId: '2c91808570313110017040b06f344ec9',
    publicKeyId: 'N2MxZjRkMGQtYjE2Ni00OWU4LTljM2ItNTliYjI2YmUxNWNm',
    publicKey: 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA',
    accounts: [{ accountId: 'CN=Alice Smith,OU=Staff,DC=corp,DC=example', accountName: 'alice.smith' }],
    policies: ['passwordMinLength is 12', 'passwordRepeatedChar is 3'],
  },
  change: { requestId: '089899f13a8f4da7824996191587bab9', state: 'IN_PROGRESS' },
  status: { requestId: '089899f13a8f4da7824996191587bab9', state: 'FINISHED', errors: [], sourceIds: ['2c91808570313110017040b06f344ec9'] },
  digit: { digitToken: '009183', requestId: 'e1267ecd-fcd9-4c73-9c55-12555efad136' },
  orgConfig: { customInstructionsEnabled: false, digitTokenEnabled: true, digitTokenDurationMinutes: 5, digitTokenLength: 6 },
  policy: {
    id: 'p1',
    name: 'Default',
    minLength: 8,
    maxLength: 128,
    defaultPolicy: true,
    dateCreated: '2024-01-01T00:00:00Z',
    sourceIds: ['s1'],
  },
  syncGroup: { id: 'g1', name: 'Directory and HR', passwordPolicyId: 'p1', sourceIds: ['s1', 's2'], created: 1_700_000_000_000 },
};

interface Endpoint {
  name: string;
  call(client: TestClient, id: string): Promise<unknown>;
  /** Anything the call returns must match this. */
  schema: v.GenericSchema;
  samples: Record<string, unknown>[];
}

const endpoints: Endpoint[] = [
  {
    name: 'query-password-info',
    call: (c) => c.queryPasswordInfo({ userName: 'alice', sourceName: 'Active Directory' }),
    schema: PasswordInfo,
    samples: [samples.info],
  },
  {
    name: 'set-password',
    call: (c) => c.setPassword({ identityId: 'i', sourceId: 's', publicKeyId: 'k', accountId: 'a', encryptedPassword: 'A'.repeat(344) }),
    schema: PasswordChangeResponse,
    samples: [samples.change],
  },
  {
    name: 'password-change-status',
    call: (c, id) => c.getPasswordChangeStatus(id),
    schema: v.variant('kind', [
      v.object({ kind: v.literal('status'), status: PasswordStatus }),
      v.object({ kind: v.literal('not-readable') }),
    ]),
    samples: [samples.status],
  },
  {
    name: 'digit-token',
    call: (c) => c.createDigitToken({ userId: 'alice', length: 8, durationMinutes: 5 }),
    schema: PasswordDigitToken,
    samples: [samples.digit],
  },
  { name: 'org-config get', call: (c) => c.getOrgConfig(), schema: PasswordOrgConfig, samples: [samples.orgConfig] },
  { name: 'org-config create', call: (c) => c.createOrgConfig(samples.orgConfig), schema: PasswordOrgConfig, samples: [samples.orgConfig] },
  { name: 'org-config update', call: (c) => c.updateOrgConfig(samples.orgConfig), schema: PasswordOrgConfig, samples: [samples.orgConfig] },
  {
    name: 'password-policies list',
    call: (c) => c.listPasswordPolicies({ limit: 250, offset: 0 }),
    schema: v.array(PasswordPolicyV3Dto),
    samples: [samples.policy],
  },
  { name: 'password-policy', call: (c, id) => c.getPasswordPolicy(id), schema: PasswordPolicyV3Dto, samples: [samples.policy] },
  {
    name: 'sync-groups list',
    call: (c) => c.listSyncGroups({ limit: 250 }),
    schema: v.array(PasswordSyncGroup),
    samples: [samples.syncGroup],
  },
  { name: 'sync-group', call: (c, id) => c.getSyncGroup(id), schema: PasswordSyncGroup, samples: [samples.syncGroup] },
];

const versions: readonly ApiVersion[] = API_VERSIONS;
/** Path parameters come from earlier ISC replies (request ids, policy ids), so they are just as untrusted. */
const pathId = fc.oneof(fc.constant('089899f13a8f4da7824996191587bab9'), nastyString);

describe('hostile ISC replies', () => {
  afterAll(() => {
    console.info('hostile-api cases:', [...casesRun].map(([name, runs]) => `${name}=${runs}`).join(', '));
  });

  for (const endpoint of endpoints) {
    it(`${endpoint.name}: returns schema-valid data or throws a typed ApiError, for any reply`, async () => {
      await fc.assert(
        fc.asyncProperty(
          replies(shapedBodies(endpoint.samples)),
          fc.constantFrom(...versions),
          pathId,
          fc.boolean(),
          async (script, version, id, refreshFails) => {
            const { fetch, calls } = hostileFetch(script);
            const client = withAdmin(
              createIscClient({
                apiBaseUrl: 'https://acme.api.identitynow.com',
                version,
                fetch,
                getAccessToken: async () => accessToken,
                refreshAccessToken: async () => {
                  if (refreshFails) throw new ApiError('signed-out');
                  return `${accessToken}-refreshed`;
                },
                sleep: async () => undefined,
                random: () => 0.5,
                timeoutMs: 1,
              }),
            );
            const result = await outcome(() => endpoint.call(client, id));
            if (result.ok)
              check(
                v.is(endpoint.schema, result.value),
                `accepted a reply its schema refuses: ${JSON.stringify(result.value).slice(0, 200)}`,
              );
            else checkApiError(result.error, [accessToken]);
            // Bounded retries: a hostile server cannot keep the client busy.
            check(calls() <= 16, `made ${calls()} requests`);
          },
        ),
        counted(endpoint.name, 400),
      );
    });
  }

  it('discovery returns https (or loopback) sign-in endpoints or a typed ApiError, for any reply', async () => {
    const oauthInfo = {
      tenantId: 't1',
      tenantName: 'acme',
      authorizeEndpoint: 'https://acme.login.sailpoint.com/oauth/authorize',
      tokenEndpoint: 'https://acme.api.identitynow.com/oauth/token',
      logoutUrl: 'https://acme.login.sailpoint.com/logout',
      cloudDomainUrl: 'https://acme.identitynow.com',
      pod: 'stg01-useast1',
    };
    const endpointValue = fc.constantFrom(
      'http://evil.example/oauth/token',
      'javascript:alert(1)',
      'data:text/html,hi',
      'https://evil.example/authorize',
      'http://127.0.0.1:8080/oauth/token',
      'file:///etc/passwd',
      '//evil.example',
      'not a url',
    );
    await fc.assert(
      fc.asyncProperty(
        replies(shapedBodies([oauthInfo]).map((body) => body)),
        fc.oneof(
          fc.constant(undefined),
          fc.record({ authorizeEndpoint: endpointValue, tokenEndpoint: endpointValue }, { requiredKeys: [] }),
        ),
        fc.constantFrom('https://acme.api.identitynow.com', 'https://iam.corp.example', 'http://127.0.0.1:8443'),
        fc
          .record({ authorizeEndpoint: endpointValue, tokenEndpoint: endpointValue })
          .map((fields) => JSON.stringify({ ...oauthInfo, ...fields })),
        async (script, overrides, base, insecureInfo) => {
          const { fetch } = hostileFetch([...script, { kind: 'response', status: 200, headers: {}, body: insecureInfo }]);
          const result = await outcome(() => discover(base, fetch, { overrides, timeoutMs: 1 }));
          if (!result.ok) return checkApiError(result.error);
          const { authorizeEndpoint, tokenEndpoint, source } = result.value;
          check(typeof authorizeEndpoint === 'string' && typeof tokenEndpoint === 'string', 'endpoints are not strings');
          if (source === 'oauth-info' && !overrides?.authorizeEndpoint)
            check(secure(authorizeEndpoint), `insecure authorize ${authorizeEndpoint}`);
          if (source === 'oauth-info' && !overrides?.tokenEndpoint) check(secure(tokenEndpoint), `insecure token ${tokenEndpoint}`);
        },
      ),
      counted('discover', 1_500),
    );
  });

  it('the token endpoint calls return a usable token set or a typed ApiError that repeats no secret', async () => {
    const code = 'auth-code-SECRET-91c2';
    const refresh = 'refresh-token-SECRET-4be0';
    const clientSecret = 'pat-secret-SECRET-a81d';
    const tokenReply = {
      access_token: 'eyJhbGciOiJSUzI1NiJ9.eyJleHAiOjE5MDAwMDAwMDB9.c2ln',
      token_type: 'bearer',
      refresh_token: 'r2',
      expires_in: 749,
      scope: 'a b',
    };
    const echoes = fc
      .constantFrom(code, refresh, clientSecret)
      .chain((secret) =>
        fc.constantFrom(
          JSON.stringify({ error: 'invalid_grant', error_description: `grant ${secret} is expired` }),
          JSON.stringify({ error: secret }),
          JSON.stringify({ error: `invalid_client ${secret}` }),
          JSON.stringify({ message: secret, detailCode: secret, trackingId: secret }),
        ),
      );
    await fc.assert(
      fc.asyncProperty(
        replies(fc.oneof(shapedBodies([tokenReply, { error: 'invalid_grant', error_description: 'expired' }]), echoes)),
        fc.constantFrom('exchange', 'refresh', 'client-credentials'),
        async (script, grant) => {
          const { fetch } = hostileFetch(script);
          const base = { tokenEndpoint: 'https://acme.api.identitynow.com/oauth/token', clientId: 'rekey', fetch, timeoutMs: 1 };
          const result = await outcome(() =>
            grant === 'exchange'
              ? exchangeCode({ ...base, code, codeVerifier: 'v'.repeat(43), redirectUri: 'https://x.chromiumapp.org/' })
              : grant === 'refresh'
                ? refreshTokens({ ...base, refreshToken: refresh })
                : clientCredentials({ ...base, clientSecret }),
          );
          if (!result.ok) return checkApiError(result.error, [code, refresh, clientSecret]);
          const tokens = result.value;
          check(typeof tokens.accessToken === 'string' && tokens.accessToken.length > 0, 'empty access token');
          check(isDate(tokens.expiresAt), `expiresAt ${tokens.expiresAt}`);
          check(
            tokens.scopes.every((scope) => typeof scope === 'string'),
            'non-string scope',
          );
        },
      ),
      counted('token endpoint', 2_000),
    );
  });

  it('decodeClaims reads any JWT-shaped garbage into an Identity or a typed ApiError', () => {
    const base64Url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
    const jwt = fc.oneof(
      nastyString,
      fc
        .tuple(nastyString, jsonish, nastyString)
        .map(([head, payload, signature]) => `${head}.${base64Url(JSON.stringify(payload) ?? '')}.${signature}`),
      fc
        .record({
          exp: fc.oneof(fc.double(), fc.integer(), edgyNumber, nastyString),
          authorities: jsonish,
          scope: jsonish,
          user_name: jsonish,
          org: jsonish,
        })
        .map((claims) => `h.${base64Url(JSON.stringify(claims))}.s`),
      fc.constantFrom('a.b', '..', 'a.====.b', 'a.\ud800.b', `a.${'A'.repeat(100_001)}.b`, 'a.e30.b', 'a.bnVsbA.b', 'a.W10.b'),
    );
    fc.assert(
      fc.property(jwt, (token) => {
        let identity: ReturnType<typeof decodeClaims>;
        try {
          identity = decodeClaims(token);
        } catch (error) {
          return checkApiError(error);
        }
        check(isDate(identity.expiresAt), `expiresAt ${identity.expiresAt}`);
        check(
          identity.authorities.every((a) => typeof a === 'string') && identity.scopes.every((s) => typeof s === 'string'),
          'non-string authority or scope',
        );
        for (const field of ['identityId', 'userName', 'displayName', 'tenant', 'clientId'] as const) {
          check(identity[field] === undefined || typeof identity[field] === 'string', `${field} is not a string`);
        }
      }),
      counted('decodeClaims', 3_000),
    );
  });

  it('parseRedirect returns a code only when the state matches, and otherwise a typed ApiError', () => {
    const state = 'expected-state-0123456789abcdef';
    const redirect = fc.oneof(
      nastyString,
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc
        .record(
          {
            state: fc.oneof(fc.constant(state), fc.constant(`${state}x`), fc.constant(''), nastyString),
            code: fc.oneof(fc.constant('the-code'), fc.constant(''), nastyString),
            error: fc.oneof(fc.constant('access_denied'), fc.constant('server_error'), nastyString),
          },
          { requiredKeys: [] },
        )
        .chain((params) =>
          fc
            .constantFrom('?', '#')
            .map(
              (separator) => `https://abc.chromiumapp.org/${separator}${new URLSearchParams(params as Record<string, string>).toString()}`,
            ),
        ),
    );
    fc.assert(
      fc.property(redirect, fc.constantFrom(state, ''), (url, expected) => {
        let code: string;
        try {
          code = parseRedirect(url, expected);
        } catch (error) {
          return checkApiError(error);
        }
        check(expected !== '' && typeof code === 'string' && code.length > 0, 'accepted an empty code or an empty expected state');
        const parsed = new URL(url);
        const params =
          parsed.searchParams.has('state') || parsed.searchParams.has('code')
            ? parsed.searchParams
            : new URLSearchParams(parsed.hash.slice(1));
        check(params.get('state') === expected, 'accepted a code whose state does not match (login CSRF)');
      }),
      counted('parseRedirect', 3_000),
    );
  });

  it('normalizeTenant never throws and only ever accepts https, or http on loopback', () => {
    const typed = fc.oneof(
      nastyString,
      fc.webUrl(),
      fc.domain(),
      fc.constantFrom(
        'http://acme.api.identitynow.com',
        'ftp://acme.example',
        'javascript:alert(1)',
        'https://user:pw@acme.example',
        'http://127.0.0.1.evil.example',
        'http://localhost.evil.example:80',
        '127.0.0.1:8443',
        'http://[::1]:1/',
        'https://api.identitynow.com',
      ),
    );
    fc.assert(
      fc.property(typed, (input) => {
        const result = normalizeTenant(input);
        if (!result.ok) return check(typeof result.messageKey === 'string', 'refusal without a message key');
        check(secure(result.apiBaseUrl), `accepted an insecure tenant ${result.apiBaseUrl}`);
        check(!new URL(result.apiBaseUrl).username && !new URL(result.apiBaseUrl).password, 'kept credentials in the URL');
      }),
      counted('normalizeTenant', 3_000),
    );
  });
});

/** A time the UI can format: Intl.DateTimeFormat throws a RangeError for anything else. */
function isDate(ms: number): boolean {
  return Number.isFinite(ms) && !Number.isNaN(new Date(ms).getTime());
}

function secure(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === 'https:' || (protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(hostname));
}
