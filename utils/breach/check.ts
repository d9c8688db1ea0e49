import { type FetchLike, httpRequest, TransportError } from '@/utils/api/http';
import { findSuffixCount, hashForRange } from './range';
import type { BreachResult } from './result';

export type { FetchLike };

export const DEFAULT_BREACH_ENDPOINT = 'https://api.pwnedpasswords.com';
export const DEFAULT_BREACH_TIMEOUT_MS = 4000;

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
 * SHA-1 are sent, and the match happens here. Anything short of a readable range reply is 'unavailable' (could
 * not check), never 'not-found' (safe).
 */
export async function checkPasswordBreach(password: string, options: BreachCheckOptions = {}): Promise<BreachResult> {
  const { prefix, suffix } = hashForRange(password);
  const endpoint = (options.endpoint ?? DEFAULT_BREACH_ENDPOINT).replace(/\/+$/, '');
  // A bare `fetch` reference called as a method of another object throws "Illegal invocation" in browsers.
  const fetchRange: FetchLike = options.fetch ?? ((url, init) => globalThis.fetch(url, init));
  if (options.signal?.aborted) return { status: 'unavailable', reason: 'aborted' };
  const init: RequestInit = { headers: { 'Add-Padding': 'true' }, credentials: 'omit' };
  if (options.signal) init.signal = options.signal;
  let reply: { status: number; text: string };
  try {
    reply = await httpRequest(fetchRange, `${endpoint}/range/${prefix}`, init, options.timeoutMs ?? DEFAULT_BREACH_TIMEOUT_MS);
  } catch (error) {
    if (options.signal?.aborted) return { status: 'unavailable', reason: 'aborted' };
    return { status: 'unavailable', reason: error instanceof TransportError && error.reason === 'timeout' ? 'timeout' : 'network' };
  }
  if (reply.status < 200 || reply.status > 299) return { status: 'unavailable', reason: 'http-error' };
  const count = findSuffixCount(reply.text, suffix);
  if (count === null) return { status: 'unavailable', reason: 'bad-response' };
  return count > 0 ? { status: 'breached', count } : { status: 'not-found' };
}
