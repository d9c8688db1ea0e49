import { describe, expect, it } from 'vitest';
import { mayListSources, sourceViews } from '@/utils/admin/sources';
import type { PasswordSyncGroup } from '@/utils/api/types';

describe('who is offered "Add from Identity Security Cloud"', () => {
  it('an ORG_ADMIN or SOURCE_ADMIN, or a token with a sources scope', () => {
    expect(mayListSources({ authorities: ['ORG_ADMIN'], scopes: [] })).toBe(true);
    expect(mayListSources({ authorities: ['SOURCE_ADMIN'], scopes: [] })).toBe(true);
    expect(mayListSources({ authorities: ['API'], scopes: ['idn:sources:read'] })).toBe(true);
    expect(mayListSources({ authorities: ['API'], scopes: ['sp:scopes:all'] })).toBe(true);
  });

  it('not an employee, nor a SOURCE_SUBADMIN (ISC wants forSubadmin from them), nor anyone signed out', () => {
    expect(mayListSources({ authorities: [], scopes: ['idn:password-info:read', 'idn:password-change:manage'] })).toBe(false);
    expect(mayListSources({ authorities: ['SOURCE_SUBADMIN'], scopes: [] })).toBe(false);
    expect(mayListSources(null)).toBe(false);
  });
});

describe('sources as the picker shows them', () => {
  const sources = [
    { id: 'w', name: 'Workday', features: ['PASSWORD'] },
    { id: 'ad', name: 'Active Directory', type: 'Active Directory - Direct', features: ['PROVISIONING', 'PASSWORD'] },
    { id: 'f', name: 'Flat file', connectorName: 'Delimited File', features: [] },
    { name: 'No id', features: ['PASSWORD'] },
  ];
  const groups: PasswordSyncGroup[] = [
    {
      id: 'g',
      name: 'Directory and HR',
      passwordPolicyId: undefined,
      sourceIds: ['ad', 'w', 'gone'],
      created: undefined,
      modified: undefined,
    },
  ];

  it('sorts by name, says which take password changes, and names group partners (an unknown id as itself)', () => {
    expect(sourceViews(sources, groups)).toEqual([
      { id: 'ad', name: 'Active Directory', type: 'Active Directory - Direct', takesPasswords: true, alsoChanges: ['Workday', 'gone'] },
      { id: 'f', name: 'Flat file', type: 'Delimited File', takesPasswords: false, alsoChanges: [] },
      { id: 'No id', name: 'No id', type: null, takesPasswords: true, alsoChanges: [] },
      { id: 'w', name: 'Workday', type: null, takesPasswords: true, alsoChanges: ['Active Directory', 'gone'] },
    ]);
  });
});
