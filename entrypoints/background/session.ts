import { browser } from 'wxt/browser';
import type { FetchLike } from '@/utils/api/http';
import { createSessionManager, type SessionKind, type SessionManager } from '@/utils/auth/session';
import { decodeClaims, type Identity, revokeToken, type TokenSet } from '@/utils/auth/tokens';
import { loadPatSecret, type PatSecret, savePatSecret } from './pat-secret';
import { currentSession, getLocal, keys, sessionStore, setLocal } from './storage';
import type { TenantDirectory } from './tenant';

/**
 * What belongs to the signed-in employee: removed at sign-out so the next person on this profile sees none of it.
 * Here, beside the sign-out, rather than in storage.ts: background.js bundles storage.ts and would carry these lists.
 */
const userLocalKeys = [keys.tracker, keys.reminders, keys.snoozes] as const;
// Not `endpoints`: where the tenant signs people in belongs to the tenant, not to the employee.
const userSessionKeys = [keys.passwordInfo, keys.patSecret, keys.preselect, keys.diagnostics, keys.shownPrompts] as const;

/**
 * The worker's one session, shared by every caller: popup, options, tracker and admin panels. The session manager
 * underneath keeps one refresh per refresh token and saves by compare-and-set, so parallel callers can never sign
 * the employee out and a sign-out is never undone by a refresh that was already on its way.
 */
export interface WorkerSession {
  getAccessToken(): Promise<string>;
  refreshAccessToken(rejectedToken?: string): Promise<string>;
  signIn(tokens: TokenSet, kind: SessionKind, secret?: PatSecret): Promise<Identity>;
  /** Ends the session, revokes its refresh token at the tenant and forgets everything that belonged to the employee. */
  signOut(): Promise<void>;
  current(): Promise<{ identity: Identity; kind: SessionKind } | null>;
}

export function createWorkerSession(tenant: TenantDirectory, fetchImpl: FetchLike): WorkerSession {
  let cached: { key: string; manager: SessionManager } | undefined;

  /** One manager per token client; it changes only when the tenant, client id or personal access token does. */
  async function manager(): Promise<SessionManager> {
    const { effective, endpoints } = await tenant.resolve();
    const stored = await sessionStore.load();
    const pat = stored?.kind === 'client-credentials' ? await loadPatSecret() : undefined;
    const clientId = pat?.clientId ?? effective.settings.clientId;
    const key = `${endpoints.tokenEndpoint}|${clientId}|${pat ? 'pat' : 'oauth'}`;
    if (cached?.key !== key) {
      cached = {
        key,
        manager: createSessionManager({
          store: sessionStore,
          tokenEndpoint: endpoints.tokenEndpoint,
          clientId,
          ...(pat ? { clientSecret: pat.clientSecret } : {}),
          fetch: fetchImpl,
        }),
      };
    }
    return cached.manager;
  }

  return {
    getAccessToken: async () => (await manager()).getAccessToken(),
    refreshAccessToken: async (rejected) => (await manager()).refreshAccessToken(rejected),

    async signIn(tokens, kind, secret) {
      // Someone else signing in on this profile must not see the previous employee's changes or reminders.
      const owner = ownerOf(decodeClaims(tokens.accessToken));
      const previous = await getLocal<string>(keys.dataOwner);
      if (previous !== undefined && previous !== owner) await forgetEmployeeData();
      await setLocal(keys.dataOwner, owner);
      if (secret) await savePatSecret(secret);
      return (await manager()).signIn(tokens, kind);
    },

    async signOut() {
      const resolved = await tenant.resolve().catch(() => null);
      const ended = resolved ? await (await manager()).signOut() : null;
      if (!resolved) await sessionStore.clear();
      await forgetEmployeeData();
      // Best effort, after the local sign-out: an unreachable tenant must not keep anyone signed in.
      if (resolved && ended?.refreshToken) {
        await revokeToken({
          tokenEndpoint: resolved.endpoints.tokenEndpoint,
          clientId: resolved.effective.settings.clientId,
          token: ended.refreshToken,
          fetch: fetchImpl,
        }).catch(() => undefined);
      }
    },

    current: currentSession,
  };
}

function ownerOf(identity: Identity): string {
  return `${identity.tenant ?? ''}/${identity.identityId ?? identity.userName ?? identity.clientId ?? ''}`;
}

/** Change history, pending changes, reminders, snoozes, cached password info and diagnostics. */
async function forgetEmployeeData(): Promise<void> {
  await browser.storage.local.remove([...userLocalKeys]);
  await browser.storage.session.remove([...userSessionKeys]);
}
