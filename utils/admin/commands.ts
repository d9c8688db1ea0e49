import * as v from 'valibot';
import type { AdminClient } from './client';
import { checkAccess, readOrgConfig, readPolicies, readSyncGroups, requestDigitToken, writeOrgConfig } from './operations';
import { type AdminCommand, AdminCommandSchema, type AdminCommandType } from './protocol';
import { type AdminSourcesView, readSources } from './sources';
import type { AdminAccessView, AdminDigitTokenView, AdminOrgConfigView, AdminPoliciesView, AdminSyncGroupsView } from './views';

export interface AdminResultMap {
  'admin/orgConfig/get': AdminOrgConfigView;
  'admin/orgConfig/save': AdminOrgConfigView;
  'admin/digitToken': AdminDigitTokenView;
  'admin/policies': AdminPoliciesView;
  'admin/syncGroups': AdminSyncGroupsView;
  'admin/checkAccess': AdminAccessView;
  'admin/sources': AdminSourcesView;
}

/**
 * Runs one Administration command in the options page. `clientFor` gives the relay client for an API version
 * (the configured one unless the command names another: v3 has no digit tokens). ISC checks the token's
 * permissions on every call; failures stay typed ApiErrors.
 */
export async function runAdminCommand<T extends AdminCommandType>(
  clientFor: (version?: AdminClient['version']) => AdminClient,
  command: Extract<AdminCommand, { type: T }>,
): Promise<AdminResultMap[T]> {
  const checked = v.parse(AdminCommandSchema, command);
  const result = await run(clientFor, checked);
  return result as AdminResultMap[T];
}

function run(
  clientFor: (version?: AdminClient['version']) => AdminClient,
  command: AdminCommand,
): Promise<AdminResultMap[AdminCommandType]> {
  switch (command.type) {
    case 'admin/orgConfig/get':
      return readOrgConfig(clientFor());
    case 'admin/orgConfig/save':
      return writeOrgConfig(clientFor(), command.config, command.exists);
    case 'admin/digitToken':
      return requestDigitToken(clientFor(command.version), command);
    case 'admin/policies':
      return readPolicies(clientFor());
    case 'admin/syncGroups':
      return readSyncGroups(clientFor());
    case 'admin/checkAccess':
      return checkAccess(clientFor());
    case 'admin/sources':
      return readSources(clientFor());
  }
}
