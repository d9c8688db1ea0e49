import { describe, expect, it } from 'vitest';
import { failure } from '../fixtures/api-error';
import { configureFor, loadBackground } from '../fixtures/faults/background';
import { tenantForTests } from '../fixtures/tenant/per-file';

/** The worker's tenant directory refuses to send a sign-in anywhere but the tenant's own hosts. */

const tenant = tenantForTests({ statusDelayMs: 0 });

describe('OAuth endpoints outside the tenant', () => {
  it('refuses a token URL someone typed that points elsewhere, before any request goes there', async () => {
    const background = await loadBackground();
    await configureFor(background, tenant, { tokenUrl: 'https://login.evil.example/oauth/token' });
    const error = await failure(background.services.signIn.withClientCredentials('sandbox-admin', 'sandbox-secret'));
    expect(error.messageKey).toBe('errors.untrustedEndpoint');
    expect(error.messageParams).toEqual(['login.evil.example']);
  });

  it('refuses an oauth/info answer that names a foreign sign-in page', async () => {
    const background = await loadBackground();
    await configureFor(background, tenant);
    tenant.injectFault({
      method: 'GET',
      path: '/oauth/info',
      status: 200,
      body: { authorizeEndpoint: 'https://phish.example/oauth/authorize', tokenEndpoint: `${tenant.url}/oauth/token` },
    });
    const error = await failure(background.services.tenant.resolve());
    expect(error.messageKey).toBe('errors.untrustedEndpoint');
  });

  it("accepts the organisation's own policy naming another host (https only)", async () => {
    const background = await loadBackground();
    const managed = { tenant: tenant.url, clientId: 'rekey-extension', tokenUrl: 'https://sso.corp.example/oauth/token' };
    background.browser.storage.managed.get = (async () => managed) as typeof background.browser.storage.managed.get;
    await configureFor(background, tenant);
    const resolved = await background.services.tenant.resolve();
    expect(resolved.endpoints.tokenEndpoint).toBe('https://sso.corp.example/oauth/token');
  });
});
