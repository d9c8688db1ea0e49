// @vitest-environment happy-dom

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createPopupStore } from '@/components/popup/store';
import {
  keepWorkerStates,
  paintTranslator,
  readKeptState,
  readPaintState,
  rememberPaintMessages,
  rememberPaintState,
  stillTrue,
  stillTrueNow,
} from '@/entrypoints/shared/paint-cache';
import { alice, popupState } from '../fixtures/popup/state';

function expireCookies(which: (name: string) => boolean) {
  for (const cookie of document.cookie.split(';')) {
    const name = cookie.split('=')[0]?.trim();
    // biome-ignore lint/suspicious/noDocumentCookie: expiring a cookie the way the page set it.
    if (name && which(name)) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
  }
}

/** Counts reads of document.cookie (the page's own setter and getter still run). */
function countCookieReads() {
  let owner: object | null = document;
  while (owner && !Object.getOwnPropertyDescriptor(owner, 'cookie')) owner = Object.getPrototypeOf(owner);
  const cookie = owner && Object.getOwnPropertyDescriptor(owner, 'cookie');
  if (!cookie?.get || !cookie.set) throw new Error('document.cookie has no accessor to count reads of');
  const reads = {
    count: 0,
    restore: () => Reflect.deleteProperty(document, 'cookie'),
  };
  Object.defineProperty(document, 'cookie', {
    configurable: true,
    get: () => {
      reads.count++;
      return cookie.get?.call(document);
    },
    set: (value: string) => cookie.set?.call(document, value),
  });
  return reads;
}

/** A browser start: session cookies are gone (the page's only session cookie is rekey-browser-session), localStorage is not. */
function restartBrowser() {
  expireCookies((name) => name === 'rekey-browser-session');
}

/** The employee cleared cookies (or a fresh profile): no cookie of the extension's origin is left. */
function clearCookies() {
  expireCookies(() => true);
}

describe("the popup's first-paint copy of the last state shown", () => {
  beforeEach(() => {
    localStorage.clear();
    clearCookies();
  });

  it('gives back a signed-out state a page last showed, with no async step', () => {
    const shown = popupState({ identity: null });
    rememberPaintState(shown);
    expect(readPaintState()).toEqual(shown);
  });

  it('asks storage.session about a kept signed-in state: the cookies cannot vouch for it, a restored session keeps them', async () => {
    const signedIn = popupState();
    rememberPaintState(signedIn);
    expect(stillTrueNow(signedIn)).toBeUndefined();
    expect(readPaintState()).toBeNull();
    expect(await stillTrue(signedIn)).toEqual(signedIn);
  });

  it('signs out a kept signed-in state after a browser that restored its last session: its session cookies came back, storage.session did not', async () => {
    const signedIn = popupState();
    rememberPaintState(signedIn);
    await fakeBrowser.storage.session.clear();
    expect(document.cookie).toContain('rekey-browser-session=1');
    expect(stillTrueNow(signedIn)).toBeUndefined();
    expect(await stillTrue(signedIn)).toEqual({ ...signedIn, identity: null });
  });

  it('never paints a signed-in state kept before a browser start: the start signed the employee out, so it paints that', () => {
    const signedIn = popupState();
    expect(signedIn.identity).not.toBeNull();
    rememberPaintState(signedIn);
    restartBrowser();
    expect(readPaintState()).toEqual({ ...signedIn, identity: null });
  });

  it('holds a kept signed-in state true again once this browser session has shown one', async () => {
    rememberPaintState(popupState());
    restartBrowser();
    await fakeBrowser.storage.session.clear();
    rememberPaintState(popupState());
    expect(await stillTrue(readKeptState())).toEqual(popupState());
  });

  it('reads document.cookie once for a kept signed-in state (each read is a round trip to the browser), never for a signed-out one', () => {
    rememberPaintState(popupState());
    const reads = countCookieReads();
    try {
      expect(readPaintState()).toBeNull();
      expect(reads.count).toBe(1);
      reads.count = 0;
      expect(stillTrueNow(popupState({ identity: null }))).toEqual(popupState({ identity: null }));
      expect(reads.count).toBe(0);
    } finally {
      reads.restore();
    }
  });

  it('paints nothing at once from a token (client-credentials) session kept before a browser start: its configuration problems change with it', () => {
    const tokenSession = popupState({ identity: { ...alice, mode: 'client-credentials' } });
    rememberPaintState(tokenSession);
    restartBrowser();
    expect(readPaintState()).toBeNull();
  });

  it("holds the worker's storage mirror to the same rule (it too may be from before the browser start)", async () => {
    rememberPaintState(popupState({ identity: null }));
    restartBrowser();
    await fakeBrowser.storage.session.clear();
    const mirrored = popupState();
    expect(stillTrueNow(mirrored)).toEqual({ ...mirrored, identity: null });
    expect(await stillTrue(mirrored)).toEqual({ ...mirrored, identity: null });
    expect(stillTrueNow(popupState({ identity: null }))).toEqual(popupState({ identity: null }));
    expect(await stillTrue(null)).toBeNull();
  });

  describe("Firefox's background page, a document pages can see while it runs", () => {
    const original = fakeBrowser.extension.getBackgroundPage;
    let running: { performance: { timeOrigin: number } } | null;
    beforeEach(() => {
      // Firefox's build: Chrome's leaves the background page out (its service worker has none).
      vi.stubEnv('FIREFOX', 'true');
      running = { performance: { timeOrigin: 1_764_000_000_123.5 } };
      fakeBrowser.extension.getBackgroundPage = (() => running) as never;
    });
    afterEach(() => {
      vi.unstubAllEnvs();
      fakeBrowser.extension.getBackgroundPage = original;
    });

    it('paints a kept signed-in state at once while the background page that ran when it was kept still runs', () => {
      rememberPaintState(popupState());
      clearCookies();
      expect(readPaintState()).toEqual(popupState());
    });

    it('leaves it to storage.session once another background page runs (a browser start or update) or none does', () => {
      rememberPaintState(popupState());
      clearCookies();
      running = { performance: { timeOrigin: 1_764_000_090_000.25 } };
      expect(stillTrueNow(readKeptState())).toBeUndefined();
      running = null;
      expect(stillTrueNow(readKeptState())).toBeUndefined();
    });

    it("paints a kept signed-in state at once as the new background page's copy of storage.session's flag says (a browser start)", () => {
      rememberPaintState(popupState());
      clearCookies();
      running = { performance: { timeOrigin: 1_764_000_090_000.25 } };
      // Not read yet: storage.session must answer.
      expect(stillTrueNow(readKeptState())).toBeUndefined();
      // Read, and emptied by the start: signed out, with no wait.
      Object.assign(running, { rekeyPageSession: false });
      expect(stillTrueNow(readKeptState())).toEqual({ ...popupState(), identity: null });
      // Set again in this browser session: as kept.
      Object.assign(running, { rekeyPageSession: true });
      expect(stillTrueNow(readKeptState())).toEqual(popupState());
    });

    it("paints nothing at once from a token session the background page's copy of the flag says is gone", () => {
      rememberPaintState(popupState({ identity: { ...alice, mode: 'client-credentials' } }));
      clearCookies();
      running = { performance: { timeOrigin: 1_764_000_090_000.25 }, rekeyPageSession: false } as typeof running;
      expect(stillTrueNow(readKeptState())).toBeNull();
    });

    it('keeps no background page where none runs (Chrome), so an earlier one cannot vouch for a later state', () => {
      rememberPaintState(popupState({ identity: null }));
      const earlier = running;
      running = null;
      rememberPaintState(popupState());
      running = earlier;
      clearCookies();
      expect(stillTrueNow(readKeptState())).toBeUndefined();
    });
  });

  describe('without cookies (Firefox keeps none for extension pages; or the employee cleared them)', () => {
    it('cannot tell synchronously whether a kept signed-in state is still true', () => {
      rememberPaintState(popupState());
      clearCookies();
      expect(stillTrueNow(readKeptState())).toBeUndefined();
      expect(readPaintState()).toBeNull();
    });

    it('paints it once storage.session shows this browser session kept it (the tokens are still there too)', async () => {
      rememberPaintState(popupState());
      clearCookies();
      await vi.waitFor(async () => expect(await fakeBrowser.storage.session.get('rekey:page-session')).not.toEqual({}));
      expect(await stillTrue(readKeptState())).toEqual(popupState());
    });

    it('paints it signed out when storage.session was emptied since (a browser start or an update ended the sign-in)', async () => {
      rememberPaintState(popupState());
      clearCookies();
      await fakeBrowser.storage.session.clear();
      expect(await stillTrue(readKeptState())).toEqual({ ...popupState(), identity: null });
    });

    it('paints nothing from a token session storage.session no longer has (its configuration problems change with it)', async () => {
      rememberPaintState(popupState({ identity: { ...alice, mode: 'client-credentials' } }));
      clearCookies();
      await fakeBrowser.storage.session.clear();
      expect(await stillTrue(readKeptState())).toBeNull();
    });
  });

  it('ignores a kept copy that is not a UI state', () => {
    localStorage.setItem('rekey:paint-state', JSON.stringify({ identity: 'forged' }));
    expect(readPaintState()).toBeNull();
    localStorage.setItem('rekey:paint-state', '{not json');
    expect(readPaintState()).toBeNull();
  });

  it("uses a forced language's kept messages only for that language and a build with the same messages", () => {
    vi.stubEnv('REKEY_MESSAGES_ID', 'messages-a');
    rememberPaintMessages('de', [{ popup_title: { message: 'Passwort ändern' } }]);
    expect(paintTranslator('de')?.t('popup.title')).toBe('Passwort ändern');
    expect(paintTranslator('fr')).toBeNull();
    vi.stubEnv('REKEY_MESSAGES_ID', 'messages-b');
    expect(paintTranslator('de')).toBeNull();
    vi.unstubAllEnvs();
  });

  it('asks the extension API for no manifest before the first paint: the messages fingerprint alone tells a build', () => {
    vi.stubEnv('REKEY_MESSAGES_ID', 'messages-a');
    rememberPaintMessages('de', [{ popup_title: { message: 'Passwort ändern' } }]);
    const getManifest = vi.spyOn(fakeBrowser.runtime, 'getManifest');
    expect(paintTranslator('de')?.t('popup.title')).toBe('Passwort ändern');
    expect(getManifest).not.toHaveBeenCalled();
    getManifest.mockRestore();
    vi.unstubAllEnvs();
  });

  it("uses the browser's own language's kept messages when no language is forced, never another language's", () => {
    let uiLanguage = 'de-AT';
    fakeBrowser.i18n.getUILanguage = () => uiLanguage;
    expect(paintTranslator('')).toBeNull();
    rememberPaintMessages('de', [{ popup_title: { message: 'Passwort ändern' } }, { popup_title: { message: 'Change password' } }]);
    expect(paintTranslator('')?.t('popup.title')).toBe('Passwort ändern');
    expect(paintTranslator('')?.locale).toBe('de');
    uiLanguage = 'nl';
    expect(paintTranslator('')).toBeNull();
  });
});

describe('what the popup keeps for the next first paint', () => {
  beforeEach(() => {
    localStorage.clear();
  });

  it("keeps the state a request's answer brought (sign-in's refresh), not only pushed ones, and not the painted copy", async () => {
    const signedOut = { ...popupState(), identity: null };
    const signedIn = popupState();
    const send = vi.fn(async (message: { type: string }) => (message.type === 'state/get' ? signedIn : undefined));
    const actions = createPopupStore(send as never, {} as never);
    keepWorkerStates(actions.store);
    actions.paint(signedOut);
    expect(readKeptState()).toBeNull();
    await actions.refresh();
    expect(readKeptState()).toEqual(signedIn);
  });
});
