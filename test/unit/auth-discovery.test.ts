import { describe, expect, it } from 'vitest';
import type { FetchLike } from '@/utils/api/http';
import { discover } from '@/utils/auth/discovery';
import { failure } from '../fixtures/api-error';

const info = {
  tenantId: 't-1',
  tenantName: 'acme',
  authorizeEndpoint: 'https://acme.login.sailpoint.com/oauth/authorize',
  tokenEndpoint: 'https://acme.api.identitynow.com/oauth/token',
  cloudDomainUrl: 'https://acme.identitynow.com',
  logoutUrl: 'https://acme.login.sailpoint.com/logout',
  pod: 'stg01',
  unknownField: 'ignored',
};

function answering(status: number, body: unknown, contentType = 'application/json') {
  const urls: string[] = [];
  const fetch: FetchLike = async (url) => {
    urls.push(url);
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
  };
  return { fetch, urls };
}

describe('discover', () => {
  it('reads the endpoints from /oauth/info', async () => {
    const { fetch, urls } = answering(200, info);
    expect(await discover('https://acme.api.identitynow.com/', fetch)).toEqual({
      tenantId: 't-1',
      tenantName: 'acme',
      authorizeEndpoint: info.authorizeEndpoint,
      tokenEndpoint: info.tokenEndpoint,
      cloudDomainUrl: info.cloudDomainUrl,
      logoutUrl: info.logoutUrl,
      pod: 'stg01',
      source: 'oauth-info',
    });
    expect(urls).toEqual(['https://acme.api.identitynow.com/oauth/info']);
  });

  it('lets endpoints configured in settings win', async () => {
    const { fetch } = answering(200, info);
    const result = await discover('https://acme.api.identitynow.com', fetch, {
      overrides: { tokenEndpoint: 'https://proxy.example/token' },
    });
    expect(result.tokenEndpoint).toBe('https://proxy.example/token');
    expect(result.authorizeEndpoint).toBe(info.authorizeEndpoint);
  });

  it('builds the usual endpoints for a real tenant without /oauth/info', async () => {
    const { fetch } = answering(404, { detailCode: '404 Not found', messages: [] });
    expect(await discover('https://acme.api.identitynow.com', fetch)).toEqual({
      tenantName: 'acme',
      authorizeEndpoint: 'https://acme.login.sailpoint.com/oauth/authorize',
      tokenEndpoint: 'https://acme.api.identitynow.com/oauth/token',
      source: 'fallback',
    });
  });

  it('uses both configured endpoints when a vanity domain has no /oauth/info', async () => {
    const { fetch } = answering(404, 'Not Found', 'text/plain');
    const overrides = { authorizeEndpoint: 'https://sso.corp.example/authorize', tokenEndpoint: 'https://id.corp.example/oauth/token' };
    expect(await discover('https://id.corp.example', fetch, { overrides })).toEqual({ ...overrides, source: 'fallback' });
  });

  it.each([
    ['a 404 from a host that is not a SailPoint tenant', 'https://www.corp.example', 404, '<html>not found</html>'],
    ['an HTML page at /oauth/info', 'https://acme.api.identitynow.com', 200, '<!doctype html><html></html>'],
    ['a 401', 'https://www.corp.example', 401, { error: 'nope' }],
  ])('reports %s as a wrong tenant', async (_name, base, status, body) => {
    const { fetch } = answering(status, body, typeof body === 'string' ? 'text/html' : 'application/json');
    const error = await failure(discover(base, fetch));
    expect(error.kind).toBe('wrong-tenant');
    expect(error.messageParams).toEqual([new URL(base).host]);
  });

  it.each([
    ['endpoints missing', { tenantName: 'acme' }],
    ['an endpoint that is not a URL', { ...info, tokenEndpoint: 'token' }],
    ['a token endpoint over plain http', { ...info, tokenEndpoint: 'http://acme.api.identitynow.com/oauth/token' }],
  ])('rejects /oauth/info with %s as invalid-response', async (_name, body) => {
    const { fetch } = answering(200, body);
    expect((await failure(discover('https://acme.api.identitynow.com', fetch))).kind).toBe('invalid-response');
  });

  it('allows plain http endpoints on loopback (the sandbox)', async () => {
    const local = { authorizeEndpoint: 'http://127.0.0.1:4000/oauth/authorize', tokenEndpoint: 'http://127.0.0.1:4000/oauth/token' };
    const { fetch } = answering(200, local);
    expect(await discover('http://127.0.0.1:4000', fetch)).toEqual({ ...local, source: 'oauth-info' });
  });

  it('maps network failures', async () => {
    const failing =
      (code: string): FetchLike =>
      async () => {
        throw Object.assign(new TypeError('fetch failed'), { cause: { code } });
      };
    expect((await failure(discover('https://nope.api.identitynow.com', failing('ENOTFOUND')))).kind).toBe('wrong-tenant');
    expect((await failure(discover('https://id.corp.example', failing('ENOTFOUND')))).kind).toBe('unreachable');
    expect((await failure(discover('http://127.0.0.1:1', failing('ECONNREFUSED')))).kind).toBe('unreachable');
  });

  it('maps a server error and a rate limit', async () => {
    expect((await failure(discover('https://acme.api.identitynow.com', answering(503, {}).fetch))).kind).toBe('server');
    const limited: FetchLike = async () => new Response('{}', { status: 429, headers: { 'Retry-After': '30' } });
    const error = await failure(discover('https://acme.api.identitynow.com', limited));
    expect(error).toMatchObject({ kind: 'rate-limited', retryAfterMs: 30_000, messageParams: ['30'] });
  });
});
