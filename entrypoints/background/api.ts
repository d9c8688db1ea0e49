import { createIscClient, type IscClient } from '@/utils/api/client';
import type { FetchLike } from '@/utils/api/http';
import type { ApiVersion } from '@/utils/api/types';
import type { EffectiveSettings } from '@/utils/settings/effective';
import type { Diagnostics } from './diagnostics';
import type { WorkerSession } from './session';
import type { TenantDirectory } from './tenant';

export interface Connection {
  effective: EffectiveSettings;
  /** Identifies the tenant in caches keyed by it. */
  tenantKey: string;
  client: IscClient;
}

/** ISC clients on the worker's one session, one per tenant and API version. */
export interface ApiConnections {
  /** `version` overrides the configured API version for one request (digit tokens are not on v3). */
  open(version?: ApiVersion): Promise<Connection>;
}

export function createApiConnections(deps: {
  tenant: TenantDirectory;
  session: WorkerSession;
  diagnostics: Diagnostics;
  fetch: FetchLike;
}): ApiConnections {
  // Kept, not rebuilt per request: a client learns which status path this tenant lets the employee read.
  const clients = new Map<string, IscClient>();
  return {
    async open(version) {
      const { effective, apiBaseUrl } = await deps.tenant.resolve();
      const chosen = version ?? effective.settings.apiVersion;
      const key = `${apiBaseUrl}|${chosen}`;
      let client = clients.get(key);
      if (!client) {
        client = createIscClient({
          apiBaseUrl,
          version: chosen,
          getAccessToken: () => deps.session.getAccessToken(),
          refreshAccessToken: (rejected) => deps.session.refreshAccessToken(rejected),
          fetch: deps.fetch,
          onRequest: (info) => void deps.diagnostics.recordRequest(info),
          // An employee without ORG_ADMIN reads statuses on beta; asking the configured version first costs a 403.
          statusNeedsBeta: async () => {
            const current = await deps.session.current();
            return current !== null && !current.identity.authorities.includes('ORG_ADMIN');
          },
        });
        clients.set(key, client);
      }
      return { effective, tenantKey: apiBaseUrl, client };
    },
  };
}
