import { describe, expect, it } from 'vitest';
import { ApiError, type ApiErrorKind } from '@/utils/api/errors';
import { needsFreshPublicKey, pollResultFromError, pollResultFromStatus } from '@/utils/tracker/from-api-error';

describe('reading a status the client returned', () => {
  it('passes the state, errors and source ids through', () => {
    expect(
      pollResultFromStatus({
        kind: 'status',
        status: { requestId: 'r1', state: 'FAILED', errors: ['Active Directory rejected the password'], sourceIds: ['ad'] },
      }),
    ).toEqual({ kind: 'status', state: 'FAILED', errors: ['Active Directory rejected the password'], sourceIds: ['ad'] });
  });

  it('reports a status the token may not read as not readable', () => {
    expect(pollResultFromStatus({ kind: 'not-readable' })).toEqual({ kind: 'not-readable' });
  });

  it('keeps the change pending (ask again later) when ISC answered without a documented state', () => {
    expect(pollResultFromStatus({ kind: 'status', status: { requestId: null, state: null, errors: [], sourceIds: [] } })).toEqual({
      kind: 'retry-later',
      reason: 'unreadable',
    });
  });
});

describe('the documented form of a key rotation', () => {
  const failed = (errors: string[]) =>
    pollResultFromStatus({ kind: 'status', status: { requestId: 'r', state: 'FAILED', errors, sourceIds: [] } });

  it('asks for a fresh public key when the change failed with "The password change payload is invalid"', () => {
    expect(needsFreshPublicKey(failed(['The password change payload is invalid']))).toBe(true);
  });

  it('does not for other failures, or for a change still running', () => {
    expect(needsFreshPublicKey(failed(['Active Directory rejected the password: it was used too recently']))).toBe(false);
    expect(needsFreshPublicKey({ kind: 'status', state: 'IN_PROGRESS', errors: ['payload is invalid'], sourceIds: [] })).toBe(false);
  });
});

describe('reading a failed status request', () => {
  it('keeps the change waiting for a new sign-in when the employee is signed out', () => {
    expect(pollResultFromError(new ApiError('signed-out', { status: 401 }))).toEqual({ kind: 'signed-out' });
  });

  it('reports a request id ISC does not know as not found', () => {
    expect(pollResultFromError(new ApiError('not-found', { status: 404 }))).toEqual({ kind: 'not-found' });
  });

  it("keeps the server's Retry-After when rate limited", () => {
    expect(pollResultFromError(new ApiError('rate-limited', { status: 429, retryAfterMs: 7_000 }))).toEqual({
      kind: 'retry-later',
      reason: 'rate-limited',
      retryAfterMs: 7_000,
    });
  });

  it('leaves the wait to the tracker when a rate limit came without Retry-After', () => {
    expect(pollResultFromError(new ApiError('rate-limited', { status: 429 }))).toEqual({ kind: 'retry-later', reason: 'rate-limited' });
  });

  it('retries later after timeouts and server errors, naming which', () => {
    expect(pollResultFromError(new ApiError('timeout'))).toEqual({ kind: 'retry-later', reason: 'timeout' });
    expect(pollResultFromError(new ApiError('server', { status: 503 }))).toEqual({ kind: 'retry-later', reason: 'server' });
  });

  it.each<ApiErrorKind>(['unreachable', 'forbidden', 'bad-request', 'invalid-response', 'wrong-tenant'])(
    'treats %s as a network problem to retry later, never as a final outcome',
    (kind) => {
      expect(pollResultFromError(new ApiError(kind))).toEqual({ kind: 'retry-later', reason: 'network' });
    },
  );

  it('treats anything that is not an API error as a network problem', () => {
    expect(pollResultFromError(new TypeError('Failed to fetch'))).toEqual({ kind: 'retry-later', reason: 'network' });
    expect(pollResultFromError('odd')).toEqual({ kind: 'retry-later', reason: 'network' });
  });
});
