import { browser } from 'wxt/browser';
import { createTranslator, type Dictionary, lookupIn, pickLocale, type Translator } from '@/utils/i18n/translate';
import { parseUiState } from '@/utils/messages/ui-state-guard';
import type { UiState } from '@/utils/messages/views';

/**
 * What a page needs to paint its first screen with no async work at all: the last UI state the page was shown and,
 * when policy forces a language, that language's messages. Kept in the extension origin's localStorage, which only
 * the extension's own pages can read (not content scripts, not the worker) and which answers synchronously, unlike
 * storage.local (a round trip to the browser, slowest on the first read after a browser start). The same state is
 * in storage.local already (no token, no password); every state the worker pushes to a page overwrites this copy,
 * and the worker's own state replaces what was painted from it moments later.
 */
const stateKey = 'rekey:paint-state';
const messagesKey = 'rekey:paint-messages';

interface StoredMessages {
  /** Messages of another build may miss keys: a copy is only used by the version that wrote it. */
  version: string;
  locale: string;
  dictionaries: Dictionary[];
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Storage disabled by the browser's settings: pages fall back to the async path.
    return null;
  }
}

function readJson(key: string): unknown {
  const raw = storage()?.getItem(key);
  if (!raw) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

function write(key: string, value: unknown): void {
  try {
    storage()?.setItem(key, JSON.stringify(value));
  } catch {
    // Quota or disabled storage: the next page paints from storage.local instead.
  }
}

/**
 * Two cookies of the extension's own origin, both set whenever a page keeps a state. The session cookie is gone after a
 * browser start, like the tokens in storage.session; the lasting one stays (for 400 days, the most Chromium allows)
 * unless the employee clears cookies. So a page can tell, synchronously:
 * - session cookie present: this browser session has shown the state, a kept signed-in state may still be true;
 * - only the lasting cookie: the browser was started since, which ended any sign-in (tokens live in storage.session);
 * - neither: cookies were cleared (or blocked), nothing can be told apart, a kept signed-in state is not painted.
 */
const browserSessionCookie = 'rekey-browser-session';
const pagesShownCookie = 'rekey-pages-shown';
const lastingCookieSeconds = 400 * 24 * 60 * 60;

function cookieSet(name: string): boolean {
  try {
    return document.cookie.split(';').some((cookie) => cookie.trim() === `${name}=1`);
  } catch {
    return false;
  }
}

/**
 * `state` as far as a page can know it is still true. A signed-in state from before a browser start is shown as the
 * worker will show it, signed out (the browser start ended the session), so the first popup after a start paints at
 * once and never shows a signed-in screen that is no longer true; when a page cannot tell (cookies cleared, or a
 * token session whose configuration problems depend on being signed in) it gets nothing and waits for the worker.
 */
export function stillTrue(state: UiState | null): UiState | null {
  if (!state?.identity || cookieSet(browserSessionCookie)) return state;
  if (!cookieSet(pagesShownCookie) || state.identity.mode !== 'oauth') return null;
  return { ...state, identity: null };
}

/** The state last shown on a page of this extension, if it is well-formed; see `stillTrue`. */
export function readPaintState(): UiState | null {
  return stillTrue(parseUiState(readJson(stateKey)));
}

export function rememberPaintState(state: UiState): void {
  write(stateKey, state);
  try {
    // biome-ignore lint/suspicious/noDocumentCookie: read synchronously at the first paint; the Cookie Store API is async only.
    document.cookie = `${browserSessionCookie}=1; path=/; SameSite=Strict`;
    // biome-ignore lint/suspicious/noDocumentCookie: as above.
    document.cookie = `${pagesShownCookie}=1; path=/; max-age=${lastingCookieSeconds}; SameSite=Strict`;
  } catch {
    // Without cookies a kept signed-in state is simply never painted early.
  }
}

/** A translator for the first paint without any wait: the browser's own messages, or a kept copy of the forced language's. */
export function paintTranslator(forced: string): Translator | null {
  if (!forced) return null;
  const stored = readJson(messagesKey) as Partial<StoredMessages> | undefined;
  const locale = pickLocale(forced);
  if (stored?.version !== browser.runtime.getManifest().version || stored.locale !== locale || !Array.isArray(stored.dictionaries)) {
    return null;
  }
  return createTranslator(lookupIn(...stored.dictionaries), locale);
}

export function rememberPaintMessages(locale: string, dictionaries: Dictionary[]): void {
  write(messagesKey, { version: browser.runtime.getManifest().version, locale, dictionaries } satisfies StoredMessages);
}
