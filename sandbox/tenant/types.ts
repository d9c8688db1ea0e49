/** Public types of the sandbox tenant: its options, its seed, and the handle `startTenant` returns. */

import type { ApiVersion } from '../../utils/api/versions';

export type { ApiVersion };
export type Padding = 'pkcs1' | 'oaep-sha256' | 'oaep-sha1';
export type GrantType = 'authorization_code' | 'refresh_token' | 'client_credentials';

export interface SeedTenant {
  id: string;
  name: string;
  pod: string;
}

export interface SeedIdentity {
  id: string;
  /** Login name (`user_name` claim, `userName` of query-password-info, `userId` of the digit token). */
  name: string;
  displayName: string;
  firstName: string;
  lastName: string;
  email: string;
  /** Sign-in password for the sandbox's own sign-in page (documented test credentials). */
  password: string;
  authorities: string[];
}

export interface SeedPolicy {
  id: string;
  name: string;
  description: string;
  minLength: number;
  maxLength: number;
  minAlpha: number;
  minUpper: number;
  minLower: number;
  minNumeric: number;
  minSpecial: number;
  minCharacterTypes: number;
  maxRepeatedChars: number;
  /** How many previous passwords (the current one included) may not be reused; 0 = no history. */
  historyLength: number;
  useDictionary: boolean;
  useIdentityAttributes: boolean;
  validateAgainstAccountName: boolean;
  validateAgainstAccountId: boolean;
  defaultPolicy: boolean;
  passwordExpiration: number;
  /** Step-up: ISC's Password Manager asks for a second factor before a change under this policy. */
  requireStrongAuthn?: boolean;
  requireStrongAuthOffNetwork?: boolean;
  requireStrongAuthUntrustedGeographies?: boolean;
}

export interface SeedSource {
  id: string;
  name: string;
  type: string;
  policyId: string;
  /** Applications a multi-application source (e.g. G Suite) covers. */
  applications: string[];
}

export interface SeedAccount {
  /** The account's native id, e.g. an LDAP DN. */
  id: string;
  name: string;
  identityId: string;
  sourceId: string;
  /** Current password, recorded (hashed) as the start of the account's history. */
  initialPassword?: string;
}

export interface SeedSyncGroup {
  id: string;
  name: string;
  passwordPolicyId: string;
  sourceIds: string[];
}

export interface SeedClient {
  id: string;
  name: string;
  type: 'PUBLIC' | 'CONFIDENTIAL';
  secret?: string;
  grantTypes: GrantType[];
  /** Patterns; `*` matches any run of characters except `/` in the host and anything in the path. */
  redirectUris: string[];
  scope: string[];
  /** Authorities of client_credentials tokens (e.g. API, ORG_ADMIN). */
  authorities: string[];
  /** Makes the client a personal access token: client_credentials tokens then carry this identity. */
  identityId?: string;
}

export interface SeedOrgConfig {
  customInstructionsEnabled: boolean;
  digitTokenEnabled: boolean;
  digitTokenDurationMinutes: number;
  digitTokenLength: number;
}

export interface Seed {
  tenant: SeedTenant;
  identities: SeedIdentity[];
  policies: SeedPolicy[];
  sources: SeedSource[];
  accounts: SeedAccount[];
  syncGroups: SeedSyncGroup[];
  clients: SeedClient[];
  /** Passwords the /range endpoint reports as breached, with their breach counts. */
  breachedPasswords: Array<{ password: string; count: number }>;
  /** Banned words for policies with useDictionary. */
  dictionary: string[];
  /** null = not created yet: GET /password-org-config answers 404 until a POST. */
  orgConfig: SeedOrgConfig | null;
}

export interface RateLimitConfig {
  requests: number;
  windowMs: number;
}

export interface FailSourceConfig {
  sourceId: string;
  /** Status error text, e.g. "Active Directory rejected the password: the domain controller is unavailable". */
  error: string;
  /** How many changes it rejects (default 1). */
  count?: number;
}

export interface TenantConfig {
  statusDelayMs: number;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  statusRequiresOrgAdmin: boolean;
  /**
   * A set-password with a publicKeyId that is no longer the source's key: 'reject' answers 400 at once (the
   * sandbox's own wording, mentioning the key); 'fail-later' accepts it and the change FAILs with "The password
   * change payload is invalid", the only form the specs document.
   */
  staleKey: 'reject' | 'fail-later';
  acceptedPaddings: Padding[];
  rateLimit: RateLimitConfig;
  failSource: FailSourceConfig | null;
}

export interface TenantConfigPatch extends Partial<Omit<TenantConfig, 'rateLimit'>> {
  rateLimit?: Partial<RateLimitConfig>;
}

export interface TenantOptions extends Omit<TenantConfigPatch, 'failSource'> {
  /** 0 (default) picks a free port. */
  port?: number;
  /** A seed object (top-level keys replace the default seed's) or the path of a JSON file. */
  seed?: Partial<Seed> | string;
  /** Clock in epoch milliseconds (default Date.now); the control API's offset is added to it. */
  now?: () => number;
}

export interface FaultSpec {
  /** HTTP method, or `*` (default) for any but OPTIONS. */
  method?: string;
  /** Path glob matched against the path without query; `*` matches anything, e.g. `/v3/set-password` or `*set-password*`. */
  path: string;
  /** How many matching requests it affects (default 1). */
  count?: number;
  /** Answer with this status and ISC's error body for it instead of processing the request. */
  status?: number;
  /** Wait this long before going on (combinable with the others). */
  latencyMs?: number;
  /** Destroy the connection: before the body is read, or after the request has been processed. */
  drop?: 'before-body' | 'after-processing';
  /**
   * Answer with this JSON body instead: after processing the request (the change happens, only the answer
   * differs, e.g. a 202 without `state`), or with `status`, instead of processing it.
   */
  body?: unknown;
  /** Process the request, then leave these top-level fields out of the JSON answer (e.g. `['state']`). */
  omitFields?: string[];
}

export interface RequestLogEntry {
  seq: number;
  /** Tenant clock (ISO) when the request arrived. */
  at: string;
  method: string;
  /** Path with query; sensitive query values are redacted. */
  path: string;
  /** 0 when the connection was dropped. */
  status: number;
  clientId: string | null;
  apiVersion: ApiVersion | null;
  durationMs: number;
  fault: string | null;
}

export interface AccountState {
  accountId: string;
  accountName: string;
  sourceId: string;
  identityId: string;
  /** ISO time of the last applied change, null if never changed in this run. */
  passwordChangedAt: string | null;
  /** Hex SHA-256 of `passwordSalt + ":" + password` for the current password, null if unknown. */
  passwordHash: string | null;
  passwordSalt: string;
  /** How many password hashes the account remembers (its initial password included). */
  historyLength: number;
}

export interface TokenResponse {
  access_token: string;
  token_type: 'bearer';
  refresh_token?: string;
  expires_in: number;
  scope: string;
  tenant_id: string;
  identity_id?: string;
  internal: boolean;
  pod: string;
  org: string;
  strong_auth: boolean;
  jti: string;
}

export interface SeedInfo {
  tenant: SeedTenant;
  identities: Array<{ id: string; name: string; displayName: string; authorities: string[] }>;
  sources: Array<{ id: string; name: string; type: string; policyId: string; applications: string[]; publicKeyId: string }>;
  accounts: Array<{ id: string; name: string; identityId: string; sourceId: string }>;
  syncGroups: SeedSyncGroup[];
  clients: Array<Omit<SeedClient, 'secret'>>;
}

/** Test controls, shared by the `/__sandbox/` HTTP API and the object `startTenant` returns. */
export interface TenantControls {
  configure(patch: TenantConfigPatch): TenantConfig;
  injectFault(fault: FaultSpec): string;
  clearFaults(): void;
  /** Give a source a new key pair; the old publicKeyId stops working. Returns the new publicKeyId. */
  rotateKey(sourceId: string): Promise<string>;
  /** Revoke every refresh token, or only those of one identity (id or name). Returns how many. */
  revokeRefreshTokens(identity?: string): number;
  advanceClock(ms: number): void;
  setClockOffset(ms: number): void;
  /** The tenant's current time in epoch milliseconds. */
  now(): number;
  requestLogText(): string;
  clearRequestLog(): void;
  accountState(accountId: string): AccountState;
  /** Mints tokens for an identity (id or name) through the public client without the browser flow. */
  issueToken(identity: string, scopes?: string[]): TokenResponse;
  /** set-password requests accepted with 202 since start. */
  setPasswordCount(): number;
  seedInfo(): SeedInfo;
}

/** A running sandbox tenant: its address, its seed (ids of the seeded objects) and its test controls. */
export interface SandboxTenant extends SeedInfo, Omit<TenantControls, 'seedInfo'> {
  url: string;
  port: number;
  /** Live configuration (read it; change it with `configure`). */
  readonly config: TenantConfig;
  stop(): Promise<void>;
  requestLog(): RequestLogEntry[];
}
