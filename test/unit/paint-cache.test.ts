// @vitest-environment happy-dom

import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { paintTranslator, readPaintState, rememberPaintMessages, rememberPaintState, stillTrue } from '@/entrypoints/shared/paint-cache';
import { alice, popupState } from '../fixtures/popup/state';

function expireCookies(which: (name: string) => boolean) {
  for (const cookie of document.cookie.split(';')) {
    const name = cookie.split('=')[0]?.trim();
    // biome-ignore lint/suspicious/noDocumentCookie: expiring a cookie the way the page set it.
    if (name && which(name)) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
  }
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

  it('gives back the state a page last showed, with no async step', () => {
    const shown = popupState();
    rememberPaintState(shown);
    expect(readPaintState()).toEqual(shown);
  });

  it('never paints a signed-in state kept before a browser start: the start signed the employee out, so it paints that', () => {
    const signedIn = popupState();
    expect(signedIn.identity).not.toBeNull();
    rememberPaintState(signedIn);
    restartBrowser();
    expect(readPaintState()).toEqual({ ...signedIn, identity: null });
  });

  it('paints a kept signed-in state again once this browser session has shown one', () => {
    rememberPaintState(popupState());
    restartBrowser();
    rememberPaintState(popupState());
    expect(readPaintState()).toEqual(popupState());
  });

  it('paints nothing from a kept signed-in state when cookies were cleared: a browser start cannot be told from a session that goes on', () => {
    rememberPaintState(popupState());
    clearCookies();
    expect(readPaintState()).toBeNull();
  });

  it('paints nothing from a token (client-credentials) session kept before a browser start: its configuration problems change with it', () => {
    const tokenSession = popupState({ identity: { ...alice, mode: 'client-credentials' } });
    rememberPaintState(tokenSession);
    restartBrowser();
    expect(readPaintState()).toBeNull();
  });

  it("holds the worker's storage mirror to the same rule (it too may be from before the browser start)", () => {
    rememberPaintState(popupState({ identity: null }));
    restartBrowser();
    const mirrored = popupState();
    expect(stillTrue(mirrored)).toEqual({ ...mirrored, identity: null });
    expect(stillTrue(popupState({ identity: null }))).toEqual(popupState({ identity: null }));
    expect(stillTrue(null)).toBeNull();
    clearCookies();
    expect(stillTrue(mirrored)).toBeNull();
  });

  it('still paints a signed-out or unconfigured state after a browser start', () => {
    const signedOut = popupState({ identity: null });
    rememberPaintState(signedOut);
    restartBrowser();
    expect(readPaintState()).toEqual(signedOut);
  });

  it('ignores a kept copy that is not a UI state', () => {
    localStorage.setItem('rekey:paint-state', JSON.stringify({ identity: 'forged' }));
    expect(readPaintState()).toBeNull();
    localStorage.setItem('rekey:paint-state', '{not json');
    expect(readPaintState()).toBeNull();
  });

  it("uses a forced language's kept messages only for that language and the version that kept them", () => {
    let version = '1.0.0';
    fakeBrowser.runtime.getManifest = () => ({ manifest_version: 3, name: 'Rekey', version });
    rememberPaintMessages('de', [{ popup_title: { message: 'Passwort ändern' } }]);
    expect(paintTranslator('de')?.t('popup.title')).toBe('Passwort ändern');
    expect(paintTranslator('fr')).toBeNull();
    version = '1.1.0';
    expect(paintTranslator('de')).toBeNull();
  });
});
