import * as v from 'valibot';
import { getSession, keys, setSession } from './storage';

/**
 * A personal-access-token secret, kept for this browser session only (never on disk). A module of its own, beside
 * storage.ts: only sign-in (the network chunk) reads or writes it, and in Chrome's build the chunks read storage.ts's
 * functions from background.js (entrypoints/background/worker-shared.ts), which would otherwise be bundled again with
 * these two.
 */
export interface PatSecret {
  clientId: string;
  clientSecret: string;
}

const PatSecretSchema = v.object({ clientId: v.string(), clientSecret: v.string() });

export async function loadPatSecret(): Promise<PatSecret | undefined> {
  const parsed = v.safeParse(PatSecretSchema, await getSession(keys.patSecret));
  return parsed.success ? parsed.output : undefined;
}

export async function savePatSecret(secret: PatSecret): Promise<void> {
  await setSession(keys.patSecret, secret);
}
