import * as v from 'valibot';
import { ApiError, isApiError } from '@/utils/api/errors';
import type { FetchLike } from '@/utils/api/http';
import { clientCredentials, decodeClaims, type Identity, refreshTokens, type TokenSet } from './tokens';

/**
 * Keeps the signed-in session: hands out a valid access token, refreshes it before it expires, and shares one
 * refresh between concurrent callers (ISC rotates refresh tokens, so two parallel refreshes would revoke each other).
 * The store is the single source of truth: every step re-reads it, and a refresh's answer is saved only if the
 * stored session is still the one it started from (compare-and-set), so sign-outs stick and sign-ins survive.
 */

export type SessionKind = 'authorization-code' | 'client-credentials';

const IdentitySchema = v.object({
  identityId: v.optional(v.string()),
  userName: v.optional(v.string()),
  displayName: v.optional(v.string()),
  tenant: v.optional(v.string()),
  authorities: v.array(v.string()),
  scopes: v.array(v.string()),
  expiresAt: v.number(),
  clientId: v.optional(v.string()),
});

export const StoredSessionSchema = v.object({
  kind: v.picklist(['authorization-code', 'client-credentials']),
  accessToken: v.string(),
  refreshToken: v.optional(v.string()),
  expiresAt: v.number(),
  /** When the access token was obtained; bounds the refresh skew for short-lived tokens. */
  obtainedAt: v.number(),
  identity: IdentitySchema,
});
export type StoredSession = v.InferOutput<typeof StoredSessionSchema>;

export interface SessionStore {
  load(): Promise<StoredSession | null>;
  save(session: StoredSession): Promise<void>;
  clear(): Promise<void>;
}

export interface SessionManagerOptions {
  store: SessionStore;
  tokenEndpoint: string;
  clientId: string;
  /** For client-credentials sessions (personal access tokens): the background decides whether it is remembered. */
  clientSecret?: string;
  fetch?: FetchLike;
  now?: () => number;
  refreshSkewMs?: number;
  timeoutMs?: number;
}

export interface SessionManager {
  /** A token valid for at least the refresh skew; refreshes first when needed. Throws ApiError 'signed-out' without a session. */
  getAccessToken(): Promise<string>;
  /**
   * Gets a new access token; concurrent callers share one refresh. Given the token ISC just rejected, it returns the
   * current token without a refresh when someone else already replaced that one.
   */
  refreshAccessToken(rejectedToken?: string): Promise<string>;
  signIn(tokens: TokenSet, kind?: SessionKind): Promise<Identity>;
  /** Ends the session; answers with what was stored, so the caller can revoke its refresh token. */
  signOut(): Promise<StoredSession | null>;
  identity(): Promise<Identity | null>;
}

export const DEFAULT_REFRESH_SKEW_MS = 60_000;
const keptRefreshes = 4;

export function createSessionManager(options: SessionManagerOptions): SessionManager {
  const now = options.now ?? Date.now;
  const skewMs = options.refreshSkewMs ?? DEFAULT_REFRESH_SKEW_MS;
  // One refresh per refresh token: ISC rotates it, so a second request with the same token would be refused. A
  // successful refresh stays here, so a caller that read the session just before it was replaced shares its answer.
  const refreshes = new Map<string, Promise<string>>();
  // Bumped by sign-in and sign-out so that a refresh finishing afterwards cannot bring back the old session.
  let generation = 0;

  /**
   * Always read from the store, never from memory: the worker may have restarted, and another caller may have
   * refreshed, signed in or signed out since. storage.session reads cost well under a millisecond.
   */
  async function load(): Promise<StoredSession | null> {
    const parsed = v.safeParse(StoredSessionSchema, await options.store.load());
    return parsed.success ? parsed.output : null;
  }

  function needsRefresh(stored: StoredSession): boolean {
    // A token living less than twice the skew would otherwise be refreshed on every call.
    const skew = Math.min(skewMs, (stored.expiresAt - stored.obtainedAt) / 2);
    return now() >= stored.expiresAt - skew;
  }

  async function refresh(rejectedToken: string | undefined): Promise<string> {
    const stored = await load();
    if (!stored) throw new ApiError('signed-out');
    // Someone else already replaced the token ISC rejected (or nothing was rejected and the token is fresh).
    if (stored.accessToken !== rejectedToken && !needsRefresh(stored)) return stored.accessToken;
    const key = stored.refreshToken ?? stored.accessToken;
    let running = refreshes.get(key);
    if (!running) {
      running = renewAndSave(stored);
      refreshes.set(key, running);
      // A failed attempt (network, timeout) may be tried again; keep only the last few spent tokens.
      running.catch(() => refreshes.delete(key));
      for (const old of [...refreshes.keys()].slice(0, -keptRefreshes)) refreshes.delete(old);
    }
    return running;
  }

  /** Renews `started` and saves the result only if nothing replaced or removed that session meanwhile. */
  async function renewAndSave(started: StoredSession): Promise<string> {
    const startedIn = generation;
    let tokens: TokenSet;
    try {
      tokens = await renew(started);
    } catch (error) {
      // invalid_grant ends the session only if the rejected token is still the stored one: a sign-in or another
      // refresh that happened meanwhile must survive a late rejection of an old token.
      if (isApiError(error, 'signed-out')) {
        const latest = await load();
        // Someone else already replaced the session (and spent the token): use theirs.
        if (latest && !sameSession(latest, started) && startedIn === generation) return latest.accessToken;
        if (latest && sameSession(latest, started) && startedIn === generation) {
          generation++;
          await options.store.clear();
        }
      }
      throw error;
    }
    const next = toStored(tokens, started.kind, now());
    // ISC rotates refresh tokens; keep the old one only if the server sent none.
    if (!next.refreshToken && started.refreshToken && started.kind === 'authorization-code') next.refreshToken = started.refreshToken;
    // Compare-and-set: a sign-out (or sign-in) while the request was out wins over its answer.
    const latest = await load();
    if (startedIn !== generation || !latest) throw new ApiError('signed-out');
    if (!sameSession(latest, started)) return latest.accessToken;
    await options.store.save(next);
    return next.accessToken;
  }

  function renew(stored: StoredSession): Promise<TokenSet> {
    const endpoint = {
      tokenEndpoint: options.tokenEndpoint,
      clientId: options.clientId,
      fetch: options.fetch,
      now,
      timeoutMs: options.timeoutMs,
    };
    if (stored.kind === 'client-credentials') {
      // A personal access token is re-minted with its secret; without the secret the session simply ends.
      if (!options.clientSecret) return Promise.reject(new ApiError('signed-out'));
      return clientCredentials({ ...endpoint, clientSecret: options.clientSecret });
    }
    if (!stored.refreshToken) return Promise.reject(new ApiError('signed-out'));
    return refreshTokens({ ...endpoint, clientSecret: options.clientSecret, refreshToken: stored.refreshToken });
  }

  const manager: SessionManager = {
    async getAccessToken() {
      const stored = await load();
      if (!stored) throw new ApiError('signed-out');
      if (needsRefresh(stored)) return refresh(undefined);
      return stored.accessToken;
    },

    refreshAccessToken(rejectedToken) {
      return refresh(rejectedToken);
    },

    async signIn(tokens, kind = 'authorization-code') {
      const next = toStored(tokens, kind, now());
      generation++;
      await options.store.save(next);
      return next.identity;
    },

    async signOut() {
      generation++;
      // Both issued before anything else can run: whatever reads the store after this call sees no session.
      const ending = load();
      const cleared = options.store.clear();
      const [stored] = await Promise.all([ending, cleared]);
      return stored;
    },

    async identity() {
      return (await load())?.identity ?? null;
    },
  };
  return manager;
}

/** The same sign-in, at the same step of its refresh chain. */
function sameSession(a: StoredSession, b: StoredSession): boolean {
  return a.accessToken === b.accessToken && a.refreshToken === b.refreshToken;
}

function toStored(tokens: TokenSet, kind: SessionKind, nowMs: number): StoredSession {
  const stored: StoredSession = {
    kind,
    accessToken: tokens.accessToken,
    expiresAt: tokens.expiresAt,
    obtainedAt: nowMs,
    identity: decodeClaims(tokens.accessToken),
  };
  if (tokens.refreshToken) stored.refreshToken = tokens.refreshToken;
  return stored;
}
