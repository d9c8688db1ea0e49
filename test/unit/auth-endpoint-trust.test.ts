import { describe, expect, it } from 'vitest';
import { belongsToTenant, isSecureUrl } from '@/utils/auth/endpoint-trust';
import { applyUserEdit, resolveSettings } from '@/utils/settings/effective';

const acme = { apiBaseUrl: 'https://acme.api.identitynow.com', tenantName: 'acme' };

describe('where sign-in codes and tokens may go', () => {
  it('only over https, or plain http on loopback (the sandbox)', () => {
    expect(isSecureUrl('https://acme.login.sailpoint.com/oauth/authorize')).toBe(true);
    expect(isSecureUrl('http://127.0.0.1:8443/oauth/token')).toBe(true);
    expect(isSecureUrl('http://localhost/oauth/token')).toBe(true);
    expect(isSecureUrl('http://acme.api.identitynow.com/oauth/token')).toBe(false);
    expect(isSecureUrl('ftp://acme.api.identitynow.com/')).toBe(false);
    expect(isSecureUrl('not a url')).toBe(false);
  });

  it("only to the tenant's own hosts", () => {
    expect(belongsToTenant('https://acme.login.sailpoint.com/oauth/authorize', acme)).toBe(true);
    expect(belongsToTenant('https://acme.api.identitynow.com/oauth/token', acme)).toBe(true);
    expect(belongsToTenant('https://evil.example/oauth/token', acme)).toBe(false);
    expect(belongsToTenant('https://other.login.sailpoint.com/oauth/authorize', acme)).toBe(false);
    expect(belongsToTenant('https://acme.login.sailpoint.com.evil.example/oauth/authorize', acme)).toBe(false);
    expect(belongsToTenant('http://acme.api.identitynow.com/oauth/token', acme)).toBe(false);
    // A vanity domain: its own host, and SailPoint's hosts for the name its oauth/info gave.
    const vanity = { apiBaseUrl: 'https://iam.acme.example', tenantName: 'acme' };
    expect(belongsToTenant('https://iam.acme.example/oauth/token', vanity)).toBe(true);
    expect(belongsToTenant('https://acme.login.sailpoint.com/oauth/authorize', vanity)).toBe(true);
    expect(belongsToTenant('https://login.acme.example/oauth/authorize', vanity)).toBe(false);
  });
});

describe('endpoint settings', () => {
  it('refuse plain-http OAuth and breach-check addresses outside loopback', () => {
    const { invalid } = applyUserEdit(
      {},
      { tokenUrl: 'http://acme.example/oauth/token', authorizeUrl: 'http://acme.example/a', breachEndpoint: 'http://range.example' },
      [],
    );
    expect(invalid.map((entry) => entry.key).sort()).toEqual(['authorizeUrl', 'breachEndpoint', 'tokenUrl']);
    expect(applyUserEdit({}, { tokenUrl: 'http://127.0.0.1:9000/oauth/token' }, []).invalid).toEqual([]);
  });

  it('follow a locked tenant: the policy values or the defaults, never what someone typed, and not editable', () => {
    const user = {
      tokenUrl: 'https://evil.example/oauth/token',
      authorizeUrl: 'https://evil.example/authorize',
      breachEndpoint: 'https://evil.example',
    };
    const locked = resolveSettings(user, { tenant: 'acme', locked: true });
    expect(locked.settings.tokenUrl).toBe('');
    expect(locked.settings.authorizeUrl).toBe('');
    expect(locked.settings.breachEndpoint).toBe('https://api.pwnedpasswords.com');
    expect(locked.lockedKeys).toEqual(expect.arrayContaining(['tenant', 'tokenUrl', 'authorizeUrl', 'breachEndpoint']));
    expect(applyUserEdit({}, { tokenUrl: 'https://evil.example/t' }, locked.lockedKeys).refused).toEqual(['tokenUrl']);
    // Without a lock the person's own choice stands (discovery then refuses a foreign host at sign-in).
    expect(resolveSettings(user, { tenant: 'acme' }).settings.tokenUrl).toBe('https://evil.example/oauth/token');
  });
});
