import { describe, expect, it } from 'vitest';
import { ApiError } from '@/utils/api/errors';
import type { FetchLike } from '@/utils/api/http';
import { clientCredentials, decodeClaims, exchangeCode, refreshTokens } from '@/utils/auth/tokens';
import { failure } from '../fixtures/api-error';

const TOKEN_ENDPOINT = 'https://acme.api.identitynow.com/oauth/token';
const NOW = Date.parse('2026-03-01T10:00:00Z');

function fakeJwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}.signature`;
}

const aliceClaims = {
  tenant_id: 't-1',
  org: 'acme',
  pod: 'stg01',
  identity_id: 'id-alice',
  user_name: 'alice',
  authorities: ['USER'],
  client_id: 'rekey-extension',
  scope: ['idn:password-info:read', 'idn:password-change:manage'],
  exp: NOW / 1000 + 750,
  jti: 'j',
};

function tokenFetch(status: number, body: unknown, headers: Record<string, string> = {}) {
  const requests: Array<{ url: string; init: RequestInit; form: URLSearchParams }> = [];
  const fetch: FetchLike = async (url, init = {}) => {
    requests.push({ url, init, form: new URLSearchParams(String(init.body)) });
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    return new Response(text, { status, headers: { 'Content-Type': 'application/json', ...headers } });
  };
  return { fetch, requests };
}

describe('token endpoint', () => {
  const tokens = { access_token: fakeJwt(aliceClaims), refresh_token: 'refresh-2', expires_in: 749, scope: 'a b', token_type: 'bearer' };

  it('exchanges a code with the PKCE verifier, form-encoded and without a secret', async () => {
    const { fetch, requests } = tokenFetch(200, tokens);
    const result = await exchangeCode({
      tokenEndpoint: TOKEN_ENDPOINT,
      clientId: 'rekey-extension',
      code: 'the-code',
      codeVerifier: 'the-verifier',
      redirectUri: 'https://abc.chromiumapp.org/',
      fetch,
      now: () => NOW,
    });
    expect(result).toEqual({ accessToken: tokens.access_token, refreshToken: 'refresh-2', expiresAt: NOW + 749_000, scopes: ['a', 'b'] });
    expect(requests[0]?.url).toBe(TOKEN_ENDPOINT);
    expect(requests[0]?.init.method).toBe('POST');
    expect((requests[0]!.init.headers as Record<string, string>)['Content-Type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(requests[0]!.form)).toEqual({
      grant_type: 'authorization_code',
      code: 'the-code',
      code_verifier: 'the-verifier',
      redirect_uri: 'https://abc.chromiumapp.org/',
      client_id: 'rekey-extension',
    });
  });

  it('refreshes with the refresh token, sending a secret only when configured', async () => {
    const { fetch, requests } = tokenFetch(200, tokens);
    await refreshTokens({ tokenEndpoint: TOKEN_ENDPOINT, clientId: 'c', refreshToken: 'refresh-1', fetch });
    await refreshTokens({ tokenEndpoint: TOKEN_ENDPOINT, clientId: 'c', clientSecret: 's3cret', refreshToken: 'refresh-1', fetch });
    expect(Object.fromEntries(requests[0]!.form)).toEqual({ grant_type: 'refresh_token', refresh_token: 'refresh-1', client_id: 'c' });
    expect(requests[1]!.form.get('client_secret')).toBe('s3cret');
  });

  it('mints client-credentials tokens with the secret', async () => {
    const { fetch, requests } = tokenFetch(200, { access_token: fakeJwt(aliceClaims), expires_in: 100 });
    const result = await clientCredentials({
      tokenEndpoint: TOKEN_ENDPOINT,
      clientId: 'pat',
      clientSecret: 'pat-secret',
      fetch,
      now: () => NOW,
    });
    expect(Object.fromEntries(requests[0]!.form)).toEqual({
      grant_type: 'client_credentials',
      client_id: 'pat',
      client_secret: 'pat-secret',
    });
    expect(result.refreshToken).toBeUndefined();
    expect(result.scopes).toEqual(aliceClaims.scope);
  });

  it('falls back to the JWT expiry when expires_in is missing', async () => {
    const { fetch } = tokenFetch(200, { access_token: fakeJwt(aliceClaims) });
    const result = await refreshTokens({ tokenEndpoint: TOKEN_ENDPOINT, clientId: 'c', refreshToken: 'r', fetch, now: () => NOW });
    expect(result.expiresAt).toBe(aliceClaims.exp * 1000);
  });

  it('reports invalid_grant as signed-out without repeating the description', async () => {
    const { fetch } = tokenFetch(400, { error: 'invalid_grant', error_description: 'Refresh token refresh-1 has been revoked' });
    const error = await failure(refreshTokens({ tokenEndpoint: TOKEN_ENDPOINT, clientId: 'c', refreshToken: 'refresh-1', fetch }));
    expect(error.kind).toBe('signed-out');
    expect(error.detailCode).toBe('invalid_grant');
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain('refresh-1');
  });

  it.each(['invalid_client', 'unauthorized_client', 'unsupported_grant_type', 'invalid_scope'])(
    'reports %s as a rejected client, naming the code',
    async (code) => {
      const { fetch } = tokenFetch(code === 'invalid_client' ? 401 : 400, { error: code, error_description: 'x' });
      const error = await failure(refreshTokens({ tokenEndpoint: TOKEN_ENDPOINT, clientId: 'c', refreshToken: 'r', fetch }));
      expect(error.kind).toBe('client-rejected');
      expect(error.messageParams).toEqual([code]);
    },
  );

  it.each([
    ['an HTML page', 200, '<html>login</html>', 'wrong-tenant'],
    ['a body without access_token', 200, { token_type: 'bearer' }, 'invalid-response'],
    ['a 500', 500, { error: 'server_error' }, 'server'],
    ['a 429', 429, { message: 'slow down' }, 'rate-limited'],
    ['a 400 without an OAuth error', 400, { message: 'bad' }, 'invalid-response'],
  ])('maps %s to %s', async (_name, status, body, kind) => {
    const { fetch } = tokenFetch(status, body, { 'Retry-After': '3' });
    expect((await failure(refreshTokens({ tokenEndpoint: TOKEN_ENDPOINT, clientId: 'c', refreshToken: 'r', fetch }))).kind).toBe(kind);
  });

  it('maps network failures to unreachable and DNS failures of SailPoint hosts to wrong-tenant', async () => {
    const failing =
      (code: string): FetchLike =>
      async () => {
        throw Object.assign(new TypeError('fetch failed'), { cause: { code } });
      };
    const options = { tokenEndpoint: TOKEN_ENDPOINT, clientId: 'c', refreshToken: 'r' };
    expect((await failure(refreshTokens({ ...options, fetch: failing('ECONNREFUSED') }))).kind).toBe('unreachable');
    expect((await failure(refreshTokens({ ...options, fetch: failing('ENOTFOUND') }))).kind).toBe('wrong-tenant');
  });
});

describe('decodeClaims', () => {
  it('reads who the token speaks for', () => {
    expect(decodeClaims(fakeJwt({ ...aliceClaims, display_name: 'Alice Smith' }))).toEqual({
      identityId: 'id-alice',
      userName: 'alice',
      displayName: 'Alice Smith',
      tenant: 'acme',
      authorities: ['USER'],
      scopes: ['idn:password-info:read', 'idn:password-change:manage'],
      expiresAt: aliceClaims.exp * 1000,
      clientId: 'rekey-extension',
    });
  });

  it('accepts a space-separated scope and an API client without identity', () => {
    const identity = decodeClaims(fakeJwt({ exp: 2_000_000_000, scope: 'sp:scopes:all', authorities: ['API'], client_id: 'api' }));
    expect(identity).toEqual({ authorities: ['API'], scopes: ['sp:scopes:all'], expiresAt: 2_000_000_000_000, clientId: 'api' });
  });

  it('decodes UTF-8 claims', () => {
    expect(decodeClaims(fakeJwt({ exp: 1, display_name: 'Zoë Ünal' })).displayName).toBe('Zoë Ünal');
  });

  it.each(['', 'abc', 'a.b.c', `x.${Buffer.from('[1]').toString('base64url')}.y`, fakeJwt({ user_name: 'no-expiry' })])(
    'rejects the malformed token %j as invalid-response',
    (jwt) => {
      expect(() => decodeClaims(jwt)).toThrow(ApiError);
    },
  );
});
