import { readFileSync } from 'node:fs';
import type { Seed, SeedPolicy } from './types';

/** Scopes the extension's public client may be granted. */
export const EXTENSION_SCOPES = ['idn:password-info:read', 'idn:password-change:manage', 'idn:password-change:read'];

/** Every password-related scope the sandbox knows. */
export const PASSWORD_SCOPES = [
  ...EXTENSION_SCOPES,
  'idn:password-digit-token:create',
  'idn:password-org-config:read',
  'idn:password-org-config:write',
  'idn:password-org-config:manage',
  'idn:password-policy:read',
  'idn:password-sync-group:read',
];

export const IDS = {
  alice: '2c9180857d1e4a5b017d1f0a11110001',
  bob: '2c9180857d1e4a5b017d1f0a22220002',
  admin: '2c9180857d1e4a5b017d1f0a33330003',
  activeDirectory: '2c9180867a0f1e2b017a10c0ad000001',
  workday: '2c9180867a0f1e2b017a10c0b0000002',
  gSuite: '2c9180867a0f1e2b017a10c06500000a',
  adPolicy: '2c9180887b1e2f3a017b2000ad000001',
  workdayPolicy: '2c9180887b1e2f3a017b2000b0000002',
  gSuitePolicy: '2c9180887b1e2f3a017b20006500000a',
  syncGroup: '2c9180897c2f3a4b017c3000aa000001',
} as const;

function policy(fields: Partial<SeedPolicy> & Pick<SeedPolicy, 'id' | 'name'>): SeedPolicy {
  return {
    description: '',
    minLength: -1,
    maxLength: -1,
    minAlpha: -1,
    minUpper: -1,
    minLower: -1,
    minNumeric: -1,
    minSpecial: -1,
    minCharacterTypes: -1,
    maxRepeatedChars: -1,
    historyLength: 0,
    useDictionary: false,
    useIdentityAttributes: false,
    validateAgainstAccountName: false,
    validateAgainstAccountId: false,
    defaultPolicy: false,
    passwordExpiration: 90,
    ...fields,
  };
}

/** The sandbox's default content; see sandbox/tenant/README.md. */
export function defaultSeed(): Seed {
  return {
    tenant: { id: '3b8f1c2d-4e5a-4b6c-9d7e-0f1a2b3c4d5e', name: 'sandbox', pod: 'sandbox-local01' },
    identities: [
      {
        id: IDS.alice,
        name: 'alice',
        displayName: 'Alice Smith',
        firstName: 'Alice',
        lastName: 'Smith',
        email: 'alice.smith@corp.example',
        password: 'Alice-Sandbox-1',
        authorities: [],
      },
      {
        id: IDS.bob,
        name: 'bob',
        displayName: 'Bob Jones',
        firstName: 'Bob',
        lastName: 'Jones',
        email: 'bob.jones@corp.example',
        password: 'Bob-Sandbox-1',
        authorities: [],
      },
      {
        id: IDS.admin,
        name: 'admin',
        displayName: 'Sandbox Admin',
        firstName: 'Sandbox',
        lastName: 'Admin',
        email: 'admin@corp.example',
        password: 'Admin-Sandbox-1',
        authorities: ['ORG_ADMIN'],
      },
    ],
    policies: [
      policy({
        id: IDS.adPolicy,
        name: 'Active Directory Policy',
        description: 'Corporate directory passwords',
        minLength: 12,
        maxLength: 128,
        minUpper: 1,
        minLower: 1,
        minNumeric: 1,
        minSpecial: 1,
        maxRepeatedChars: 3,
        historyLength: 5,
        useDictionary: true,
        useIdentityAttributes: true,
        validateAgainstAccountName: true,
        passwordExpiration: 90,
      }),
      policy({ id: IDS.workdayPolicy, name: 'Workday Policy', minLength: 10, minNumeric: 1, passwordExpiration: 180 }),
      // Asks for a second factor off the company network: the step-up notice's journey.
      policy({
        id: IDS.gSuitePolicy,
        name: 'G Suite Policy',
        minLength: 8,
        maxLength: 100,
        defaultPolicy: true,
        passwordExpiration: 365,
        requireStrongAuthOffNetwork: true,
      }),
    ],
    sources: [
      { id: IDS.activeDirectory, name: 'Active Directory', type: 'Active Directory - Direct', policyId: IDS.adPolicy, applications: [] },
      { id: IDS.workday, name: 'Workday', type: 'Workday', policyId: IDS.workdayPolicy, applications: [] },
      {
        id: IDS.gSuite,
        name: 'G Suite',
        type: 'Google Apps',
        policyId: IDS.gSuitePolicy,
        applications: ['Gmail', 'Google Drive', 'Google Calendar'],
      },
    ],
    accounts: [
      {
        id: 'CN=Alice Smith,OU=Staff,DC=corp,DC=example',
        name: 'alice.smith',
        identityId: IDS.alice,
        sourceId: IDS.activeDirectory,
        initialPassword: 'Initial-Alice-AD-1',
      },
      { id: 'WD-100234', name: 'asmith', identityId: IDS.alice, sourceId: IDS.workday, initialPassword: 'Initial-Alice-AD-1' },
      { id: 'alice.smith@corp.example', name: 'alice.smith@corp.example', identityId: IDS.alice, sourceId: IDS.gSuite },
      {
        id: 'CN=Bob Jones,OU=Staff,DC=corp,DC=example',
        name: 'bob.jones',
        identityId: IDS.bob,
        sourceId: IDS.activeDirectory,
        initialPassword: 'Initial-Bob-AD-1',
      },
    ],
    syncGroups: [
      { id: IDS.syncGroup, name: 'Directory and HR', passwordPolicyId: IDS.adPolicy, sourceIds: [IDS.activeDirectory, IDS.workday] },
    ],
    clients: [
      {
        id: 'rekey-extension',
        name: 'Rekey browser extension',
        type: 'PUBLIC',
        grantTypes: ['authorization_code', 'refresh_token'],
        redirectUris: ['https://*.chromiumapp.org/*', 'https://*.extensions.allizom.org/*', 'http://127.0.0.1:*/*'],
        scope: EXTENSION_SCOPES,
        authorities: [],
      },
      {
        id: 'sandbox-admin',
        name: 'Sandbox admin API client',
        type: 'CONFIDENTIAL',
        secret: 'sandbox-secret',
        grantTypes: ['client_credentials'],
        redirectUris: [],
        scope: PASSWORD_SCOPES,
        authorities: ['API', 'ORG_ADMIN'],
      },
    ],
    breachedPasswords: [
      { password: 'Password1!', count: 215_633 },
      { password: 'Summer2026!', count: 1_204 },
      { password: 'Winter2025!', count: 3_877 },
      { password: 'Welcome123!', count: 41_205 },
      { password: 'Passw0rd!2024', count: 2_310 },
      { password: 'Company123!', count: 9_876 },
      { password: 'password', count: 10_434_004 },
      { password: '123456', count: 37_615_252 },
    ],
    dictionary: [
      'password',
      'welcome',
      'summer',
      'winter',
      'spring',
      'autumn',
      'company',
      'sailpoint',
      'letmein',
      'qwerty',
      'dragon',
      'monkey',
      'changeme',
    ],
    orgConfig: null,
  };
}

/** The default seed with the given top-level keys replaced; a string is read as a JSON file. */
export function resolveSeed(seed: Partial<Seed> | string | undefined): Seed {
  const overrides: Partial<Seed> = typeof seed === 'string' ? (JSON.parse(readFileSync(seed, 'utf8')) as Partial<Seed>) : (seed ?? {});
  return { ...defaultSeed(), ...overrides };
}
