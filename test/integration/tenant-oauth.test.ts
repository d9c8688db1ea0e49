import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDS, type SandboxTenant, startTenant, type TokenResponse } from '@/sandbox/tenant';
import { api, authorizeParams, CHROME_REDIRECT, claimsOf, clientCredentials, pkce, signIn, userTokens } from '../fixtures/tenant/client';

let tenant: SandboxTenant;

beforeAll(async () => {
  tenant = await startTenant({ statusDelayMs: 0 });
});
afterAll(() => tenant.stop());

function tokenRequest(fields: Record<string, string>, init: RequestInit = {}) {
  return fetch(`${tenant.url}/oauth/token`, { method: 'POST', body: new URLSearchParams(fields), ...init });
}

async function codeFor(username: string, password: string, redirectUri = CHROME_REDIRECT) {
  const { verifier, challenge } = pkce();
  const response = await signIn(tenant.url, username, password, { challenge, redirectUri });
  const code = new URL(response.headers.get('location') ?? '').searchParams.get('code') ?? '';
  return { code, verifier };
}

describe('OAuth discovery', () => {
  it('serves /oauth/info with endpoints on this server, readable from any origin', async () => {
    const response = await fetch(`${tenant.url}/oauth/info`, { headers: { Origin: 'https://example.org' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://example.org');
    expect(await response.json()).toEqual({
      tenantId: tenant.tenant.id,
      tenantName: 'sandbox',
      authorizeEndpoint: `${tenant.url}/oauth/authorize`,
      tokenEndpoint: `${tenant.url}/oauth/token`,
      cloudDomainUrl: tenant.url,
      logoutUrl: `${tenant.url}/logout`,
      pod: tenant.tenant.pod,
    });
  });
});

describe('the sign-in page', () => {
  it('is plain HTML without JavaScript, with labelled username and password inputs and a Sign in button', async () => {
    const response = await fetch(`${tenant.url}/oauth/authorize?${authorizeParams({ challenge: pkce().challenge })}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const page = await response.text();
    expect(page).not.toMatch(/<script|javascript:|\son\w+=/i);
    expect(page).toContain('<label for="username">Username</label>');
    expect(page).toContain('<label for="password">Password</label>');
    expect(page).toMatch(/<input id="password" name="password" type="password"/);
    expect(page).toContain('<button type="submit">Sign in</button>');
  });

  it.each([
    ['an unknown client', { clientId: 'nobody' }, 'Unknown OAuth client.'],
    ['an unregistered redirect URI', { redirectUri: 'https://evil.example/cb' }, 'not registered'],
    ['a redirect URI that only looks like an extension one', { redirectUri: 'https://x.chromiumapp.org@evil.example/' }, 'not registered'],
  ])('shows an error page (never a redirect) for %s', async (_label, override, message) => {
    const response = await fetch(`${tenant.url}/oauth/authorize?${authorizeParams({ challenge: 'c', ...override })}`, {
      redirect: 'manual',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(await response.text()).toContain(message);
  });

  it.each([
    ['response_type is not code', { response_type: 'token' }, 'unsupported_response_type'],
    ['state is missing', { state: '' }, 'invalid_request'],
    ['the PKCE challenge is missing', { code_challenge: '' }, 'invalid_request'],
    ['the PKCE method is plain', { code_challenge_method: 'plain' }, 'invalid_request'],
    ['a scope the client may not have is asked for', { scope: 'sp:scopes:all' }, 'invalid_scope'],
  ])('redirects back with an OAuth error when %s', async (_label, override, error) => {
    const params = authorizeParams({ challenge: 'c' });
    for (const [key, value] of Object.entries(override)) params.set(key, value);
    const response = await fetch(`${tenant.url}/oauth/authorize?${params}`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(CHROME_REDIRECT);
    expect(location.searchParams.get('error')).toBe(error);
  });

  it('accepts Firefox and loopback redirect URIs', async () => {
    for (const redirectUri of ['https://0123abcd.extensions.allizom.org/cb', 'http://127.0.0.1:45678/callback']) {
      const response = await signIn(tenant.url, 'bob', 'Bob-Sandbox-1', { challenge: pkce().challenge, redirectUri });
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toMatch(new RegExp(`^${redirectUri.replace(/[.?]/g, '\\$&')}\\?code=`));
    }
  });

  it('re-renders the page with an error for wrong credentials, keeping the request', async () => {
    const response = await signIn(tenant.url, 'alice', 'wrong-password', { challenge: 'abc', state: 'keep-me' });
    expect(response.status).toBe(401);
    const page = await response.text();
    expect(page).toContain('role="alert"');
    expect(page).toContain('Incorrect username or password.');
    expect(page).toContain('name="state" value="keep-me"');
    expect(page).not.toContain('wrong-password');
  });

  it('redirects to the redirect URI with a code and the state after a correct sign-in', async () => {
    const response = await signIn(tenant.url, 'alice', 'Alice-Sandbox-1', { challenge: pkce().challenge, state: 's-42' });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location') ?? '');
    expect(location.searchParams.get('state')).toBe('s-42');
    expect(location.searchParams.get('code')).toMatch(/^[\w-]{20,}$/);
  });
});

describe('the authorization_code grant', () => {
  it('issues ISC-shaped access and refresh JWTs for the PKCE verifier, from a form body', async () => {
    const { code, verifier } = await codeFor('alice', 'Alice-Sandbox-1');
    const response = await tokenRequest({
      grant_type: 'authorization_code',
      code,
      redirect_uri: CHROME_REDIRECT,
      client_id: 'rekey-extension',
      code_verifier: verifier,
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as TokenResponse;
    expect(body).toMatchObject({ token_type: 'bearer', expires_in: 750, tenant_id: tenant.tenant.id, identity_id: IDS.alice });
    expect(body.scope.split(' ')).toEqual(['idn:password-info:read', 'idn:password-change:manage', 'idn:password-change:read']);
    const claims = claimsOf(body.access_token);
    expect(claims).toMatchObject({
      tenant_id: tenant.tenant.id,
      org: 'sandbox',
      pod: tenant.tenant.pod,
      internal: true,
      identity_id: IDS.alice,
      user_name: 'alice',
      user_id: IDS.alice,
      authorities: [],
      client_id: 'rekey-extension',
      strong_auth: false,
    });
    expect(claims.exp).toBe(Math.floor(tenant.now() / 1000) + 750);
    expect(typeof claims.jti).toBe('string');
    expect(claimsOf(body.refresh_token ?? '').identity_id).toBe(IDS.alice);
  });

  it('accepts the same exchange as multipart/form-data', async () => {
    const { code, verifier } = await codeFor('bob', 'Bob-Sandbox-1');
    const form = new FormData();
    for (const [key, value] of Object.entries({
      grant_type: 'authorization_code',
      code,
      redirect_uri: CHROME_REDIRECT,
      client_id: 'rekey-extension',
      code_verifier: verifier,
    })) {
      form.append(key, value);
    }
    const response = await fetch(`${tenant.url}/oauth/token`, { method: 'POST', body: form });
    expect(response.status).toBe(200);
    expect(((await response.json()) as TokenResponse).identity_id).toBe(IDS.bob);
  });

  it('rejects a wrong verifier, a different redirect URI and a second use of the code with invalid_grant', async () => {
    const { code, verifier } = await codeFor('alice', 'Alice-Sandbox-1');
    const base = { grant_type: 'authorization_code', code, redirect_uri: CHROME_REDIRECT, client_id: 'rekey-extension' };
    const wrongVerifier = await tokenRequest({ ...base, code_verifier: pkce().verifier });
    expect(wrongVerifier.status).toBe(400);
    expect(await wrongVerifier.json()).toEqual({ error: 'invalid_grant', error_description: 'PKCE verification failed' });
    const wrongRedirect = await tokenRequest({ ...base, redirect_uri: 'http://127.0.0.1:1/other', code_verifier: verifier });
    expect(((await wrongRedirect.json()) as { error: string }).error).toBe('invalid_grant');
    expect((await tokenRequest({ ...base, code_verifier: verifier })).status).toBe(200);
    const replay = await tokenRequest({ ...base, code_verifier: verifier });
    expect(replay.status).toBe(400);
    expect(((await replay.json()) as { error_description: string }).error_description).toContain('already been used');
  });

  it('answers invalid_request without a verifier and unsupported_grant_type for unknown grants', async () => {
    const { code } = await codeFor('alice', 'Alice-Sandbox-1');
    const noVerifier = await tokenRequest({
      grant_type: 'authorization_code',
      code,
      redirect_uri: CHROME_REDIRECT,
      client_id: 'rekey-extension',
    });
    expect(((await noVerifier.json()) as { error: string }).error).toBe('invalid_request');
    const password = await tokenRequest({ grant_type: 'password', client_id: 'rekey-extension' });
    expect(password.status).toBe(400);
    expect(((await password.json()) as { error: string }).error).toBe('unsupported_grant_type');
  });

  it('lets the admin identity sign in interactively with ORG_ADMIN authority', async () => {
    const tokens = await userTokens(tenant.url, 'admin', 'Admin-Sandbox-1');
    expect(claimsOf(tokens.access_token).authorities).toEqual(['ORG_ADMIN']);
  });
});

describe('the refresh_token grant', () => {
  it('rotates both tokens and invalidates the old refresh token', async () => {
    const first = await userTokens(tenant.url, 'alice', 'Alice-Sandbox-1');
    const refreshed = await tokenRequest({
      grant_type: 'refresh_token',
      refresh_token: first.refresh_token ?? '',
      client_id: 'rekey-extension',
    });
    expect(refreshed.status).toBe(200);
    const second = (await refreshed.json()) as TokenResponse;
    expect(second.access_token).not.toBe(first.access_token);
    expect(second.refresh_token).not.toBe(first.refresh_token);
    const reused = await tokenRequest({
      grant_type: 'refresh_token',
      refresh_token: first.refresh_token ?? '',
      client_id: 'rekey-extension',
    });
    expect(reused.status).toBe(400);
    expect(((await reused.json()) as { error: string }).error).toBe('invalid_grant');
  });

  it('refuses refresh tokens revoked through the control API', async () => {
    const tokens = await userTokens(tenant.url, 'bob', 'Bob-Sandbox-1');
    expect(tenant.revokeRefreshTokens('bob')).toBeGreaterThanOrEqual(1);
    const response = await tokenRequest({
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token ?? '',
      client_id: 'rekey-extension',
    });
    expect(await response.json()).toEqual({ error: 'invalid_grant', error_description: 'Refresh token has been revoked or already used' });
  });

  it('refuses an expired refresh token', async () => {
    const short = await startTenant({ refreshTokenTtlSeconds: 5 });
    try {
      const tokens = short.issueToken('alice');
      short.advanceClock(6_000);
      const response = await fetch(`${short.url}/oauth/token`, {
        method: 'POST',
        body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token ?? '', client_id: 'rekey-extension' }),
      });
      expect(await response.json()).toEqual({ error: 'invalid_grant', error_description: 'Refresh token has expired' });
    } finally {
      await short.stop();
    }
  });
});

describe('the client_credentials grant', () => {
  it('accepts the secret in the body and in HTTP Basic, and issues API tokens without a refresh token', async () => {
    const body = await clientCredentials(tenant.url);
    const basic = await tokenRequest(
      { grant_type: 'client_credentials' },
      { headers: { Authorization: `Basic ${Buffer.from('sandbox-admin:sandbox-secret').toString('base64')}` } },
    );
    expect(basic.status).toBe(200);
    for (const tokens of [body, (await basic.json()) as TokenResponse]) {
      expect(tokens.refresh_token).toBeUndefined();
      expect(tokens.identity_id).toBeUndefined();
      const claims = claimsOf(tokens.access_token);
      expect(claims.authorities).toEqual(['API', 'ORG_ADMIN']);
      expect(claims.client_id).toBe('sandbox-admin');
      expect(claims.identity_id).toBeUndefined();
    }
  });

  it('answers invalid_client with 401 for a wrong secret or an unknown client', async () => {
    const wrong = await tokenRequest({ grant_type: 'client_credentials', client_id: 'sandbox-admin', client_secret: 'nope' });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ error: 'invalid_client', error_description: 'Bad client credentials' });
    const unknown = await tokenRequest({ grant_type: 'client_credentials', client_id: 'ghost', client_secret: 'x' });
    expect(((await unknown.json()) as { error: string }).error).toBe('invalid_client');
  });

  it('refuses a grant the client is not registered for', async () => {
    const response = await tokenRequest({ grant_type: 'client_credentials', client_id: 'rekey-extension' });
    expect(((await response.json()) as { error: string }).error).toBe('unauthorized_client');
  });
});

describe('bearer tokens at the API', () => {
  const body = { userName: 'alice', sourceName: 'Active Directory' };

  it('answers 401 with ISC bodies for missing, forged and expired tokens', async () => {
    const short = await startTenant({ accessTokenTtlSeconds: 2 });
    try {
      const missing = await fetch(`${short.url}/v3/query-password-info`, { method: 'POST', body: JSON.stringify(body) });
      expect(missing.status).toBe(401);
      expect(await missing.json()).toEqual({ error: 'JWT validation failed: JWT is missing' });
      const tokens = short.issueToken('alice');
      const [header, payload] = tokens.access_token.split('.');
      const forged = await api(short.url, `${header}.${payload}.AAAA`, '/v3/query-password-info', { method: 'POST', body });
      expect(await forged.json()).toEqual({ error: 'JWT validation failed: JWT signature does not match' });
      expect((await api(short.url, tokens.access_token, '/v3/query-password-info', { method: 'POST', body })).status).toBe(200);
      short.advanceClock(2_000);
      const expired = await api(short.url, tokens.access_token, '/v3/query-password-info', { method: 'POST', body });
      expect(expired.status).toBe(401);
      expect(await expired.json()).toEqual({ error: 'JWT validation failed: JWT is expired' });
    } finally {
      await short.stop();
    }
  });

  it('does not accept a refresh token as a bearer token', async () => {
    const tokens = tenant.issueToken('alice');
    const response = await api(tenant.url, tokens.refresh_token ?? '', '/v3/query-password-info', { method: 'POST', body });
    expect(response.status).toBe(401);
  });
});

describe('CORS for the extension', () => {
  it('answers preflights from extension origins with 204 and the allowed methods and headers', async () => {
    for (const origin of ['chrome-extension://abcdefghijklmnopabcdefghijklmnop', 'moz-extension://0b1c2d3e-aaaa-bbbb-cccc-0123456789ab']) {
      const response = await fetch(`${tenant.url}/oauth/token`, {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
      });
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(origin);
      expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST, PUT, OPTIONS');
      expect(response.headers.get('access-control-allow-headers')).toBe(
        'Authorization, Content-Type, X-SailPoint-Experimental, Add-Padding',
      );
    }
  });

  it('exposes Retry-After and X-Total-Count to extension origins but not to web pages', async () => {
    const { access_token } = await clientCredentials(tenant.url);
    const fromExtension = await api(tenant.url, access_token, '/v3/password-policies?count=true', {
      headers: { Origin: 'chrome-extension://abc' },
    });
    expect(fromExtension.headers.get('access-control-expose-headers')).toBe('Retry-After, X-Total-Count');
    const fromWeb = await api(tenant.url, access_token, '/v3/password-policies', { headers: { Origin: 'https://evil.example' } });
    expect(fromWeb.headers.get('access-control-allow-origin')).toBeNull();
  });
});
