import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { type SessionStore, type StoredSession, StoredSessionSchema } from '@/utils/auth/session';

/**
 * Where the background keeps things. Tokens live only in storage.session (memory, trusted
 * contexts only); nothing secret ever goes to storage.local except a personal-access-token
 * secret the user explicitly asked to remember.
 */
export const keys = {
  session: 'session',
  endpoints: 'endpoints',
  passwordInfo: 'password-info-cache',
  patSecret: 'pat-secret',
  tracker: 'tracker',
  preselect: 'preselect-source',
  diagnostics: 'diagnostics',
  snoozes: 'expiry-snoozes',
  reminders: 'reminders',
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

/** A personal-access-token secret: session memory by default, storage.local only when remembered. */
export interface PatSecret {
  clientId: string;
  clientSecret: string;
}

export async function loadPatSecret(): Promise<PatSecret | undefined> {
  return (await getSession<PatSecret>(keys.patSecret)) ?? (await getLocal<PatSecret>(keys.patSecret));
}

export async function savePatSecret(secret: PatSecret, remember: boolean): Promise<void> {
  await setSession(keys.patSecret, secret);
  if (remember) await setLocal(keys.patSecret, secret);
  else await browser.storage.local.remove(keys.patSecret);
}

export async function clearPatSecret(): Promise<void> {
  await browser.storage.session.remove(keys.patSecret);
  await browser.storage.local.remove(keys.patSecret);
}
