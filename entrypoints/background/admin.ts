import { browser } from 'wxt/browser';
import { loadEffectiveSettings } from '@/platform/settings';
import { checkAccess, readOrgConfig, readPolicies, readSyncGroups, requestDigitToken, writeOrgConfig } from '@/utils/admin/operations';
import { redactDeep } from '@/utils/admin/redact';
import type { AdminDiagnosticsView } from '@/utils/admin/views';
import type { ApiVersion } from '@/utils/api/types';
import { normalizeTenant } from '@/utils/auth/tenant';
import type { Request, ResponseFor } from '@/utils/messages/protocol';
import { type Connection, openConnection } from './connection';
import { readDiagnostics } from './diagnostics';
import { sessionStore } from './stores';

/**
 * The Administration section's requests. Thin: the ISC calls live in utils/admin/operations; ISC
 * itself decides what the token may do. Failures are explained by the router (see handlers.ts).
 */

type AdminRequest<T extends Request['type']> = Extract<Request, { type: T }>;

/** A connection, optionally on another API version for this one request (digit tokens are not on v3). */
async function connect(version?: ApiVersion): Promise<Connection> {
  const effective = await loadEffectiveSettings();
  if (!version || version === effective.settings.apiVersion) return openConnection(effective);
  return openConnection({ ...effective, settings: { ...effective.settings, apiVersion: version } });
}

export async function adminOrgConfig(): Promise<ResponseFor<'admin/orgConfig/get'>> {
  return readOrgConfig((await connect()).client);
}

export async function adminSaveOrgConfig(request: AdminRequest<'admin/orgConfig/save'>): Promise<ResponseFor<'admin/orgConfig/save'>> {
  return writeOrgConfig((await connect()).client, request.config, request.exists);
}

/** The token goes straight back to the page: it is never stored, cached or recorded (only the path is). */
export async function adminDigitToken(request: AdminRequest<'admin/digitToken'>): Promise<ResponseFor<'admin/digitToken'>> {
  const { client } = await connect(request.version);
  return requestDigitToken(client, { userId: request.userId, length: request.length, durationMinutes: request.durationMinutes });
}

export async function adminPolicies(): Promise<ResponseFor<'admin/policies'>> {
  return readPolicies((await connect()).client);
}

export async function adminSyncGroups(): Promise<ResponseFor<'admin/syncGroups'>> {
  return readSyncGroups((await connect()).client);
}

export async function adminCheckAccess(): Promise<ResponseFor<'admin/checkAccess'>> {
  return checkAccess((await connect()).client);
}

/** Built from storage only (no API call), so it works when the tenant does not answer. */
export async function adminDiagnostics(): Promise<AdminDiagnosticsView> {
  const [effective, stored, recorded] = await Promise.all([loadEffectiveSettings(), sessionStore.load(), readDiagnostics()]);
  const tenant = normalizeTenant(effective.settings.tenant);
  const identity = stored?.identity;
  const view: AdminDiagnosticsView = {
    generatedAt: Date.now(),
    extensionVersion: browser.runtime.getManifest().version,
    tenant: effective.settings.tenant,
    apiBaseUrl: tenant.ok ? tenant.apiBaseUrl : null,
    apiVersion: effective.settings.apiVersion,
    identity: identity
      ? {
          userName: identity.userName ?? null,
          identityId: identity.identityId ?? null,
          displayName: identity.displayName ?? null,
          tenant: identity.tenant ?? null,
          clientId: identity.clientId ?? null,
          mode: stored.kind === 'client-credentials' ? 'client-credentials' : 'oauth',
          authorities: [...identity.authorities],
          scopes: [...identity.scopes],
          expiresAt: identity.expiresAt,
        }
      : null,
    requests: recorded.requests,
    errors: recorded.errors,
    counts: recorded.counts,
  };
  return redactDeep(view);
}
