import { type ApiVersion, YEAR_API_VERSIONS } from './versions';

/** Every ISC operation the client knows, independent of the API version's URL layout. */
export type Operation =
  | 'query-password-info'
  | 'set-password'
  | 'password-change-status'
  | 'digit-token'
  | 'org-config'
  | 'password-policies'
  | 'sync-groups'
  | 'sources';

export interface Route {
  /** Path below the API base URL, starting with `/`. */
  path: string;
  /** The version addressed (the status fallback addresses beta when the configured version refuses). */
  version: ApiVersion;
  experimental: boolean;
}

/** Versions that have the digit-token operation (v3 does not). */
export const DIGIT_TOKEN_VERSIONS: readonly ApiVersion[] = ['beta', ...YEAR_API_VERSIONS, 'v1'];

const resourceName: Record<Operation, string> = {
  'query-password-info': 'query-password-info',
  'set-password': 'set-password',
  'password-change-status': 'password-change-status',
  'digit-token': 'generate-password-reset-token',
  'org-config': 'password-org-config',
  'password-policies': 'password-policies',
  'sync-groups': 'password-sync-groups',
  sources: 'sources',
};

/** Trailing segment inside the resource (`/digit`) that stays after the version in the v1 layout. */
const resourceSuffix: Partial<Record<Operation, string>> = { 'digit-token': 'digit' };

// The specs mark only these operations experimental (X-SailPoint-Experimental required), and only on the
// year-named versions and the per-service v1 layout; v3 and beta do not take the header for them.
const experimentalOperations: ReadonlySet<Operation> = new Set(['digit-token', 'password-policies']);
const experimentalVersions: ReadonlySet<ApiVersion> = new Set([...YEAR_API_VERSIONS, 'v1']);

/** Whether `version` has `operation` at all; the client refuses without a request when it does not. */
export function supportsOperation(version: ApiVersion, operation: Operation): boolean {
  return operation !== 'digit-token' || DIGIT_TOKEN_VERSIONS.includes(version);
}

/**
 * Builds the path for an operation; `id` is a path parameter (URL-encoded here).
 * v3/beta/v2024/v2025/v2026 put the version first (`/v3/set-password`), v1 puts it after the service (`/set-password/v1`).
 */
export function routeFor(version: ApiVersion, operation: Operation, id?: string): Route {
  const segments = [resourceName[operation]];
  const suffix = resourceSuffix[operation];
  if (version === 'v1') segments.push('v1');
  else segments.unshift(version);
  if (suffix) segments.push(suffix);
  if (id !== undefined) segments.push(encodeURIComponent(wellFormed(id)));
  const experimental = experimentalVersions.has(version) && experimentalOperations.has(operation);
  return { path: `/${segments.join('/')}`, version, experimental };
}

/**
 * Ids come from ISC's replies, and JSON can carry a lone surrogate ("\ud800") that makes encodeURIComponent
 * throw a URIError; replacing it with U+FFFD turns the request into an ordinary 404 instead of a crash.
 */
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
