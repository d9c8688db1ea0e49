import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REDACTED, redactDeep, redactSecrets } from '@/utils/admin/redact';
import { formatDiagnosticsReport } from '@/utils/admin/report';
import type { AdminDiagnosticsView } from '@/utils/admin/views';

const base64url = (text: string) => Buffer.from(text).toString('base64url');
const jwt = `${base64url('{"alg":"RS256","typ":"JWT"}')}.${base64url('{"user_name":"admin","exp":1999999999,"scope":["sp:scopes:all"]}')}.${base64url('signature-bytes-that-are-long-enough')}`;
const refreshJwt = `${base64url('{"alg":"HS256"}')}.${base64url('{"jti":"refresh-1"}')}.${base64url('another-signature-value')}`;
const patSecret = 'f3c1a9e07b5d4c2e8a6f0b1d9c7e5a3b2f4d6e8c0a1b3d5f7e9c2a4b6d8f0e1c';
const password = 'Hunter2-Correct-Horse!';
const trackingId = 'e7eab60924f64aa284175b9fa3309599';
const identityId = '2c9180835d2e5168015d32f890ca1581';

/** Every field the report prints, each carrying a planted secret somewhere. */
function plantedView(): AdminDiagnosticsView {
  return {
    generatedAt: Date.UTC(2026, 0, 15, 9, 30),
    extensionVersion: '0.1.0',
    tenant: `https://acme.api.identitynow.com/?access_token=${jwt}`,
    apiBaseUrl: 'https://acme.api.identitynow.com',
    apiVersion: 'v2024',
    identity: {
      userName: jwt,
      identityId,
      displayName: `password: ${password}`,
      tenant: 'acme',
      clientId: `client_secret=${patSecret}`,
      mode: 'client-credentials',
      authorities: ['ORG_ADMIN', `Bearer ${refreshJwt}`],
      scopes: ['idn:password-org-config:read', 'idn:password-digit-token:create', 'sp:scopes:all'],
      expiresAt: Date.UTC(2026, 0, 15, 9, 42),
    },
    requests: [
      {
        at: Date.UTC(2026, 0, 15, 9, 29),
        method: 'GET',
        path: `/v3/password-org-config?token=${patSecret}&limit=1`,
        version: 'v3',
        status: 403,
        durationMs: 41,
        attempt: 1,
      },
      {
        at: Date.UTC(2026, 0, 15, 9, 28),
        method: 'POST',
        path: '/v2024/generate-password-reset-token/digit',
        version: 'v2024',
        status: 200,
        durationMs: 12,
        attempt: 1,
      },
    ],
    errors: [
      {
        at: Date.UTC(2026, 0, 15, 9, 29),
        kind: 'forbidden',
        status: 403,
        trackingId,
        detailCode: `403 Forbidden (Authorization: Bearer ${jwt})`,
      },
      { at: Date.UTC(2026, 0, 15, 9, 27), kind: 'bad-request', status: 400, trackingId: null, detailCode: `{"password":"${password}"}` },
    ],
    counts: {
      'GET /v3/password-org-config': 3,
      [`POST /v3/set-password pwd=${password}`]: 1,
    },
  };
}

const labels = (key: string, params?: ReadonlyArray<string | number>) => (params?.length ? `${key}(${params.join(',')})` : key);
const iso = (ms: number) => new Date(ms).toISOString();

describe('diagnostics report', () => {
  const report = formatDiagnosticsReport(plantedView(), labels, iso);

  it('contains no token, secret or password planted anywhere in the data', () => {
    for (const secret of [jwt, refreshJwt, patSecret, password, jwt.split('.')[1] ?? '', jwt.split('.')[2] ?? '']) {
      expect(report).not.toContain(secret);
    }
    expect(report).toContain(REDACTED);
  });

  it('keeps what support needs: tenant, version, identity id, scopes, authorities, tracking ids, counts', () => {
    expect(report).toContain('admin.report.apiVersion: v2024');
    expect(report).toContain('admin.report.extensionVersion: 0.1.0');
    expect(report).toContain('https://acme.api.identitynow.com');
    expect(report).toContain(identityId);
    expect(report).toContain('idn:password-org-config:read idn:password-digit-token:create sp:scopes:all');
    expect(report).toContain('ORG_ADMIN');
    expect(report).toContain(`admin.report.trackingId ${trackingId}`);
    expect(report).toContain('3 × GET /v3/password-org-config');
    expect(report).toContain('POST /v2024/generate-password-reset-token/digit → 200 (12 ms, #1)');
    expect(report).toContain('admin.report.validUntil: 2026-01-15T09:42:00.000Z');
  });

  it('says "none" for empty sections and "not signed in" without an identity', () => {
    const empty = formatDiagnosticsReport(
      { ...plantedView(), identity: null, requests: [], errors: [], counts: {}, tenant: '' },
      labels,
      iso,
    );
    expect(empty).toContain('admin.report.signedOut');
    expect(empty).toContain('admin.report.tenant: admin.report.none');
    expect(empty.match(/^admin\.report\.none$/gm)).toHaveLength(3);
  });
});

describe('redactSecrets', () => {
  it('removes JWTs, bearer tokens and secret query parameters', () => {
    expect(redactSecrets(`token ${jwt} end`)).toBe(`token ${REDACTED} end`);
    expect(redactSecrets('Authorization: Bearer abc.def-ghi_123')).not.toContain('abc.def-ghi_123');
    expect(redactSecrets('https://x.example/cb?code=AbC123&state=xyz&lang=en')).toBe(
      `https://x.example/cb?code=${REDACTED}&state=${REDACTED}&lang=en`,
    );
  });

  it('removes values of password-ish and secret-ish fields in any notation', () => {
    for (const text of [
      `password=${password}`,
      `Password: ${password}`,
      `"password":"${password}"`,
      `client_secret=${password}`,
      `clientSecret: ${password}`,
      `refresh_token=${password}`,
      `accessToken="${password}"`,
      `api_key=${password}`,
      `pwd: ${password}`,
    ]) {
      expect(redactSecrets(text), text).not.toContain(password);
    }
  });

  it('removes long opaque values such as a personal access token secret', () => {
    expect(redactSecrets(`secret is ${patSecret}.`)).toBe(`secret is ${REDACTED}.`);
  });

  it('leaves scopes, API paths, ids, tracking ids and times alone', () => {
    const harmless = [
      'idn:password-org-config:read idn:password-digit-token:create idn:password-change:manage',
      'POST /v2024/generate-password-reset-token/digit → 200',
      'GET /password-org-config/v1',
      `identity ${identityId} tracking id ${trackingId}`,
      '2026-01-15T09:42:00.000Z 1768469520000',
      'https://acme.api.identitynow.com v3',
    ];
    for (const text of harmless) expect(redactSecrets(text)).toBe(text);
  });

  it('redacts any JWT-shaped value wherever it appears in a line', () => {
    const segment = fc.stringMatching(/^[A-Za-z0-9_-]{8,60}$/);
    fc.assert(
      fc.property(segment, segment, segment, fc.string({ maxLength: 20 }), (header, payload, signature, around) => {
        const token = `eyJ${header}.${payload}.${signature}`;
        expect(redactSecrets(`${around} ${token} ${around}`)).not.toContain(token);
      }),
    );
  });
});

describe('redactDeep', () => {
  it('replaces string values under secret-looking keys and redacts every other string', () => {
    const input = {
      clientSecret: 'short',
      nested: { access_token: 'abc', note: `Bearer ${jwt}`, digitTokenLength: 6, digitTokenEnabled: true },
      list: [`password=${password}`, 'plain'],
    };
    expect(redactDeep(input)).toEqual({
      clientSecret: REDACTED,
      nested: { access_token: REDACTED, note: `Bearer ${REDACTED}`, digitTokenLength: 6, digitTokenEnabled: true },
      list: [`password=${REDACTED}`, 'plain'],
    });
  });

  it('does not change its input', () => {
    const view = plantedView();
    const before = JSON.stringify(view);
    redactDeep(view);
    expect(JSON.stringify(view)).toBe(before);
  });
});
