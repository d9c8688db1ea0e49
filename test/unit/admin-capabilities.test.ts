import { describe, expect, it } from 'vitest';
import {
  ADMIN_OPERATIONS,
  capabilitiesFromClaims,
  hasAnyAdminCapability,
  probeOutcome,
  withProbeResults,
} from '@/utils/admin/capabilities';
import { explainAdminError } from '@/utils/admin/explain';

const employeeScopes = ['idn:password-info:read', 'idn:password-change:manage', 'idn:password-change:read'];

describe('admin capabilities from token claims', () => {
  it('grants every tool to ORG_ADMIN whatever the scopes', () => {
    const capabilities = capabilitiesFromClaims({ authorities: ['ORG_ADMIN'], scopes: employeeScopes });
    expect(ADMIN_OPERATIONS.every((operation) => capabilities[operation])).toBe(true);
  });

  it('grants every tool to a token with sp:scopes:all', () => {
    const capabilities = capabilitiesFromClaims({ authorities: [], scopes: ['sp:scopes:all'] });
    expect(Object.values(capabilities)).toEqual(ADMIN_OPERATIONS.map(() => true));
  });

  it('grants nothing to an employee token, so the section stays hidden', () => {
    const capabilities = capabilitiesFromClaims({ authorities: [], scopes: employeeScopes });
    expect(hasAnyAdminCapability(capabilities)).toBe(false);
  });

  it('grants nothing when signed out', () => {
    expect(hasAnyAdminCapability(capabilitiesFromClaims(null))).toBe(false);
  });

  it('grants tools one scope at a time', () => {
    const capabilities = capabilitiesFromClaims({ authorities: ['HELPDESK'], scopes: ['idn:password-digit-token:create'] });
    expect(capabilities).toEqual({
      orgConfigRead: false,
      orgConfigWrite: false,
      digitToken: true,
      policiesRead: false,
      syncGroupsRead: false,
    });
  });

  it('accepts both names of the org-config write scope', () => {
    expect(capabilitiesFromClaims({ authorities: [], scopes: ['idn:password-org-config:write'] }).orgConfigWrite).toBe(true);
    expect(capabilitiesFromClaims({ authorities: [], scopes: ['idn:password-org-config:manage'] }).orgConfigWrite).toBe(true);
    expect(capabilitiesFromClaims({ authorities: [], scopes: ['idn:password-org-config:manage'] }).orgConfigRead).toBe(false);
  });
});

describe('"Check access" probes', () => {
  it('counts 2xx and 404 as allowed, 403 as denied, and anything else as inconclusive', () => {
    expect(probeOutcome({ status: 200 })).toBe('allowed');
    expect(probeOutcome({ status: 404, kind: 'not-found' })).toBe('allowed');
    expect(probeOutcome({ status: 403, kind: 'forbidden' })).toBe('denied');
    expect(probeOutcome({ status: 429, kind: 'rate-limited' })).toBe('unknown');
    expect(probeOutcome({ kind: 'unreachable' })).toBe('unknown');
    expect(probeOutcome({ status: 500, kind: 'server' })).toBe('unknown');
  });

  it('corrects the claims with what ISC answered and keeps them where the probe was inconclusive', () => {
    const fromClaims = capabilitiesFromClaims({ authorities: [], scopes: ['idn:password-org-config:read', 'idn:password-policy:read'] });
    const corrected = withProbeResults(fromClaims, { orgConfigRead: 'denied', policiesRead: 'unknown', syncGroupsRead: 'allowed' });
    expect(corrected).toMatchObject({ orgConfigRead: false, policiesRead: true, syncGroupsRead: true, digitToken: false });
  });
});

describe('admin error explanations', () => {
  it('names the missing scopes and the ORG_ADMIN role on a 403', () => {
    const text = explainAdminError('orgConfigWrite', {
      kind: 'forbidden',
      messageKey: 'errors.forbidden',
      params: [],
      trackingId: 'abc123',
    });
    expect(text).toEqual({
      key: 'admin.error.forbidden',
      params: ['idn:password-org-config:write, idn:password-org-config:manage', 'ORG_ADMIN'],
      trackingId: 'abc123',
    });
    expect(explainAdminError('orgConfigRead', { kind: 'forbidden', messageKey: 'errors.forbidden', params: [] }).params).toEqual([
      'idn:password-org-config:read',
      'ORG_ADMIN',
    ]);
  });

  it('offers the versions that have digit tokens when the chosen one has none', () => {
    const text = explainAdminError('digitToken', {
      kind: 'unsupported-in-version',
      messageKey: 'errors.unsupportedInVersion',
      params: ['v3', 'beta, v2024, v2025, v2026, v1'],
    });
    expect(text).toEqual({ key: 'admin.digit.unsupported', params: ['v3', 'beta, v2024, v2025, v2026'] });
  });

  it('explains a digit token for an unknown user as a wrong uid', () => {
    expect(explainAdminError('digitToken', { kind: 'not-found', messageKey: 'errors.notFoundUser', params: [] }).key).toBe(
      'admin.digit.userNotFound',
    );
  });

  it("keeps the API client's explanation for other failures", () => {
    const error = { kind: 'rate-limited', messageKey: 'errors.rateLimited', params: ['7'] };
    expect(explainAdminError('policiesRead', error)).toEqual({ key: 'errors.rateLimited', params: ['7'] });
  });
});
