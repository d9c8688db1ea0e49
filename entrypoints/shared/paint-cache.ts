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
 * A session cookie of the extension's own origin, set whenever a page keeps a state: gone after a browser start,
 * like the tokens in storage.session. A kept signed-in state without it may be from before the browser started
 * (the employee is signed out now) and is not painted: the page waits for the worker's state instead, so it never
 * shows a signed-in screen that is no longer true, nor guesses a signed-out one.
 */
const browserSessionCookie = 'rekey-browser-session';

function browserSessionContinues(): boolean {
  try {
    return document.cookie.split(';').some((cookie) => cookie.trim() === `${browserSessionCookie}=1`);
  } catch {
    return false;
  }
}

/** The state last shown on a page of this extension, if it is well-formed and still true as far as a page can know. */
export function readPaintState(): UiState | null {
  const state = parseUiState(readJson(stateKey));
  if (state?.identity && !browserSessionContinues()) return null;
  return state;
}

export function rememberPaintState(state: UiState): void {
  write(stateKey, state);
  try {
    // biome-ignore lint/suspicious/noDocumentCookie: read synchronously at the first paint; the Cookie Store API is async only.
    document.cookie = `${browserSessionCookie}=1; path=/; SameSite=Strict`;
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
