import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { type SessionStore, type StoredSession, StoredSessionSchema } from '@/utils/auth/session';

/**
 * Where the worker keeps things. Tokens and the personal-access-token secret live only in storage.session
 * (memory, trusted contexts only); storage.local holds nothing secret.
 */
export const keys = {
  /** The user's own settings (entrypoints/background/settings.ts). */
  settings: 'settings',
  session: 'session',
  endpoints: 'endpoints',
  passwordInfo: 'password-info-cache',
  patSecret: 'pat-secret',
  tracker: 'tracker',
  preselect: 'preselect-source',
  diagnostics: 'diagnostics',
  snoozes: 'expiry-snoozes',
  reminders: 'reminders',
  shownPrompts: 'shown-prompts',
  /** A pending clipboard wipe: a salted fingerprint of what the popup copied and when to clear it (never the text). */
  clipboardWipe: 'clipboard-wipe',
  /** The watcher's content-script registration was set in this browser session (entrypoints/background/listeners.ts). */
  contentScriptsSynced: 'content-scripts-synced',
  /** Whose changes and reminders storage.local holds (tenant/identity), to tell a different employee signing in. */
  dataOwner: 'data-owner',
} as const;

export async function getSession<T>(key: string): Promise<T | undefined> {
  return (await browser.storage.session.get(key))[key] as T | undefined;
}

export async function setSession(key: string, value: unknown): Promise<void> {
  await browser.storage.session.set({ [key]: value });
}

export async function getLocal<T>(key: string): Promise<T | undefined> {
  return (await browser.storage.local.get(key))[key] as T | undefined;
}

export async function setLocal(key: string, value: unknown): Promise<void> {
  await browser.storage.local.set({ [key]: value });
}

export const sessionStore: SessionStore = {
  async load(): Promise<StoredSession | null> {
    const parsed = v.safeParse(StoredSessionSchema, await getSession(keys.session));
    return parsed.success ? parsed.output : null;
  },
  save: (session) => setSession(keys.session, session),
  clear: () => browser.storage.session.remove(keys.session),
};

/** Who is signed in, if anyone: all the pages need to know of the session, read without its token machinery. */
export async function currentSession(): Promise<Pick<StoredSession, 'identity' | 'kind'> | null> {
  const stored = await sessionStore.load();
  return stored ? { identity: stored.identity, kind: stored.kind } : null;
}

/** Builds before 0.2 could write the secret to storage.local ("Remember"); nothing reads it any more. */
export async function removeLegacyPatSecret(): Promise<void> {
  await browser.storage.local.remove(keys.patSecret);
}
