import { ApiError } from '@/utils/api/errors';

/** RFC 7636 PKCE (S256) and the `state` parameter for the authorization-code flow. */

export interface PkcePair {
  verifier: string;
  challenge: string;
}

export type RandomBytes = (length: number) => Uint8Array;

const cryptoRandomBytes: RandomBytes = (length) => globalThis.crypto.getRandomValues(new Uint8Array(length));

export function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** 32 random bytes give a 43-character verifier, the shortest RFC 7636 allows, with 256 bits of entropy. */
export async function createPkcePair(randomBytes: RandomBytes = cryptoRandomBytes): Promise<PkcePair> {
  const verifier = base64Url(randomBytes(32));
  return { verifier, challenge: await s256Challenge(verifier) };
}

export async function s256Challenge(verifier: string): Promise<string> {
  if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(verifier)) throw new RangeError('PKCE verifier must be 43–128 unreserved characters');
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

export function createState(randomBytes: RandomBytes = cryptoRandomBytes): string {
  return base64Url(randomBytes(24));
}

export interface AuthorizeUrlParams {
  authorizeEndpoint: string;
  clientId: string;
  redirectUri: string;
  state: string;
  codeChallenge: string;
  scope?: string;
}

export function buildAuthorizeUrl(params: AuthorizeUrlParams): string {
  const url = new URL(params.authorizeEndpoint);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', params.clientId);
  url.searchParams.set('redirect_uri', params.redirectUri);
  url.searchParams.set('state', params.state);
  url.searchParams.set('code_challenge', params.codeChallenge);
  url.searchParams.set('code_challenge_method', 'S256');
  if (params.scope) url.searchParams.set('scope', params.scope);
  return url.toString();
}

/**
 * Reads the authorization code from the URL the sign-in page redirected to.
 * The state is checked first: a redirect we did not start (login CSRF) must not be trusted for anything, errors included.
 */
/**
 * Reads the authorization response. `issuers` are the origins the authorization server may call itself: when the
 * response names its issuer (RFC 9207 `iss`), it must be one of them, or a different server is answering (mix-up).
 */
export function parseRedirect(redirectUrl: string, expectedState: string, issuers: readonly string[] = []): string {
  let url: URL;
  try {
    url = new URL(redirectUrl);
  } catch {
    throw new ApiError('authorization-failed', { messageParams: ['invalid_redirect'] });
  }
  // Servers answer in the query; accept a fragment too (response_mode=fragment).
  const params =
    url.searchParams.has('state') || url.searchParams.has('code') || url.searchParams.has('error')
      ? url.searchParams
      : new URLSearchParams(url.hash.replace(/^#/, ''));

  if (!constantTimeEqual(params.get('state') ?? '', expectedState) || expectedState === '') {
    throw new ApiError('state-mismatch');
  }
  const iss = params.get('iss');
  if (iss !== null && !issuers.includes(originOf(iss))) {
    throw new ApiError('authorization-failed', { detailCode: 'issuer_mismatch', messageParams: ['issuer_mismatch'] });
  }
  const error = params.get('error');
  if (error === 'access_denied') throw new ApiError('access-denied', { detailCode: error });
  if (error) throw new ApiError('authorization-failed', { detailCode: oauthCode(error), messageParams: [oauthCode(error)] });
  const code = params.get('code');
  if (!code) throw new ApiError('authorization-failed', { messageParams: ['missing_code'] });
  return code;
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}

/** RFC 6749 error codes are short ASCII words; anything else is not echoed to the UI. */
function oauthCode(value: string): string {
  return /^[a-z_]{1,40}$/.test(value) ? value : 'unknown_error';
}

function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}
