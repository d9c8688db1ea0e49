import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { type JwtClaims, signJwt, verifyJwt } from './jwt';
import { type Reply, unauthorized } from './reply';
import type { TenantState } from './state';
import type { SeedClient, SeedIdentity, TokenResponse } from './types';

export interface Principal {
  clientId: string;
  identity: SeedIdentity | null;
  authorities: string[];
  scopes: string[];
  /** A client_credentials token without user context may act for anyone. */
  apiAuthority: boolean;
  orgAdmin: boolean;
}

const seconds = (ms: number) => Math.floor(ms / 1000);

export interface MintedTokens {
  body: TokenResponse;
  refreshJti: string | null;
}

/** Mints an access token (and, for user grants, a refresh token) with ISC's claims. */
export function mintTokens(
  state: TenantState,
  client: SeedClient,
  identity: SeedIdentity | null,
  scope: string[],
  withRefresh: boolean,
): MintedTokens {
  const { tenant } = state.seed;
  const now = state.now();
  const accessTtl = state.config.accessTokenTtlSeconds;
  const authorities = identity ? identity.authorities : client.authorities;
  const jti = randomUUID();
  const common = {
    tenant_id: tenant.id,
    org: tenant.name,
    pod: tenant.pod,
    internal: true,
    ...(identity ? { identity_id: identity.id, user_name: identity.name, user_id: identity.id } : {}),
    authorities,
    client_id: client.id,
    scope,
    strong_auth: false,
    iat: seconds(now),
  };
  const access: JwtClaims = { ...common, exp: seconds(now) + accessTtl, jti };
  const response: TokenResponse = {
    access_token: signJwt(access, state.jwtSecret),
    token_type: 'bearer',
    expires_in: accessTtl,
    scope: scope.join(' '),
    tenant_id: tenant.id,
    ...(identity ? { identity_id: identity.id } : {}),
    internal: true,
    pod: tenant.pod,
    org: tenant.name,
    strong_auth: false,
    jti,
  };
  if (withRefresh && identity) {
    const refreshJti = randomUUID();
    const expiresAt = now + state.config.refreshTokenTtlSeconds * 1000;
    state.refreshTokens.set(refreshJti, { clientId: client.id, identityId: identity.id, scope, expiresAt });
    response.refresh_token = signJwt({ ...common, exp: seconds(expiresAt), jti: refreshJti, ati: jti }, state.jwtSecret);
    return { body: response, refreshJti };
  }
  return { body: response, refreshJti: null };
}

const REASONS = {
  malformed: 'JWT validation failed: JWT is malformed',
  signature: 'JWT validation failed: JWT signature does not match',
  expired: 'JWT validation failed: JWT is expired',
} as const;

/** The bearer token's principal, or the 401 ISC answers. Refresh tokens are not accepted as bearer tokens. */
export function authenticate(state: TenantState, headers: IncomingHttpHeaders): Principal | Reply {
  const match = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '');
  if (!match?.[1]) return unauthorized('JWT validation failed: JWT is missing');
  const check = verifyJwt(match[1], state.jwtSecret, seconds(state.now()));
  if (!check.ok) return unauthorized(REASONS[check.reason]);
  const { claims } = check;
  if (claims.ati !== undefined) return unauthorized('JWT validation failed: a refresh token is not an access token');
  const identity = typeof claims.identity_id === 'string' ? (state.identities.get(claims.identity_id) ?? null) : null;
  const authorities = Array.isArray(claims.authorities) ? claims.authorities.map(String) : [];
  return {
    clientId: String(claims.client_id),
    identity,
    authorities,
    scopes: Array.isArray(claims.scope) ? claims.scope.map(String) : [],
    apiAuthority: authorities.includes('API') && !identity,
    orgAdmin: authorities.includes('ORG_ADMIN'),
  };
}

export function hasScope(principal: Principal, scope: string): boolean {
  return principal.orgAdmin || principal.scopes.includes('sp:scopes:all') || principal.scopes.includes(scope);
}

export function isReply(value: Principal | Reply): value is Reply {
  return 'status' in value;
}
