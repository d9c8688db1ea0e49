import { describe, expect, it } from 'vitest';
import { explainAdminError } from '@/utils/admin/explain';
import { requestDigitToken } from '@/utils/admin/operations';
import { toUserError } from '@/utils/api/errors';
import { failure } from '../fixtures/api-error';
import { clientAs } from '../fixtures/tenant/client';
import { tenantForTests } from '../fixtures/tenant/per-file';

const tenant = tenantForTests({ statusDelayMs: 0 }, (sandbox) => {
  sandbox.clearRequestLog();
  sandbox.configure({ rateLimit: { requests: 1000, windowMs: 10_000 } });
});

describe('helpdesk digit token over HTTP', () => {
  it.each(['beta', 'v2024', 'v2025'] as const)('is issued on %s as a string of the requested length', async (version) => {
    const token = await requestDigitToken(clientAs(tenant, 'admin', version), { userId: 'alice', length: 8, durationMinutes: 1 });
    expect(token).toMatchObject({ version, durationMinutes: 1 });
    expect(token.digitToken).toMatch(/^\d{8}$/);
    expect(token.requestId).toBeTruthy();
  });

  it('issues up to 18 digits', async () => {
    const token = await requestDigitToken(clientAs(tenant, 'admin', 'v2024'), { userId: 'bob', length: 18, durationMinutes: 60 });
    expect(token.digitToken).toMatch(/^\d{18}$/);
  });

  it('keeps leading zeros', async () => {
    const client = clientAs(tenant, 'admin', 'v2024');
    let token = '';
    // One token in ten starts with 0; 200 tries miss with probability 0.9^200 ≈ 7e-10.
    for (let attempt = 0; attempt < 200 && !token.startsWith('0'); attempt++) {
      token = (await requestDigitToken(client, { userId: 'alice', length: 6, durationMinutes: 1 })).digitToken;
    }
    expect(token).toMatch(/^0\d{5}$/);
  });

  it('is refused on v3 without a request, naming the versions that have it', async () => {
    const error = await failure(requestDigitToken(clientAs(tenant, 'admin', 'v3'), { userId: 'alice', length: 6, durationMinutes: 5 }));
    expect(error.kind).toBe('unsupported-in-version');
    expect(explainAdminError('digitToken', toUserError(error))).toEqual({
      key: 'admin.digit.unsupported',
      params: ['v3', 'beta, v2024, v2025, v2026'],
    });
    expect(tenant.requestLog().filter((entry) => entry.path.includes('generate-password-reset-token'))).toEqual([]);
  });

  it('explains an unknown user id (the 400 the spec documents)', async () => {
    const error = await failure(requestDigitToken(clientAs(tenant, 'admin', 'v2024'), { userId: 'nobody', length: 6, durationMinutes: 5 }));
    expect(error).toMatchObject({ kind: 'not-found', status: 400 });
    expect(explainAdminError('digitToken', toUserError(error)).key).toBe('admin.digit.userNotFound');
  });

  it('passes on ISC’s 400 for a duration over 60 minutes', async () => {
    const error = await failure(requestDigitToken(clientAs(tenant, 'admin', 'v2025'), { userId: 'alice', length: 6, durationMinutes: 61 }));
    expect(error).toMatchObject({ kind: 'bad-request', status: 400 });
    expect(error.serverMessage).toMatch(/1 to 60/);
  });

  it('explains a 403 for an employee with the scope that is missing', async () => {
    const error = await failure(requestDigitToken(clientAs(tenant, 'alice', 'v2024'), { userId: 'bob', length: 6, durationMinutes: 5 }));
    expect(error.status).toBe(403);
    expect(explainAdminError('digitToken', toUserError(error)).params).toEqual(['idn:password-digit-token:create', 'ORG_ADMIN']);
  });

  it('reports 429 as rate-limited and never sends the request twice', async () => {
    tenant.injectFault({ method: 'POST', path: '/v2024/generate-password-reset-token/digit', status: 429 });
    const error = await failure(requestDigitToken(clientAs(tenant, 'admin', 'v2024'), { userId: 'alice', length: 6, durationMinutes: 5 }));
    expect(error).toMatchObject({ kind: 'rate-limited', status: 429 });
    expect(tenant.requestLog().filter((entry) => entry.path === '/v2024/generate-password-reset-token/digit')).toHaveLength(1);
  });

  it('leaves no token in the tenant’s request log', async () => {
    const token = await requestDigitToken(clientAs(tenant, 'admin', 'v2024'), { userId: 'alice', length: 12, durationMinutes: 1 });
    expect(tenant.requestLogText()).not.toContain(token.digitToken);
  });
});
