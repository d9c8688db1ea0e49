import { browser } from 'wxt/browser';
import { loadEffectiveSettings } from '@/platform/settings';
import { createIscClient, type IscClient, type RequestInfo } from '@/utils/api/client';
import { ApiError } from '@/utils/api/errors';
import { discover, type TenantEndpoints } from '@/utils/auth/discovery';
import { createSessionManager, type SessionManager } from '@/utils/auth/session';
import { normalizeTenant } from '@/utils/auth/tenant';
import type { EffectiveSettings } from '@/utils/settings/effective';
import { recordRequest } from './diagnostics';
import { getSession, keys, loadPatSecret, sessionStore, setSession } from './stores';

/**
 * Everything needed to talk to the tenant, rebuilt from storage on each use: the worker may
 * have been stopped since the last call, so nothing here lives in module state.
 */
export interface Connection {
  effective: EffectiveSettings;
  apiBaseUrl: string;
  tenantKey: string;
  endpoints: TenantEndpoints;
  session: SessionManager;
  client: IscClient;
}

const fetchImpl = (input: string, init?: RequestInit) => fetch(input, init);

export async function resolveEndpoints(effective: EffectiveSettings): Promise<{ apiBaseUrl: string; endpoints: TenantEndpoints }> {
  const { settings } = effective;
  const tenant = normalizeTenant(settings.tenant);
  if (!tenant.ok) throw new ApiError('wrong-tenant', { messageKey: tenant.messageKey, messageParams: tenant.params });
  const cacheKey = `${tenant.apiBaseUrl}|${settings.authorizeUrl}|${settings.tokenUrl}`;
  const cached = await getSession<{ key: string; endpoints: TenantEndpoints }>(keys.endpoints);
  if (cached?.key === cacheKey) return { apiBaseUrl: tenant.apiBaseUrl, endpoints: cached.endpoints };
  const overrides = {
    ...(settings.authorizeUrl ? { authorizeEndpoint: settings.authorizeUrl } : {}),
    ...(settings.tokenUrl ? { tokenEndpoint: settings.tokenUrl } : {}),
  };
  const endpoints = await discover(tenant.apiBaseUrl, fetchImpl, { overrides });
  await setSession(keys.endpoints, { key: cacheKey, endpoints });
  return { apiBaseUrl: tenant.apiBaseUrl, endpoints };
}

export async function openConnection(effective?: EffectiveSettings): Promise<Connection> {
  const current = effective ?? (await loadEffectiveSettings());
  const { apiBaseUrl, endpoints } = await resolveEndpoints(current);
  const stored = await sessionStore.load();
  const pat = stored?.kind === 'client-credentials' ? await loadPatSecret() : undefined;
  const session = createSessionManager({
    store: sessionStore,
    tokenEndpoint: endpoints.tokenEndpoint,
    clientId: pat?.clientId ?? current.settings.clientId,
    ...(pat ? { clientSecret: pat.clientSecret } : {}),
    fetch: fetchImpl,
  });
  const client = createIscClient({
    apiBaseUrl,
    version: current.settings.apiVersion,
    getAccessToken: () => session.getAccessToken(),
    refreshAccessToken: (rejected) => session.refreshAccessToken(rejected),
    fetch: fetchImpl,
    onRequest: (info: RequestInfo) => void recordRequest(info),
  });
  return { effective: current, apiBaseUrl, tenantKey: apiBaseUrl, endpoints, session, client };
}

export function redirectUri(): string {
  return browser.identity.getRedirectURL();
}
