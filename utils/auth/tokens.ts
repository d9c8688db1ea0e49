import * as v from 'valibot';
import { ApiError } from '@/utils/api/errors';
import { type FetchLike, hostOf, httpRequest, isSailPointHost, parseJson, parseRetryAfter, TransportError } from '@/utils/api/http';

/** OAuth 2.0 token endpoint calls (RFC 6749) as ISC implements them, and reading the claims of its JWTs. */

export interface TokenSet {
  accessToken: string;
  /** ISC rotates it on every refresh: always keep the newest. Absent for client_credentials. */
  refreshToken?: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  scopes: string[];
}

export interface TokenEndpointOptions {
  tokenEndpoint: string;
  clientId: string;
  /** Only for confidential clients or personal access tokens; Rekey's public client sends none. */
  clientSecret?: string;
  fetch?: FetchLike;
  now?: () => number;
  timeoutMs?: number;
}

const TokenResponse = v.object({
  access_token: v.pipe(v.string(), v.minLength(1)),
  refresh_token: v.pipe(
    v.nullish(v.string()),
    v.transform((value) => value ?? undefined),
  ),
  expires_in: v.pipe(
    v.nullish(v.number()),
    v.transform((value) => value ?? undefined),
  ),
  scope: v.pipe(
    v.nullish(v.string()),
    v.transform((value) => value ?? undefined),
  ),
});

const OAuthErrorBody = v.object({ error: v.string() });

export async function exchangeCode(
  options: TokenEndpointOptions & { code: string; codeVerifier: string; redirectUri: string },
): Promise<TokenSet> {
  return requestTokens(options, {
    grant_type: 'authorization_code',
    code: options.code,
    code_verifier: options.codeVerifier,
    redirect_uri: options.redirectUri,
  });
}

export async function refreshTokens(options: TokenEndpointOptions & { refreshToken: string }): Promise<TokenSet> {
  return requestTokens(options, { grant_type: 'refresh_token', refresh_token: options.refreshToken });
}

/** Personal access tokens and API clients: client id + secret, no user interaction, no refresh token. */
export async function clientCredentials(options: TokenEndpointOptions & { clientSecret: string }): Promise<TokenSet> {
  return requestTokens(options, { grant_type: 'client_credentials' });
}

async function requestTokens(options: TokenEndpointOptions, grant: Record<string, string>): Promise<TokenSet> {
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const now = options.now ?? Date.now;
  const form = new URLSearchParams({ ...grant, client_id: options.clientId });
  if (options.clientSecret) form.set('client_secret', options.clientSecret);
  const host = hostOf(options.tokenEndpoint);

  let result: Awaited<ReturnType<typeof httpRequest>>;
  try {
    result = await httpRequest(
      fetchImpl,
      options.tokenEndpoint,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body: form.toString(),
        credentials: 'omit',
        // A redirect would carry the grant (a code, a refresh token or a secret) to wherever it points.
        redirect: 'error',
      },
      options.timeoutMs ?? 15_000,
    );
  } catch (error) {
    if (!(error instanceof TransportError)) throw error;
    if (error.reason === 'dns' && isSailPointHost(options.tokenEndpoint)) {
      throw new ApiError('wrong-tenant', { messageParams: [host], cause: error });
    }
    throw new ApiError(error.reason === 'timeout' ? 'timeout' : 'unreachable', { messageParams: [host], cause: error });
  }

  const { status } = result;
  const body = parseJson(result.text);
  if (status === 200) {
    if (!body.ok) throw new ApiError('wrong-tenant', { status, messageParams: [host] });
    const parsed = v.safeParse(TokenResponse, body.value);
    if (!parsed.success) throw new ApiError('invalid-response', { status });
    return toTokenSet(parsed.output, now());
  }
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(result.headers.get('retry-after'), now()) ?? 60_000;
    throw new ApiError('rate-limited', { status, retryAfterMs, messageParams: [String(Math.max(1, Math.ceil(retryAfterMs / 1000)))] });
  }
  if (status >= 500) throw new ApiError('server', { status, messageParams: [String(status)] });
  const oauthError = body.ok ? v.safeParse(OAuthErrorBody, body.value) : undefined;
  if (!oauthError?.success) throw new ApiError(body.ok ? 'invalid-response' : 'wrong-tenant', { status, messageParams: [host] });
  // error_description is dropped on purpose: servers sometimes echo the grant (a code or refresh token) in it.
  const code = /^[a-z_]{1,40}$/.test(oauthError.output.error) ? oauthError.output.error : 'unknown_error';
  if (code === 'invalid_grant') throw new ApiError('signed-out', { status, detailCode: code });
  throw new ApiError('client-rejected', { status, detailCode: code, messageParams: [code] });
}

/**
 * RFC 7009 token revocation at the token endpoint's sibling `revoke`, so a refresh token left behind by a sign-out
 * is worthless. Best effort: the caller has already forgotten the token locally.
 */
export async function revokeToken(options: { tokenEndpoint: string; clientId: string; token: string; fetch?: FetchLike }): Promise<void> {
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const form = new URLSearchParams({ token: options.token, token_type_hint: 'refresh_token', client_id: options.clientId });
  await httpRequest(
    fetchImpl,
    new URL('revoke', options.tokenEndpoint).toString(),
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
      credentials: 'omit',
      redirect: 'error',
    },
    10_000,
  );
}

function toTokenSet(response: v.InferOutput<typeof TokenResponse>, nowMs: number): TokenSet {
  const claims = tryDecodePayload(response.access_token);
  const expiresAt =
    (response.expires_in !== undefined ? dateMs(nowMs + response.expires_in * 1000) : undefined) ??
    (typeof claims?.exp === 'number' ? dateMs(claims.exp * 1000) : undefined) ??
    // Neither said (usably) when it expires: assume ISC's shortest usual lifetime and let a 401 correct us.
    nowMs + 5 * 60_000;
  const tokens: TokenSet = {
    accessToken: response.access_token,
    expiresAt,
    scopes: response.scope ? response.scope.split(/\s+/).filter(Boolean) : scopesOf(claims?.scope),
  };
  if (response.refresh_token) tokens.refreshToken = response.refresh_token;
  return tokens;
}

/** Who a token speaks for, as its claims say. */
export interface Identity {
  /** Absent for API clients without user context. */
  identityId?: string;
  /** The login name (`user_name`): what query-password-info takes as userName. */
  userName?: string;
  displayName?: string;
  /** Tenant name (`org`). */
  tenant?: string;
  authorities: string[];
  scopes: string[];
  /** Epoch milliseconds. */
  expiresAt: number;
  clientId?: string;
}

/**
 * Reads an ISC access token's claims WITHOUT checking its signature. The extension is not the resource
 * server and has no key to check it with; ISC checks every request itself. So the claims are only hints for
 * display and defaults (the user's name, when to refresh), never grounds for a security decision.
 */
export function decodeClaims(jwt: string): Identity {
  const claims = tryDecodePayload(jwt);
  const expiresAt = typeof claims?.exp === 'number' ? dateMs(claims.exp * 1000) : undefined;
  if (!claims || expiresAt === undefined) throw new ApiError('invalid-response');
  const identity: Identity = {
    authorities: Array.isArray(claims.authorities) ? claims.authorities.filter((a): a is string => typeof a === 'string') : [],
    scopes: scopesOf(claims.scope),
    expiresAt,
  };
  const text = (name: string) => (typeof claims[name] === 'string' && claims[name] !== '' ? (claims[name] as string) : undefined);
  const fields: Array<[keyof Identity, string | undefined]> = [
    ['identityId', text('identity_id')],
    ['userName', text('user_name')],
    ['displayName', text('display_name') ?? text('name')],
    ['tenant', text('org')],
    ['clientId', text('client_id')],
  ];
  for (const [field, value] of fields) if (value !== undefined) Object.assign(identity, { [field]: value });
  return identity;
}

/**
 * A time a Date can hold, or undefined. A reply saying `"exp": 1e300` or `"expires_in": 1e308` would otherwise
 * give Infinity or a date that Intl cannot format, which crashed the options page and is lost in storage.
 */
function dateMs(ms: number): number | undefined {
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? ms : undefined;
}

function scopesOf(scope: unknown): string[] {
  if (Array.isArray(scope)) return scope.filter((s): s is string => typeof s === 'string');
  if (typeof scope === 'string') return scope.split(/\s+/).filter(Boolean);
  return [];
}

function tryDecodePayload(jwt: string): Record<string, unknown> | null {
  const payload = jwt.split('.')[1];
  if (!payload || !/^[A-Za-z0-9_-]+$/.test(payload)) return null;
  try {
    const base64 = payload
      .replace(/-/g, '+')
      .replace(/_/g, '/')
      .padEnd(Math.ceil(payload.length / 4) * 4, '=');
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
