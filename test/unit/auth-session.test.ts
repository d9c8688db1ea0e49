import { describe, expect, it, vi } from 'vitest';
import type { FetchLike } from '@/utils/api/http';
import { createSessionManager, type SessionManagerOptions, type StoredSession } from '@/utils/auth/session';
import type { TokenSet } from '@/utils/auth/tokens';
import { failure } from '../fixtures/api-error';

const TOKEN_ENDPOINT = 'https://acme.api.identitynow.com/oauth/token';

function fakeJwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'HS256' })}.${part(claims)}.sig`;
}

function accessToken(n: number, expSeconds: number): string {
  return fakeJwt({
    identity_id: 'id-alice',
    user_name: 'alice',
    org: 'acme',
    client_id: 'rekey-extension',
    scope: ['a'],
    exp: expSeconds,
    n,
  });
}

function memoryStore(initial: StoredSession | null = null) {
  let saved: unknown = initial;
  const history: Array<StoredSession | null> = [];
  return {
    store: {
      load: async () => saved as StoredSession | null,
      save: async (session: StoredSession) => {
        saved = structuredClone(session);
        history.push(session);
      },
      clear: async () => {
        saved = null;
        history.push(null);
      },
    },
    saved: () => saved as StoredSession | null,
    history,
    corrupt: (value: unknown) => {
      saved = value;
    },
  };
}

/** A token endpoint that rotates refresh tokens and remembers what it was sent. */
function tokenServer(clock: { now: number }, ttlSeconds = 750) {
  const forms: URLSearchParams[] = [];
  let issued = 1;
  let answer: ((form: URLSearchParams) => Response | Promise<Response>) | null = null;
  const fetch: FetchLike = async (_url, init = {}) => {
    const form = new URLSearchParams(String(init.body));
    forms.push(form);
    if (answer) return answer(form);
    issued++;
    const body = {
      access_token: accessToken(issued, Math.floor(clock.now / 1000) + ttlSeconds),
      ...(form.get('grant_type') === 'refresh_token' ? { refresh_token: `refresh-${issued}` } : {}),
      expires_in: ttlSeconds,
    };
    await new Promise((resolve) => setTimeout(resolve, 5));
    return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
  };
  return {
    fetch,
    forms,
    answerWith: (fn: typeof answer) => {
      answer = fn;
    },
  };
}

function setup(options: Partial<SessionManagerOptions> = {}, ttlSeconds = 750) {
  const clock = { now: Date.parse('2026-03-01T10:00:00Z') };
  const server = tokenServer(clock, ttlSeconds);
  const memory = memoryStore();
  const manager = createSessionManager({
    store: memory.store,
    tokenEndpoint: TOKEN_ENDPOINT,
    clientId: 'rekey-extension',
    fetch: server.fetch,
    now: () => clock.now,
    ...options,
  });
  const initialTokens = (ttl = ttlSeconds): TokenSet => ({
    accessToken: accessToken(1, Math.floor(clock.now / 1000) + ttl),
    refreshToken: 'refresh-1',
    expiresAt: clock.now + ttl * 1000,
    scopes: ['a'],
  });
  return { clock, server, memory, manager, initialTokens };
}

describe('session manager', () => {
  it('is signed out until someone signs in', async () => {
    const { manager } = setup();
    expect((await failure(manager.getAccessToken())).kind).toBe('signed-out');
    expect(await manager.identity()).toBeNull();
  });

  it('stores the tokens at sign-in and answers with the identity from the claims', async () => {
    const { manager, memory, initialTokens } = setup();
    const tokens = initialTokens();
    const identity = await manager.signIn(tokens);
    expect(identity).toMatchObject({ identityId: 'id-alice', userName: 'alice', tenant: 'acme', clientId: 'rekey-extension' });
    expect(memory.saved()).toMatchObject({ kind: 'authorization-code', accessToken: tokens.accessToken, refreshToken: 'refresh-1' });
    expect(await manager.getAccessToken()).toBe(tokens.accessToken);
    expect(await manager.identity()).toEqual(identity);
  });

  it('hands out the stored token without a request while it is fresh', async () => {
    const { manager, server, initialTokens, clock } = setup();
    const tokens = initialTokens();
    await manager.signIn(tokens);
    clock.now += 600_000;
    expect(await manager.getAccessToken()).toBe(tokens.accessToken);
    expect(server.forms).toHaveLength(0);
  });

  it('refreshes within the skew before expiry and stores the rotated refresh token', async () => {
    const { manager, server, memory, initialTokens, clock } = setup({ refreshSkewMs: 60_000 });
    await manager.signIn(initialTokens(750));
    clock.now += 750_000 - 60_000;
    const token = await manager.getAccessToken();
    expect(server.forms.map((form) => Object.fromEntries(form))).toEqual([
      { grant_type: 'refresh_token', refresh_token: 'refresh-1', client_id: 'rekey-extension' },
    ]);
    expect(memory.saved()).toMatchObject({ accessToken: token, refreshToken: 'refresh-2' });
    clock.now += 750_000 - 60_000;
    await manager.getAccessToken();
    expect(server.forms[1]?.get('refresh_token')).toBe('refresh-2');
  });

  it('keeps the refresh token when a refresh answer carries none', async () => {
    const { manager, server, memory, initialTokens, clock } = setup();
    await manager.signIn(initialTokens());
    server.answerWith(
      () => new Response(JSON.stringify({ access_token: accessToken(9, 9_999_999_999), expires_in: 750 }), { status: 200 }),
    );
    clock.now += 800_000;
    await manager.getAccessToken();
    expect(memory.saved()?.refreshToken).toBe('refresh-1');
  });

  it('shares one refresh between 10 concurrent callers', async () => {
    const { manager, server, initialTokens, clock } = setup();
    await manager.signIn(initialTokens());
    clock.now += 800_000;
    const tokens = await Promise.all(Array.from({ length: 10 }, () => manager.getAccessToken()));
    expect(server.forms).toHaveLength(1);
    expect(new Set(tokens).size).toBe(1);
  });

  it('shares one refresh between 10 callers whose requests got a 401', async () => {
    const { manager, server, initialTokens } = setup();
    const tokens = initialTokens();
    await manager.signIn(tokens);
    const refreshed = await Promise.all(Array.from({ length: 10 }, () => manager.refreshAccessToken(tokens.accessToken)));
    expect(server.forms).toHaveLength(1);
    expect(new Set(refreshed).size).toBe(1);
    expect(refreshed[0]).not.toBe(tokens.accessToken);
  });

  it('does not refresh again for a caller whose rejected token was already replaced', async () => {
    const { manager, server, initialTokens } = setup();
    const tokens = initialTokens();
    await manager.signIn(tokens);
    const fresh = await manager.refreshAccessToken(tokens.accessToken);
    expect(await manager.refreshAccessToken(tokens.accessToken)).toBe(fresh);
    expect(server.forms).toHaveLength(1);
    await manager.refreshAccessToken(fresh);
    expect(server.forms).toHaveLength(2);
  });

  it('ends the session when the refresh token is rejected (invalid_grant)', async () => {
    const { manager, server, memory, initialTokens, clock } = setup();
    await manager.signIn(initialTokens());
    server.answerWith(() => new Response(JSON.stringify({ error: 'invalid_grant' }), { status: 400 }));
    clock.now += 800_000;
    expect((await failure(manager.getAccessToken())).kind).toBe('signed-out');
    expect(memory.saved()).toBeNull();
    expect(await manager.identity()).toBeNull();
    expect((await failure(manager.getAccessToken())).kind).toBe('signed-out');
    expect(server.forms).toHaveLength(1);
  });

  it('keeps the session when the refresh fails for a passing reason', async () => {
    const { manager, server, memory, initialTokens, clock } = setup();
    await manager.signIn(initialTokens());
    server.answerWith(() => {
      throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    });
    clock.now += 800_000;
    expect((await failure(manager.getAccessToken())).kind).toBe('unreachable');
    expect(memory.saved()?.refreshToken).toBe('refresh-1');
  });

  it('re-mints a personal-access-token session with the secret instead of refreshing', async () => {
    const { manager, server, initialTokens, clock } = setup({ clientId: 'pat-id', clientSecret: 'pat-secret' });
    const { refreshToken: _none, ...tokens } = initialTokens();
    await manager.signIn(tokens, 'client-credentials');
    clock.now += 800_000;
    await manager.getAccessToken();
    expect(Object.fromEntries(server.forms[0]!)).toEqual({
      grant_type: 'client_credentials',
      client_id: 'pat-id',
      client_secret: 'pat-secret',
    });
  });

  it('ends a personal-access-token session that expires when the secret was not remembered', async () => {
    const { manager, server, memory, initialTokens, clock } = setup({ clientId: 'pat-id' });
    await manager.signIn(initialTokens(), 'client-credentials');
    clock.now += 800_000;
    expect((await failure(manager.getAccessToken())).kind).toBe('signed-out');
    expect(server.forms).toHaveLength(0);
    expect(memory.saved()).toBeNull();
  });

  it('signs out, and a refresh finishing afterwards does not bring the session back', async () => {
    const { manager, server, memory, initialTokens, clock } = setup();
    await manager.signIn(initialTokens());
    clock.now += 800_000;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    server.answerWith(async () => {
      await released;
      return new Response(JSON.stringify({ access_token: accessToken(7, 9_999_999_999), refresh_token: 'refresh-7', expires_in: 750 }));
    });
    const pending = manager.getAccessToken();
    await vi.waitFor(() => expect(server.forms).toHaveLength(1));
    await manager.signOut();
    release();
    expect((await failure(pending)).kind).toBe('signed-out');
    expect(memory.saved()).toBeNull();
    expect(await manager.identity()).toBeNull();
  });

  it('loads a saved session after a worker restart', async () => {
    const first = setup();
    const tokens = first.initialTokens();
    await first.manager.signIn(tokens);
    const restarted = createSessionManager({
      store: first.memory.store,
      tokenEndpoint: TOKEN_ENDPOINT,
      clientId: 'rekey-extension',
      now: () => first.clock.now,
    });
    expect(await restarted.getAccessToken()).toBe(tokens.accessToken);
  });

  it('treats damaged stored data as signed out', async () => {
    const { manager, memory } = setup();
    memory.corrupt({ kind: 'authorization-code', accessToken: 42 });
    expect((await failure(manager.getAccessToken())).kind).toBe('signed-out');
  });

  it('does not refresh on every call when tokens live shorter than the skew', async () => {
    const { manager, server, initialTokens, clock } = setup({ refreshSkewMs: 60_000 }, 20);
    await manager.signIn(initialTokens(20));
    await manager.getAccessToken();
    expect(server.forms).toHaveLength(0);
    clock.now += 10_000;
    await manager.getAccessToken();
    await manager.getAccessToken();
    expect(server.forms).toHaveLength(1);
  });
});
