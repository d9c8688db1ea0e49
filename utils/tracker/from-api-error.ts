import type { PasswordChangeStatusResult } from '@/utils/api/client';
import { ApiError } from '@/utils/api/errors';
import type { StatusPollResult } from './types';

/**
 * How the tracker reads one status request made through the API client. Shared by the background
 * worker and the fleet benchmark, so the benchmark exercises the same mapping the extension ships.
 */

/** A status the client read (or the finding that this token may not read statuses). */
export function pollResultFromStatus(result: PasswordChangeStatusResult): StatusPollResult {
  if (result.kind === 'not-readable') return { kind: 'not-readable' };
  const { state, errors, sourceIds } = result.status;
  return { kind: 'status', state, errors: errors ?? [], sourceIds: sourceIds ?? [] };
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
