import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FetchLike } from '@/utils/api/http';
import { createSessionManager, type SessionManager, type SessionStore, type StoredSession } from '@/utils/auth/session';

/**
 * The session under every interleaving fast-check's scheduler can find: parallel token requests (the popup asking
 * for two passwords, the tracker polling, an admin panel), refreshes after a 401, sign-out, sign-in and worker
 * restarts, with every storage operation and every token-endpoint answer arriving in any order.
 */

const TOKEN_ENDPOINT = 'https://acme.api.identitynow.com/oauth/token';
const start = Date.parse('2026-03-01T10:00:00Z');

function jwt(n: number): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'HS256' })}.${part({ identity_id: 'id-alice', user_name: 'alice', org: 'acme', exp: start / 1000 + 3600, n })}.sig`;
}

/** A token endpoint that rotates refresh tokens: each is good for exactly one refresh, as ISC's are. */
function rotatingTokenServer() {
  let issued = 0;
  const valid = new Set<string>();
  const requests: string[] = [];
  const mint = () => {
    issued++;
    const refresh = `refresh-${issued}`;
    valid.add(refresh);
    return { access_token: jwt(issued), refresh_token: refresh, expires_in: 3600 };
  };
  const fetch: FetchLike = async (_url, init = {}) => {
    const form = new URLSearchParams(String(init.body));
    const token = form.get('refresh_token') ?? '';
    requests.push(token);
    if (!valid.delete(token)) {
      return new Response(JSON.stringify({ error: 'invalid_grant' }), { status: 400, headers: { 'content-type': 'application/json' } });
    }
    return new Response(JSON.stringify(mint()), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return { fetch, mint, requests, isValid: (token: string | undefined) => token !== undefined && valid.has(token) };
}

/**
 * storage.session as a worker sees it: operations take effect in the order they are issued (as the browser applies
 * them), but each caller hears back whenever the scheduler says, so other work runs in between.
 */
function scheduledStore(s: fc.Scheduler): SessionStore & { peek(): StoredSession | null; put(value: StoredSession): void } {
  let value: StoredSession | null = null;
  const later = <T>(label: string, result: T) => s.schedule(Promise.resolve(result), label);
  return {
    load: () => later('load', value ? structuredClone(value) : null),
    save: (next) => {
      value = structuredClone(next);
      return later('save', undefined);
    },
    clear: () => {
      value = null;
      return later('clear', undefined);
    },
    peek: () => value,
    put: (next) => {
      value = next;
    },
  };
}

/** A session whose access token needs a refresh now (it expired a second ago). */
function expiredSession(tokens: { access_token: string; refresh_token: string }): StoredSession {
  return {
    kind: 'authorization-code',
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token,
    expiresAt: start - 1_000,
    obtainedAt: start - 3_600_000,
    identity: { authorities: [], scopes: [], expiresAt: start - 1_000 },
  };
}

type Step = { kind: 'token' } | { kind: 'refresh-after-401' } | { kind: 'restart' };

const steps = fc.array(
  fc.oneof(
    { weight: 4, arbitrary: fc.constant<Step>({ kind: 'token' }) },
    { weight: 2, arbitrary: fc.constant<Step>({ kind: 'refresh-after-401' }) },
    { weight: 1, arbitrary: fc.constant<Step>({ kind: 'restart' }) },
  ),
  { minLength: 2, maxLength: 8 },
);

function setup(s: fc.Scheduler) {
  const server = rotatingTokenServer();
  const store = scheduledStore(s);
  const first = expiredSession(server.mint());
  store.put(first);
  const fetch = s.scheduleFunction(server.fetch);
  const newManager = (): SessionManager =>
    createSessionManager({ store, tokenEndpoint: TOKEN_ENDPOINT, clientId: 'rekey-extension', fetch, now: () => start });
  return { server, store, first, newManager };
}

/**
 * Runs the steps concurrently. A restart replaces the worker's manager; the old one's work in flight carries on
 * here, which is harsher than a real restart (a stopped worker runs nothing more).
 */
function run(steps: Step[], first: StoredSession, newManager: () => SessionManager, restartsLoseWork: boolean, worker = newManager()) {
  let manager = worker;
  const calls: Promise<unknown>[] = [];
  for (const step of steps) {
    if (step.kind === 'restart') {
      manager = newManager();
      continue;
    }
    const call = step.kind === 'token' ? manager.getAccessToken() : manager.refreshAccessToken(first.accessToken);
    calls.push(restartsLoseWork ? call.catch(() => undefined) : call);
  }
  return { calls, manager: () => manager };
}

describe('session under concurrency (fast-check scheduler)', () => {
  it('never signs the employee out and spends each refresh token once when one worker serves parallel callers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), steps, async (s, plan) => {
        const { server, store, first, newManager } = setup(s);
        const { calls } = run(
          plan.filter((step) => step.kind !== 'restart'),
          first,
          newManager,
          false,
        );
        const results = await s.waitFor(Promise.allSettled(calls));
        // Every caller got a token, nobody saw "signed out".
        expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
        // The stored session is alive: its refresh token is the one the server will accept next.
        expect(server.isValid(store.peek()?.refreshToken)).toBe(true);
        // No refresh token was sent twice (a second use would have been refused and revoked the chain at ISC).
        expect(new Set(server.requests).size).toBe(server.requests.length);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the session when a restarted worker refreshes while the old one is still refreshing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), steps, async (s, plan) => {
        const { server, store, first, newManager } = setup(s);
        const { calls } = run(plan, first, newManager, true);
        await s.waitFor(Promise.all(calls));
        // Whatever the order, a late invalid_grant for an already replaced token never wipes the newer session.
        const stored = store.peek();
        if (stored !== null) expect(stored.refreshToken === first.refreshToken || server.isValid(stored.refreshToken)).toBe(true);
        // And it is only ever gone if ISC really refused the token that was stored at the time (rotation lost by a race
        // between two workers, which the compare-and-set cannot undo): then every later refresh request was refused too.
        if (stored === null) expect(server.requests.filter((token) => token === first.refreshToken).length).toBeGreaterThan(1);
      }),
      { numRuns: 200 },
    );
  });

  it('stays signed out after a sign-out, whatever refreshes were on their way', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), steps, fc.nat({ max: 8 }), async (s, plan, signOutAt) => {
        const { store, first, newManager } = setup(s);
        // One worker life: a restart stops whatever the old worker had in flight.
        const oneWorker = plan.filter((step) => step.kind !== 'restart');
        const { calls, manager } = run(oneWorker.slice(0, signOutAt), first, newManager, true);
        const signOut = manager().signOut();
        const later = run(oneWorker.slice(signOutAt), first, newManager, true, manager()).calls;
        await s.waitFor(Promise.all([...calls, signOut, ...later]));
        expect(store.peek()).toBeNull();
      }),
      { numRuns: 200 },
    );
  });

  it('keeps a new sign-in when refreshes of the previous session finish after it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), steps, async (s, plan) => {
        const { server, store, first, newManager } = setup(s);
        const { calls, manager } = run(plan, first, newManager, true);
        const fresh = server.mint();
        const signIn = manager().signIn({
          accessToken: fresh.access_token,
          refreshToken: fresh.refresh_token,
          expiresAt: start + 3_600_000,
          scopes: [],
        });
        await s.waitFor(Promise.all([...calls, signIn]));
        // The new sign-in (or its own refresh) is what is stored; the old chain never comes back.
        const stored = store.peek();
        expect(stored).not.toBeNull();
        expect(stored!.accessToken).toBe(fresh.access_token);
      }),
      { numRuns: 200 },
    );
  });
});
