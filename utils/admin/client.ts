import * as v from 'valibot';
import type { PageOptions } from '@/utils/api/client';
import { parseResponse } from '@/utils/api/http';
import { Source } from '@/utils/api/sources';
import {
  type ApiVersion,
  PasswordDigitToken,
  PasswordDigitTokenReset,
  PasswordOrgConfig,
  PasswordPolicyV3Dto,
  PasswordSyncGroup,
} from '@/utils/api/types';
import { withoutUndefined } from '@/utils/object/without-undefined';
import { type AdminOperation, type AdminRelayReply, type AdminRelayRequest, apiErrorFrom } from './relay';

/**
 * The Administration tools' ISC calls, made in the options page over a relay to the worker (which holds the token)
 * and validated here against the specs' schemas, so the worker ships none of them. Errors are typed ApiErrors.
 */
export interface AdminClient {
  readonly version: ApiVersion;
  createDigitToken(body: PasswordDigitTokenReset): Promise<PasswordDigitToken>;
  getOrgConfig(): Promise<PasswordOrgConfig>;
  createOrgConfig(config: PasswordOrgConfig): Promise<PasswordOrgConfig>;
  updateOrgConfig(config: PasswordOrgConfig): Promise<PasswordOrgConfig>;
  listPasswordPolicies(page?: PageOptions): Promise<PasswordPolicyV3Dto[]>;
  getPasswordPolicy(id: string): Promise<PasswordPolicyV3Dto>;
  listSyncGroups(page?: PageOptions): Promise<PasswordSyncGroup[]>;
  getSyncGroup(id: string): Promise<PasswordSyncGroup>;
  /** list-sources: admins only (ORG_ADMIN, SOURCE_ADMIN); an employee's token gets 403. */
  listSources(page?: PageOptions): Promise<Source[]>;
}

/** Carries one relayed request to whoever holds the token: the worker (over a message), or a test's own client. */
export type AdminTransport = (request: AdminRelayRequest) => Promise<AdminRelayReply>;

export function createAdminClient(transport: AdminTransport, version: ApiVersion): AdminClient {
  async function call<TSchema extends v.GenericSchema>(
    schema: TSchema,
    operation: AdminOperation,
    params: { id?: string; query?: PageOptions; body?: unknown } = {},
  ): Promise<v.InferOutput<TSchema>> {
    const reply = await transport({ type: 'admin/request', operation, version, ...params } as AdminRelayRequest);
    if (!reply.ok) throw apiErrorFrom(reply.error);
    // 200: ISC answered 2xx (anything else arrived as an error); the schema decides whether the answer is usable.
    return parseResponse(schema, reply.body, 200);
  }
  const page = (options: PageOptions = {}) => ({ query: withoutUndefined({ limit: options.limit, offset: options.offset }) });

  return {
    version,
    createDigitToken: (body) => call(PasswordDigitToken, 'digit-token/create', { body: v.parse(PasswordDigitTokenReset, body) }),
    getOrgConfig: () => call(PasswordOrgConfig, 'org-config/get'),
    createOrgConfig: (config) => call(PasswordOrgConfig, 'org-config/create', { body: withoutUndefined(config) }),
    updateOrgConfig: (config) => call(PasswordOrgConfig, 'org-config/update', { body: withoutUndefined(config) }),
    listPasswordPolicies: (options) => call(v.array(PasswordPolicyV3Dto), 'password-policies/list', page(options)),
    getPasswordPolicy: (id) => call(PasswordPolicyV3Dto, 'password-policies/get', { id }),
    listSyncGroups: (options) => call(v.array(PasswordSyncGroup), 'sync-groups/list', page(options)),
    getSyncGroup: (id) => call(PasswordSyncGroup, 'sync-groups/get', { id }),
    listSources: (options) => call(v.array(Source), 'sources/list', page(options)),
  };
}
