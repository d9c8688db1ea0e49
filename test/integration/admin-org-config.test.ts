import { describe, expect, it } from 'vitest';
import { explainAdminError } from '@/utils/admin/explain';
import { readOrgConfig, writeOrgConfig } from '@/utils/admin/operations';
import { ORG_CONFIG_DEFAULTS, validateOrgConfig } from '@/utils/admin/org-config';
import { type ApiError, toUserError } from '@/utils/api/errors';
import { failure } from '../fixtures/api-error';
import { api, clientAs, clientCredentials, clientWithToken } from '../fixtures/tenant/client';
import { tenantForTests } from '../fixtures/tenant/per-file';

const tenant = tenantForTests({ statusDelayMs: 0 }, (sandbox) => sandbox.configure({ rateLimit: { requests: 1000, windowMs: 10_000 } }));

async function storedConfig(): Promise<{ status: number; body: unknown }> {
  const response = await api(tenant.url, tenant.issueToken('admin').access_token, '/v3/password-org-config');
  return { status: response.status, body: await response.json() };
}

describe('password org config over HTTP', () => {
  it('reads a fresh tenant (404) as "not created yet" with the documented defaults', async () => {
    expect(await readOrgConfig(clientAs(tenant, 'admin'))).toEqual({ exists: false, config: ORG_CONFIG_DEFAULTS });
  });

  it('cannot update (PUT) what does not exist: 404', async () => {
    const error = await failure(writeOrgConfig(clientAs(tenant, 'admin'), ORG_CONFIG_DEFAULTS, true));
    expect(error).toMatchObject({ kind: 'not-found', status: 404 });
    expect((await storedConfig()).status).toBe(404);
  });

  it('creates it with POST, and the tenant keeps it', async () => {
    const values = { customInstructionsEnabled: true, digitTokenEnabled: true, digitTokenLength: 8, digitTokenDurationMinutes: 10 };
    expect(await writeOrgConfig(clientAs(tenant, 'admin'), values, false)).toEqual({ exists: true, config: values });
    expect(await storedConfig()).toEqual({ status: 200, body: values });
    expect(await readOrgConfig(clientAs(tenant, 'admin', 'v2025'))).toEqual({ exists: true, config: values });
  });

  it('refuses a second create with 400 and ISC’s explanation', async () => {
    const error = await failure(writeOrgConfig(clientAs(tenant, 'admin'), ORG_CONFIG_DEFAULTS, false));
    expect(error).toMatchObject({ kind: 'bad-request', status: 400, messageKey: 'errors.badRequest' });
    expect(error.serverMessage).toMatch(/already exists/);
    expect(error.trackingId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('updates it with PUT through an API client (client credentials)', async () => {
    const token = (await clientCredentials(tenant.url)).access_token;
    const values = { customInstructionsEnabled: false, digitTokenEnabled: true, digitTokenLength: 12, digitTokenDurationMinutes: 3 };
    expect(await writeOrgConfig(clientWithToken(tenant.url, token, 'v2024'), values, true)).toEqual({ exists: true, config: values });
    expect((await storedConfig()).body).toEqual(values);
  });

  it('rejects exactly what the form rejects (400 at the limits’ edges)', async () => {
    const cases: Array<[length: number, duration: number]> = [
      [5, 5],
      [6, 5],
      [18, 5],
      [19, 5],
      [6, 0],
      [6, 1],
      [6, 60],
      [6, 61],
    ];
    for (const [length, duration] of cases) {
      const draft = {
        customInstructionsEnabled: false,
        digitTokenEnabled: true,
        digitTokenLength: String(length),
        digitTokenDurationMinutes: String(duration),
      };
      const formAccepts = validateOrgConfig(draft).ok;
      const result = await clientAs(tenant, 'admin')
        .updateOrgConfig({ digitTokenEnabled: true, digitTokenLength: length, digitTokenDurationMinutes: duration })
        .then(
          () => 'accepted',
          (error: ApiError) => error.kind,
        );
      expect(result, `length ${length}, duration ${duration}`).toBe(formAccepts ? 'accepted' : 'bad-request');
    }
  });

  it('explains a 403 with the scope and role that are missing', async () => {
    const alice = clientAs(tenant, 'alice');
    const readError = await failure(readOrgConfig(alice));
    expect(readError).toMatchObject({ kind: 'forbidden', status: 403 });
    expect(explainAdminError('orgConfigRead', toUserError(readError))).toMatchObject({
      key: 'admin.error.forbidden',
      params: ['idn:password-org-config:read', 'ORG_ADMIN'],
      trackingId: readError.trackingId,
    });

    // May read but not write: the write is what ISC refuses.
    const reader = clientAs(tenant, 'alice', 'v3', ['idn:password-org-config:read']);
    expect((await readOrgConfig(reader)).exists).toBe(true);
    const writeError = await failure(writeOrgConfig(reader, ORG_CONFIG_DEFAULTS, true));
    expect(writeError.status).toBe(403);
    expect(explainAdminError('orgConfigWrite', toUserError(writeError)).params[0]).toContain('idn:password-org-config:write');
  });

  it('reports 429 as rate-limited with the seconds to wait', async () => {
    tenant.injectFault({ method: 'GET', path: '/v3/password-org-config', status: 429 });
    const error = await failure(readOrgConfig(clientAs(tenant, 'admin')));
    expect(error).toMatchObject({ kind: 'rate-limited', status: 429, messageKey: 'errors.rateLimited' });
    expect(Number(error.messageParams[0])).toBeGreaterThanOrEqual(1);
  });
});

describe('password org config: the form the specs allow', () => {
  it('reads a 400 that says the config does not exist as "not created yet", like the sandbox\'s 404', async () => {
    tenant.injectFault({
      method: 'GET',
      path: '/v3/password-org-config',
      status: 400,
      body: { messages: [{ text: 'The password org config does not exist.' }] },
    });
    expect(await readOrgConfig(clientAs(tenant, 'admin'))).toEqual({ exists: false, config: ORG_CONFIG_DEFAULTS });
  });

  it('still reports any other 400', async () => {
    tenant.injectFault({ method: 'GET', path: '/v3/password-org-config', status: 400 });
    expect(await failure(readOrgConfig(clientAs(tenant, 'admin')))).toMatchObject({ kind: 'bad-request', status: 400 });
  });
});
