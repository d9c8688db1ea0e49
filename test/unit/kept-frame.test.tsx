// @vitest-environment happy-dom

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { clearKeptFrame, keepFirstFrame, paintKeptFrame } from '@/entrypoints/shared/kept-frame';
import { rememberPaintState, stillTrueNow } from '@/entrypoints/shared/paint-cache';
import type { UiState } from '@/utils/messages/views';
import { type Rendered, waitFor } from '../fixtures/popup/dom';
import { mountPopup } from '../fixtures/popup/popup';
import { deferred, popupState } from '../fixtures/popup/state';

const framesKey = 'rekey:paint-frames';
let view: Rendered | undefined;

function expireCookies(which: (name: string) => boolean) {
  for (const cookie of document.cookie.split(';')) {
    const name = cookie.split('=')[0]?.trim();
    // biome-ignore lint/suspicious/noDocumentCookie: expiring a cookie the way the page set it.
    if (name && which(name)) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
  }
}

/**
 * A popup painted from `state` as kept (the worker has not answered yet, as main.tsx's first paint), which keeps its
 * first screen as the next popup's frame once `firstFrameOut` settles.
 */
async function paintFromKept(state: UiState, firstFrameOut: Promise<unknown> = Promise.resolve()) {
  rememberPaintState(state);
  const popup = await mountPopup({ 'state/get': () => deferred<UiState>().promise }, state);
  view = popup;
  keepFirstFrame(popup.container, state, firstFrameOut);
  return popup;
}

async function showAndKeep(state: UiState) {
  const popup = await paintFromKept(state);
  await waitFor(() => localStorage.getItem(framesKey));
  return popup;
}

function freshApp(): HTMLElement {
  const app = document.createElement('div');
  app.id = 'next-popup-app';
  document.body.append(app);
  return app;
}

beforeEach(() => {
  localStorage.clear();
  expireCookies(() => true);
});
afterEach(() => {
  view?.unmount();
  view = undefined;
  document.getElementById('next-popup-app')?.remove();
});

describe("the popup's kept first frame (painted by popup-frame.js before the popup's own script runs)", () => {
  it('paints the next popup exactly as this one rendered the state, inert and hidden from assistive technology', async () => {
    const popup = await showAndKeep(popupState());
    await waitFor(() => popup.queryByTestId('choose'));
    const app = freshApp();
    // A signed-in frame only once storage.session said this browser session goes on (a restored session keeps cookies).
    const painted = paintKeptFrame(app);
    expect(painted).toBeInstanceOf(Promise);
    expect(app.childNodes).toHaveLength(0);
    expect(await painted).toBe(true);
    expect(app.innerHTML).toBe(popup.container.innerHTML);
    expect(app.querySelector('[data-screen]')?.getAttribute('data-screen')).toBe('choose');
    expect(app.inert).toBe(true);
    expect(app.getAttribute('aria-hidden')).toBe('true');
    expect(performance.getEntriesByName('rekey:first-frame').length).toBeGreaterThan(0);
  });

  /** The document's cookie getter as its prototypes define it (a spy replaces the document's own). */
  function cookieGetter(): () => string {
    for (let proto = Object.getPrototypeOf(document); proto; proto = Object.getPrototypeOf(proto)) {
      const getter = Object.getOwnPropertyDescriptor(proto, 'cookie')?.get;
      if (getter) return getter as () => string;
    }
    throw new Error('No document.cookie getter.');
  }
  /** Records, in order, each read of the cookies and each question to storage.session. */
  function recordAsking(): string[] {
    const asked: string[] = [];
    const session = fakeBrowser.storage.session;
    const sessionGet = session.get.bind(session) as (keys: string) => Promise<Record<string, unknown>>;
    const cookie = cookieGetter();
    vi.spyOn(session, 'get').mockImplementation(((keys: string) => {
      asked.push('storage.session');
      return sessionGet(keys);
    }) as unknown as typeof session.get);
    vi.spyOn(document, 'cookie', 'get').mockImplementation(() => {
      asked.push('cookies');
      return cookie.call(document);
    });
    return asked;
  }

  it('reads the cookies before it asks storage.session about a kept signed-in state, and asks only where they cannot tell', async () => {
    await showAndKeep(popupState());
    try {
      // The same browser session: only storage.session can vouch (a restored session keeps cookies); the frame is
      // built while it answers.
      const sameSession = recordAsking();
      expect(await paintKeptFrame(freshApp())).toBe(true);
      expect(sameSession).toEqual(['cookies', 'storage.session']);
      vi.restoreAllMocks();
      // After a browser start the cookies tell at once: signed out, and nothing is asked of a browser still starting.
      expireCookies((name) => name === 'rekey-browser-session');
      const afterStart = recordAsking();
      expect(paintKeptFrame(freshApp())).toBe(false);
      expect(afterStart).toEqual(['cookies']);
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('hands over to the live screen: clearing leaves an ordinary, empty container', async () => {
    await showAndKeep(popupState({ identity: null }));
    const app = freshApp();
    expect(paintKeptFrame(app)).toBe(true);
    clearKeptFrame(app);
    expect(app.childNodes).toHaveLength(0);
    expect(app.inert).toBe(false);
    expect(app.hasAttribute('aria-hidden')).toBe(false);
    expect(app.dataset.frame).toBeUndefined();
  });

  it('never paints a signed-in frame after a browser that restored its last session (session cookies kept, storage.session empty)', async () => {
    await showAndKeep(popupState());
    await fakeBrowser.storage.session.clear();
    const app = freshApp();
    const painted = paintKeptFrame(app);
    expect(painted).toBeInstanceOf(Promise);
    // The signed-out screen's frame is not kept yet here: nothing painted, and never the signed-in one.
    expect(await painted).toBe(false);
    expect(app.childNodes).toHaveLength(0);
  });

  it('never paints a signed-in frame after a browser start; the signed-out screen a start leaves, once a popup showed it, it does', async () => {
    const signedIn = popupState();
    await showAndKeep(signedIn);
    expireCookies((name) => name === 'rekey-browser-session');
    expect(paintKeptFrame(freshApp())).toBe(false);

    // The first popup after the start paints the kept state signed out (paint-cache.ts), and keeps that screen.
    view?.unmount();
    document.getElementById('next-popup-app')?.remove();
    const signedOutNow = stillTrueNow(signedIn)!;
    expect(signedOutNow.identity).toBeNull();
    const popup = await mountPopup({ 'state/get': () => deferred<UiState>().promise }, signedOutNow);
    view = popup;
    keepFirstFrame(popup.container, signedOutNow, Promise.resolve());
    await waitFor(() => (JSON.parse(localStorage.getItem(framesKey) ?? '[]').length === 2 ? true : null));
    const app = freshApp();
    expect(paintKeptFrame(app)).toBe(true);
    expect(app.querySelector('[data-screen]')?.getAttribute('data-screen')).toBe('signed-out');
    expect(app.innerHTML).toBe(popup.container.innerHTML);
  });

  it('keeps a few frames, the newest first, one per state', async () => {
    for (const tenant of ['a', 'b', 'c', 'd', 'b']) {
      view?.unmount();
      await showAndKeep(popupState({ identity: null }, { tenant }));
      await waitFor(() => (localStorage.getItem(framesKey)?.includes(`"tenant\\":\\"${tenant}\\"`) ? true : null));
    }
    const kept = JSON.parse(localStorage.getItem(framesKey)!) as { state: string }[];
    expect(kept.map((frame) => JSON.parse(frame.state).settings.settings.tenant)).toEqual(['b', 'd', 'c']);
  });

  it('paints nothing once the kept state is no longer the one the frame was taken of', async () => {
    await showAndKeep(popupState({ identity: null }));
    rememberPaintState(popupState());
    // A signed-in kept state is answered once storage.session said it goes on: nothing to paint either way.
    const app = freshApp();
    expect(await paintKeptFrame(app)).toBe(false);
    expect(app.childNodes).toHaveLength(0);
  });

  it('paints nothing from a frame another build kept (its words may differ), nor from a malformed one', async () => {
    await showAndKeep(popupState({ identity: null }));
    const [kept] = JSON.parse(localStorage.getItem(framesKey)!);
    localStorage.setItem(framesKey, JSON.stringify([{ ...kept, messages: 'another build' }]));
    expect(paintKeptFrame(freshApp())).toBe(false);
    localStorage.setItem(framesKey, JSON.stringify([{ ...kept, nodes: [['div', {}, [42]]] }]));
    expect(paintKeptFrame(freshApp())).toBe(false);
    localStorage.setItem(framesKey, '{not json');
    expect(paintKeptFrame(freshApp())).toBe(false);
  });

  it("keeps no frame when the screen changed before the first frame was out (it would not be the state's first screen)", async () => {
    const firstFrameOut = deferred<void>();
    const popup = await paintFromKept(popupState({ identity: null }), firstFrameOut.promise);
    popup.container.querySelector('[data-screen]')?.setAttribute('data-later', 'yes');
    firstFrameOut.resolve();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(localStorage.getItem(framesKey)).toBeNull();
  });

  it('never keeps a frame while a password field is on screen', async () => {
    const firstFrameOut = deferred<void>();
    rememberPaintState(popupState());
    const popup = await mountPopup({ 'state/get': () => deferred<UiState>().promise }, popupState());
    view = popup;
    popup.container.append(Object.assign(document.createElement('input'), { type: 'password' }));
    keepFirstFrame(popup.container, popupState(), firstFrameOut.promise);
    firstFrameOut.resolve();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(localStorage.getItem(framesKey)).toBeNull();
  });

  describe('where only storage.session can tell (Firefox keeps no cookies for extension pages)', () => {
    it('paints the frame of what storage.session says the kept state is, unless the live screen came first', async () => {
      const signedIn = popupState();
      await showAndKeep(signedIn);
      expireCookies(() => true);
      // The browser session goes on (the pages' flag is in storage.session): the signed-in frame, once it answered.
      const app = freshApp();
      const painted = paintKeptFrame(app);
      expect(painted).toBeInstanceOf(Promise);
      expect(app.childNodes).toHaveLength(0);
      expect(await painted).toBe(true);
      expect(app.querySelector('[data-screen]')?.getAttribute('data-screen')).toBe('choose');

      // The live screen came first: nothing is painted over it.
      const live = freshApp();
      clearKeptFrame(live);
      expect(await paintKeptFrame(live)).toBe(false);
      expect(live.childNodes).toHaveLength(0);

      // A browser start emptied storage.session: that state's signed-out screen, only once a popup kept it.
      await fakeBrowser.storage.session.clear();
      expect(await paintKeptFrame(freshApp())).toBe(false);
    });
  });
});
