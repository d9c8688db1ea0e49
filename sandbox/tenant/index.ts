/**
 * The sandbox Identity Security Cloud tenant: a real HTTP server on 127.0.0.1 implementing the parts
 * of ISC that Rekey uses (see README.md). Tests, the demo and the benchmarks start it in-process.
 */
import type { AddressInfo } from 'node:net';
import { createControls } from './controls';
import { resolveSeed } from './seed';
import { createTenantServer } from './server';
import { TenantState } from './state';
import type { SandboxTenant, TenantConfig, TenantOptions } from './types';

export { defaultSeed, EXTENSION_SCOPES, IDS, PASSWORD_SCOPES } from './seed';
export type * from './types';

export const DEFAULT_CONFIG: TenantConfig = {
  statusDelayMs: 1500,
  accessTokenTtlSeconds: 750,
  refreshTokenTtlSeconds: 86_400,
  // As the specs say for v3, v2024+ and v1 (beta answers the identity owner): employees take the fallback.
  statusRequiresOrgAdmin: true,
  staleKey: 'reject',
  acceptedPaddings: ['pkcs1'],
  rateLimit: { requests: 100, windowMs: 10_000 },
  failSource: null,
};

function initialConfig(options: TenantOptions): TenantConfig {
  return {
    statusDelayMs: options.statusDelayMs ?? DEFAULT_CONFIG.statusDelayMs,
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? DEFAULT_CONFIG.accessTokenTtlSeconds,
    refreshTokenTtlSeconds: options.refreshTokenTtlSeconds ?? DEFAULT_CONFIG.refreshTokenTtlSeconds,
    statusRequiresOrgAdmin: options.statusRequiresOrgAdmin ?? DEFAULT_CONFIG.statusRequiresOrgAdmin,
    staleKey: options.staleKey ?? DEFAULT_CONFIG.staleKey,
    acceptedPaddings: [...(options.acceptedPaddings ?? DEFAULT_CONFIG.acceptedPaddings)],
    rateLimit: { ...DEFAULT_CONFIG.rateLimit, ...options.rateLimit },
    failSource: null,
  };
}

export async function startTenant(options: TenantOptions = {}): Promise<SandboxTenant> {
  const seed = resolveSeed(options.seed);
  const state = new TenantState(seed, initialConfig(options), options.now ?? Date.now);
  await Promise.all(seed.sources.map((source) => state.assignKey(source.id)));
  const controls = createControls(state);
  let url = '';
  const server = createTenantServer(state, controls, () => url);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  url = `http://127.0.0.1:${port}`;
  const info = controls.seedInfo();
  return {
    ...info,
    get sources() {
      return controls.seedInfo().sources;
    },
    url,
    port,
    config: state.config,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
    configure: controls.configure,
    injectFault: controls.injectFault,
    clearFaults: controls.clearFaults,
    rotateKey: controls.rotateKey,
    revokeRefreshTokens: controls.revokeRefreshTokens,
    advanceClock: controls.advanceClock,
    setClockOffset: controls.setClockOffset,
    now: controls.now,
    requestLog: () => state.log.map((entry) => ({ ...entry })),
    requestLogText: controls.requestLogText,
    clearRequestLog: controls.clearRequestLog,
    accountState: controls.accountState,
    issueToken: controls.issueToken,
    setPasswordCount: controls.setPasswordCount,
  };
}
