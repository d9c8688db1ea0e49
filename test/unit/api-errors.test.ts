import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ApiError, type ApiErrorKind, defaultMessageKey, type ErrorMessageKey, isApiError, toUserError } from '@/utils/api/errors';

/** The `errors:` section is flat `key: value` lines; quoted values use JSON-compatible escapes. */
function errorsSection(): Record<string, string> {
  const yaml = readFileSync(new URL('../../locales/en.yml', import.meta.url), 'utf8');
  const section = /^errors:\n((?: {2}.*\n?)*)/m.exec(yaml)?.[1] ?? '';
  const entries = [...section.matchAll(/^ {2}(\w+): (.*)$/gm)].map(([, key, value]) => {
    const text = value!.startsWith('"') ? (JSON.parse(value!) as string) : value!;
    return [key!, text] as const;
  });
  return Object.fromEntries(entries);
}

const locale = { errors: errorsSection() };

const allKeys: ErrorMessageKey[] = [
  ...Object.values(defaultMessageKey),
  'errors.notFoundUser',
  'errors.notFoundSource',
  'errors.notFoundRequest',
  'errors.badRequestNoDetail',
  'errors.tenantEmpty',
  'errors.tenantInvalid',
  'errors.tenantInsecureHttp',
  'errors.statusNotReadable',
  'errors.unexpected',
];

describe('error messages', () => {
  it.each(allKeys)('%s has an English explanation', (key) => {
    const text = locale.errors[key.replace(/^errors\./, '')];
    expect(typeof text).toBe('string');
    expect(text!.length).toBeGreaterThan(20);
  });

  it('covers every error kind the client can raise', () => {
    const kinds = Object.keys(defaultMessageKey) as ApiErrorKind[];
    expect(kinds).toEqual(
      expect.arrayContaining([
        'wrong-tenant',
        'unreachable',
        'timeout',
        'signed-out',
        'forbidden',
        'forbidden-api-authority',
        'not-found',
        'rate-limited',
        'server',
        'bad-request',
        'invalid-response',
        'outcome-unknown',
        'unsupported-in-version',
      ]),
    );
  });

  it('uses only substitutions the parameters provide', () => {
    const params: Record<string, number> = {
      wrongTenant: 1,
      unreachable: 1,
      timeout: 1,
      forbiddenApiAuthority: 1,
      rateLimited: 1,
      server: 1,
      badRequest: 1,
      unsupportedInVersion: 2,
      authorizationFailed: 1,
      clientRejected: 1,
      tenantInvalid: 1,
      tenantInsecureHttp: 1,
      keyRotated: 1,
      untrustedEndpoint: 1,
    };
    for (const [key, text] of Object.entries(locale.errors)) {
      const used = new Set([...text.matchAll(/\$(\d)/g)].map((match) => Number(match[1])));
      expect(Math.max(0, ...used), key).toBe(params[key] ?? 0);
    }
  });
});

describe('toUserError', () => {
  it('gives the UI the key, parameters, kind and tracking id of an ApiError', () => {
    const error = new ApiError('bad-request', {
      status: 400,
      trackingId: 'abc',
      serverMessage: 'Nope',
      messageKey: 'errors.badRequest',
      messageParams: ['Nope'],
    });
    expect(toUserError(error)).toEqual({ kind: 'bad-request', messageKey: 'errors.badRequest', params: ['Nope'], trackingId: 'abc' });
  });

  it('uses the default key of the kind when none is given', () => {
    expect(toUserError(new ApiError('outcome-unknown'))).toEqual({
      kind: 'outcome-unknown',
      messageKey: 'errors.outcomeUnknown',
      params: [],
    });
  });

  it('hides the text of unknown errors, which may contain anything', () => {
    expect(toUserError(new Error('token=secret'))).toEqual({ kind: 'unexpected', messageKey: 'errors.unexpected', params: [] });
    expect(toUserError('boom')).toEqual({ kind: 'unexpected', messageKey: 'errors.unexpected', params: [] });
  });

  it('builds its English message from the kind and numbers only', () => {
    const error = new ApiError('bad-request', { status: 400, serverMessage: 'contains user text', messageParams: ['contains user text'] });
    expect(error.message).toBe('ISC request failed: bad-request, HTTP 400');
    expect(isApiError(error, 'bad-request')).toBe(true);
    expect(isApiError(error, 'server')).toBe(false);
    expect(isApiError(new Error('x'))).toBe(false);
  });
});
