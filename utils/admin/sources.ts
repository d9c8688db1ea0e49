import { isApiError } from '@/utils/api/errors';
import { PASSWORD_FEATURE, type Source } from '@/utils/api/sources';
import type { PasswordSyncGroup } from '@/utils/api/types';
import { ADMIN_ROLE, ALL_SCOPES, type TokenClaims } from './capabilities';
import type { AdminClient } from './client';
import { collectPages } from './paging';

/**
 * "Add from Identity Security Cloud" on the options page: the tenant's sources, read with the signed-in
 * administrator's token, turned into rows the sources editor can add. ISC decides on every call; the
 * claims only decide whether the button is offered at all.
 */

/** User levels that may list sources (a SOURCE_SUBADMIN only with forSubadmin, which Rekey does not send). */
const SOURCE_LEVELS = [ADMIN_ROLE, 'SOURCE_ADMIN'];
const SOURCE_SCOPES = [ALL_SCOPES, 'idn:sources:read', 'idn:sources:manage'];

export function mayListSources(claims: TokenClaims | null): boolean {
  if (!claims) return false;
  return claims.authorities.some((level) => SOURCE_LEVELS.includes(level)) || claims.scopes.some((scope) => SOURCE_SCOPES.includes(scope));
}

export interface AdminSourceView {
  id: string;
  name: string;
  /** The connector type ("Active Directory - Direct"), when ISC says it. */
  type: string | null;
  /** Whether ISC can set passwords on it (the PASSWORD feature). */
  takesPasswords: boolean;
  /** The other sources of its password sync group, which change with it. */
  alsoChanges: string[];
}

export interface AdminSourcesView {
  sources: AdminSourceView[];
  truncated: boolean;
}

/** Names of the other members of each source's sync group, by source id. */
function groupMates(groups: readonly PasswordSyncGroup[], names: ReadonlyMap<string, string>): Map<string, string[]> {
  const mates = new Map<string, string[]>();
  for (const group of groups) {
    for (const id of group.sourceIds) {
      const others = group.sourceIds.filter((other) => other !== id).map((other) => names.get(other) ?? other);
      mates.set(id, [...(mates.get(id) ?? []), ...others]);
    }
  }
  return mates;
}

export function sourceViews(sources: readonly Source[], groups: readonly PasswordSyncGroup[]): AdminSourceView[] {
  const names = new Map(sources.filter((s) => s.id).map((s) => [s.id as string, s.name]));
  const mates = groupMates(groups, names);
  return sources
    .map((source) => ({
      id: source.id ?? source.name,
      name: source.name,
      type: source.type ?? source.connectorName ?? null,
      takesPasswords: source.features.includes(PASSWORD_FEATURE),
      alsoChanges: source.id ? (mates.get(source.id) ?? []) : [],
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Every source (paged), with sync-group partners where the token may read sync groups; a refused
 * sync-group read leaves `alsoChanges` empty rather than failing the list.
 */
export async function readSources(client: AdminClient): Promise<AdminSourcesView> {
  const { items, truncated } = await collectPages((page) => client.listSources(page));
  let groups: PasswordSyncGroup[] = [];
  try {
    groups = (await collectPages((page) => client.listSyncGroups(page))).items;
  } catch (error) {
    if (!isApiError(error, 'forbidden') && !isApiError(error, 'forbidden-api-authority') && !isApiError(error, 'not-found')) throw error;
  }
  return { sources: sourceViews(items, groups), truncated };
}
