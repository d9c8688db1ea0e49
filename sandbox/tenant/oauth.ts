import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { verifyJwt } from './jwt';
import { html, json, oauthError, type Reply, redirect } from './reply';
import type { TenantState } from './state';
import { mintTokens } from './tokens';
import type { SeedClient, SeedIdentity } from './types';

const CODE_TTL_MS = 60_000;

export function oauthInfo(state: TenantState, baseUrl: string): Reply {
  const { tenant } = state.seed;
  return json(200, {
    tenantId: tenant.id,
    tenantName: tenant.name,
    authorizeEndpoint: `${baseUrl}/oauth/authorize`,
    tokenEndpoint: `${baseUrl}/oauth/token`,
    cloudDomainUrl: baseUrl,
    logoutUrl: `${baseUrl}/logout`,
    pod: tenant.pod,
  });
}

function globToRegExp(pattern: string): RegExp {
  // A `*` before the first path slash stays inside one host (or port) component.
  const schemeEnd = pattern.indexOf('://') + 3;
  const pathStart = pattern.indexOf('/', schemeEnd);
  const toPattern = (part: string, star: string) =>
    part
      .split('*')
      .map((piece) => piece.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join(star);
  const authority = toPattern(pattern.slice(0, pathStart < 0 ? undefined : pathStart), '[A-Za-z0-9-]*');
  const path = pathStart < 0 ? '' : toPattern(pattern.slice(pathStart), '.*');
  return new RegExp(`^${authority}${path}$`);
}

export function redirectAllowed(client: SeedClient, redirectUri: string): boolean {
  return client.redirectUris.some((pattern) => globToRegExp(pattern).test(redirectUri));
}

interface AuthorizeParams {
  clientId: string;
  redirectUri: string;
  responseType: string;
  state: string;
  codeChallenge: string;
  codeChallengeMethod: string;
  scope: string;
}

function readParams(source: Record<string, string | undefined>): AuthorizeParams {
  return {
    clientId: source.client_id ?? '',
    redirectUri: source.redirect_uri ?? '',
    responseType: source.response_type ?? '',
    state: source.state ?? '',
    codeChallenge: source.code_challenge ?? '',
    codeChallengeMethod: source.code_challenge_method ?? '',
    scope: source.scope ?? '',
  };
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char);

const PAGE_STYLE =
  'body{font-family:system-ui,sans-serif;max-width:24rem;margin:4rem auto;padding:0 1rem}label{display:block;margin-top:1rem}' +
  'input{display:block;width:100%;padding:.4rem;font-size:1rem}button{margin-top:1.5rem;padding:.5rem 1.5rem;font-size:1rem}' +
  '.error{color:#a00;border:1px solid #a00;padding:.5rem}';

function page(title: string, content: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${PAGE_STYLE}</style></head><body>${content}</body></html>`;
}

function errorPage(message: string): Reply {
  return html(400, page('Sign-in error', `<h1>Sign-in error</h1><p class="error" role="alert">${escapeHtml(message)}</p>`));
}

function signInPage(state: TenantState, params: AuthorizeParams, error: string | null, status: number): Reply {
  const hidden = Object.entries({
    client_id: params.clientId,
    redirect_uri: params.redirectUri,
    response_type: params.responseType,
    state: params.state,
    code_challenge: params.codeChallenge,
    code_challenge_method: params.codeChallengeMethod,
    scope: params.scope,
  })
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`)
    .join('');
  const alert = error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : '';
  const body =
    `<h1>Sign in to ${escapeHtml(state.seed.tenant.name)}</h1>${alert}` +
    `<form method="post" action="/oauth/authorize">${hidden}` +
    '<label for="username">Username</label><input id="username" name="username" autocomplete="username" required>' +
    '<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>' +
    '<button type="submit">Sign in</button></form>';
  return html(status, page('Sign in', body));
}

function redirectWith(redirectUri: string, params: Record<string, string>): Reply {
  const url = new URL(redirectUri);
  for (const [key, value] of Object.entries(params)) if (value) url.searchParams.set(key, value);
  return redirect(url.toString());
}

/** Client and redirect problems show an error page (redirecting there could be an open redirect); the rest go back to the client. */
function validateAuthorize(state: TenantState, params: AuthorizeParams): { client: SeedClient } | Reply {
  const client = state.clients.get(params.clientId);
  if (!client?.grantTypes.includes('authorization_code')) return errorPage('Unknown OAuth client.');
  if (!params.redirectUri || !redirectAllowed(client, params.redirectUri)) {
    return errorPage('The redirect URI is not registered for this client.');
  }
  const fail = (error: string, description: string) =>
    redirectWith(params.redirectUri, { error, error_description: description, state: params.state });
  if (params.responseType !== 'code') return fail('unsupported_response_type', 'response_type must be code');
  if (!params.state) return fail('invalid_request', 'state is required');
  if (!params.codeChallenge) return fail('invalid_request', 'code_challenge is required (PKCE)');
  if (params.codeChallengeMethod !== 'S256') return fail('invalid_request', 'code_challenge_method must be S256');
  if (grantedScope(client, params.scope) === null) return fail('invalid_scope', 'the requested scope is not allowed for this client');
  return { client };
}

function grantedScope(client: SeedClient, requested: string): string[] | null {
  const asked = requested.split(/\s+/).filter(Boolean);
  if (asked.length === 0) return client.scope;
  return asked.every((scope) => client.scope.includes(scope)) ? asked : null;
}

export function authorizePage(state: TenantState, query: URLSearchParams): Reply {
  const params = readParams(Object.fromEntries(query));
  const valid = validateAuthorize(state, params);
  if ('status' in valid) return valid;
  return signInPage(state, params, null, 200);
}

function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export function checkCredentials(state: TenantState, username: string, password: string): SeedIdentity | null {
  const identity = state.identity(username);
  // Compare even for unknown users so the answer time does not reveal which names exist.
  const ok = sameSecret(password, identity?.password ?? '\u0000unknown');
  return identity && ok ? identity : null;
}

export function authorizeSubmit(state: TenantState, form: Record<string, string>): Reply {
  const params = readParams(form);
  const valid = validateAuthorize(state, params);
  if ('status' in valid) return valid;
  const identity = checkCredentials(state, form.username ?? '', form.password ?? '');
  if (!identity) return signInPage(state, params, 'Incorrect username or password.', 401);
  const code = randomBytes(24).toString('base64url');
  state.authCodes.set(code, {
    clientId: valid.client.id,
    redirectUri: params.redirectUri,
    codeChallenge: params.codeChallenge,
    identityId: identity.id,
    scope: grantedScope(valid.client, params.scope) ?? [],
    expiresAt: state.now() + CODE_TTL_MS,
    used: false,
    refreshJtis: [],
  });
  return redirectWith(params.redirectUri, { code, state: params.state });
}

/** Client authentication: HTTP Basic or body fields; public clients send no secret. */
function authenticateClient(state: TenantState, form: Record<string, string>, headers: IncomingHttpHeaders): SeedClient | Reply {
  let clientId = form.client_id ?? '';
  let secret = form.client_secret;
  const basic = /^Basic\s+(\S+)$/i.exec(headers.authorization ?? '');
  if (basic?.[1]) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    clientId = decodeURIComponent(decoded.slice(0, colon));
    secret = decodeURIComponent(decoded.slice(colon + 1));
  }
  const client = state.clients.get(clientId);
  if (!client) return oauthError(401, 'invalid_client', 'Unknown client');
  if (client.type === 'CONFIDENTIAL' && (secret === undefined || !sameSecret(secret, client.secret ?? ''))) {
    return oauthError(401, 'invalid_client', 'Bad client credentials');
  }
  return client;
}

export function clientIdOf(form: Record<string, string>, headers: IncomingHttpHeaders): string | null {
  const basic = /^Basic\s+(\S+)$/i.exec(headers.authorization ?? '');
  if (basic?.[1]) return decodeURIComponent(Buffer.from(basic[1], 'base64').toString('utf8').split(':')[0] ?? '') || null;
  return form.client_id || null;
}

function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

export function token(state: TenantState, form: Record<string, string>, headers: IncomingHttpHeaders): Reply {
  const grant = form.grant_type ?? '';
  if (!['authorization_code', 'refresh_token', 'client_credentials'].includes(grant)) {
    return oauthError(400, 'unsupported_grant_type', `Unsupported grant type "${grant}"`);
  }
  const client = authenticateClient(state, form, headers);
  if ('status' in client) return client;
  if (!client.grantTypes.includes(grant as SeedClient['grantTypes'][number])) {
    return oauthError(400, 'unauthorized_client', `The client may not use the ${grant} grant`);
  }
  if (grant === 'client_credentials') {
    const identity = client.identityId ? (state.identities.get(client.identityId) ?? null) : null;
    return json(200, mintTokens(state, client, identity, client.scope, false).body, { 'Cache-Control': 'no-store' });
  }
  if (grant === 'authorization_code') return exchangeCode(state, client, form);
  return refresh(state, client, form);
}

function exchangeCode(state: TenantState, client: SeedClient, form: Record<string, string>): Reply {
  const code = state.authCodes.get(form.code ?? '');
  if (!code || code.clientId !== client.id) return oauthError(400, 'invalid_grant', 'Invalid authorization code');
  if (code.used) {
    for (const jti of code.refreshJtis) state.refreshTokens.delete(jti);
    return oauthError(400, 'invalid_grant', 'Authorization code has already been used');
  }
  if (code.expiresAt <= state.now()) return oauthError(400, 'invalid_grant', 'Authorization code has expired');
  if (form.redirect_uri !== code.redirectUri)
    return oauthError(400, 'invalid_grant', 'redirect_uri does not match the authorization request');
  if (!form.code_verifier) return oauthError(400, 'invalid_request', 'code_verifier is required');
  if (!sameSecret(s256(form.code_verifier), code.codeChallenge)) return oauthError(400, 'invalid_grant', 'PKCE verification failed');
  code.used = true;
  const identity = state.identities.get(code.identityId);
  if (!identity) return oauthError(400, 'invalid_grant', 'The identity no longer exists');
  const tokens = mintTokens(state, client, identity, code.scope, client.grantTypes.includes('refresh_token'));
  if (tokens.refreshJti) code.refreshJtis.push(tokens.refreshJti);
  return json(200, tokens.body, { 'Cache-Control': 'no-store' });
}

/**
 * RFC 7009 token revocation for refresh tokens (ISC's public documents describe none; Rekey calls it on sign-out,
 * best effort, and a tenant without it answers 404). Always 200 for a known client, as §2.2 asks, even for an
 * unknown or already revoked token; only the client that holds a token can revoke it.
 */
export function revoke(state: TenantState, form: Record<string, string>, headers: IncomingHttpHeaders): Reply {
  const clientId = clientIdOf(form, headers);
  const client = clientId ? state.clients.get(clientId) : undefined;
  if (!client) return oauthError(401, 'invalid_client', 'Unknown client');
  const check = verifyJwt(form.token ?? '', state.jwtSecret, Math.floor(state.now() / 1000));
  const record = check.ok ? state.refreshTokens.get(check.claims.jti) : undefined;
  if (check.ok && record?.clientId === client.id) state.refreshTokens.delete(check.claims.jti);
  return { status: 200, headers: { 'Cache-Control': 'no-store' }, body: '' };
}

function refresh(state: TenantState, client: SeedClient, form: Record<string, string>): Reply {
  const check = verifyJwt(form.refresh_token ?? '', state.jwtSecret, Math.floor(state.now() / 1000));
  if (!check.ok)
    return oauthError(400, 'invalid_grant', check.reason === 'expired' ? 'Refresh token has expired' : 'Invalid refresh token');
  const record = state.refreshTokens.get(check.claims.jti);
  if (!record) return oauthError(400, 'invalid_grant', 'Refresh token has been revoked or already used');
  if (record.clientId !== client.id) return oauthError(400, 'invalid_grant', 'Refresh token was issued to another client');
  state.refreshTokens.delete(check.claims.jti);
  const identity = state.identities.get(record.identityId);
  if (!identity) return oauthError(400, 'invalid_grant', 'The identity no longer exists');
  return json(200, mintTokens(state, client, identity, record.scope, true).body, { 'Cache-Control': 'no-store' });
}
