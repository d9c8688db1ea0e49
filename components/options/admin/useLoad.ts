import { useEffect, useState } from 'preact/hooks';
import { toUserError } from '@/components/worker';
import type { UserError } from '@/utils/messages/protocol';
import type { AdminSend } from './admin-send';

/** The panels' requests: see admin-send.ts. */
export type Send = AdminSend;

export type Loaded<T> = { status: 'idle' } | { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: UserError };

/**
 * Loads once on mount (when `load` is given) and on `reload()`; `set` replaces the value after a save.
 * A late answer for an earlier load is dropped so the newest one wins.
 */
export function useLoad<T>(load: (() => Promise<T>) | null): { state: Loaded<T>; reload: () => void; set: (value: T) => void } {
  const [state, setState] = useState<Loaded<T>>(load ? { status: 'loading' } : { status: 'idle' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (!load) return;
    let current = true;
    setState({ status: 'loading' });
    load().then(
      (value) => current && setState({ status: 'ready', value }),
      (error: unknown) => current && setState({ status: 'error', error: toUserError(error) }),
    );
    return () => {
      current = false;
    };
  }, [generation, load === null]);

  return {
    state,
    reload: () => setGeneration((n) => n + 1),
    set: (value) => setState({ status: 'ready', value }),
  };
}

/** The current time, ticking every `intervalMs` while it is not null. */
export function useNow(intervalMs: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (intervalMs === null) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/**
 * Copies what the administration tools show: a digit token or a diagnostics report. Deliberately never wiped
 * (unlike a copied password, see PageBrowser.copySecret): the helpdesk agent copies a digit token to paste it
 * into the ticket or chat, or reads it aloud, while the employee types it — a wipe would pull it away mid-call.
 * The token is single-use and expires within the minutes the org configuration sets; it is not the password.
 */
export async function copyToClipboard(text: string): Promise<void> {
  await navigator.clipboard.writeText(text);
}
