/**
 * The ISC API versions Rekey speaks, defined once: the client's routes, the settings schema, the managed
 * schema's enum, the options page and the sandbox tenant all derive from this list. No imports, so the
 * tenant (Node built-ins only) can use it too.
 */
export const API_VERSIONS = ['v3', 'beta', 'v2024', 'v2025', 'v2026', 'v1'] as const;
export type ApiVersion = (typeof API_VERSIONS)[number];

/** The version-first layouts (`/v3/set-password`); `v1` is the per-service layout (`/set-password/v1`). */
export const CLASSIC_API_VERSIONS = ['v3', 'beta', 'v2024', 'v2025', 'v2026'] as const satisfies readonly ApiVersion[];

/** The year-named versions, where SailPoint marks some password operations experimental. */
export const YEAR_API_VERSIONS = ['v2024', 'v2025', 'v2026'] as const satisfies readonly ApiVersion[];

export function isApiVersion(value: unknown): value is ApiVersion {
  return typeof value === 'string' && (API_VERSIONS as readonly string[]).includes(value);
}
