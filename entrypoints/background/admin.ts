import { browser } from 'wxt/browser';
import { type AdminRelayReply, type AdminRelayRequest, relayTo } from '@/utils/admin/relay';
import type { AdminDiagnosticsView } from '@/utils/admin/views';
import { normalizeTenant } from '@/utils/auth/tenant';
import type { ApiConnections } from './api';
import type { Diagnostics } from './diagnostics';
import type { SettingsSource } from './settings';
import { sessionStore } from './storage';

/**
 * The Administration section's side of the worker. Deliberately thin: the options page builds each ISC request,
 * validates the answer and explains it (utils/admin/commands.ts); the worker only attaches its token to one of a
 * fixed list of operations (utils/admin/relay.ts), so the token never leaves it and the admin code is not in it.
 */
export interface Admin {
  /** One relayed ISC call; ISC itself decides what the token may do. */
  relay(request: AdminRelayRequest): Promise<AdminRelayReply>;
  /** Built from storage only (no API call), so it works when the tenant does not answer. Never a token. */
  diagnostics(): Promise<AdminDiagnosticsView>;
}

export function createAdmin(deps: { settings: SettingsSource; api: ApiConnections; diagnostics: Diagnostics }): Admin {
  return {
    async relay(request) {
      const { client } = await deps.api.open(request.version);
      return relayTo(client, (error) => void deps.diagnostics.recordError(error))(request);
    },
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
      // Nothing here is a secret (see DiagnosticsRecord); the page redacts once more before showing or copying it.
      return view;
    },
  };
}
