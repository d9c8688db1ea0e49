/**
 * Typed errors for everything that talks to ISC (API client, discovery, OAuth).
 * The UI never shows `message` (English, for logs and tests); it shows `messageKey` + `messageParams`
 * from the `errors:` section of locales/en.yml. Neither ever contains a token or a password.
 */

export type ApiErrorKind =
  | 'wrong-tenant'
  | 'unreachable'
  | 'timeout'
  | 'signed-out'
  | 'forbidden'
  | 'forbidden-api-authority'
  | 'not-found'
  | 'rate-limited'
  | 'server'
  | 'bad-request'
  | 'invalid-response'
  | 'outcome-unknown'
  | 'unsupported-in-version'
  | 'access-denied'
  | 'state-mismatch'
  | 'authorization-failed'
  | 'client-rejected';

/** Keys of the `errors:` locale section. */
export type ErrorMessageKey =
  | 'errors.wrongTenant'
  | 'errors.unreachable'
  | 'errors.timeout'
  | 'errors.signedOut'
  | 'errors.forbidden'
  | 'errors.forbiddenApiAuthority'
  | 'errors.notFound'
  | 'errors.notFoundUser'
  | 'errors.notFoundSource'
  | 'errors.notFoundRequest'
  | 'errors.rateLimited'
  | 'errors.server'
  | 'errors.badRequest'
  | 'errors.badRequestNoDetail'
  | 'errors.invalidResponse'
  | 'errors.outcomeUnknown'
  | 'errors.keyRotated'
  | 'errors.notTracked'
  | 'errors.unsupportedInVersion'
  | 'errors.accessDenied'
  | 'errors.stateMismatch'
  | 'errors.authorizationFailed'
  | 'errors.clientRejected'
  | 'errors.tenantEmpty'
  | 'errors.tenantInvalid'
  | 'errors.tenantInsecureHttp'
  | 'errors.untrustedEndpoint'
  | 'errors.statusNotReadable'
  | 'errors.unexpected';

/** Default message key for each kind; some kinds refine it (e.g. not-found for a user or a source). */
export const defaultMessageKey: Record<ApiErrorKind, ErrorMessageKey> = {
  'wrong-tenant': 'errors.wrongTenant',
  unreachable: 'errors.unreachable',
  timeout: 'errors.timeout',
  'signed-out': 'errors.signedOut',
  forbidden: 'errors.forbidden',
  'forbidden-api-authority': 'errors.forbiddenApiAuthority',
  'not-found': 'errors.notFound',
  'rate-limited': 'errors.rateLimited',
  server: 'errors.server',
  'bad-request': 'errors.badRequest',
  'invalid-response': 'errors.invalidResponse',
  'outcome-unknown': 'errors.outcomeUnknown',
  'unsupported-in-version': 'errors.unsupportedInVersion',
  'access-denied': 'errors.accessDenied',
  'state-mismatch': 'errors.stateMismatch',
  'authorization-failed': 'errors.authorizationFailed',
  'client-rejected': 'errors.clientRejected',
};

export interface ApiErrorInit {
  status?: number;
  trackingId?: string;
  retryAfterMs?: number;
  detailCode?: string;
  /** Text from ISC's ErrorResponseDto: written for end users and safe to show. */
  serverMessage?: string;
  messageKey?: ErrorMessageKey;
  messageParams?: string[];
  cause?: unknown;
}

/**
 * The worker's network chunk (entrypoints/background/chunks.ts) carries its own copy of this class: errors thrown
 * there are recognised by this brand, not by which copy built them.
 */
const apiErrorBrand = Symbol.for('rekey.ApiError');

export class ApiError extends Error {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as { [apiErrorBrand]?: unknown })[apiErrorBrand] === true;
  }

  readonly [apiErrorBrand] = true;
  override readonly name = 'ApiError';
  readonly kind: ApiErrorKind;
  readonly status?: number;
  readonly trackingId?: string;
  readonly retryAfterMs?: number;
  readonly detailCode?: string;
  readonly serverMessage?: string;
  readonly messageKey: ErrorMessageKey;
  readonly messageParams: string[];

  constructor(kind: ApiErrorKind, init: ApiErrorInit = {}) {
    super(describe(kind, init), init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = kind;
    this.status = init.status;
    this.trackingId = init.trackingId;
    this.retryAfterMs = init.retryAfterMs;
    this.detailCode = init.detailCode;
    this.serverMessage = init.serverMessage;
    this.messageKey = init.messageKey ?? defaultMessageKey[kind];
    this.messageParams = init.messageParams ?? [];
  }
}

// The English message is built only from the kind and numbers, so nothing sensitive from a request can leak into logs.
function describe(kind: ApiErrorKind, init: ApiErrorInit): string {
  const parts = [`ISC request failed: ${kind}`];
  if (init.status !== undefined) parts.push(`HTTP ${init.status}`);
  if (init.detailCode) parts.push(init.detailCode);
  if (init.trackingId) parts.push(`tracking id ${init.trackingId}`);
  return parts.join(', ');
}

export function isApiError(error: unknown, kind?: ApiErrorKind): error is ApiError {
  return error instanceof ApiError && (kind === undefined || error.kind === kind);
}

export interface UserError {
  kind: ApiErrorKind | 'unexpected';
  messageKey: ErrorMessageKey;
  params: string[];
  trackingId?: string;
}

/** What the UI needs to explain any failure; unknown errors become a generic message (their text may hold anything). */
export function toUserError(error: unknown): UserError {
  if (error instanceof ApiError) {
    const result: UserError = { kind: error.kind, messageKey: error.messageKey, params: [...error.messageParams] };
    if (error.trackingId) result.trackingId = error.trackingId;
    return result;
  }
  return { kind: 'unexpected', messageKey: 'errors.unexpected', params: [] };
}
