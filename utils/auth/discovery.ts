import * as v from 'valibot';
import { ApiError } from '@/utils/api/errors';
import { type FetchLike, hostOf, httpRequest, isSailPointHost, parseJson, parseRetryAfter, TransportError } from '@/utils/api/http';
import { withoutUndefined } from '@/utils/object/without-undefined';

/** What the sign-in flow needs to know about a tenant. */
export interface TenantEndpoints {
  tenantName?: string;
  tenantId?: string;
  authorizeEndpoint: string;
  tokenEndpoint: string;
  logoutUrl?: string;
  cloudDomainUrl?: string;
  pod?: string;
  /** 'oauth-info' when the tenant described itself; 'fallback' when built from the tenant name. */
  source: 'oauth-info' | 'fallback';
}

export interface EndpointOverrides {
  authorizeEndpoint?: string;
  tokenEndpoint?: string;
}

export interface DiscoverOptions {
  /** From settings; they win over whatever the tenant says. */
  overrides?: EndpointOverrides;
  timeoutMs?: number;
  now?: () => number;
}

const optionalString = v.pipe(
  v.nullish(v.string()),
  v.transform((value) => value ?? undefined),
);
const endpointUrl = v.pipe(v.string(), v.url());

const OAuthInfo = v.object({
  tenantId: optionalString,
  tenantName: optionalString,
  authorizeEndpoint: endpointUrl,
  tokenEndpoint: endpointUrl,
  logoutUrl: optionalString,
  cloudDomainUrl: optionalString,
  pod: optionalString,
});

const API_HOST = /^([a-z0-9-]+)\.api\.identitynow\.com$/;

/** `GET {apiBaseUrl}/oauth/info` (no authentication), validated; see shared/isc-api.md for why this beats building URLs. */
export async function discover(apiBaseUrl: string, fetchImpl: FetchLike, options: DiscoverOptions = {}): Promise<TenantEndpoints> {
  const base = apiBaseUrl.replace(/\/+$/, '');
  const url = `${base}/oauth/info`;
  const host = hostOf(base);
  let status: number;
  let text: string;
  let headers: Headers;
  try {
    ({ status, text, headers } = await httpRequest(
      fetchImpl,
      url,
      // A redirect could point the sign-in at another host; the tenant answers this itself or not at all.
      { method: 'GET', headers: { Accept: 'application/json' }, credentials: 'omit', redirect: 'error' },
      options.timeoutMs ?? 15_000,
    ));
  } catch (error) {
    if (!(error instanceof TransportError)) throw error;
    if (error.reason === 'dns' && isSailPointHost(url)) throw new ApiError('wrong-tenant', { messageParams: [host], cause: error });
    if (error.reason === 'timeout') throw new ApiError('timeout', { messageParams: [host], cause: error });
    throw new ApiError('unreachable', { messageParams: [host], cause: error });
  }

  const body = parseJson(text);
  if (status === 200 && body.ok) {
    const parsed = v.safeParse(OAuthInfo, body.value);
    if (!parsed.success || !secureEndpoint(parsed.output.authorizeEndpoint) || !secureEndpoint(parsed.output.tokenEndpoint)) {
      throw new ApiError('invalid-response', { status });
    }
    return applyOverrides({ ...withoutUndefined(parsed.output), source: 'oauth-info' }, options.overrides);
  }

  // Older real tenants may lack /oauth/info; their endpoints follow from the tenant name.
  const tenantName = API_HOST.exec(new URL(base).hostname)?.[1];
  if (status === 404 && tenantName) {
    return applyOverrides(
      {
        tenantName,
        authorizeEndpoint: `https://${tenantName}.login.sailpoint.com/oauth/authorize`,
        tokenEndpoint: `https://${tenantName}.api.identitynow.com/oauth/token`,
        source: 'fallback',
      },
      options.overrides,
    );
  }
  // Both endpoints configured by hand: discovery was only a courtesy.
  if (options.overrides?.authorizeEndpoint && options.overrides.tokenEndpoint && status < 500) {
    return { authorizeEndpoint: options.overrides.authorizeEndpoint, tokenEndpoint: options.overrides.tokenEndpoint, source: 'fallback' };
  }
  if (status >= 500) throw new ApiError('server', { status, messageParams: [String(status)] });
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(headers.get('retry-after'), (options.now ?? Date.now)()) ?? 60_000;
    throw new ApiError('rate-limited', { status, retryAfterMs, messageParams: [String(Math.max(1, Math.ceil(retryAfterMs / 1000)))] });
  }
  // A 404 or an HTML page where ISC answers JSON: this URL is not an ISC tenant.
  throw new ApiError('wrong-tenant', { status, messageParams: [host] });
}

/** Codes and tokens travel to these endpoints: https only, plain http only on loopback (the sandbox). */
function secureEndpoint(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === 'https:' || (protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(hostname));
}

function applyOverrides(endpoints: TenantEndpoints, overrides: EndpointOverrides | undefined): TenantEndpoints {
  const result = { ...endpoints };
  if (overrides?.authorizeEndpoint) result.authorizeEndpoint = overrides.authorizeEndpoint;
  if (overrides?.tokenEndpoint) result.tokenEndpoint = overrides.tokenEndpoint;
  return result;
}
