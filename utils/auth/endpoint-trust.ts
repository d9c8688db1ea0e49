import { isLoopback } from './tenant';

/**
 * Where Rekey may send an authorization code, a PKCE verifier, a refresh token or a client secret: https (plain
 * http only on loopback, the sandbox), and a host of the tenant itself. An override a person typed, or an
 * oauth/info answer, naming any other host is refused; only the organisation's managed policy may name one.
 */
export function isSecureUrl(url: string): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  return parsed.protocol === 'https:' || (parsed.protocol === 'http:' && isLoopback(parsed.origin));
}

export function belongsToTenant(url: string, tenant: { apiBaseUrl: string; tenantName?: string | undefined }): boolean {
  const endpoint = parse(url);
  const api = parse(tenant.apiBaseUrl);
  if (!endpoint || !api || !isSecureUrl(url)) return false;
  const host = endpoint.hostname.toLowerCase();
  if (host === api.hostname.toLowerCase()) return true;
  const name = tenant.tenantName?.toLowerCase();
  return name !== undefined && /^[a-z0-9-]+$/.test(name) && tenantHosts(name).includes(host);
}

/** SailPoint's hosts for a tenant: its API, its UI and its sign-in pages. */
function tenantHosts(name: string): string[] {
  return [`${name}.api.identitynow.com`, `${name}.identitynow.com`, `${name}.login.sailpoint.com`];
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
