import type { UiState } from './views';

/**
 * Reads the snapshot of `UiState` the worker leaves in storage.local. A content script could write that area in
 * Firefox, so the popup checks the shape before painting it; anything malformed is ignored (the worker's own state
 * arrives moments later over the page's port). Hand-written rather than a schema library: this runs before the
 * popup's first paint and is measured against the popup's size budget.
 */
export function parseUiState(value: unknown): UiState | null {
  return isUiState(value) ? value : null;
}

type Guard = (value: unknown) => boolean;

const isString: Guard = (value) => typeof value === 'string';
const isNumber: Guard = (value) => typeof value === 'number' && Number.isFinite(value);
const isBoolean: Guard = (value) => typeof value === 'boolean';
const nullable =
  (guard: Guard): Guard =>
  (value) =>
    value === null || guard(value);
const optional =
  (guard: Guard): Guard =>
  (value) =>
    value === undefined || guard(value);
const arrayOf =
  (guard: Guard): Guard =>
  (value) =>
    Array.isArray(value) && value.length <= 1_000 && value.every(guard);
const shape =
  (fields: Record<string, Guard>): Guard =>
  (value) =>
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.entries(fields).every(([key, guard]) => guard((value as Record<string, unknown>)[key]));

const strings = arrayOf(isString);

const isSource = shape({ sourceName: isString, label: optional(isString), userName: optional(isString), alsoChanges: optional(strings) });

const isSettings = shape({
  tenant: isString,
  clientId: isString,
  authorizeUrl: isString,
  tokenUrl: isString,
  apiVersion: isString,
  padding: isString,
  sources: arrayOf(isSource),
  breachCheck: isString,
  breachEndpoint: isString,
  expiryPagePatterns: strings,
  reminderDays: arrayOf(isNumber),
  passwordInfoCacheMinutes: isNumber,
  statusTimeoutMinutes: isNumber,
  snoozeHours: isNumber,
  language: isString,
  allowClientCredentials: isBoolean,
});

const isChange = shape({
  id: isString,
  submissionId: isString,
  requestId: nullable(isString),
  sourceName: isString,
  accountName: isString,
  alsoChanges: strings,
  submittedAt: isNumber,
  settledAt: optional(isNumber),
  state: (value) => ['pending', 'finished', 'failed', 'unknown', 'not-readable', 'not-found'].includes(value as string),
  seen: isBoolean,
  errors: strings,
  causes: arrayOf(shape({ key: isString, params: strings })),
});

const isUiState = shape({
  settings: shape({ settings: isSettings, managedKeys: strings, lockedKeys: strings, invalidManagedKeys: strings }),
  configProblems: arrayOf(shape({ key: isString, messageKey: isString, managed: isBoolean })),
  identity: nullable(
    shape({
      identityId: nullable(isString),
      userName: nullable(isString),
      displayName: nullable(isString),
      tenant: nullable(isString),
      authorities: strings,
      scopes: strings,
      expiresAt: nullable(isNumber),
      mode: (value) => value === 'oauth' || value === 'client-credentials',
    }),
  ),
  tracker: shape({
    pending: arrayOf(isChange),
    history: arrayOf(isChange),
    badge: shape({ pending: isNumber, failed: isNumber }),
    needsSignIn: isBoolean,
  }),
  preselectSource: nullable(isString),
  missingTenantOrigins: strings,
  watchesBuiltInSites: isBoolean,
}) as (value: unknown) => value is UiState;
