import { findSuffixCount, hashForRange } from './range';
import type { BreachResult } from './result';

export const DEFAULT_BREACH_ENDPOINT = 'https://api.pwnedpasswords.com';
export const DEFAULT_BREACH_TIMEOUT_MS = 4000;

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface BreachCheckOptions {
  /** Base URL of a Pwned-Passwords-compatible range API. */
  endpoint?: string;
  /** Covers the whole exchange, body included. */
  timeoutMs?: number;
  fetch?: FetchLike;
  /** Cancels the check (e.g. the user typed on); the result is then 'unavailable' with reason 'aborted'. */
  signal?: AbortSignal;
}

/**
 * Looks a password up in a Pwned-Passwords range API with k-anonymity: only the first five hex characters of its
 * SHA-1 are sent, and the match happens here.
 */
export async function checkPasswordBreach(password: string, options: BreachCheckOptions = {}): Promise<BreachResult> {
  const { prefix, suffix } = hashForRange(password);
  const endpoint = (options.endpoint ?? DEFAULT_BREACH_ENDPOINT).replace(/\/+$/, '');
  // A bare `fetch` reference called as a method of another object throws "Illegal invocation" in browsers.
  const fetchRange: FetchLike = options.fetch ?? ((url, init) => globalThis.fetch(url, init));
  if (options.signal?.aborted) return { status: 'unavailable', reason: 'aborted' };
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs ?? DEFAULT_BREACH_TIMEOUT_MS);
  const cancel = () => controller.abort();
  options.signal?.addEventListener('abort', cancel);
  try {
    const response = await fetchRange(`${endpoint}/range/${prefix}`, {
      headers: { 'Add-Padding': 'true' },
      signal: controller.signal,
      credentials: 'omit',
    });
    if (!response.ok) return { status: 'unavailable', reason: 'http-error' };
    const count = findSuffixCount(await response.text(), suffix);
    if (count === null) return { status: 'unavailable', reason: 'bad-response' };
    return count > 0 ? { status: 'breached', count } : { status: 'not-found' };
  } catch {
    if (options.signal?.aborted) return { status: 'unavailable', reason: 'aborted' };
    return { status: 'unavailable', reason: timedOut ? 'timeout' : 'network' };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', cancel);
  }
}
