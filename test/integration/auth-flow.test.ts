import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EXTENSION_SCOPES, IDS, type SandboxTenant, startTenant } from '@/sandbox/tenant';
import { createIscClient } from '@/utils/api/client';
import { discover } from '@/utils/auth/discovery';
import { buildAuthorizeUrl, createPkcePair, createState, parseRedirect } from '@/utils/auth/pkce';
import { createSessionManager, type StoredSession } from '@/utils/auth/session';
import { normalizeTenant } from '@/utils/auth/tenant';
import { clientCredentials, decodeClaims, exchangeCode, refreshTokens, type TokenSet } from '@/utils/auth/tokens';
import { withAdmin } from '../fixtures/admin-client';
import { failure } from '../fixtures/api-error';

const CLIENT_ID = 'rekey-extension';
let tenant: SandboxTenant;
let redirectUri: string;

beforeAll(async () => {
  tenant = await startTenant({ statusDelayMs: 0 });
  // The public client accepts loopback redirects on any port, as a desktop app's would be.
  redirectUri = `http://127.0.0.1:${tenant.port}/callback`;
});
afterAll(() => tenant.stop());
beforeEach(() => {
  tenant.setClockOffset(0);
  tenant.clearFaults();
  tenant.clearRequestLog();
});

/** What the browser does in launchWebAuthFlow: show the sign-in page, submit it, stop at the redirect. */
async function signInThroughPage(authorizeUrl: string, username: string, password: string): Promise<Response> {
  const page = await fetch(authorizeUrl);
  expect(page.status).toBe(200);
  const html = await page.text();
  const form = new URLSearchParams();
  for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    form.set(
      name!,
      value!
        .replace(/&amp;/g, '&')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>'),
    );
  }
  form.set('username', username);
  form.set('password', password);
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  expect(action).toBeDefined();
  return fetch(new URL(action!, authorizeUrl), { method: 'POST', body: form, redirect: 'manual' });
}

async function signInAsAlice(): Promise<{ tokens: TokenSet; tokenEndpoint: string }> {
  const endpoints = await discover(tenant.url, fetch);
  const pkce = await createPkcePair();
  const state = createState();
  const authorizeUrl = buildAuthorizeUrl({
    authorizeEndpoint: endpoints.authorizeEndpoint,
    clientId: CLIENT_ID,
    redirectUri,
    state,
    codeChallenge: pkce.challenge,
    scope: EXTENSION_SCOPES.join(' '),
  });
  const response = await signInThroughPage(authorizeUrl, 'alice', 'Alice-Sandbox-1');
  expect(response.status).toBe(302);
  const code = parseRedirect(response.headers.get('location')!, state);
  const tokens = await exchangeCode({
    tokenEndpoint: endpoints.tokenEndpoint,
    clientId: CLIENT_ID,
    code,
    codeVerifier: pkce.verifier,
    redirectUri,
  });
  return { tokens, tokenEndpoint: endpoints.tokenEndpoint };
}

function memoryStore() {
  let saved: StoredSession | null = null;
  return {
    load: async () => saved,
    save: async (session: StoredSession) => {
      saved = session;
    },
    clear: async () => {
      saved = null;
    },
    peek: () => saved,
  };
}

function tokenRequests(): number {
  return tenant.requestLog().filter((entry) => entry.path === '/oauth/token').length;
}

describe('sign-in against the sandbox tenant', () => {
  it('normalises the sandbox URL and discovers its endpoints', async () => {
    const normalized = normalizeTenant(tenant.url);
    expect(normalized).toEqual({ ok: true, apiBaseUrl: tenant.url, origins: ['http://127.0.0.1/*'] });
    const endpoints = await discover(tenant.url, fetch);
    expect(endpoints).toMatchObject({
      tenantName: 'sandbox',
      authorizeEndpoint: `${tenant.url}/oauth/authorize`,
      tokenEndpoint: `${tenant.url}/oauth/token`,
      source: 'oauth-info',
    });
  });

  it('completes the PKCE flow without a browser and signs alice in', async () => {
    const { tokens } = await signInAsAlice();
    expect(tokens.refreshToken).toBeTruthy();
    expect(tokens.scopes).toEqual(EXTENSION_SCOPES);
    expect(decodeClaims(tokens.accessToken)).toMatchObject({
      identityId: IDS.alice,
      userName: 'alice',
      tenant: 'sandbox',
      clientId: CLIENT_ID,
      scopes: EXTENSION_SCOPES,
    });
  });

  it('stays on the sign-in page after a wrong password (no redirect, no code)', async () => {
    const pkce = await createPkcePair();
    const url = buildAuthorizeUrl({
      authorizeEndpoint: `${tenant.url}/oauth/authorize`,
      clientId: CLIENT_ID,
      redirectUri,
      state: createState(),
      codeChallenge: pkce.challenge,
    });
    const response = await signInThroughPage(url, 'alice', 'wrong');
    expect(response.status).toBe(401);
    expect(response.headers.get('location')).toBeNull();
  });

  it('refuses a code exchanged with the wrong verifier, as signed-out', async () => {
    const pkce = await createPkcePair();
    const other = await createPkcePair();
    const state = createState();
    const url = buildAuthorizeUrl({
      authorizeEndpoint: `${tenant.url}/oauth/authorize`,
      clientId: CLIENT_ID,
      redirectUri,
      state,
      codeChallenge: pkce.challenge,
    });
    const response = await signInThroughPage(url, 'alice', 'Alice-Sandbox-1');
    const code = parseRedirect(response.headers.get('location')!, state);
    const error = await failure(
      exchangeCode({ tokenEndpoint: `${tenant.url}/oauth/token`, clientId: CLIENT_ID, code, codeVerifier: other.verifier, redirectUri }),
    );
    expect(error.kind).toBe('signed-out');
  });

  it('rejects an old refresh token once it has been rotated', async () => {
    const { tokens, tokenEndpoint } = await signInAsAlice();
    const rotated = await refreshTokens({ tokenEndpoint, clientId: CLIENT_ID, refreshToken: tokens.refreshToken! });
    expect(rotated.refreshToken).toBeTruthy();
    expect(rotated.refreshToken).not.toBe(tokens.refreshToken);
    const error = await failure(refreshTokens({ tokenEndpoint, clientId: CLIENT_ID, refreshToken: tokens.refreshToken! }));
    expect(error.kind).toBe('signed-out');
    expect(await refreshTokens({ tokenEndpoint, clientId: CLIENT_ID, refreshToken: rotated.refreshToken! })).toHaveProperty('accessToken');
  });

  it('signs in with client credentials (the sandbox admin API client)', async () => {
    const tokens = await clientCredentials({
      tokenEndpoint: `${tenant.url}/oauth/token`,
      clientId: 'sandbox-admin',
      clientSecret: 'sandbox-secret',
    });
    expect(tokens.refreshToken).toBeUndefined();
    expect(decodeClaims(tokens.accessToken)).toMatchObject({ authorities: ['API', 'ORG_ADMIN'], clientId: 'sandbox-admin' });
    expect(decodeClaims(tokens.accessToken).identityId).toBeUndefined();
  });

  it('reports a wrong client secret as a rejected client', async () => {
    const error = await failure(
      clientCredentials({ tokenEndpoint: `${tenant.url}/oauth/token`, clientId: 'sandbox-admin', clientSecret: 'nope' }),
    );
    expect(error).toMatchObject({ kind: 'client-rejected', messageParams: ['invalid_client'] });
  });
});

describe('session against the sandbox tenant', () => {
  it('refreshes an expired token before using it, and stores the rotated refresh token', async () => {
    const { tokens, tokenEndpoint } = await signInAsAlice();
    const store = memoryStore();
    const session = createSessionManager({ store, tokenEndpoint, clientId: CLIENT_ID, now: () => tenant.now() });
    await session.signIn(tokens);
    expect(await session.getAccessToken()).toBe(tokens.accessToken);
    tenant.advanceClock(750_000);
    const fresh = await session.getAccessToken();
    expect(fresh).not.toBe(tokens.accessToken);
    expect(store.peek()?.refreshToken).not.toBe(tokens.refreshToken);
    const client = withAdmin(
      createIscClient({
        apiBaseUrl: tenant.url,
        version: 'v3',
        getAccessToken: session.getAccessToken,
        refreshAccessToken: session.refreshAccessToken,
      }),
    );
    expect((await client.queryPasswordInfo({ userName: 'alice', sourceName: 'Workday' })).identityId).toBe(IDS.alice);
  });

  it('refreshes once for 10 concurrent requests that got a 401', async () => {
    const { tokens, tokenEndpoint } = await signInAsAlice();
    // The session's clock lags the tenant's, so it believes its token is still valid and learns otherwise from the 401s.
    const session = createSessionManager({ store: memoryStore(), tokenEndpoint, clientId: CLIENT_ID, now: () => Date.now() });
    await session.signIn(tokens);
    const client = withAdmin(
      createIscClient({
        apiBaseUrl: tenant.url,
        version: 'v3',
        getAccessToken: session.getAccessToken,
        refreshAccessToken: session.refreshAccessToken,
      }),
    );
    tenant.advanceClock(800_000);
    tenant.clearRequestLog();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => client.queryPasswordInfo({ userName: 'alice', sourceName: 'Active Directory' })),
    );
    expect(results.every((info) => info.identityId === IDS.alice)).toBe(true);
    expect(tokenRequests()).toBe(1);
    const log = tenant.requestLog().filter((entry) => entry.path === '/v3/query-password-info');
    expect(log.filter((entry) => entry.status === 401)).toHaveLength(10);
    expect(log.filter((entry) => entry.status === 200)).toHaveLength(10);
  });

  it('ends the session when the tenant revoked the refresh token', async () => {
    const { tokens, tokenEndpoint } = await signInAsAlice();
    const store = memoryStore();
    const session = createSessionManager({ store, tokenEndpoint, clientId: CLIENT_ID, now: () => tenant.now() });
    await session.signIn(tokens);
    tenant.revokeRefreshTokens('alice');
    tenant.advanceClock(800_000);
    expect((await failure(session.getAccessToken())).kind).toBe('signed-out');
    expect(store.peek()).toBeNull();
    expect(await session.identity()).toBeNull();
  });

  it('signs out: no token is handed out any more', async () => {
    const { tokens, tokenEndpoint } = await signInAsAlice();
    const store = memoryStore();
    const session = createSessionManager({ store, tokenEndpoint, clientId: CLIENT_ID });
    expect(await session.signIn(tokens)).toMatchObject({ userName: 'alice' });
    await session.signOut();
    expect(store.peek()).toBeNull();
    expect((await failure(session.getAccessToken())).kind).toBe('signed-out');
  });

  it('re-mints a client-credentials session with its secret', async () => {
    const tokenEndpoint = `${tenant.url}/oauth/token`;
    const options = { tokenEndpoint, clientId: 'sandbox-admin', clientSecret: 'sandbox-secret' };
    const session = createSessionManager({ ...options, store: memoryStore(), now: () => tenant.now() });
    await session.signIn(await clientCredentials(options), 'client-credentials');
    tenant.advanceClock(800_000);
    tenant.clearRequestLog();
    const client = withAdmin(
      createIscClient({
        apiBaseUrl: tenant.url,
        version: 'v3',
        getAccessToken: session.getAccessToken,
        refreshAccessToken: session.refreshAccessToken,
      }),
    );
    expect(await client.listSyncGroups()).toHaveLength(1);
    expect(tokenRequests()).toBe(1);
  });
});
