import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDS, type SandboxTenant, startTenant, type TokenResponse } from '@/sandbox/tenant';
import { api, expectedHash, submitPassword, waitForStatus } from '../fixtures/tenant/client';

const root = resolve(import.meta.dirname, '../..');
const minimalSeed = resolve(root, 'test/fixtures/tenant/minimal-seed.json');

let tenant: SandboxTenant;

beforeAll(async () => {
  tenant = await startTenant({ statusDelayMs: 0 });
});
afterAll(() => tenant.stop());

async function control(path: string, body?: unknown) {
  const response = await fetch(`${tenant.url}/__sandbox${path}`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) });
  return { status: response.status, body: response.status === 204 ? null : await response.json() };
}

describe('startTenant', () => {
  it('serves the default seed and describes it on the returned object', () => {
    expect(tenant.url).toBe(`http://127.0.0.1:${tenant.port}`);
    expect(tenant.identities.map((identity) => identity.name)).toEqual(['alice', 'bob', 'admin']);
    expect(tenant.sources.map((source) => source.name)).toEqual(['Active Directory', 'Workday', 'G Suite']);
    expect(tenant.sources.find((source) => source.name === 'G Suite')?.applications).toEqual(['Gmail', 'Google Drive', 'Google Calendar']);
    expect(new Set(tenant.sources.map((source) => source.publicKeyId)).size).toBe(3);
    expect(tenant.clients.map((client) => client.id)).toEqual(['rekey-extension', 'sandbox-admin']);
    expect(JSON.stringify(tenant.clients)).not.toContain('sandbox-secret');
    expect(tenant.syncGroups[0]?.sourceIds).toEqual([IDS.activeDirectory, IDS.workday]);
    expect(tenant.config).toMatchObject({
      statusDelayMs: 0,
      accessTokenTtlSeconds: 750,
      // As the specs say: ORG_ADMIN-only on v3, v2024+ and v1 unless a test relaxes it.
      statusRequiresOrgAdmin: true,
      acceptedPaddings: ['pkcs1'],
    });
  });

  it('starts quickly again in the same process (keys are cached) and takes options', async () => {
    const started = performance.now();
    const other = await startTenant({
      seed: minimalSeed,
      statusRequiresOrgAdmin: false,
      acceptedPaddings: ['oaep-sha256'],
      accessTokenTtlSeconds: 60,
    });
    try {
      expect(performance.now() - started).toBeLessThan(500);
      expect(other.port).not.toBe(tenant.port);
      expect(other.tenant.name).toBe('minimal');
      expect(other.identities.map((identity) => identity.name)).toEqual(['carol']);
      expect(other.config).toMatchObject({ statusRequiresOrgAdmin: false, acceptedPaddings: ['oaep-sha256'], accessTokenTtlSeconds: 60 });
      expect(other.issueToken('carol').expires_in).toBe(60);
    } finally {
      await other.stop();
    }
    await expect(fetch(`${other.url}/oauth/info`)).rejects.toThrow();
  });

  it('takes a seed object whose top-level keys replace the default ones', async () => {
    const other = await startTenant({
      seed: {
        breachedPasswords: [],
        orgConfig: { customInstructionsEnabled: true, digitTokenEnabled: true, digitTokenDurationMinutes: 10, digitTokenLength: 8 },
      },
    });
    try {
      const token = other.issueToken('admin').access_token;
      expect(await (await api(other.url, token, '/v3/password-org-config')).json()).toMatchObject({ digitTokenLength: 8 });
      expect(other.identities).toHaveLength(3);
    } finally {
      await other.stop();
    }
  });
});

describe('the control API under /__sandbox/', () => {
  it('describes the tenant and changes its configuration', async () => {
    const info = await control('/info');
    expect(info.body).toMatchObject({ url: tenant.url, tenant: { name: 'sandbox' }, config: { statusDelayMs: 0 } });
    const patched = await control('/config', { statusDelayMs: 250, rateLimit: { requests: 500 } });
    expect(patched.body).toMatchObject({ statusDelayMs: 250, rateLimit: { requests: 500, windowMs: 10_000 } });
    expect(tenant.config.statusDelayMs).toBe(250);
    expect((await control('/config')).body).toMatchObject({ statusDelayMs: 250 });
    tenant.configure({ statusDelayMs: 0, rateLimit: { requests: 100 } });
  });

  it('moves the clock', async () => {
    const before = tenant.now();
    const moved = await control('/clock', { advanceMs: 5_000 });
    expect((moved.body as { offsetMs: number }).offsetMs).toBe(5_000);
    expect(tenant.now() - before).toBeGreaterThanOrEqual(5_000);
    await control('/clock', { offsetMs: 0 });
    expect(((await control('/clock')).body as { offsetMs: number }).offsetMs).toBe(0);
  });

  it('mints tokens, reports account state and counts accepted set-password requests', async () => {
    const minted = await control('/tokens', {
      identity: 'alice',
      scopes: ['idn:password-info:read', 'idn:password-change:manage', 'idn:password-change:read'],
    });
    const token = (minted.body as TokenResponse).access_token;
    const count = ((await control('/stats')).body as { setPasswordCount: number }).setPasswordCount;
    const { response } = await submitPassword(tenant.url, token, {
      userName: 'alice',
      sourceName: 'G Suite',
      password: 'Control-Api-Check-8',
    });
    const { requestId } = (await response.json()) as { requestId: string };
    // beta is where the specs let the identity owner read the status.
    expect((await waitForStatus(tenant.url, token, requestId, 'beta')).state).toBe('FINISHED');
    expect(((await control('/stats')).body as { setPasswordCount: number }).setPasswordCount).toBe(count + 1);
    const account = await control(`/accounts/${encodeURIComponent('alice.smith@corp.example')}`);
    const state = account.body as { passwordHash: string; passwordSalt: string; passwordChangedAt: string };
    expect(state.passwordHash).toBe(expectedHash(state.passwordSalt, 'Control-Api-Check-8'));
    expect(Date.parse(state.passwordChangedAt)).toBeGreaterThan(0);
    expect((await control('/accounts/nobody')).status).toBe(404);
    expect((await control('/tokens', { identity: 'nobody' })).status).toBe(404);
  });

  it('rotates keys and revokes refresh tokens', async () => {
    const rotated = await control(`/sources/${IDS.gSuite}/rotate-key`, {});
    const { publicKeyId } = rotated.body as { publicKeyId: string };
    expect(tenant.sources.find((source) => source.id === IDS.gSuite)?.publicKeyId).toBe(publicKeyId);
    expect((await control('/sources/unknown/rotate-key', {})).status).toBe(404);
    tenant.issueToken('bob');
    tenant.issueToken('alice');
    expect(((await control('/refresh-tokens/revoke', { identity: 'bob' })).body as { revoked: number }).revoked).toBeGreaterThanOrEqual(1);
    expect(((await control('/refresh-tokens/revoke', {})).body as { revoked: number }).revoked).toBeGreaterThanOrEqual(1);
    expect(((await control('/refresh-tokens/revoke', {})).body as { revoked: number }).revoked).toBe(0);
  });

  it('reads and clears the request log, which never holds control calls, bodies or credentials', async () => {
    await control('/request-log/clear', {});
    const tokens = tenant.issueToken('alice');
    await fetch(`${tenant.url}/oauth/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token ?? '', client_id: 'rekey-extension' }),
    });
    await fetch(`${tenant.url}/oauth/authorize?client_id=rekey-extension&code=leaky-code&access_token=leaky-token`);
    const log = (await control('/request-log')).body as Array<{
      path: string;
      clientId: string;
      status: number;
      durationMs: number;
      at: string;
    }>;
    expect(log.map((entry) => entry.path)).toEqual([
      '/oauth/token',
      '/oauth/authorize?client_id=rekey-extension&code=%5Bredacted%5D&access_token=%5Bredacted%5D',
    ]);
    expect(log[0]).toMatchObject({ clientId: 'rekey-extension', status: 200 });
    expect(typeof log[0]?.durationMs).toBe('number');
    const text = tenant.requestLogText();
    for (const secret of [tokens.refresh_token ?? '', tokens.access_token, 'leaky-code', 'leaky-token', '__sandbox'])
      expect(text).not.toContain(secret);
    expect(text.split('\n')).toHaveLength(2);
    tenant.clearRequestLog();
    expect(tenant.requestLog()).toEqual([]);
  });

  it('answers 404 for unknown controls', async () => {
    expect((await control('/nope')).status).toBe(404);
  });
});

describe('npm run tenant', () => {
  it('prints one ready line, serves requests, and stops cleanly on SIGTERM', async () => {
    const child: ChildProcess = spawn(
      process.execPath,
      ['--import', 'tsx', 'sandbox/tenant/cli.ts', '--port', '0', '--seed', minimalSeed],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const url = await new Promise<string>((resolvePromise, reject) => {
      let output = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /^Sandbox tenant ready at (http:\/\/127\.0\.0\.1:\d+)\n/.exec(output);
        if (match?.[1]) resolvePromise(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`exited early with ${code}`)));
    });
    const info = (await (await fetch(`${url}/oauth/info`)).json()) as { tenantName: string };
    expect(info.tenantName).toBe('minimal');
    const exit = new Promise<number | null>((resolvePromise) => child.once('exit', (code) => resolvePromise(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  });
});
