import { browser } from 'wxt/browser';
import { checkAccess, readOrgConfig, readPolicies, readSyncGroups, requestDigitToken, writeOrgConfig } from '@/utils/admin/operations';
import { redactDeep } from '@/utils/admin/redact';
import { readSources } from '@/utils/admin/sources';
import type { AdminDiagnosticsView } from '@/utils/admin/views';
import { normalizeTenant } from '@/utils/auth/tenant';
import type { Request, ResponseFor } from '@/utils/messages/protocol';
import type { ApiConnections } from './api';
import type { Diagnostics } from './diagnostics';
import type { SettingsSource } from './settings';
import { sessionStore } from './storage';

type AdminRequest<T extends Request['type']> = Extract<Request, { type: T }>;

/**
 * The Administration section's requests. Thin: the ISC calls live in utils/admin/operations; ISC
 * itself decides what the token may do. Failures are explained by the router (see handlers.ts).
 */
export interface Admin {
  orgConfig(): Promise<ResponseFor<'admin/orgConfig/get'>>;
  saveOrgConfig(request: AdminRequest<'admin/orgConfig/save'>): Promise<ResponseFor<'admin/orgConfig/save'>>;
  /** The token goes straight back to the page: it is never stored, cached or recorded (only the path is). */
  digitToken(request: AdminRequest<'admin/digitToken'>): Promise<ResponseFor<'admin/digitToken'>>;
  policies(): Promise<ResponseFor<'admin/policies'>>;
  syncGroups(): Promise<ResponseFor<'admin/syncGroups'>>;
  checkAccess(): Promise<ResponseFor<'admin/checkAccess'>>;
  /** Built from storage only (no API call), so it works when the tenant does not answer. */
  diagnostics(): Promise<AdminDiagnosticsView>;
  /** The tenant's sources for the sources editor's picker; ISC answers 403 to a token that may not list them. */
  sources(): Promise<ResponseFor<'admin/sources'>>;
}

export function createAdmin(deps: { settings: SettingsSource; api: ApiConnections; diagnostics: Diagnostics }): Admin {
  const client = async () => (await deps.api.open()).client;
  return {
    orgConfig: async () => readOrgConfig(await client()),
    saveOrgConfig: async (request) => writeOrgConfig(await client(), request.config, request.exists),
    async digitToken(request) {
      const { client: onVersion } = await deps.api.open(request.version);
      return requestDigitToken(onVersion, { userId: request.userId, length: request.length, durationMinutes: request.durationMinutes });
    },
    policies: async () => readPolicies(await client()),
    syncGroups: async () => readSyncGroups(await client()),
    checkAccess: async () => checkAccess(await client()),
    sources: async () => readSources(await client()),
    async diagnostics() {
      const [effective, stored, recorded] = await Promise.all([deps.settings.load(), sessionStore.load(), deps.diagnostics.read()]);
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
    },
  };
}
