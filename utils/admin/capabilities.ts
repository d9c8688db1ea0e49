/**
 * Which admin tools a signed-in token may use. ISC decides for real on every request; the claims only
 * decide what the options page offers, so a tool the token cannot use is absent rather than a button
 * that always fails. "Check access" replaces the guesses with what ISC actually answered.
 */

export const ADMIN_OPERATIONS = ['orgConfigRead', 'orgConfigWrite', 'digitToken', 'policiesRead', 'syncGroupsRead'] as const;
export type AdminOperation = (typeof ADMIN_OPERATIONS)[number];
export type AdminCapabilities = Record<AdminOperation, boolean>;

/** The role that passes every scope check. */
export const ADMIN_ROLE = 'ORG_ADMIN';
/** A scope that stands for every scope. */
export const ALL_SCOPES = 'sp:scopes:all';

/** Any one of these scopes grants the operation (recent specs call the org-config write scope `manage`). */
export const REQUIRED_SCOPES: Record<AdminOperation, readonly string[]> = {
  orgConfigRead: ['idn:password-org-config:read'],
  orgConfigWrite: ['idn:password-org-config:write', 'idn:password-org-config:manage'],
  digitToken: ['idn:password-digit-token:create'],
  policiesRead: ['idn:password-policy:read'],
  syncGroupsRead: ['idn:password-sync-group:read'],
};

export interface TokenClaims {
  authorities: readonly string[];
  scopes: readonly string[];
}

export function capabilitiesFromClaims(claims: TokenClaims | null): AdminCapabilities {
  const everything = claims !== null && (claims.authorities.includes(ADMIN_ROLE) || claims.scopes.includes(ALL_SCOPES));
  const result = {} as AdminCapabilities;
  for (const operation of ADMIN_OPERATIONS) {
    result[operation] = claims !== null && (everything || REQUIRED_SCOPES[operation].some((scope) => claims.scopes.includes(scope)));
  }
  return result;
}

export function hasAnyAdminCapability(capabilities: AdminCapabilities): boolean {
  return ADMIN_OPERATIONS.some((operation) => capabilities[operation]);
}

/** The read endpoints "Check access" tries. */
export const PROBED_OPERATIONS = ['orgConfigRead', 'policiesRead', 'syncGroupsRead'] as const;
export type ProbedOperation = (typeof PROBED_OPERATIONS)[number];

export type ProbeOutcome = 'allowed' | 'denied' | 'unknown';

/**
 * 2xx and 404 prove the token passed ISC's permission check (404 is "nothing there yet", e.g. no org
 * config); 403 proves it did not. Anything else (rate limit, network, 5xx) says nothing about access.
 */
export function probeOutcome(result: { status?: number | undefined; kind?: string | undefined }): ProbeOutcome {
  const { status, kind } = result;
  if (status !== undefined && ((status >= 200 && status < 300) || status === 404)) return 'allowed';
  if (status === 403 || kind === 'forbidden' || kind === 'forbidden-api-authority') return 'denied';
  if (kind === 'not-found') return 'allowed';
  return 'unknown';
}

/** Claims-based capabilities, corrected by what ISC answered; an inconclusive probe changes nothing. */
export function withProbeResults(
  capabilities: AdminCapabilities,
  outcomes: Partial<Record<ProbedOperation, ProbeOutcome>>,
): AdminCapabilities {
  const next = { ...capabilities };
  for (const operation of PROBED_OPERATIONS) {
    const outcome = outcomes[operation];
    if (outcome === 'allowed') next[operation] = true;
    if (outcome === 'denied') next[operation] = false;
  }
  return next;
}
