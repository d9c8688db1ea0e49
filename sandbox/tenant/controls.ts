import { randomUUID } from 'node:crypto';
import { settleDue } from './changes';
import type { TenantState } from './state';
import { mintTokens } from './tokens';
import type { FaultSpec, TenantControls } from './types';

export class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function validateFault(fault: FaultSpec): void {
  if (typeof fault?.path !== 'string' || fault.path.length === 0) throw new ControlError(400, 'A fault needs a path pattern.');
  if (fault.status !== undefined && !(Number.isInteger(fault.status) && fault.status >= 100 && fault.status <= 599)) {
    throw new ControlError(400, 'A fault status must be an HTTP status code.');
  }
  if (fault.drop !== undefined && fault.drop !== 'before-body' && fault.drop !== 'after-processing') {
    throw new ControlError(400, 'drop must be "before-body" or "after-processing".');
  }
  if (fault.omitFields !== undefined && !(Array.isArray(fault.omitFields) && fault.omitFields.every((f) => typeof f === 'string'))) {
    throw new ControlError(400, 'omitFields must be a list of field names.');
  }
  const effects = [fault.status, fault.drop, fault.latencyMs, fault.body, fault.omitFields];
  if (effects.every((effect) => effect === undefined)) {
    throw new ControlError(400, 'A fault needs a status, a latencyMs, a drop, a body or omitFields.');
  }
}

export function createControls(state: TenantState): TenantControls {
  const publicClient = () => [...state.clients.values()].find((client) => client.grantTypes.includes('authorization_code'));
  return {
    configure: (patch) => state.applyConfig(patch),
    injectFault(fault) {
      validateFault(fault);
      const id = randomUUID();
      state.faults.push({ ...fault, id, remaining: fault.count ?? 1 });
      return id;
    },
    clearFaults: () => {
      state.faults.length = 0;
    },
    async rotateKey(sourceId) {
      if (!state.sources.has(sourceId)) throw new ControlError(404, `No source with id "${sourceId}".`);
      return state.assignKey(sourceId);
    },
    revokeRefreshTokens(identity) {
      const target = identity === undefined ? undefined : state.identity(identity);
      if (identity !== undefined && !target) throw new ControlError(404, `No identity "${identity}".`);
      let revoked = 0;
      for (const [jti, token] of state.refreshTokens) {
        if (!target || token.identityId === target.id) {
          state.refreshTokens.delete(jti);
          revoked++;
        }
      }
      return revoked;
    },
    advanceClock(ms) {
      state.clockOffset += ms;
      settleDue(state);
    },
    setClockOffset(ms) {
      state.clockOffset = ms;
      settleDue(state);
    },
    now: () => state.now(),
    requestLogText: () => state.log.map((entry) => JSON.stringify(entry)).join('\n'),
    clearRequestLog: () => {
      state.log.length = 0;
    },
    accountState(accountId) {
      settleDue(state);
      const account = state.accounts.get(accountId);
      if (!account) throw new ControlError(404, `No account "${accountId}".`);
      return {
        accountId,
        accountName: account.seed.name,
        sourceId: account.seed.sourceId,
        identityId: account.seed.identityId,
        passwordChangedAt: account.changedAt === null ? null : new Date(account.changedAt).toISOString(),
        passwordHash: account.history.at(-1) ?? null,
        passwordSalt: account.salt,
        historyLength: account.history.length,
      };
    },
    issueToken(identity, scopes) {
      const target = state.identity(identity);
      if (!target) throw new ControlError(404, `No identity "${identity}".`);
      const client = publicClient();
      if (!client) throw new ControlError(400, 'The seed has no client with the authorization_code grant.');
      return mintTokens(state, client, target, scopes ?? client.scope, client.grantTypes.includes('refresh_token')).body;
    },
    setPasswordCount: () => state.acceptedSetPasswords,
    seedInfo() {
      return {
        tenant: state.seed.tenant,
        identities: [...state.identities.values()].map(({ id, name, displayName, authorities }) => ({
          id,
          name,
          displayName,
          authorities,
        })),
        sources: [...state.sources.values()].map((source) => ({ ...source, publicKeyId: state.keys.get(source.id)?.publicKeyId ?? '' })),
        accounts: [...state.accounts.values()].map(({ seed }) => ({
          id: seed.id,
          name: seed.name,
          identityId: seed.identityId,
          sourceId: seed.sourceId,
        })),
        syncGroups: [...state.syncGroups.values()],
        clients: [...state.clients.values()].map(({ secret: _secret, ...client }) => client),
      };
    },
  };
}
