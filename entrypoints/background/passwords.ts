import { createPasswordInfoCache, type PasswordInfoCache, passwordInfoCacheKey } from '@/utils/api/cache';
import { ApiError, toUserError } from '@/utils/api/errors';
import { readStepUp } from '@/utils/api/step-up';
import type { PasswordInfo } from '@/utils/api/types';
import type { Request } from '@/utils/messages/protocol';
import type { PasswordTargetView, SubmitResult } from '@/utils/messages/views';
import type { NewChange } from '@/utils/tracker';
import type { ApiConnections, Connection } from './api';
import type { Diagnostics } from './diagnostics';
import type { WorkerSession } from './session';
import { getSession, keys, setSession } from './storage';
import type { Tracking } from './tracking';

async function loadCache(connection: Connection): Promise<PasswordInfoCache> {
  const ttlMs = connection.effective.settings.passwordInfoCacheMinutes * 60_000;
  return createPasswordInfoCache({ ttlMs }, await getSession(keys.passwordInfo));
}

/** The employee's passwords: what a source will change (accounts, policy, key), and submitting a change. */
export interface Passwords {
  info(request: Extract<Request, { type: 'password/info' }>): Promise<PasswordTargetView>;
  submit(request: Extract<Request, { type: 'password/submit' }>): Promise<SubmitResult>;
}

export function createPasswords(deps: {
  api: ApiConnections;
  session: WorkerSession;
  diagnostics: Diagnostics;
  tracking: Tracking;
}): Passwords {
  const { api, diagnostics, tracking } = deps;
  /** Concurrent asks for the same source share one request (the popup and options may both ask). */
  const inFlight = new Map<string, Promise<PasswordInfo>>();
  function queryOnce(key: string, load: () => Promise<PasswordInfo>): Promise<PasswordInfo> {
    const running = inFlight.get(key);
    if (running) return running;
    const started = load().finally(() => inFlight.delete(key));
    inFlight.set(key, started);
    return started;
  }

  /**
   * Accounts, policy and public key for one source. Served from the session cache when fresh:
   * every employee shares the OAuth client's rate limit, so opening the popup must not cost a call.
   */
  async function info(request: Extract<Request, { type: 'password/info' }>): Promise<PasswordTargetView> {
    const connection = await api.open();
    const identity = (await deps.session.current())?.identity;
    const userName = request.userName || identity?.userName;
    if (!userName) throw new ApiError('signed-out');
    const key = {
      tenant: connection.tenantKey,
      version: connection.effective.settings.apiVersion,
      userName,
      sourceName: request.sourceName,
    };
    const cache = await loadCache(connection);
    if (request.forceRefresh) cache.invalidate(key);
    const cached = cache.get(key);
    let info: PasswordInfo;
    try {
      info =
        cached ??
        (await queryOnce(passwordInfoCacheKey(key), () =>
          connection.client.queryPasswordInfo({ userName, sourceName: request.sourceName }),
        ));
    } catch (error) {
      void diagnostics.recordError(error);
      throw error;
    }
    if (!cached) {
      cache.set(key, info);
      await setSession(keys.passwordInfo, cache.toJSON());
    }
    if (!info.publicKey || !info.publicKeyId || !info.sourceId || !(info.identityId || identity?.identityId)) {
      throw new ApiError('invalid-response');
    }
    return {
      sourceName: request.sourceName,
      sourceId: info.sourceId,
      identityId: info.identityId ?? identity?.identityId ?? '',
      publicKeyId: info.publicKeyId,
      publicKey: info.publicKey,
      accounts: (info.accounts ?? []).flatMap((a) =>
        a.accountId ? [{ accountId: a.accountId, accountName: a.accountName ?? a.accountId }] : [],
      ),
      // Step-up flags leave the rule list and become their own notice.
      ...readStepUp(info.policies ?? []),
      fetchedAt: Date.now(),
      fromCache: Boolean(cached),
    };
  }

  /**
   * One set-password per selected account, never retried blindly: an answer lost after sending
   * becomes an "outcome unknown" entry the tracker shows, never a second change.
   */
  async function submit(request: Extract<Request, { type: 'password/submit' }>): Promise<SubmitResult> {
    const connection = await api.open();
    const submissionId = globalThis.crypto.randomUUID();
    const accounts: SubmitResult['accounts'] = [];
    const tracked: NewChange[] = [];
    let keyRejected = false;
    for (const account of request.accounts) {
      const base = {
        identityId: request.identityId,
        sourceId: request.sourceId,
        sourceName: request.sourceName,
        accountId: account.accountId,
        accountName: account.accountName,
        alsoChanges: request.alsoChanges,
      };
      try {
        const response = await connection.client.setPassword({
          identityId: request.identityId,
          encryptedPassword: request.encryptedPassword,
          publicKeyId: request.publicKeyId,
          accountId: account.accountId,
          sourceId: request.sourceId,
        });
        accounts.push({ accountId: account.accountId, ok: true, requestId: response.requestId });
        // A 2xx is ISC's acceptance even when its body names no request (then: accepted, not trackable).
        tracked.push({ ...base, requestId: response.requestId, accepted: true });
      } catch (error) {
        void diagnostics.recordError(error);
        if (error instanceof ApiError && error.kind === 'outcome-unknown') {
          accounts.push({ accountId: account.accountId, ok: true, requestId: null });
          tracked.push({ ...base, requestId: null });
          continue;
        }
        const rotated = error instanceof ApiError && error.kind === 'bad-request' && /key/i.test(error.serverMessage ?? '');
        keyRejected ||= rotated;
        const user = toUserError(error);
        accounts.push({
          accountId: account.accountId,
          ok: false,
          // ISC's own words here are API jargon ("query password info again"); say what the employee should do.
          error: rotated
            ? { kind: 'key-rotated', messageKey: 'errors.keyRotated', params: [request.sourceName] }
            : { kind: user.kind, messageKey: user.messageKey, params: user.params },
        });
      }
    }
    if (keyRejected) {
      // The tenant rotated the source's key: forget it so the next attempt encrypts with the new one.
      const cache = await loadCache(connection);
      cache.invalidate();
      await setSession(keys.passwordInfo, cache.toJSON());
    }
    if (tracked.length > 0) {
      try {
        const changes = await (await tracking.tracker()).track(tracked);
        const ids = new Set(changes.map((c) => c.submissionId));
        return { submissionId: [...ids][0] ?? submissionId, accounts };
      } catch (error) {
        // ISC already accepted these changes; the tracker could not record them (storage.local full or failing).
        // Throwing here would show a generic "try again" and invite a second, duplicate change. Report them as
        // sent, each with the explanation that its outcome cannot be confirmed, so the employee checks instead.
        void diagnostics.recordError(error);
        const unconfirmed = { kind: 'outcome-unknown', messageKey: 'errors.notTracked', params: [] };
        return { submissionId, accounts: accounts.map((account) => (account.ok ? { ...account, error: unconfirmed } : account)) };
      }
    }
    return { submissionId, accounts };
  }

  return { info, submit };
}
