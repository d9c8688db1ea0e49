import * as v from 'valibot';
import { ApiError, isApiError } from '@/utils/api/errors';
import type { FetchLike } from '@/utils/api/http';
import { clientCredentials, decodeClaims, type Identity, refreshTokens, type TokenSet } from './tokens';

/**
 * Keeps the signed-in session: hands out a valid access token, refreshes it before it expires, and shares one
 * refresh between concurrent callers (ISC rotates refresh tokens, so two parallel refreshes would revoke each other).
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
  signOut(): Promise<void>;
  identity(): Promise<Identity | null>;
}

export const DEFAULT_REFRESH_SKEW_MS = 60_000;

export function createSessionManager(options: SessionManagerOptions): SessionManager {
  const now = options.now ?? Date.now;
  const skewMs = options.refreshSkewMs ?? DEFAULT_REFRESH_SKEW_MS;
  let loaded: Promise<StoredSession | null> | null = null;
  let current: StoredSession | null = null;
  let refreshing: Promise<string> | null = null;
  // Bumped by sign-in and sign-out so that a refresh finishing afterwards cannot bring back the old session.
  let generation = 0;

  async function session(): Promise<StoredSession | null> {
    loaded ??= options.store.load().then((stored) => {
      // Storage may hold a session from an older build or garbage: treat anything invalid as signed out.
      const parsed = v.safeParse(StoredSessionSchema, stored);
      current = parsed.success ? parsed.output : null;
      return current;
    });
    await loaded;
    return current;
  }

  function needsRefresh(stored: StoredSession): boolean {
    // A token living less than twice the skew would otherwise be refreshed on every call.
    const skew = Math.min(skewMs, (stored.expiresAt - stored.obtainedAt) / 2);
    return now() >= stored.expiresAt - skew;
  }

  async function replace(next: StoredSession | null): Promise<void> {
    current = next;
    loaded = Promise.resolve(next);
    if (next) await options.store.save(next);
    else await options.store.clear();
  }

  async function refresh(rejectedToken: string | undefined): Promise<string> {
    const stored = await session();
    if (!stored) throw new ApiError('signed-out');
    if (rejectedToken !== undefined && stored.accessToken !== rejectedToken && !needsRefresh(stored)) return stored.accessToken;
    const startedIn = generation;
    let tokens: TokenSet;
    try {
      tokens = await renew(stored);
    } catch (error) {
      if (isApiError(error, 'signed-out') && startedIn === generation) {
        generation++;
        await replace(null);
      }
      throw error;
    }
    if (startedIn !== generation) throw new ApiError('signed-out');
    const next = toStored(tokens, stored.kind, now());
    // ISC rotates refresh tokens; keep the old one only if the server sent none.
    if (!next.refreshToken && stored.refreshToken && stored.kind === 'authorization-code') next.refreshToken = stored.refreshToken;
    await replace(next);
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
      // A personal access token is re-minted with its secret; without a remembered secret the session simply ends.
      if (!options.clientSecret) return Promise.reject(new ApiError('signed-out'));
      return clientCredentials({ ...endpoint, clientSecret: options.clientSecret });
    }
    if (!stored.refreshToken) return Promise.reject(new ApiError('signed-out'));
    return refreshTokens({ ...endpoint, clientSecret: options.clientSecret, refreshToken: stored.refreshToken });
  }

  const manager: SessionManager = {
    async getAccessToken() {
      const stored = await session();
      if (!stored) throw new ApiError('signed-out');
      if (needsRefresh(stored)) return manager.refreshAccessToken();
      return stored.accessToken;
    },

    refreshAccessToken(rejectedToken) {
      refreshing ??= refresh(rejectedToken).finally(() => {
        refreshing = null;
      });
      return refreshing;
    },

    async signIn(tokens, kind = 'authorization-code') {
      const next = toStored(tokens, kind, now());
      generation++;
      await replace(next);
      return next.identity;
    },

    async signOut() {
      generation++;
      await replace(null);
    },

    async identity() {
      return (await session())?.identity ?? null;
    },
  };
  return manager;
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
