import { browser } from 'wxt/browser';
import { ApiError } from '@/utils/api/errors';
import type { FetchLike } from '@/utils/api/http';
import { discover, type TenantEndpoints } from '@/utils/auth/discovery';
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
      if (cached?.key === cacheKey) return { effective, apiBaseUrl: tenant.apiBaseUrl, endpoints: cached.endpoints };
      const overrides = {
        ...(current.authorizeUrl ? { authorizeEndpoint: current.authorizeUrl } : {}),
        ...(current.tokenUrl ? { tokenEndpoint: current.tokenUrl } : {}),
      };
      const endpoints = await discover(tenant.apiBaseUrl, fetchImpl, { overrides });
      await setSession(keys.endpoints, { key: cacheKey, endpoints });
      return { effective, apiBaseUrl: tenant.apiBaseUrl, endpoints };
    },
    redirectUri: () => browser.identity.getRedirectURL(),
  };
}
