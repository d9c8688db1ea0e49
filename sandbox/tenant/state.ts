import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { pooledKeyPair, type SourceKeyPair } from './keys';
import type {
  FaultSpec,
  RequestLogEntry,
  Seed,
  SeedAccount,
  SeedClient,
  SeedIdentity,
  SeedOrgConfig,
  SeedPolicy,
  SeedSource,
  SeedSyncGroup,
  TenantConfig,
  TenantConfigPatch,
} from './types';

export interface SourceKey {
  publicKeyId: string;
  pair: SourceKeyPair;
}

export interface AccountRecord {
  seed: SeedAccount;
  salt: string;
  /** Hashes of the current and previous passwords, newest last. */
  history: string[];
  changedAt: number | null;
}

export interface ChangeTarget {
  accountId: string;
  sourceId: string;
  /** Salted hash for this account; null when the payload did not decrypt. */
  hash: string | null;
  policyErrors: string[];
}

export interface PasswordRequest {
  id: string;
  identityId: string;
  settleAt: number;
  state: 'IN_PROGRESS' | 'FINISHED' | 'FAILED';
  errors: string[];
  sourceIds: string[];
  /** Only while IN_PROGRESS; holds hashes, never the password. */
  targets: ChangeTarget[];
}

export interface AuthCode {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  identityId: string;
  scope: string[];
  expiresAt: number;
  used: boolean;
  /** Refresh tokens minted from it, revoked if the code is replayed (RFC 6749 §4.1.2). */
  refreshJtis: string[];
}

export interface RefreshRecord {
  clientId: string;
  identityId: string;
  scope: string[];
  expiresAt: number;
}

export interface ActiveFault extends FaultSpec {
  id: string;
  remaining: number;
}

export function hashPassword(salt: string, password: string): string {
  return createHash('sha256').update(`${salt}:${password}`).digest('hex');
}

/** Everything a running sandbox tenant knows; handlers read and change it. */
export class TenantState {
  readonly jwtSecret = randomBytes(32);
  readonly identities = new Map<string, SeedIdentity>();
  readonly policies = new Map<string, SeedPolicy>();
  readonly sources = new Map<string, SeedSource>();
  readonly syncGroups = new Map<string, SeedSyncGroup>();
  readonly clients = new Map<string, SeedClient>();
  readonly accounts = new Map<string, AccountRecord>();
  readonly keys = new Map<string, SourceKey>();
  readonly authCodes = new Map<string, AuthCode>();
  readonly refreshTokens = new Map<string, RefreshRecord>();
  readonly requests = new Map<string, PasswordRequest>();
  readonly pending: PasswordRequest[] = [];
  readonly rateBuckets = new Map<string, number[]>();
  readonly faults: ActiveFault[] = [];
  readonly log: RequestLogEntry[] = [];
  readonly createdAt: number;
  orgConfig: SeedOrgConfig | null;
  clockOffset = 0;
  logSeq = 0;
  acceptedSetPasswords = 0;
  private nextKeyIndex = 0;

  constructor(
    readonly seed: Seed,
    readonly config: TenantConfig,
    private readonly baseClock: () => number,
  ) {
    for (const identity of seed.identities) this.identities.set(identity.id, identity);
    for (const policy of seed.policies) this.policies.set(policy.id, policy);
    for (const source of seed.sources) this.sources.set(source.id, source);
    for (const group of seed.syncGroups) this.syncGroups.set(group.id, group);
    for (const client of seed.clients) this.clients.set(client.id, client);
    for (const account of seed.accounts) {
      const salt = randomBytes(8).toString('hex');
      const history = account.initialPassword === undefined ? [] : [hashPassword(salt, account.initialPassword)];
      this.accounts.set(account.id, { seed: account, salt, history, changedAt: null });
    }
    this.orgConfig = seed.orgConfig ? { ...seed.orgConfig } : null;
    this.createdAt = this.now();
  }

  now(): number {
    return this.baseClock() + this.clockOffset;
  }

  /** Give every source its first key (or `sourceId` a fresh one), from the process-wide pool. */
  async assignKey(sourceId: string): Promise<string> {
    const pair = await pooledKeyPair(this.nextKeyIndex++);
    const publicKeyId = randomBytes(16).toString('hex');
    this.keys.set(sourceId, { publicKeyId, pair });
    return publicKeyId;
  }

  identity(idOrName: string): SeedIdentity | undefined {
    const lower = idOrName.toLowerCase();
    return this.identities.get(idOrName) ?? [...this.identities.values()].find((identity) => identity.name.toLowerCase() === lower);
  }

  sourceByName(name: string): SeedSource | undefined {
    const lower = name.toLowerCase();
    return [...this.sources.values()].find((source) => source.name.toLowerCase() === lower || source.id === name);
  }

  syncGroupOf(sourceId: string): SeedSyncGroup | undefined {
    return [...this.syncGroups.values()].find((group) => group.sourceIds.includes(sourceId));
  }

  /** The policy that governs a source's passwords: its sync group's, else its own. */
  effectivePolicy(sourceId: string): SeedPolicy | undefined {
    const group = this.syncGroupOf(sourceId);
    const source = this.sources.get(sourceId);
    return this.policies.get(group?.passwordPolicyId ?? source?.policyId ?? '');
  }

  accountsOf(identityId: string, sourceId: string): AccountRecord[] {
    return [...this.accounts.values()].filter((account) => account.seed.identityId === identityId && account.seed.sourceId === sourceId);
  }

  applyConfig(patch: TenantConfigPatch): TenantConfig {
    const { rateLimit, ...rest } = patch;
    for (const [key, value] of Object.entries(rest)) {
      if (value !== undefined) (this.config as unknown as Record<string, unknown>)[key] = value;
    }
    if (rateLimit) this.config.rateLimit = { ...this.config.rateLimit, ...rateLimit };
    return this.config;
  }

  newRequestId(): string {
    return randomUUID().replaceAll('-', '');
  }
}
