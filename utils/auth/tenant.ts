import type { ErrorMessageKey } from '@/utils/api/errors';

export type NormalizedTenant =
  | {
      ok: true;
      /** Origin of the ISC API, without a trailing slash, e.g. `https://acme.api.identitynow.com`. */
      apiBaseUrl: string;
      /** Known only when the input names an `identitynow.com` tenant; discovery fills it in otherwise. */
      tenantName?: string;
      /** Host-permission match patterns the extension must hold to reach the tenant. */
      origins: string[];
    }
  | { ok: false; messageKey: ErrorMessageKey; params: string[] };

const TENANT_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const HOST_NAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/;
/** SailPoint's own service hosts, never tenant names (`api.identitynow.com` is not a tenant called "api"). */
const RESERVED_LABELS = new Set(['api', 'login', 'www']);
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
/** `{tenant}.identitynow.com` (UI), `{tenant}.api.identitynow.com` (API), `{tenant}.login.sailpoint.com` (sign-in). */
const SAILPOINT_HOST = /^([a-z0-9-]+)\.(?:api\.identitynow\.com|identitynow\.com|login\.sailpoint\.com)$/;

/**
 * Turns whatever a person types into the tenant's API base URL: `acme`, `acme.identitynow.com`,
 * `https://acme.api.identitynow.com/`, a vanity domain, or the loopback sandbox (`http://127.0.0.1:PORT`).
 * Plain http is accepted only for loopback: tokens and password ciphertext must not cross a network in the clear.
 */
export function normalizeTenant(input: string): NormalizedTenant {
  const text = input.trim();
  if (text === '') return invalid('errors.tenantEmpty', []);
  const shown = text.length > 80 ? `${text.slice(0, 77)}…` : text;

  if (TENANT_LABEL.test(text.toLowerCase())) return sailPointTenant(text.toLowerCase());

  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
  let url = parseUrl(hasScheme ? text : `https://${text}`);
  // Without a scheme, a loopback address means the local sandbox, which speaks plain http.
  if (url && !hasScheme && LOOPBACK_HOSTS.has(url.hostname)) url = parseUrl(`http://${text}`);
  if (!url || /\s/.test(text)) return invalid('errors.tenantInvalid', [shown]);
  if (url.username || url.password) return invalid('errors.tenantInvalid', [shown]);

  const host = url.hostname.toLowerCase();
  const loopback = LOOPBACK_HOSTS.has(host);
  if (url.protocol === 'http:' && !loopback) return invalid('errors.tenantInsecureHttp', [shown]);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return invalid('errors.tenantInvalid', [shown]);

  if (loopback) {
    return { ok: true, apiBaseUrl: url.origin, origins: [`${url.protocol}//${host}/*`] };
  }

  const sailPoint = SAILPOINT_HOST.exec(host);
  if (sailPoint?.[1] && TENANT_LABEL.test(sailPoint[1]) && !RESERVED_LABELS.has(sailPoint[1])) return sailPointTenant(sailPoint[1]);
  if (host.endsWith('identitynow.com') || host.endsWith('sailpoint.com') || !HOST_NAME.test(host)) {
    return invalid('errors.tenantInvalid', [shown]);
  }

  // A vanity domain: its API lives at its origin, and discovery tells the sign-in endpoints.
  // Match patterns carry no port; the port stays in apiBaseUrl.
  return { ok: true, apiBaseUrl: url.origin, origins: [`https://${host}/*`] };
}

function sailPointTenant(name: string): NormalizedTenant {
  return {
    ok: true,
    apiBaseUrl: `https://${name}.api.identitynow.com`,
    tenantName: name,
    origins: [`https://${name}.api.identitynow.com/*`, `https://${name}.login.sailpoint.com/*`],
  };
}

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

function invalid(messageKey: ErrorMessageKey, params: string[]): NormalizedTenant {
  return { ok: false, messageKey, params };
}

/**
 * Whether an API base URL is the loopback sandbox. It answers CORS for extension origins, so
 * it needs no host permission; every real tenant does.
 */
export function isLoopback(apiBaseUrl: string): boolean {
  const host = parseUrl(apiBaseUrl)?.hostname.toLowerCase();
  return host !== undefined && LOOPBACK_HOSTS.has(host);
}
