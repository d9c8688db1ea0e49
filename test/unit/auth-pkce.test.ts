import { describe, expect, it } from 'vitest';
import { ApiError } from '@/utils/api/errors';
import { base64Url, buildAuthorizeUrl, createPkcePair, createState, parseRedirect, s256Challenge } from '@/utils/auth/pkce';

function rejects(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected an ApiError');
}

describe('PKCE', () => {
  it('matches the S256 test vector of RFC 7636 appendix B', async () => {
    expect(await s256Challenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('derives the RFC 7636 verifier from its octets', () => {
    const octets = [
      116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105, 214, 191, 240, 91, 88, 5, 88, 83,
      132, 141, 121,
    ];
    expect(base64Url(Uint8Array.from(octets))).toBe('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk');
  });

  it('makes a fresh 43-character verifier and its challenge each time', async () => {
    const first = await createPkcePair();
    const second = await createPkcePair();
    expect(first.verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.challenge).toBe(await s256Challenge(first.verifier));
    expect(first.verifier).not.toBe(second.verifier);
  });

  it('takes its randomness from the injected source', async () => {
    const pair = await createPkcePair((length) => new Uint8Array(length).fill(0xff));
    expect(pair.verifier).toBe(`${'_'.repeat(42)}8`);
  });

  it('refuses verifiers outside RFC 7636', async () => {
    await expect(s256Challenge('short')).rejects.toThrow(RangeError);
    await expect(s256Challenge('a'.repeat(129))).rejects.toThrow(RangeError);
    await expect(s256Challenge(`${'a'.repeat(42)}+`)).rejects.toThrow(RangeError);
  });

  it('makes unguessable states', () => {
    const states = new Set(Array.from({ length: 50 }, () => createState()));
    expect(states.size).toBe(50);
    for (const state of states) expect(state).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });
});

describe('authorize URL', () => {
  it('carries the code flow parameters with an S256 challenge', () => {
    const url = new URL(
      buildAuthorizeUrl({
        authorizeEndpoint: 'https://acme.login.sailpoint.com/oauth/authorize',
        clientId: 'rekey-extension',
        redirectUri: 'https://abc.chromiumapp.org/',
        state: 'st',
        codeChallenge: 'ch',
        scope: 'idn:password-info:read idn:password-change:manage',
      }),
    );
    expect(url.origin + url.pathname).toBe('https://acme.login.sailpoint.com/oauth/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'rekey-extension',
      redirect_uri: 'https://abc.chromiumapp.org/',
      state: 'st',
      code_challenge: 'ch',
      code_challenge_method: 'S256',
      scope: 'idn:password-info:read idn:password-change:manage',
    });
  });

  it('leaves out the scope when none is asked for and keeps existing query parameters', () => {
    const url = new URL(
      buildAuthorizeUrl({
        authorizeEndpoint: 'https://idp.example/authorize?tenant=acme',
        clientId: 'c',
        redirectUri: 'https://r.example/',
        state: 's',
        codeChallenge: 'x',
      }),
    );
    expect(url.searchParams.get('tenant')).toBe('acme');
    expect(url.searchParams.has('scope')).toBe(false);
  });
});

describe('parseRedirect', () => {
  it('returns the code when the state matches', () => {
    expect(parseRedirect('https://abc.chromiumapp.org/?code=the-code&state=xyz', 'xyz')).toBe('the-code');
  });

  it('reads a fragment response as well', () => {
    expect(parseRedirect('https://abc.chromiumapp.org/#code=frag&state=xyz', 'xyz')).toBe('frag');
  });

  it('rejects a state that does not match, before anything else', () => {
    expect(rejects(() => parseRedirect('https://r.example/?code=c&state=other', 'xyz')).kind).toBe('state-mismatch');
    expect(rejects(() => parseRedirect('https://r.example/?error=access_denied&state=other', 'xyz')).kind).toBe('state-mismatch');
    expect(rejects(() => parseRedirect('https://r.example/?code=c', 'xyz')).kind).toBe('state-mismatch');
    expect(rejects(() => parseRedirect('https://r.example/?code=c&state=', '')).kind).toBe('state-mismatch');
  });

  it('reports a refused sign-in as access-denied', () => {
    const error = rejects(() => parseRedirect('https://r.example/?error=access_denied&error_description=no&state=xyz', 'xyz'));
    expect(error.kind).toBe('access-denied');
    expect(error.messageKey).toBe('errors.accessDenied');
  });

  it('names other OAuth errors, but never echoes arbitrary text', () => {
    expect(rejects(() => parseRedirect('https://r.example/?error=invalid_scope&state=xyz', 'xyz')).messageParams).toEqual([
      'invalid_scope',
    ]);
    expect(rejects(() => parseRedirect('https://r.example/?error=%3Cscript%3E&state=xyz', 'xyz')).messageParams).toEqual(['unknown_error']);
  });

  it('reports a missing code', () => {
    const error = rejects(() => parseRedirect('https://r.example/?state=xyz', 'xyz'));
    expect(error.kind).toBe('authorization-failed');
    expect(error.messageParams).toEqual(['missing_code']);
  });

  it('reports a redirect that is not a URL', () => {
    expect(rejects(() => parseRedirect('not a url', 'xyz')).kind).toBe('authorization-failed');
  });

  it('checks the issuer when the response names one (RFC 9207), and accepts a response that names none', () => {
    const issuers = ['https://acme.login.sailpoint.com', 'https://acme.api.identitynow.com'];
    const redirect = (iss: string) => `https://abc.chromiumapp.org/?code=the-code&state=xyz&iss=${encodeURIComponent(iss)}`;
    expect(parseRedirect(redirect('https://acme.login.sailpoint.com'), 'xyz', issuers)).toBe('the-code');
    const mixUp = rejects(() => parseRedirect(redirect('https://evil.example'), 'xyz', issuers));
    expect(mixUp.kind).toBe('authorization-failed');
    expect(mixUp.detailCode).toBe('issuer_mismatch');
    expect(rejects(() => parseRedirect(redirect('not a url'), 'xyz', issuers)).kind).toBe('authorization-failed');
    expect(parseRedirect('https://abc.chromiumapp.org/?code=the-code&state=xyz', 'xyz', issuers)).toBe('the-code');
  });
});
