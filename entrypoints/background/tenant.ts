import { browser } from 'wxt/browser';
import { ApiError } from '@/utils/api/errors';
import { type FetchLike, hostOf } from '@/utils/api/http';
import { discover, type TenantEndpoints } from '@/utils/auth/discovery';
import { belongsToTenant, isSecureUrl } from '@/utils/auth/endpoint-trust';
import { normalizeTenant } from '@/utils/auth/tenant';
import type { EffectiveSettings } from '@/utils/settings/effective';
import type { SettingsSource } from './settings';
import { getSession, keys, setSession } from './storage';

export interface ResolvedTenant {
  effective: EffectiveSettings;
  apiBaseUrl: string;
  endpoints: TenantEndpoints;
}

/** The configured tenant's API base and OAuth endpoints (discovered once per browser session). */
export interface TenantDirectory {
  resolve(): Promise<ResolvedTenant>;
  redirectUri(): string;
}

export function createTenantDirectory(settings: SettingsSource, fetchImpl: FetchLike): TenantDirectory {
  return {
    async resolve() {
      const effective = await settings.load();
      const { settings: current } = effective;
      const tenant = normalizeTenant(current.tenant);
      if (!tenant.ok) throw new ApiError('wrong-tenant', { messageKey: tenant.messageKey, messageParams: tenant.params });
      const cacheKey = `${tenant.apiBaseUrl}|${current.authorizeUrl}|${current.tokenUrl}`;
      const cached = await getSession<{ key: string; endpoints: TenantEndpoints }>(keys.endpoints);
      let endpoints = cached?.key === cacheKey ? cached.endpoints : undefined;
      if (!endpoints) {
        const overrides = {
          ...(current.authorizeUrl ? { authorizeEndpoint: current.authorizeUrl } : {}),
          ...(current.tokenUrl ? { tokenEndpoint: current.tokenUrl } : {}),
        };
        endpoints = await discover(tenant.apiBaseUrl, fetchImpl, { overrides });
        await setSession(keys.endpoints, { key: cacheKey, endpoints });
      }
      const owner = { apiBaseUrl: tenant.apiBaseUrl, tenantName: tenant.tenantName ?? endpoints.tenantName };
      for (const [key, url] of [
        ['authorizeUrl', endpoints.authorizeEndpoint],
        ['tokenUrl', endpoints.tokenEndpoint],
      ] as const) {
        // Only the organisation's own policy may send the sign-in to a host outside the tenant.
        const setByPolicy = effective.managedKeys.includes(key) && current[key] === url;
        if (!(setByPolicy ? isSecureUrl(url) : belongsToTenant(url, owner))) {
          throw new ApiError('wrong-tenant', { messageKey: 'errors.untrustedEndpoint', messageParams: [hostOf(url)] });
        }
      }
      return { effective, apiBaseUrl: tenant.apiBaseUrl, endpoints };
    },
    redirectUri: () => browser.identity.getRedirectURL(),
  };
}
