import { isApiError } from '@/utils/api/errors';
import type { PasswordPolicyV3Dto, PasswordSyncGroup } from '@/utils/api/types';
import { ruleId, ruleLabel, rulesFromPolicyObject } from '@/utils/policy';
import { PROBED_OPERATIONS, type ProbedOperation, probeOutcome } from './capabilities';
import type { AdminClient } from './client';
import type { DigitTokenInput } from './digit-token';
import { type OrgConfigValues, orgConfigValues } from './org-config';
import { collectPages } from './paging';
import type {
  AccessProbeView,
  AdminAccessView,
  AdminDigitTokenView,
  AdminOrgConfigView,
  AdminPoliciesView,
  AdminPolicyView,
  AdminSyncGroupsView,
  AdminSyncGroupView,
} from './views';

/**
 * The admin tools' ISC calls, over any client (the background's, or a test's against the sandbox).
 * Errors stay typed ApiErrors for the caller to explain.
 */

export async function readOrgConfig(client: AdminClient): Promise<AdminOrgConfigView> {
  try {
    return { exists: true, config: orgConfigValues(await client.getOrgConfig()) };
  } catch (error) {
    // A tenant starts without an org config. The sandbox answers 404 until someone creates one; the specs
    // document no 404 here, so a 400 saying the config is missing means the same.
    if (isApiError(error, 'not-found') || missingConfig(error)) return { exists: false, config: orgConfigValues(null) };
    throw error;
  }
}

/** Creates the org config (POST) when none exists yet, else replaces it (PUT). */
export async function writeOrgConfig(client: AdminClient, values: OrgConfigValues, exists: boolean): Promise<AdminOrgConfigView> {
  const saved = exists ? await client.updateOrgConfig(values) : await client.createOrgConfig(values);
  return { exists: true, config: orgConfigValues(saved) };
}

function missingConfig(error: unknown): boolean {
  return isApiError(error, 'bad-request') && /not (been )?(created|found)|does not exist|no .*config/i.test(error.serverMessage ?? '');
}

export async function requestDigitToken(client: AdminClient, input: DigitTokenInput): Promise<AdminDigitTokenView> {
  const token = await client.createDigitToken({ userId: input.userId, length: input.length, durationMinutes: input.durationMinutes });
  return {
    digitToken: token.digitToken,
    requestId: token.requestId ?? null,
    version: client.version,
    durationMinutes: input.durationMinutes,
  };
}

export function policyView(dto: PasswordPolicyV3Dto): AdminPolicyView {
  const rules = rulesFromPolicyObject(dto).map((rule) => {
    const label = ruleLabel(rule);
    return { id: ruleId(rule), key: label.key, params: [...label.params], ...(label.count === undefined ? {} : { count: label.count }) };
  });
  const expires = dto.enablePasswdExpiration !== false && dto.passwordExpiration !== undefined && dto.passwordExpiration > 0;
  return {
    id: dto.id ?? '',
    name: dto.name ?? dto.id ?? '',
    description: dto.description ?? null,
    isDefault: dto.defaultPolicy === true,
    rules,
    expirationDays: expires ? (dto.passwordExpiration ?? null) : null,
    sourceIds: [...dto.sourceIds],
  };
}

export async function readPolicies(client: AdminClient): Promise<AdminPoliciesView> {
  const { items, truncated } = await collectPages((page) => client.listPasswordPolicies(page));
  return { policies: items.map(policyView), truncated };
}

export function syncGroupView(group: PasswordSyncGroup): AdminSyncGroupView {
  return {
    id: group.id ?? '',
    name: group.name ?? group.id ?? '',
    policyId: group.passwordPolicyId ?? null,
    sourceIds: [...group.sourceIds],
  };
}

export async function readSyncGroups(client: AdminClient): Promise<AdminSyncGroupsView> {
  const { items, truncated } = await collectPages((page) => client.listSyncGroups(page));
  return { groups: items.map(syncGroupView), truncated };
}

const probes: Record<ProbedOperation, (client: AdminClient) => Promise<unknown>> = {
  orgConfigRead: (client) => client.getOrgConfig(),
  policiesRead: (client) => client.listPasswordPolicies({ limit: 1 }),
  syncGroupsRead: (client) => client.listSyncGroups({ limit: 1 }),
};

async function probe(client: AdminClient, operation: ProbedOperation): Promise<AccessProbeView> {
  try {
    await probes[operation](client);
    return { outcome: 'allowed', status: 200, kind: null };
  } catch (error) {
    if (!isApiError(error)) return { outcome: 'unknown', status: null, kind: 'unexpected' };
    return { outcome: probeOutcome(error), status: error.status ?? null, kind: error.kind };
  }
}

/** Tries each read endpoint (lists with limit 1) and reports what ISC allowed. */
export async function checkAccess(client: AdminClient): Promise<AdminAccessView> {
  const results = await Promise.all(PROBED_OPERATIONS.map((operation) => probe(client, operation)));
  return Object.fromEntries(PROBED_OPERATIONS.map((operation, index) => [operation, results[index]])) as AdminAccessView;
}
