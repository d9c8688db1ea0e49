import { describe, expect, it, vi } from 'vitest';
import { createIscClient, type IscClientOptions, type RequestInfo, rateLimitJitterMs } from '@/utils/api/client';
import { ApiError } from '@/utils/api/errors';
import type { FetchLike } from '@/utils/api/http';
import { withAdmin } from '../fixtures/admin-client';
import { failure } from '../fixtures/api-error';

const BASE = 'https://acme.api.identitynow.com';

type Step = Response | Error | ((url: string, init: RequestInit) => Promise<Response>);

interface Call {
  url: string;
  init: RequestInit;
  headers: Record<string, string>;
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

function iscError(status: number, text: string): Response {
  return json(status, {
    detailCode: `${status} Error`,
    trackingId: 'track-123',
    messages: [
      { locale: 'fr-FR', localeOrigin: 'REQUEST', text: 'texte' },
      { locale: 'en-US', localeOrigin: 'DEFAULT', text },
    ],
    causes: [],
  });
}

function networkError(code: string): Error {
  return Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(code), { code }) });
}

/** Never answers; rejects when the client's deadline aborts it. */
const hang: Step = (_url, init) =>
  new Promise((_resolve, reject) => {
    init.signal?.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')));
  });

function scriptedFetch(steps: Step[]) {
  const calls: Call[] = [];
  const fetch: FetchLike = async (url, init = {}) => {
    calls.push({ url, init, headers: { ...(init.headers as Record<string, string>) } });
    const step = steps.shift();
    if (!step) throw new Error(`unexpected request ${url}`);
    if (step instanceof Error) throw step;
    if (typeof step === 'function') return step(url, init);
    return step;
  };
  return { fetch, calls };
}

function setup(steps: Step[], options: Partial<IscClientOptions> = {}) {
  const { fetch, calls } = scriptedFetch(steps);
  const sleeps: number[] = [];
  const requests: RequestInfo[] = [];
  let clock = Date.parse('2026-03-01T10:00:00Z');
  const getAccessToken = vi.fn(async () => 'access-token-1');
  const refreshAccessToken = vi.fn(async (_rejected?: string) => 'access-token-2');
  const client = withAdmin(
    createIscClient({
      apiBaseUrl: BASE,
      version: 'v3',
      getAccessToken,
      refreshAccessToken,
      fetch,
      sleep: async (ms) => {
        sleeps.push(ms);
        clock += ms;
      },
      random: () => 0.5,
      now: () => clock,
      onRequest: (info) => requests.push(info),
      ...options,
    }),
  );
  return { client, calls, sleeps, requests, getAccessToken, refreshAccessToken };
}

const passwordInfo = {
  identityId: 'id-1',
  sourceId: 'src-1',
  publicKeyId: 'key-1',
  publicKey: 'MIIBIjAN',
  accounts: [{ accountId: 'CN=Alice', accountName: 'alice', extra: true }],
  policies: ['passwordMinLength is 12'],
  somethingNew: { nested: 1 },
};

const changeRequest = {
  identityId: 'id-1',
  encryptedPassword: 'Y2lwaGVy',
  publicKeyId: 'key-1',
  accountId: 'CN=Alice',
  sourceId: 'src-1',
};

describe('ISC client: requests', () => {
  it('posts the query with the bearer token and returns the validated password info without unknown fields', async () => {
    const { client, calls } = setup([json(200, passwordInfo)]);
    const info = await client.queryPasswordInfo({ userName: 'alice', sourceName: 'Active Directory' });
    expect(info).toEqual({
      identityId: 'id-1',
      sourceId: 'src-1',
      publicKeyId: 'key-1',
      publicKey: 'MIIBIjAN',
      accounts: [{ accountId: 'CN=Alice', accountName: 'alice' }],
      policies: ['passwordMinLength is 12'],
    });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe(`${BASE}/v3/query-password-info`);
    expect(calls[0]?.init.method).toBe('POST');
    expect(calls[0]?.headers.Authorization).toBe('Bearer access-token-1');
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({ userName: 'alice', sourceName: 'Active Directory' });
  });

  it('tolerates null and missing optional fields', async () => {
    const { client } = setup([json(200, { identityId: null, accounts: null })]);
    expect(await client.queryPasswordInfo({})).toEqual({ identityId: undefined, accounts: [], policies: [] });
  });

  it('sends only the fields of a password change request', async () => {
    const { client, calls } = setup([json(202, { requestId: 'req-1', state: 'IN_PROGRESS' })]);
    const response = await client.setPassword({ ...changeRequest, sneaky: 'x' } as typeof changeRequest);
    expect(response).toEqual({ requestId: 'req-1', state: 'IN_PROGRESS' });
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual(changeRequest);
  });

  it('passes paging to list endpoints and URL-encodes ids', async () => {
    const { client, calls } = setup([json(200, []), json(200, { id: 'a/b', sourceIds: null })]);
    await client.listPasswordPolicies({ limit: 50, offset: 100 });
    await client.getSyncGroup('a/b');
    expect(calls[0]?.url).toBe(`${BASE}/v3/password-policies?limit=50&offset=100`);
    expect(calls[1]?.url).toBe(`${BASE}/v3/password-sync-groups/a%2Fb`);
  });

  it('reports every attempt to onRequest for diagnostics', async () => {
    const { client, requests } = setup([json(503, {}), json(200, passwordInfo)]);
    await client.queryPasswordInfo({ userName: 'alice' });
    expect(requests.map(({ method, path, version, status, attempt }) => ({ method, path, version, status, attempt }))).toEqual([
      { method: 'POST', path: '/v3/query-password-info', version: 'v3', status: 503, attempt: 1 },
      { method: 'POST', path: '/v3/query-password-info', version: 'v3', status: 200, attempt: 2 },
    ]);
    for (const request of requests) expect(request.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('refuses a digit token on v3 without sending a request, naming the versions that have it', async () => {
    const { client, calls } = setup([]);
    const error = await failure(client.createDigitToken({ userId: 'alice' }));
    expect(error.kind).toBe('unsupported-in-version');
    expect(error.messageParams).toEqual(['v3', 'beta, v2024, v2025, v2026, v1']);
    expect(calls).toHaveLength(0);
  });
});

describe('ISC client: rate limiting', () => {
  it('waits for a Retry-After given in seconds, plus a small jitter, then retries', async () => {
    const { client, calls, sleeps } = setup([
      json(429, { message: 'Rate Limit Exceeded' }, { 'Retry-After': '7' }),
      json(200, passwordInfo),
    ]);
    await client.queryPasswordInfo({ userName: 'alice' });
    expect(calls).toHaveLength(2);
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThanOrEqual(7000);
    expect(sleeps[0]).toBeLessThanOrEqual(7000 + rateLimitJitterMs(7000));
  });

  it('waits until a Retry-After given as an HTTP date', async () => {
    const now = Date.parse('2026-03-01T10:00:00Z');
    const { client, sleeps } = setup([json(429, {}, { 'Retry-After': new Date(now + 12_000).toUTCString() }), json(200, passwordInfo)], {
      now: () => now,
      random: () => 0,
    });
    await client.queryPasswordInfo({ userName: 'alice' });
    expect(sleeps).toEqual([12_000]);
  });

  it('keeps the jitter within its bounds for any random value', async () => {
    for (const r of [0, 0.25, 0.999999]) {
      const { client, sleeps } = setup([json(429, {}, { 'Retry-After': '2' }), json(200, passwordInfo)], { random: () => r });
      await client.queryPasswordInfo({});
      expect(sleeps[0]).toBeCloseTo(2000 + r * rateLimitJitterMs(2000), 6);
      expect(sleeps[0]).toBeLessThan(2000 + rateLimitJitterMs(2000));
    }
    expect(rateLimitJitterMs(2000)).toBe(200);
    expect(rateLimitJitterMs(100)).toBe(100);
  });

  it('retries set-password after a 429, because ISC did not process it', async () => {
    const { client, calls } = setup([json(429, {}, { 'Retry-After': '1' }), json(202, { requestId: 'req-1', state: 'IN_PROGRESS' })]);
    expect(await client.setPassword(changeRequest)).toEqual({ requestId: 'req-1', state: 'IN_PROGRESS' });
    expect(calls).toHaveLength(2);
  });

  it('fails at once with rate-limited when Retry-After exceeds the bound', async () => {
    const { client, calls, sleeps } = setup([json(429, {}, { 'Retry-After': '120' })], { maxRetryAfterMs: 60_000 });
    const error = await failure(client.queryPasswordInfo({}));
    expect(error.kind).toBe('rate-limited');
    expect(error.retryAfterMs).toBe(120_000);
    expect(error.messageParams).toEqual(['120']);
    expect(calls).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('gives up with rate-limited after the retry budget', async () => {
    const limited = () => json(429, {}, { 'Retry-After': '1' });
    const { client, calls, sleeps } = setup([limited(), limited(), limited()], { maxInteractiveRateLimitRetries: 2 });
    const error = await failure(client.setPassword(changeRequest));
    expect(error.kind).toBe('rate-limited');
    expect(error.messageKey).toBe('errors.rateLimited');
    expect(calls).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
  });

  it('waits out more 429s for what an employee is waiting for than for admin reads', async () => {
    const limited = () => json(429, {}, { 'Retry-After': '1' });
    const interactive = setup([...Array.from({ length: 6 }, limited), json(200, passwordInfo)]);
    await interactive.client.queryPasswordInfo({});
    expect(interactive.calls).toHaveLength(7);
    const admin = setup(Array.from({ length: 6 }, limited));
    expect((await failure(admin.client.getOrgConfig())).kind).toBe('rate-limited');
    expect(admin.calls).toHaveLength(4);
  });

  it('stops waiting once the total wait would pass maxRateLimitWaitMs', async () => {
    const limited = () => json(429, {}, { 'Retry-After': '20' });
    const { client, calls } = setup(Array.from({ length: 10 }, limited), { maxRateLimitWaitMs: 50_000, random: () => 0 });
    expect((await failure(client.queryPasswordInfo({}))).kind).toBe('rate-limited');
    expect(calls).toHaveLength(3);
  });

  it('leaves a rate-limited status poll to the tracker instead of waiting inside the client', async () => {
    const { client, calls, sleeps } = setup([json(429, {}, { 'Retry-After': '5' })]);
    const error = await failure(client.getPasswordChangeStatus('abc'));
    expect(error.kind).toBe('rate-limited');
    expect(error.retryAfterMs).toBe(5_000);
    expect(calls).toHaveLength(1);
    expect(sleeps).toHaveLength(0);
  });

  it('backs off exponentially when a 429 carries no Retry-After', async () => {
    const { client, sleeps } = setup([json(429, {}), json(429, {}), json(200, passwordInfo)], { random: () => 0 });
    await client.queryPasswordInfo({});
    expect(sleeps).toEqual([1000, 2000]);
  });
});

describe('ISC client: retries of reads', () => {
  it('retries a burst of 5xx on a read and returns the eventual answer', async () => {
    const { client, calls } = setup([json(500, {}), json(502, {}), json(200, { customInstructionsEnabled: true })]);
    expect(await client.getOrgConfig()).toEqual({ customInstructionsEnabled: true });
    expect(calls).toHaveLength(3);
  });

  it('bounds the retries and reports a server error with its tracking id', async () => {
    const { client, calls } = setup([iscError(500, 'a'), iscError(500, 'b'), iscError(500, 'c'), iscError(500, 'd')]);
    const error = await failure(client.getOrgConfig());
    expect(error.kind).toBe('server');
    expect(error.trackingId).toBe('track-123');
    expect(error.messageParams).toEqual(['500']);
    expect(calls).toHaveLength(4);
  });

  it('uses full-jitter exponential backoff capped at the maximum', async () => {
    const randoms = [0.999, 0.999, 0.999, 0.999, 0.999];
    const { client, sleeps } = setup([json(500, {}), json(500, {}), json(500, {}), json(500, {}), json(500, {}), json(200, {})], {
      random: () => randoms.shift() ?? 0,
      maxReadRetries: 5,
      backoffBaseMs: 500,
      backoffMaxMs: 3000,
    });
    await client.getOrgConfig();
    const ceilings = [500, 1000, 2000, 3000, 3000];
    expect(sleeps).toHaveLength(5);
    sleeps.forEach((delay, index) => {
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(ceilings[index] ?? 0);
      expect(delay).toBeGreaterThan((ceilings[index] ?? 0) * 0.99);
    });
  });

  it('retries reads after network errors and timeouts', async () => {
    const { client, calls } = setup([networkError('ECONNRESET'), hang, json(200, passwordInfo)], { timeoutMs: 20 });
    expect((await client.queryPasswordInfo({})).publicKeyId).toBe('key-1');
    expect(calls).toHaveLength(3);
  });

  it('reports a read that keeps timing out as timeout', async () => {
    const { client, calls } = setup([hang, hang], { timeoutMs: 10, maxReadRetries: 1 });
    const error = await failure(client.listSyncGroups());
    expect(error.kind).toBe('timeout');
    expect(error.messageParams).toEqual(['acme.api.identitynow.com']);
    expect(calls).toHaveLength(2);
  });

  it('reports a refused connection as unreachable after its retries', async () => {
    const { client, calls } = setup([networkError('ECONNREFUSED'), networkError('ECONNREFUSED')], { maxReadRetries: 1 });
    expect((await failure(client.getOrgConfig())).kind).toBe('unreachable');
    expect(calls).toHaveLength(2);
  });

  it('reports a DNS failure for an identitynow.com host as a wrong tenant, without retrying', async () => {
    const { client, calls } = setup([networkError('ENOTFOUND')]);
    const error = await failure(client.getOrgConfig());
    expect(error.kind).toBe('wrong-tenant');
    expect(error.messageParams).toEqual(['acme.api.identitynow.com']);
    expect(calls).toHaveLength(1);
  });

  it('reports a DNS failure of a vanity domain as unreachable', async () => {
    const { client } = setup([networkError('ENOTFOUND')], { apiBaseUrl: 'https://id.corp.example' });
    expect((await failure(client.getOrgConfig())).kind).toBe('unreachable');
  });
});

describe('ISC client: set-password is never sent twice', () => {
  it.each([
    ['a timeout', hang],
    ['a dropped connection', networkError('ECONNRESET')],
    ['a socket closed by the server', networkError('UND_ERR_SOCKET')],
    ['a browser network failure', new TypeError('Failed to fetch')],
  ])('answers %s with outcome-unknown after exactly one request', async (_name, step) => {
    const { client, calls } = setup([step as Step, json(202, { requestId: 'dup', state: 'IN_PROGRESS' })], { timeoutMs: 10 });
    const error = await failure(client.setPassword(changeRequest));
    expect(error.kind).toBe('outcome-unknown');
    expect(error.messageKey).toBe('errors.outcomeUnknown');
    expect(calls).toHaveLength(1);
  });

  it('treats a 5xx from set-password as outcome-unknown, without retrying', async () => {
    const { client, calls } = setup([json(504, {}), json(202, { requestId: 'dup', state: 'IN_PROGRESS' })]);
    const error = await failure(client.setPassword(changeRequest));
    expect(error.kind).toBe('outcome-unknown');
    expect(error.status).toBe(504);
    expect(calls).toHaveLength(1);
  });

  it('reports a refused connection as unreachable: nothing was sent', async () => {
    const { client, calls } = setup([networkError('ECONNREFUSED')]);
    expect((await failure(client.setPassword(changeRequest))).kind).toBe('unreachable');
    expect(calls).toHaveLength(1);
  });

  it('does not retry a digit token either', async () => {
    const { client, calls } = setup([networkError('ECONNRESET')], { version: 'v2025' });
    expect((await failure(client.createDigitToken({ userId: 'alice' }))).kind).toBe('outcome-unknown');
    expect(calls).toHaveLength(1);
  });
});

describe('ISC client: expired tokens', () => {
  it('refreshes once on a 401 and retries with the new token', async () => {
    const { client, calls, refreshAccessToken } = setup([
      json(401, { error: 'JWT validation failed: JWT is expired' }),
      json(200, passwordInfo),
    ]);
    await client.queryPasswordInfo({});
    expect(refreshAccessToken).toHaveBeenCalledTimes(1);
    expect(refreshAccessToken).toHaveBeenCalledWith('access-token-1');
    expect(calls.map((call) => call.headers.Authorization)).toEqual(['Bearer access-token-1', 'Bearer access-token-2']);
  });

  it('reports signed-out after a second 401, refreshing only once', async () => {
    const { client, calls, refreshAccessToken } = setup([json(401, {}), json(401, {})]);
    const error = await failure(client.setPassword(changeRequest));
    expect(error.kind).toBe('signed-out');
    expect(refreshAccessToken).toHaveBeenCalledTimes(1);
    expect(calls).toHaveLength(2);
  });

  it('passes on a failed refresh as it is', async () => {
    const { client, refreshAccessToken } = setup([json(401, {})]);
    refreshAccessToken.mockRejectedValueOnce(new ApiError('signed-out'));
    expect((await failure(client.getOrgConfig())).kind).toBe('signed-out');
  });
});

describe('ISC client: answers that can never invite a duplicate change', () => {
  it.each([
    ['no state and no request id', {}],
    ['a null request id', { requestId: null, state: 'IN_PROGRESS' }],
    ['an empty request id', { requestId: '  ', state: 'IN_PROGRESS' }],
    ['a JSON array', []],
    ['a JSON null', null],
  ])('reads a set-password 202 with %s as accepted, with nothing to follow', async (_name, body) => {
    const { client, calls } = setup([json(202, body)]);
    expect(await client.setPassword(changeRequest)).toMatchObject({ requestId: null });
    expect(calls).toHaveLength(1);
  });

  it.each([
    ['an empty body', new Response('', { status: 202 })],
    ['an HTML page', new Response('<html>Accepted</html>', { status: 200, headers: { 'Content-Type': 'text/html' } })],
  ])('reads a set-password 2xx with %s as accepted (never wrong-tenant or try again)', async (_name, response) => {
    const { client, calls } = setup([response]);
    expect(await client.setPassword(changeRequest)).toEqual({ requestId: null, state: null });
    expect(calls).toHaveLength(1);
  });

  it('keeps the request id of a 202 without a state, or with a state the spec does not list, so the change is followed', async () => {
    const { client } = setup([json(202, { requestId: 'req-1' }), json(202, { requestId: 'req-2', state: 'QUEUED' })]);
    expect(await client.setPassword(changeRequest)).toEqual({ requestId: 'req-1', state: null });
    expect(await client.setPassword(changeRequest)).toEqual({ requestId: 'req-2', state: null });
  });

  it.each([
    ['no state', { requestId: 'r' }],
    ['a state the spec does not list', { requestId: 'r', state: 'DONE-ISH' }],
    ['a state of the wrong type', { requestId: 'r', state: 3 }],
    ['an empty object', {}],
  ])('reads a status with %s as "no documented state" (null), not as an error', async (_name, body) => {
    const { client } = setup([json(200, body)]);
    const result = await client.getPasswordChangeStatus('r');
    expect(result).toMatchObject({ kind: 'status', status: { state: null, errors: [], sourceIds: [] } });
  });

  it('reads a status that is not JSON as "no documented state" rather than a wrong tenant', async () => {
    const { client } = setup([new Response('<html>busy</html>', { status: 200, headers: { 'Content-Type': 'text/html' } })]);
    expect(await client.getPasswordChangeStatus('r')).toEqual({
      kind: 'status',
      status: { requestId: null, state: null, errors: [], sourceIds: [] },
    });
  });

  it("reads the beta example's shape (status: IN_PROCESS) as in progress", async () => {
    const { client } = setup([json(200, { status: 'IN_PROCESS', reqeustId: '0898', error: null })], { version: 'beta' });
    expect(await client.getPasswordChangeStatus('0898')).toEqual({
      kind: 'status',
      status: { requestId: null, state: 'IN_PROGRESS', errors: [], sourceIds: [] },
    });
  });

  it('shows a digit token sent as a number exactly as received (JSON numbers carry no leading zeros)', async () => {
    const { client } = setup([json(200, { digitToken: 9087713, requestId: 'r' })], { version: 'v2025' });
    expect(await client.createDigitToken({ userId: 'alice', length: 8 })).toEqual({ digitToken: '9087713', requestId: 'r' });
  });
});

describe('ISC client: password change status', () => {
  const status = { requestId: 'req-1', state: 'FINISHED', errors: [], sourceIds: ['src-1'] };

  it('reads the status on the configured version', async () => {
    const { client, calls } = setup([json(200, status)]);
    expect(await client.getPasswordChangeStatus('req-1')).toEqual({ kind: 'status', status });
    expect(calls[0]?.url).toBe(`${BASE}/v3/password-change-status/req-1`);
  });

  it('falls back to beta after a 403 and goes straight to beta on later polls', async () => {
    const { client, calls } = setup([iscError(403, 'ORG_ADMIN required'), json(200, status), json(200, status)], { version: 'v2025' });
    expect(await client.getPasswordChangeStatus('req-1')).toEqual({ kind: 'status', status });
    expect(await client.getPasswordChangeStatus('req-1')).toEqual({ kind: 'status', status });
    expect(calls.map((call) => new URL(call.url).pathname)).toEqual([
      '/v2025/password-change-status/req-1',
      '/beta/password-change-status/req-1',
      '/beta/password-change-status/req-1',
    ]);
  });

  it('falls back from the v1 layout to beta as well', async () => {
    const { client, calls } = setup([iscError(403, 'no'), json(200, status)], { version: 'v1' });
    await client.getPasswordChangeStatus('req-1');
    expect(calls.map((call) => new URL(call.url).pathname)).toEqual([
      '/password-change-status/v1/req-1',
      '/beta/password-change-status/req-1',
    ]);
  });

  it('reads an employee without ORG_ADMIN on beta first, spending no 403 on the configured version', async () => {
    const { client, calls } = setup([json(200, status), json(200, status)], { statusNeedsBeta: async () => true });
    await client.getPasswordChangeStatus('req-1');
    await client.getPasswordChangeStatus('req-1');
    expect(calls.map((call) => new URL(call.url).pathname)).toEqual([
      '/beta/password-change-status/req-1',
      '/beta/password-change-status/req-1',
    ]);
  });

  it('tries the configured version once when beta refuses an employee the user level said it would not', async () => {
    const { client, calls } = setup([iscError(403, 'no'), json(200, status), json(200, status)], {
      statusNeedsBeta: async () => true,
    });
    expect(await client.getPasswordChangeStatus('req-1')).toMatchObject({ kind: 'status' });
    await client.getPasswordChangeStatus('req-1');
    expect(calls.map((call) => new URL(call.url).pathname)).toEqual([
      '/beta/password-change-status/req-1',
      '/v3/password-change-status/req-1',
      '/v3/password-change-status/req-1',
    ]);
  });

  it('answers not-readable (not failed) when beta forbids it too', async () => {
    const { client, calls } = setup([iscError(403, 'no'), iscError(403, 'no'), iscError(403, 'no')]);
    expect(await client.getPasswordChangeStatus('req-1')).toEqual({ kind: 'not-readable' });
    expect(await client.getPasswordChangeStatus('req-1')).toEqual({ kind: 'not-readable' });
    expect(calls).toHaveLength(3);
  });

  it('answers not-readable after a single request when the version is beta', async () => {
    const { client, calls } = setup([iscError(403, 'no')], { version: 'beta' });
    expect(await client.getPasswordChangeStatus('req-1')).toEqual({ kind: 'not-readable' });
    expect(calls).toHaveLength(1);
  });

  it('reports an unknown request id as not-found', async () => {
    const { client } = setup([iscError(404, 'No password change request with id "x".')]);
    const error = await failure(client.getPasswordChangeStatus('x'));
    expect(error.kind).toBe('not-found');
    expect(error.messageKey).toBe('errors.notFoundRequest');
  });
});

describe('ISC client: error mapping', () => {
  it('explains a 403 from beta query-password-info as needing API authority', async () => {
    const { client } = setup([iscError(403, 'requires API authority')], { version: 'beta' });
    const error = await failure(client.queryPasswordInfo({ userName: 'alice', sourceName: 'AD' }));
    expect(error.kind).toBe('forbidden-api-authority');
    expect(error.messageKey).toBe('errors.forbiddenApiAuthority');
    expect(error.messageParams).toEqual(['v3, v2024, v2025, v2026, v1']);
    expect(error.trackingId).toBe('track-123');
  });

  it('reports a 403 elsewhere as forbidden', async () => {
    const { client } = setup([iscError(403, 'no')], { version: 'v2024' });
    expect((await failure(client.queryPasswordInfo({}))).kind).toBe('forbidden');
  });

  it.each([
    ['No source named "Nope".', 'errors.notFoundSource'],
    ['No identity with user name "zed".', 'errors.notFoundUser'],
    ['Something else entirely.', 'errors.notFound'],
  ])('tells what was not found from the message "%s"', async (text, key) => {
    const { client } = setup([iscError(404, text)]);
    const error = await failure(client.queryPasswordInfo({ userName: 'zed', sourceName: 'Nope' }));
    expect(error.kind).toBe('not-found');
    expect(error.messageKey).toBe(key);
  });

  it("keeps ISC's message text for a bad request, preferring English", async () => {
    const { client } = setup([iscError(400, 'The public key id is not current; query password info again.')]);
    const error = await failure(client.setPassword(changeRequest));
    expect(error).toMatchObject({
      kind: 'bad-request',
      status: 400,
      trackingId: 'track-123',
      detailCode: '400 Error',
      serverMessage: 'The public key id is not current; query password info again.',
      messageKey: 'errors.badRequest',
      messageParams: ['The public key id is not current; query password info again.'],
    });
  });

  it('uses a generic message for a bad request without a body', async () => {
    const { client } = setup([new Response('', { status: 400 })]);
    expect((await failure(client.setPassword(changeRequest))).messageKey).toBe('errors.badRequestNoDetail');
  });

  it.each([
    ['an HTML page', new Response('<!doctype html><title>Login</title>', { status: 200, headers: { 'Content-Type': 'text/html' } })],
    ['an HTML 404', new Response('<html>Not Found</html>', { status: 404, headers: { 'Content-Type': 'text/html' } })],
  ])('treats %s where JSON is expected as a wrong tenant', async (_name, response) => {
    const { client } = setup([response]);
    const error = await failure(client.queryPasswordInfo({}));
    expect(error.kind).toBe('wrong-tenant');
    expect(error.messageParams).toEqual(['acme.api.identitynow.com']);
  });

  it.each([
    ['a digit token that is not a whole number', 'digit', { digitToken: 12.5 }],
    ['a digit token that is empty', 'digit', { digitToken: '' }],
    ['accounts that are not a list', 'info', { accounts: 'alice' }],
    ['a policy list that is an object', 'policies', { items: [] }],
    ['a JSON null', 'info', null],
  ])('turns %s into invalid-response', async (_name, operation, body) => {
    const { client } = setup([json(200, body)], { version: 'v2024' });
    const call: Record<string, () => Promise<unknown>> = {
      status: () => client.getPasswordChangeStatus('r'),
      digit: () => client.createDigitToken({ userId: 'alice' }),
      info: () => client.queryPasswordInfo({}),
      policies: () => client.listPasswordPolicies(),
    };
    const error = await failure(call[operation]!());
    expect(error.kind).toBe('invalid-response');
    expect(error.messageKey).toBe('errors.invalidResponse');
  });

  it('never puts the access token into an error message', async () => {
    const { client } = setup([json(401, {}), json(401, {})]);
    const error = await failure(client.getOrgConfig());
    expect(`${error.message} ${JSON.stringify(error)}`).not.toContain('access-token');
  });
});
