import type { ApiVersion } from '@/utils/api/types';
import type { ProbedOperation, ProbeOutcome } from './capabilities';
import type { OrgConfigValues } from './org-config';

/** What the background answers to the options page's Administration section. Never a token. */

export interface AdminOrgConfigView {
  /** False while the tenant has no org config yet: saving then creates it (POST) with `config`. */
  exists: boolean;
  config: OrgConfigValues;
}

/** The one-time code for the helpdesk. Not stored anywhere; the page drops it when it expires. */
export interface AdminDigitTokenView {
  /** A string: leading zeros are part of the code. */
  digitToken: string;
  requestId: string | null;
  version: ApiVersion;
  durationMinutes: number;
}

/** A policy rule as the policy engine labels it: render with `tk({ key, count, params })`. */
export interface AdminRuleView {
  id: string;
  key: string;
  count?: number;
  params: Array<string | number>;
}

export interface AdminPolicyView {
  id: string;
  name: string;
  description: string | null;
  isDefault: boolean;
  rules: AdminRuleView[];
  /** Days until a password expires, when expiry is on. */
  expirationDays: number | null;
  sourceIds: string[];
}

export interface AdminPoliciesView {
  policies: AdminPolicyView[];
  truncated: boolean;
}

export interface AdminSyncGroupView {
  id: string;
  name: string;
  policyId: string | null;
  sourceIds: string[];
}

export interface AdminSyncGroupsView {
  groups: AdminSyncGroupView[];
  truncated: boolean;
}

export interface AccessProbeView {
  outcome: ProbeOutcome;
  status: number | null;
  /** The error kind when the probe failed; null when ISC answered 2xx. */
  kind: string | null;
}

export type AdminAccessView = Record<ProbedOperation, AccessProbeView>;

export interface DiagnosticsIdentity {
  userName: string | null;
  identityId: string | null;
  displayName: string | null;
  tenant: string | null;
  clientId: string | null;
  mode: 'oauth' | 'client-credentials';
  authorities: string[];
  scopes: string[];
  expiresAt: number | null;
}

export interface DiagnosticsRequest {
  at: number;
  method: string;
  path: string;
  version: string;
  status: number | null;
  durationMs: number;
  attempt: number;
}

export interface DiagnosticsError {
  at: number;
  kind: string;
  status: number | null;
  trackingId: string | null;
  detailCode: string | null;
}

/** Support information: where Rekey points, who is signed in, what the API said lately. */
export interface AdminDiagnosticsView {
  generatedAt: number;
  extensionVersion: string;
  tenant: string;
  apiBaseUrl: string | null;
  apiVersion: string;
  identity: DiagnosticsIdentity | null;
  requests: DiagnosticsRequest[];
  errors: DiagnosticsError[];
  counts: Record<string, number>;
}
