import { useState } from 'preact/hooks';
import { toUserError } from '@/components/worker';
import type { UserError } from '@/utils/messages/protocol';

/** One thing the user starts from a page (save, request a digit token, check access) and how it went. */
export interface Action {
  /** True while the task runs: the page disables its button and says what it is doing. */
  busy: boolean;
  /** What the last run ended with, as the user is told it; null while running and after a success. */
  error: UserError | null;
  /**
   * Clears the last error, runs the task and hands its value to `done`; a failure of either becomes `error`.
   * (`done` runs in the same turn as the answer, so the page shows the result as soon as the worker gives it.)
   */
  run<T>(task: () => Promise<T>, done?: (value: T) => void): Promise<void>;
  /** Ends the attempt with an error found without asking the worker (e.g. a permission the user declined). */
  fail(error: UserError): void;
  /** Clears the last error, for an attempt that stops before running (its input did not validate). */
  reset(): void;
}

/** The busy/error/run pattern of a user's action; `useLoad` is its counterpart for what a panel reads. */
export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UserError | null>(null);

  async function run<T>(task: () => Promise<T>, done?: (value: T) => void): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      const value = await task();
      done?.(value);
    } catch (failure) {
      setError(toUserError(failure));
    } finally {
      setBusy(false);
    }
  }

  return { busy, error, run, fail: setError, reset: () => setError(null) };
}
