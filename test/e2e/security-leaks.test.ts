import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionSession, extensionDir, launchExtension } from '@/sandbox/browser/chromium';
import { configure, sandboxSettings, signIn } from '@/sandbox/browser/journeys';
import { defaultSeed, EXTENSION_SCOPES, IDS, type SandboxTenant, startTenant } from '@/sandbox/tenant';
import { copyBuild, type Observations, observe, placesContaining, settled, until } from '../fixtures/hostile/observer';

/**
 * The leak check: a whole password change (alice, Active Directory) and a personal-access-token sign-in,
 * each in its own browser, then a search for the exact password, tokens and PAT secret everywhere an
 * attacker or a support engineer could look: every storage area, console output of every page and of the
 * worker, every runtime message and reply, every URL and request, the diagnostics, the help-desk summary
 * and the tenant's request log.
 */

const unique = randomBytes(6).toString('hex');
// Meets the sandbox AD policy (12+, all four classes, no name parts, no dictionary word).
const newPassword = `Tq7#lk${unique}!Wv9`;
const patClientId = `alice-pat-${unique}`;
const patSecret = `pat-SECRET-${randomBytes(12).toString('hex')}`;

type Storage = { local: Record<string, unknown>; session: Record<string, unknown>; sync: Record<string, unknown> };

/** The extension origin's localStorage (the popup's kept state, kept messages and kept frames), read in an open page. */
async function readPageStorage(page: Page): Promise<string> {
  return page.evaluate(() => JSON.stringify(Object.fromEntries(Object.entries(localStorage))));
}

async function readStorage(session: ExtensionSession): Promise<Storage> {
  // Read from the worker: opening a page would add its own messages to what is observed.
  return session.worker.evaluate(async () => {
    const [local, sessionArea, sync] = await Promise.all([
      chrome.storage.local.get(null),
      chrome.storage.session.get(null),
      chrome.storage.sync.get(null),
    ]);
    return { local, session: sessionArea, sync };
  });
}

async function ask(page: Page, message: object): Promise<unknown> {
  return page.evaluate((m) => chrome.runtime.sendMessage(m), message);
}

/** Every place a secret must not reach, named so that a failure says where it went. */
function haystacks(seen: Observations, tenant: SandboxTenant, extra: Record<string, string> = {}): Record<string, string> {
  const places: Record<string, string> = {
    'console output': seen.console.join('\n'),
    'tenant request log': tenant.requestLogText(),
    ...extra,
  };
  seen.messages.forEach((message, i) => {
    places[`message ${i} request (${message.page})`] = JSON.stringify(message.request);
    places[`message ${i} reply (${message.page})`] = JSON.stringify(message.reply ?? message.error ?? null);
  });
  seen.requests.forEach((request, i) => {
    places[`request ${i} URL ${request.method} ${request.url.slice(0, 80)}`] = request.url;
    const { authorization: _authorization, ...otherHeaders } = request.headers;
    places[`request ${i} headers other than Authorization`] = JSON.stringify(otherHeaders);
    places[`request ${i} body ${request.url.slice(0, 80)}`] = request.body;
  });
  return places;
}

const isTokenEndpoint = (name: string) => /^request \d+ body .*\/oauth\/token$/.test(name);

describe('no password, token or PAT secret leaks', () => {
  let tenant: SandboxTenant;

  beforeAll(async () => {
    const seed = defaultSeed();
    seed.clients.push({
      id: patClientId,
      name: 'Alice personal access token',
      type: 'CONFIDENTIAL',
      secret: patSecret,
      grantTypes: ['client_credentials'],
      redirectUris: [],
      scope: EXTENSION_SCOPES,
      authorities: [],
      identityId: IDS.alice,
    });
    tenant = await startTenant({ port: 0, statusDelayMs: 300, seed: { clients: seed.clients } });
  });

  afterAll(async () => {
    await tenant?.stop();
  });

  describe('a whole password change', () => {
    let build: ReturnType<typeof copyBuild>;
    let session: ExtensionSession;
    let seen: Observations;
    let popup: Page;
    let storage: Storage;
    let pageStorage: string;
    let summary: string;
    let diagnostics: string;
    let accessToken: string;
    let refreshToken: string;

    beforeAll(async () => {
      build = copyBuild(extensionDir);
      session = await launchExtension({ dir: build.dir });
      seen = await observe(session.context, session.worker);
      await configure(session, sandboxSettings(tenant));
      popup = await session.openPopup();
      await signIn(session, popup, 'alice', 'Alice-Sandbox-1');
      await popup.locator('[data-testid="target"][data-source="Active Directory"]').getByRole('button').click();
      await popup.getByLabel('New password', { exact: true }).fill(newPassword);
      await popup.getByLabel('Type it again').fill(newPassword);
      await until('the password is accepted', async () => !(await popup.getByTestId('submit').isDisabled()));
      await popup.getByTestId('submit').click();
      await until(
        'the change finished',
        async () => (await popup.getByTestId('current-changes').locator('[data-state="finished"]').count()) > 0,
        20_000,
      );
      summary = JSON.stringify(await ask(popup, { type: 'tracker/summary' }));
      diagnostics = JSON.stringify([await ask(popup, { type: 'state/get' }), await ask(popup, { type: 'admin/diagnostics' })]);
      storage = await readStorage(session);
      // Two more popups on the state after the change: the second paints from the state the first kept and keeps
      // its screen as a frame, so the kept frames are there to be searched too.
      for (let open = 0; open < 2; open++) {
        const again = await session.openPopup();
        await again.waitForFunction(() => performance.getEntriesByName('rekey:settled').length > 0);
        await again.close();
      }
      pageStorage = await readPageStorage(popup);
      await settled();
      const stored = storage.session.session as { accessToken: string; refreshToken: string };
      accessToken = stored.accessToken;
      refreshToken = stored.refreshToken;
    }, 90_000);

    afterAll(async () => {
      await session?.close();
      build?.remove();
    });

    it('really changed the password and observed the traffic, messages and tokens it checks', () => {
      expect(tenant.setPasswordCount()).toBe(1);
      expect(accessToken.split('.')).toHaveLength(3);
      expect(refreshToken.length).toBeGreaterThan(20);
      const types = seen.messages.map((message) => (message.request as { type?: string }).type);
      expect(types).toEqual(expect.arrayContaining(['state/get', 'auth/signIn', 'password/info', 'password/submit', 'tracker/summary']));
      expect(seen.messages.find((m) => (m.request as { type?: string }).type === 'password/submit')?.reply).toMatchObject({ ok: true });
      expect(seen.requests.some((request) => request.fromWorker && request.url.endsWith('/v3/set-password'))).toBe(true);
      expect(summary).toContain('Active Directory');
    });

    it('keeps the new password out of storage, logs, messages, requests, diagnostics and the summary', () => {
      const places = haystacks(seen, tenant, {
        'storage.local': JSON.stringify(storage.local),
        'storage.session': JSON.stringify(storage.session),
        'storage.sync': JSON.stringify(storage.sync),
        'localStorage (kept state, messages and frames)': pageStorage,
        'help-desk summary': summary,
        diagnostics,
      });
      expect(pageStorage).toContain('rekey:paint-frames');
      expect(Object.keys(places).length).toBeGreaterThan(50);
      expect(placesContaining(newPassword, places)).toEqual([]);
    });

    it('sends the access token only in Authorization headers and keeps it only in storage.session', () => {
      const places = haystacks(seen, tenant, {
        'storage.local (with the UI snapshot)': JSON.stringify(storage.local),
        'storage.sync': JSON.stringify(storage.sync),
        'storage.session other than the session': JSON.stringify({ ...storage.session, session: null }),
        'localStorage (kept state, messages and frames)': pageStorage,
        'help-desk summary': summary,
        diagnostics,
      });
      expect(placesContaining(accessToken, places)).toEqual([]);
      // CORS preflights (OPTIONS) carry no credentials by design.
      const apiCalls = seen.requests.filter((request) => request.fromWorker && request.method !== 'OPTIONS' && /\/v3\//.test(request.url));
      expect(apiCalls.length).toBeGreaterThan(1);
      // The token in use may have been refreshed along the way: every API call carries the one current then.
      for (const call of apiCalls)
        expect(call.headers.authorization, `${call.method} ${call.url} ${JSON.stringify(call.headers)}`).toMatch(
          /^Bearer [\w-]+\.[\w-]+\.[\w-]+$/,
        );
      expect(seen.requests.filter((request) => request.headers.authorization === `Bearer ${accessToken}`).length).toBeGreaterThan(0);
    });

    it('sends the refresh token only to the token endpoint, in the body, and keeps it only in storage.session', () => {
      const places = haystacks(seen, tenant, {
        'storage.local (with the UI snapshot)': JSON.stringify(storage.local),
        'storage.sync': JSON.stringify(storage.sync),
        'storage.session other than the session': JSON.stringify({ ...storage.session, session: null }),
        'localStorage (kept state, messages and frames)': pageStorage,
        'help-desk summary': summary,
        diagnostics,
      });
      expect(placesContaining(refreshToken, places).filter((place) => !isTokenEndpoint(place))).toEqual([]);
      expect(seen.requests.some((request) => request.headers.authorization?.includes(refreshToken))).toBe(false);
    });

    it('never puts the password or a token in a URL, including the sign-in window', () => {
      const urls = seen.requests.map((request) => request.url);
      expect(urls.some((url) => url.includes('/oauth/authorize'))).toBe(true);
      for (const secret of [newPassword, encodeURIComponent(newPassword), accessToken, refreshToken]) {
        expect(urls.filter((url) => url.includes(secret))).toEqual([]);
      }
    });
  });

  describe('a personal access token sign-in', () => {
    let build: ReturnType<typeof copyBuild>;
    let session: ExtensionSession;
    let seen: Observations;
    let options: Page;
    const stored: Record<'first' | 'second' | 'signedOut', Storage> = {} as never;

    async function signInWithPat(): Promise<void> {
      await options.locator('#pat-client-id').fill(patClientId);
      await options.locator('#pat-secret').fill(patSecret);
      await options.getByTestId('pat-sign-in').click();
      await options.getByTestId('options-identity').waitFor({ timeout: 15_000 });
    }

    beforeAll(async () => {
      build = copyBuild(extensionDir);
      session = await launchExtension({ dir: build.dir });
      seen = await observe(session.context, session.worker);
      await configure(session, sandboxSettings(tenant));
      options = await session.openOptions();
      await signInWithPat();
      stored.first = await readStorage(session);
      await options.getByRole('button', { name: 'Sign out' }).click();
      await options.getByTestId('pat-sign-in').waitFor({ timeout: 15_000 });
      await signInWithPat();
      stored.second = await readStorage(session);
      await options.getByRole('button', { name: 'Sign out' }).click();
      await options.getByTestId('pat-sign-in').waitFor({ timeout: 15_000 });
      stored.signedOut = await readStorage(session);
      await settled();
    }, 90_000);

    afterAll(async () => {
      await session?.close();
      build?.remove();
    });

    it('signed in twice with the secret typed into the options page', () => {
      const signIns = seen.messages.filter((m) => (m.request as { type?: string }).type === 'auth/signInClientCredentials');
      expect(signIns.map((m) => (m.reply as { ok?: boolean }).ok)).toEqual([true, true]);
      expect(tenant.requestLog().filter((entry) => entry.path === '/oauth/token' && entry.clientId === patClientId)).toHaveLength(2);
    });

    it('keeps the secret in storage.session only (memory, trusted contexts), never on disk', async () => {
      for (const snapshot of [stored.first, stored.second]) {
        expect(JSON.stringify(snapshot.local)).not.toContain(patSecret);
        expect(JSON.stringify(snapshot.sync)).not.toContain(patSecret);
        expect(JSON.stringify(snapshot.session)).toContain(patSecret);
      }
      // The options page offers no way to write it to disk ("Remember" is gone).
      await options.getByTestId('pat-sign-in').waitFor();
      expect(await options.locator('form.pat input[type="checkbox"]').count()).toBe(0);
    });

    it('forgets it everywhere on sign-out', () => {
      expect(JSON.stringify(stored.signedOut)).not.toContain(patSecret);
    });

    it('sends it only in the sign-in message and the token request body, never back, never in a URL, header or log', () => {
      const places = placesContaining(patSecret, haystacks(seen, tenant));
      const allowed = (place: string) => isTokenEndpoint(place) || /^message \d+ request \(\/options\.html\)$/.test(place);
      expect(places.filter((place) => !allowed(place))).toEqual([]);
      expect(places.filter(isTokenEndpoint)).toHaveLength(2);
      const requestsCarryingIt = seen.messages.filter((m) => JSON.stringify(m.request).includes(patSecret));
      expect(requestsCarryingIt.map((m) => (m.request as { type: string }).type)).toEqual([
        'auth/signInClientCredentials',
        'auth/signInClientCredentials',
      ]);
    });

    it('keeps the PAT access token out of storage.local, messages and URLs', () => {
      const token = (stored.second.session.session as { accessToken: string }).accessToken;
      const places = haystacks(seen, tenant, {
        'storage.local': JSON.stringify(stored.second.local),
        'storage.sync': JSON.stringify(stored.second.sync),
      });
      expect(placesContaining(token, places)).toEqual([]);
    });
  });
});
