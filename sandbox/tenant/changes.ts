import { decryptPassword, passwordText } from './keys';
import { policyViolations } from './policy';
import { type ChangeTarget, hashPassword, type PasswordRequest, type TenantState } from './state';
import type { SeedAccount } from './types';

export const INVALID_PAYLOAD = 'The password change payload is invalid';

/** The accounts one change reaches: the account itself, or the identity's accounts on every source of its sync group. */
export function changeScope(state: TenantState, account: SeedAccount): SeedAccount[] {
  const group = state.syncGroupOf(account.sourceId);
  if (!group) return [account];
  return group.sourceIds.flatMap((sourceId) => state.accountsOf(account.identityId, sourceId).map((record) => record.seed));
}

/**
 * Decrypts, checks the policy, and queues the change. The plaintext lives only inside this function:
 * what is kept is a salted hash per account and the policy verdict.
 */
export function submitChange(state: TenantState, account: SeedAccount, ciphertext: Buffer): PasswordRequest {
  const key = state.keys.get(account.sourceId);
  const plaintext = key ? decryptPassword(key.pair.privateKey, ciphertext, state.config.acceptedPaddings) : null;
  const password = plaintext ? passwordText(plaintext) : null;
  plaintext?.fill(0);
  const identity = state.identities.get(account.identityId);
  const targets: ChangeTarget[] = changeScope(state, account).map((target) => {
    const record = state.accounts.get(target.id);
    const policy = state.effectivePolicy(target.sourceId);
    const policyErrors =
      password !== null && policy && identity
        ? policyViolations(password, policy, { identity, account: target, dictionary: state.seed.dictionary })
        : [];
    return {
      accountId: target.id,
      sourceId: target.sourceId,
      hash: password !== null && record ? hashPassword(record.salt, password) : null,
      policyErrors,
    };
  });
  const request: PasswordRequest = {
    id: state.newRequestId(),
    identityId: account.identityId,
    settleAt: state.now() + state.config.statusDelayMs,
    state: 'IN_PROGRESS',
    errors: [],
    sourceIds: [...new Set(targets.map((target) => target.sourceId))],
    targets,
  };
  state.requests.set(request.id, request);
  state.pending.push(request);
  state.acceptedSetPasswords++;
  return request;
}

function sourceName(state: TenantState, sourceId: string): string {
  return state.sources.get(sourceId)?.name ?? sourceId;
}

function consumeFailSource(state: TenantState, sourceId: string): string | null {
  const fail = state.config.failSource;
  if (!fail || fail.sourceId !== sourceId) return null;
  const remaining = (fail.count ?? 1) - 1;
  state.config.failSource = remaining > 0 ? { ...fail, count: remaining } : null;
  return fail.error;
}

/** Each source applies its part or reports why not; the request FAILS if any source did not apply. */
function settle(state: TenantState, request: PasswordRequest): void {
  const errors: string[] = [];
  if (request.targets.some((target) => target.hash === null)) {
    errors.push(INVALID_PAYLOAD);
  } else {
    for (const target of request.targets) {
      const record = state.accounts.get(target.accountId);
      const policy = state.effectivePolicy(target.sourceId);
      const name = sourceName(state, target.sourceId);
      const injected = consumeFailSource(state, target.sourceId);
      if (injected) {
        errors.push(injected);
        continue;
      }
      if (target.policyErrors.length > 0) {
        errors.push(`${name} rejected the password: ${target.policyErrors.join('; ')}`);
        continue;
      }
      if (!record || target.hash === null) continue;
      const remembered = policy && policy.historyLength > 0 ? record.history.slice(-policy.historyLength) : [];
      if (remembered.includes(target.hash)) {
        errors.push(`${name} rejected the password: it was used too recently`);
        continue;
      }
      record.history.push(target.hash);
      record.changedAt = request.settleAt;
    }
  }
  request.state = errors.length === 0 ? 'FINISHED' : 'FAILED';
  request.errors = errors;
  request.targets = [];
}

/** Finishes every change whose delay has passed, oldest first (the tenant clock may jump). */
export function settleDue(state: TenantState): void {
  const now = state.now();
  while (state.pending.length > 0 && (state.pending[0] as PasswordRequest).settleAt <= now) {
    settle(state, state.pending.shift() as PasswordRequest);
  }
  // Delays can shrink between requests, so a later request may be due before an earlier one.
  if (state.pending.some((request) => request.settleAt <= now)) {
    const due = state.pending.filter((request) => request.settleAt <= now);
    for (const request of due) {
      state.pending.splice(state.pending.indexOf(request), 1);
      settle(state, request);
    }
  }
}
