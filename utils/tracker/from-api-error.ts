import type { PasswordChangeStatusResult } from '@/utils/api/client';
import { ApiError } from '@/utils/api/errors';
import { isInvalidPayload } from './key-rotation';
import type { StatusPollResult } from './types';

/**
 * How the tracker reads one status request made through the API client. Shared by the background
 * worker and the fleet benchmark, so the benchmark exercises the same mapping the extension ships.
 */

/** A status the client read (or the finding that this token may not read statuses). */
export function pollResultFromStatus(result: PasswordChangeStatusResult): StatusPollResult {
  if (result.kind === 'not-readable') return { kind: 'not-readable' };
  const { state, errors, sourceIds } = result.status;
  // ISC answered but did not say a documented state: the change may still be running. Keep it pending
  // (with back-off) until the status timeout turns it into "unknown — check with your help desk".
  if (state === null) return { kind: 'retry-later', reason: 'unreadable' };
  return { kind: 'status', state, errors: errors ?? [], sourceIds: sourceIds ?? [] };
}

/**
 * The documented form of a key rotation: the change FAILED asynchronously with "The password change
 * payload is invalid" (ISC could not decrypt it). The cached public key must be fetched again before the
 * employee resubmits, or the resubmission fails the same way.
 */
export function needsFreshPublicKey(result: StatusPollResult): boolean {
  return result.kind === 'status' && result.state === 'FAILED' && isInvalidPayload(result.errors);
}

/**
 * A failed status request. Only 'signed-out' and 'not-found' are final for the change's polling;
 * everything else is "ask again later", keeping the server's Retry-After when it gave one.
 */
export function pollResultFromError(error: unknown): StatusPollResult {
  if (!(error instanceof ApiError)) return { kind: 'retry-later', reason: 'network' };
  switch (error.kind) {
    case 'signed-out':
      return { kind: 'signed-out' };
    case 'not-found':
      return { kind: 'not-found' };
    case 'rate-limited':
      return {
        kind: 'retry-later',
        reason: 'rate-limited',
        ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}),
      };
    case 'timeout':
      return { kind: 'retry-later', reason: 'timeout' };
    case 'server':
      return { kind: 'retry-later', reason: 'server' };
    default:
      return { kind: 'retry-later', reason: 'network' };
  }
}
