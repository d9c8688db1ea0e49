import * as v from 'valibot';
import { browser } from 'wxt/browser';
import type { ClipboardFingerprint } from '@/utils/clipboard/fingerprint';
import { getSession, keys, setSession } from './storage';

export const clipboardWipeAlarm = 'rekey-clipboard-wipe';

/** How long a copied password may stay on the clipboard. The E2E build waits seconds, not a minute. */
export const clipboardWipeDelayMs = import.meta.env.MODE === 'e2e' ? 3_000 : 60_000;

/**
 * Clears the clipboard where only the browser's extension context can: the popup's own timer died with the popup
 * (closing it, Submit, Back), so the wipe is an alarm of the worker's. The worker never holds the password: it
 * keeps a salted fingerprint (utils/clipboard/fingerprint.ts) and, when the alarm fires, asks a clipboard reader
 * to clear the clipboard only if it still holds the text with that fingerprint — what the employee copied since is
 * left alone.
 */
export interface ClipboardWiper {
  schedule(print: ClipboardFingerprint): Promise<void>;
  /** The alarm fired (or the worker woke late): clear now if the clipboard still holds the copied secret. */
  run(): Promise<'cleared' | 'kept' | 'nothing-pending' | 'not-yet'>;
}

/** The browser-specific part: reads the clipboard, compares, clears — the text stays inside this reader. */
export interface ClipboardAccess {
  clearIfHolds(print: ClipboardFingerprint): Promise<'cleared' | 'kept'>;
}

const PendingWipeSchema = v.object({
  salt: v.pipe(v.string(), v.regex(/^[0-9a-f]{32}$/)),
  digest: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)),
  at: v.number(),
});

export function createClipboardWiper(deps: { clipboard: ClipboardAccess; delayMs?: number; now?: () => number }): ClipboardWiper {
  const delayMs = deps.delayMs ?? clipboardWipeDelayMs;
  const now = deps.now ?? Date.now;
  return {
    async schedule({ salt, digest }) {
      const at = now() + delayMs;
      // The newest copy replaces any earlier one: the clipboard holds one text at a time.
      await setSession(keys.clipboardWipe, { salt, digest, at });
      await browser.alarms.create(clipboardWipeAlarm, { when: at });
    },
    async run() {
      const pending = v.safeParse(PendingWipeSchema, await getSession(keys.clipboardWipe));
      if (!pending.success) return 'nothing-pending';
      if (pending.output.at > now()) {
        await browser.alarms.create(clipboardWipeAlarm, { when: pending.output.at });
        return 'not-yet';
      }
      await browser.storage.session.remove(keys.clipboardWipe);
      return deps.clipboard.clearIfHolds({ salt: pending.output.salt, digest: pending.output.digest });
    },
  };
}
