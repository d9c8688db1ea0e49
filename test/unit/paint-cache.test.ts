// @vitest-environment happy-dom

import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { paintTranslator, readPaintState, rememberPaintMessages, rememberPaintState } from '@/entrypoints/shared/paint-cache';
import { popupState } from '../fixtures/popup/state';

/** A browser start: session cookies are gone, localStorage is not. */
function restartBrowser() {
  for (const cookie of document.cookie.split(';')) {
    const name = cookie.split('=')[0]?.trim();
    // biome-ignore lint/suspicious/noDocumentCookie: expiring the session cookie the way the page set it.
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
  }
}

describe("the popup's first-paint copy of the last state shown", () => {
  beforeEach(() => {
    localStorage.clear();
    restartBrowser();
  });

  it('gives back the state a page last showed, with no async step', () => {
    const shown = popupState();
    rememberPaintState(shown);
    expect(readPaintState()).toEqual(shown);
  });

  it('never paints a signed-in state kept before a browser start (the session ended with it)', () => {
    const signedIn = popupState();
    expect(signedIn.identity).not.toBeNull();
    rememberPaintState(signedIn);
    restartBrowser();
    expect(readPaintState()).toBeNull();
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
