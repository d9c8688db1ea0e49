import { describe, expect, it } from 'vitest';
import { isMatchPattern, matchesPattern, parseExpirySites, permissionOrigin, sourceForPage } from '@/utils/expiry/sites';

describe('watched expiry sites', () => {
  it('reads admin entries with an optional source after a bar and drops invalid patterns', () => {
    expect(
      parseExpirySites(['https://sso.corp.example/* | Active Directory', 'https://*.okta.com/*', 'not a pattern', 'ftp://x/*']),
    ).toEqual([
      { pattern: 'https://sso.corp.example/*', sourceName: 'Active Directory' },
      { pattern: 'https://*.okta.com/*', sourceName: null },
    ]);
  });

  it('accepts Chrome match patterns only', () => {
    expect(isMatchPattern('https://*.example.com/login/*')).toBe(true);
    expect(isMatchPattern('http://127.0.0.1/*')).toBe(true);
    expect(isMatchPattern('*://portal.example.com/*')).toBe(true);
    expect(isMatchPattern('https://ex*ample.com/*')).toBe(false);
    expect(isMatchPattern('https://example.com')).toBe(false);
  });

  it('matches scheme, host wildcards and path globs like the browser does', () => {
    expect(matchesPattern('https://acme.okta.com/signin', 'https://*.okta.com/*')).toBe(true);
    expect(matchesPattern('https://okta.com/', 'https://*.okta.com/*')).toBe(true);
    expect(matchesPattern('https://evilokta.com/', 'https://*.okta.com/*')).toBe(false);
    expect(matchesPattern('http://acme.okta.com/', 'https://*.okta.com/*')).toBe(false);
    expect(matchesPattern('https://sso.corp.example/adfs/ls?x=1', 'https://sso.corp.example/adfs/*')).toBe(true);
    expect(matchesPattern('https://sso.corp.example/other', 'https://sso.corp.example/adfs/*')).toBe(false);
    expect(matchesPattern('http://127.0.0.1:8080/expired', 'http://127.0.0.1/*')).toBe(true);
    expect(matchesPattern('not a url', 'https://*/*')).toBe(false);
  });

  it('finds the source a page is about: the admin mapping first, else the first configured source', () => {
    const sites = parseExpirySites(['https://sso.corp.example/* | G Suite']);
    expect(sourceForPage('https://sso.corp.example/expired', sites, ['Active Directory', 'G Suite'])).toBe('G Suite');
    expect(sourceForPage('https://login.microsoftonline.com/', sites, ['Active Directory', 'G Suite'])).toBe('Active Directory');
    expect(sourceForPage('https://sso.corp.example/', parseExpirySites(['https://sso.corp.example/* | Gone']), ['Active Directory'])).toBe(
      'Active Directory',
    );
    expect(sourceForPage('https://x.example/', [], [])).toBeNull();
  });

  it('asks for host access without ports or paths', () => {
    expect(permissionOrigin('https://sso.corp.example/adfs/*')).toBe('https://sso.corp.example/*');
    expect(permissionOrigin('http://127.0.0.1:8080/*')).toBe('http://127.0.0.1/*');
    expect(permissionOrigin('https://*.okta.com/*')).toBe('https://*.okta.com/*');
  });
});
