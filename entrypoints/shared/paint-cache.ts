import { browser } from 'wxt/browser';
import { createTranslator, type Dictionary, lookupIn, pickLocale, type Translator } from '@/utils/i18n/translate';
import { parseUiState } from '@/utils/messages/ui-state-guard';
import type { UiState } from '@/utils/messages/views';
import { type PageSessionMirror, pageSessionFlagKey, pageSessionMirror } from './page-session-flag';

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
  /** Messages of another build may miss keys: a copy is only used by a build with the same messages (see messagesId). */
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

export function readJson(key: string): unknown {
  const raw = storage()?.getItem(key);
  if (!raw) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

function forget(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    // Disabled storage keeps nothing to forget.
  }
}

export function write(key: string, value: unknown): void {
  try {
    storage()?.setItem(key, JSON.stringify(value));
  } catch {
    // Quota or disabled storage: the next page paints from storage.local instead.
  }
}

/**
 * Whether a kept signed-in state can still be true. The tokens live in storage.session, which the browser empties when
 * it starts (and when the extension is updated): a state shown before that is signed out now. Pages leave three marks
 * whenever they keep a state, and read them back before painting a kept signed-in state:
 * - a lasting cookie (400 days, the most Chromium allows) and a session cookie: the lasting one without the session
 *   one proves a browser start since, synchronously. Both present prove nothing: a browser that restores the last
 *   session ("Continue where you left off", or after a crash) restores session cookies too, while storage.session
 *   and the tokens start empty (checked on Chromium 156; the bench's first-open rows caught a signed-in frame painted
 *   that way). Only Chromium keeps cookies for extension pages (Firefox ignores document.cookie there), and the
 *   employee can clear them;
 * - a flag in storage.session itself, emptied exactly when the tokens are: whenever the cookies cannot tell, one round
 *   trip to it does (in memory, no disk, no worker).
 */
const browserSessionCookie = 'rekey-browser-session';
const pagesShownCookie = 'rekey-pages-shown';
const lastingCookieSeconds = 400 * 24 * 60 * 60;

/**
 * Firefox's background is an event page, a document: while it runs, extension.getBackgroundPage() hands pages its
 * window synchronously (Chrome's service worker has none). Two things it tells:
 * - the time origin of the one that ran when a state was kept, found again now: that very background page has run
 *   ever since, so no browser start (nor update, which restarts it too) came between and the kept state is as true as
 *   the cookies would have said;
 * - otherwise (a browser start started a new one), the copy of storage.session's flag it keeps
 *   (background/page-session-mirror.ts), once it has read it: what stillTrueInSession would be told, without waiting.
 * A background page suspended since (30 s idle), or one that has not read the flag yet, proves nothing: storage.session
 * answers then.
 */
const backgroundKey = 'rekey:paint-background';

type BackgroundPage = { performance?: Performance } & PageSessionMirror;

function backgroundPage(): BackgroundPage | undefined {
  try {
    return (browser.extension.getBackgroundPage?.() as BackgroundPage | null | undefined) ?? undefined;
  } catch {
    return undefined;
  }
}

function timeOriginOf(background: BackgroundPage | undefined): number | undefined {
  const origin = background?.performance?.timeOrigin;
  return typeof origin === 'number' && Number.isFinite(origin) ? origin : undefined;
}

/**
 * The names of the cookies set for this page. Read once: each read of document.cookie is a synchronous round trip to
 * the browser, and the first one after a browser start waits for the cookie database to load.
 */
function cookieNames(): Set<string> {
  try {
    return new Set(
      document.cookie
        .split(';')
        .filter((cookie) => cookie.trim().endsWith('=1'))
        .map((cookie) => cookie.trim().slice(0, -2)),
    );
  } catch {
    return new Set();
  }
}

/**
 * `state` as far as a page can know synchronously that it is still true: as it is, signed out (the browser was started
 * since, which ended the sign-in), null when nothing of it can be painted, or `undefined` when only storage.session can
 * tell (see `stillTrue`). A token (client-credentials) session is never turned signed out: its configuration problems
 * change with it.
 */
export function stillTrueNow(state: UiState | null): UiState | null | undefined {
  // A state without a signed-in employee needs no cookie: it is as true after a browser start as before.
  if (!state?.identity) return state;
  const cookies = cookieNames();
  if (cookies.has(pagesShownCookie) && !cookies.has(browserSessionCookie) && state.identity.mode === 'oauth') return signedOut(state);
  // Chrome's service worker has no background page to ask: storage.session tells.
  if (!import.meta.env.FIREFOX) return undefined;
  const background = backgroundPage();
  // Firefox: the kept background page still running (a restored session starts a new one).
  const kept = readJson(backgroundKey);
  if (typeof kept === 'number' && kept === timeOriginOf(background)) return state;
  // Firefox: what the running background page last read of storage.session's flag.
  const flag = background?.[pageSessionMirror];
  return typeof flag === 'boolean' ? afterSessionFlag(state, flag) : undefined;
}

/** `state` as it is still true: `stillTrueNow`, asking storage.session when the cookies cannot tell. */
export async function stillTrue(state: UiState | null): Promise<UiState | null> {
  const now = stillTrueNow(state);
  if (now !== undefined || !state) return now ?? null;
  return stillTrueInSession(state);
}

/** What storage.session says a kept signed-in state is now, for one `stillTrueNow` could not vouch for. */
export async function stillTrueInSession(state: UiState): Promise<UiState | null> {
  let sessionGoesOn: boolean;
  try {
    sessionGoesOn = (await browser.storage.session.get(pageSessionFlagKey))[pageSessionFlagKey] === true;
  } catch {
    return null;
  }
  return afterSessionFlag(state, sessionGoesOn);
}

/** A kept signed-in state as storage.session's flag says it is now: as kept, signed out, or nothing to paint. */
function afterSessionFlag(state: UiState, sessionGoesOn: boolean): UiState | null {
  if (sessionGoesOn) return state;
  return state.identity?.mode === 'oauth' ? signedOut(state) : null;
}

function signedOut(state: UiState): UiState {
  return { ...state, identity: null };
}

/** The kept state exactly as stored: a kept frame (kept-frame.ts) is painted only for the very state it was taken of. */
export function keptStateText(): string | null {
  try {
    return storage()?.getItem(stateKey) ?? null;
  } catch {
    return null;
  }
}

/** The state last shown on a page of this extension, if it is well-formed, whether or not it is still true. */
export function readKeptState(): UiState | null {
  return parseUiState(readJson(stateKey));
}

/** The kept state if a page can paint it without any wait; null when there is none or storage.session must tell. */
export function readPaintState(): UiState | null {
  return stillTrueNow(readKeptState()) ?? null;
}

export function rememberPaintState(state: UiState): void {
  write(stateKey, state);
  try {
    // biome-ignore lint/suspicious/noDocumentCookie: read synchronously at the first paint; the Cookie Store API is async only.
    document.cookie = `${browserSessionCookie}=1; path=/; SameSite=Strict`;
    // biome-ignore lint/suspicious/noDocumentCookie: as above.
    document.cookie = `${pagesShownCookie}=1; path=/; max-age=${lastingCookieSeconds}; SameSite=Strict`;
  } catch {
    // Without cookies the storage.session flag answers instead.
  }
  // Pages keep a state only when the worker pushes one (on connecting, then on a change): a write that rare costs
  // nothing, and the worker pushes no state for this key (Firefox's background page only updates its copy of it).
  browser.storage.session.set({ [pageSessionFlagKey]: true }).catch(() => undefined);
  const background = timeOriginOf(backgroundPage());
  if (background !== undefined) write(backgroundKey, background);
  else forget(backgroundKey);
}

/** What keepWorkerStates needs of a page's store: whether the worker has answered, and the state shown. */
interface ShownStates {
  subscribe(listener: (current: { boot: string; state: UiState | null }, previous: { state: UiState | null }) => void): () => void;
}

/**
 * Keeps every state the worker hands the page — pushed over the port, or the answer to a request such as sign-in,
 * which can arrive before the push — as what the next popup paints first. Keeping only pushed states let a popup
 * closed right after signing in reopen on the signed-out screen until the worker answered.
 */
export function keepWorkerStates(store: ShownStates): () => void {
  return store.subscribe((current, previous) => {
    if (current.boot === 'ready' && current.state && current.state !== previous.state) rememberPaintState(current.state);
  });
}

/**
 * A translator for the first paint that waits for nothing: the kept copy of the messages of `language`, or of the
 * browser's own language when none is forced. Not the browser's message bundle: its first lookup in a freshly started
 * page process (a stopped worker, the first popup after a browser start) is a synchronous round trip to the browser,
 * 5–14 ms of the first paint on a 2-core machine. Null when no copy kept by this version is there.
 */
export function paintTranslator(language: string): Translator | null {
  const stored = readJson(messagesKey) as Partial<StoredMessages> | undefined;
  const locale = pickLocale(language || browser.i18n.getUILanguage());
  if (stored?.version !== messagesVersion() || stored.locale !== locale || !Array.isArray(stored.dictionaries)) {
    return null;
  }
  return createTranslator(lookupIn(...stored.dictionaries), locale);
}

/**
 * The fingerprint of the build's messages (a hash of locales/*.yml, set by wxt.config.ts): two builds with the same
 * fingerprint carry the same messages, whatever their versions. Not the manifest's version as well: reading it cost the
 * first paint one more call into the extension API (runtime.getManifest).
 */
export function messagesVersion(): string {
  const messagesId: unknown = import.meta.env.REKEY_MESSAGES_ID;
  return typeof messagesId === 'string' ? messagesId : '';
}

export function rememberPaintMessages(locale: string, dictionaries: Dictionary[]): void {
  write(messagesKey, { version: messagesVersion(), locale, dictionaries } satisfies StoredMessages);
}
