import { describe, expect, it } from 'vitest';
import { normalizeTenant } from '@/utils/auth/tenant';

const acme = {
  ok: true,
  apiBaseUrl: 'https://acme.api.identitynow.com',
  tenantName: 'acme',
  origins: ['https://acme.api.identitynow.com/*', 'https://acme.login.sailpoint.com/*'],
};

describe('normalizeTenant', () => {
  it.each([
    'acme',
    'ACME',
    '  acme  ',
    'acme.identitynow.com',
    'acme.api.identitynow.com',
    'https://acme.api.identitynow.com/',
    'https://acme.api.identitynow.com/v3/query-password-info',
    'https://acme.identitynow.com',
    'https://acme.identitynow.com/ui/d/dashboard',
    'https://acme.login.sailpoint.com/oauth/authorize',
    'HTTPS://Acme.API.IdentityNow.com',
  ])('reads %j as the acme tenant', (input) => {
    expect(normalizeTenant(input)).toEqual(acme);
  });

  it('keeps hyphenated sandbox tenant names', () => {
    expect(normalizeTenant('acme-sb')).toMatchObject({
      ok: true,
      apiBaseUrl: 'https://acme-sb.api.identitynow.com',
      tenantName: 'acme-sb',
    });
  });

  it.each([
    ['https://id.corp.example', 'https://id.corp.example', ['https://id.corp.example/*']],
    ['https://id.corp.example/some/path', 'https://id.corp.example', ['https://id.corp.example/*']],
    ['https://id.corp.example:8443/', 'https://id.corp.example:8443', ['https://id.corp.example/*']],
    ['id.corp.example', 'https://id.corp.example', ['https://id.corp.example/*']],
  ])('accepts the vanity domain %j at its origin, leaving the tenant name to discovery', (input, apiBaseUrl, origins) => {
    expect(normalizeTenant(input)).toEqual({ ok: true, apiBaseUrl, origins });
  });

  it.each([
    ['http://127.0.0.1:4321', 'http://127.0.0.1:4321', ['http://127.0.0.1/*']],
    ['http://127.0.0.1:4321/', 'http://127.0.0.1:4321', ['http://127.0.0.1/*']],
    ['http://localhost:8080/oauth/info', 'http://localhost:8080', ['http://localhost/*']],
    ['127.0.0.1:4321', 'http://127.0.0.1:4321', ['http://127.0.0.1/*']],
    ['http://[::1]:9000', 'http://[::1]:9000', ['http://[::1]/*']],
    ['https://localhost:8443', 'https://localhost:8443', ['https://localhost/*']],
  ])('accepts the loopback sandbox %j over plain http', (input, apiBaseUrl, origins) => {
    expect(normalizeTenant(input)).toEqual({ ok: true, apiBaseUrl, origins });
  });

  it('refuses plain http anywhere but loopback', () => {
    expect(normalizeTenant('http://acme.api.identitynow.com')).toEqual({
      ok: false,
      messageKey: 'errors.tenantInsecureHttp',
      params: ['http://acme.api.identitynow.com'],
    });
    expect(normalizeTenant('http://10.0.0.5:8080')).toMatchObject({ ok: false, messageKey: 'errors.tenantInsecureHttp' });
  });

  it('asks for input when it is empty', () => {
    expect(normalizeTenant('   ')).toEqual({ ok: false, messageKey: 'errors.tenantEmpty', params: [] });
  });

  it.each([
    'acme corp',
    'ftp://acme.example',
    'javascript:alert(1)',
    'https://user:pw@acme.api.identitynow.com',
    '-acme',
    'acme_corp',
    'https://',
    'https://.identitynow.com',
    'https://identitynow.com',
    'https://api.identitynow.com',
    'https://a.b.api.identitynow.com',
    'https://bad_host.example',
    '://acme',
    'acme..example',
  ])('rejects %j with a message that quotes it', (input) => {
    const result = normalizeTenant(input);
    expect(result).toMatchObject({ ok: false, messageKey: 'errors.tenantInvalid' });
    if (!result.ok) expect(result.params[0]).toBe(input.trim());
  });

  it('shortens very long input in the message', () => {
    const result = normalizeTenant(`https://${'x'.repeat(300)}`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.params[0]!.length).toBeLessThanOrEqual(80);
  });
});
