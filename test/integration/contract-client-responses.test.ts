import { describe, expect, it } from 'vitest';
import { ApiError, type ApiErrorKind } from '@/utils/api/errors';
import type { ApiVersion } from '@/utils/api/versions';
import { classicTemplate, clientCallFor, scriptedClient } from '../fixtures/openapi/client-calls';
import { errorResponses, examplesOf, SPEC_VERSIONS, successResponses, validateAgainst, variantsOf } from '../fixtures/openapi/spec';

/**
 * The client's response schemas against SailPoint's documents: every spec-valid 2xx body (only the required
 * fields, every field, nullable fields null, each enum value) is read without an error, and so are the
 * documents' own examples, even where they contradict their schema (the beta status example, numeric digit
 * tokens). A 2xx of set-password is always an acceptance; a status body is never an error.
 */

const jsonReply = (status: number, body: unknown) => () =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** The one spec-valid body the client may refuse, and why refusing it is right. */
function mayRefuse(key: string, body: unknown): boolean {
  // A digit token answer without the token has nothing to show; asking again (a new token) is harmless.
  return key === 'POST /generate-password-reset-token/digit' && !(body && typeof body === 'object' && 'digitToken' in body);
}

const cases = SPEC_VERSIONS.flatMap((version) =>
  successResponses(version)
    .map((response) => ({ version, ...response, key: `${response.method} ${classicTemplate(response.template)}` }))
    .filter((response) => clientCallFor[response.key])
    .flatMap((response) => [
      ...variantsOf(response.media.schema ?? {}).map((variant) => ({
        ...response,
        body: variant.value,
        sample: variant.name,
        example: false,
      })),
      ...examplesOf(response.media).map((example) => ({ ...response, body: example.value, sample: example.name, example: true })),
    ]),
);

describe('client response schemas against the documents', () => {
  it('covers every operation the client calls on every version', () => {
    for (const version of SPEC_VERSIONS) {
      const keys = new Set(cases.filter((c) => c.version === version).map((c) => c.key));
      const expected = Object.keys(clientCallFor).filter((key) => version !== 'v3' || !key.includes('reset-token'));
      expect([...keys].sort(), version).toEqual(expected.sort());
    }
    expect(cases.length).toBeGreaterThan(250);
  });

  it('generates only spec-valid variants', () => {
    for (const c of cases.filter((c) => !c.example)) {
      expect(validateAgainst(c.media.schema ?? {}, c.body), `${c.version} ${c.key} ${c.sample}`).toEqual([]);
    }
  });

  it.each(cases)('$version $key reads $sample', async ({ version, key, status, body }) => {
    const { client, sent } = scriptedClient(version, jsonReply(Number(status), body));
    const outcome = await clientCallFor[key]!(client).then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    expect(sent).toHaveLength(1);
    if (!outcome.ok) {
      expect(outcome.error).toBeInstanceOf(ApiError);
      expect(mayRefuse(key, body), `refused: ${String(outcome.error)}`).toBe(true);
      expect((outcome.error as ApiError).kind).toBe('invalid-response');
      return;
    }
    if (key === 'POST /set-password') {
      // Accepted, whatever the body said: no request id means "accepted, not tracked", never an error.
      const { requestId, state } = outcome.value as { requestId: unknown; state: unknown };
      expect(requestId === null || typeof requestId === 'string').toBe(true);
      expect([null, 'IN_PROGRESS', 'FINISHED', 'FAILED']).toContain(state);
    }
    if (key === 'GET /password-change-status/{id}') expect(outcome.value).toMatchObject({ kind: 'status' });
    if (key === 'POST /generate-password-reset-token/digit') {
      const token = (outcome.value as { digitToken: string }).digitToken;
      // Shown exactly as received: a string as is, a number as its digits.
      expect(token).toBe(String((body as { digitToken: string | number }).digitToken));
    }
  });
});

/** Calls with an effect that are never repeated once they may have reached ISC. */
const ONCE = new Set(['POST /set-password', 'POST /generate-password-reset-token/digit', 'POST /password-org-config']);

/** The typed error each documented failure must become (status reads answer 403 with "not readable" instead). */
function expectedKinds(version: ApiVersion, key: string, status: number): ApiErrorKind[] {
  if (status === 400) return ['bad-request', 'not-found'];
  if (status === 401) return ['signed-out'];
  if (status === 403) return version === 'beta' && key === 'POST /query-password-info' ? ['forbidden-api-authority'] : ['forbidden'];
  if (status === 404) return ['not-found'];
  if (status === 429) return ['rate-limited'];
  return ONCE.has(key) ? ['outcome-unknown'] : ['server'];
}

const errorCases = SPEC_VERSIONS.flatMap((version) =>
  errorResponses(version)
    .map((response) => ({ version, ...response, key: `${response.method} ${classicTemplate(response.template)}` }))
    .filter((response) => clientCallFor[response.key])
    .flatMap((response) => [
      ...variantsOf(response.media.schema ?? {}).map((variant) => ({ ...response, body: variant.value, sample: variant.name })),
      ...examplesOf(response.media).map((example) => ({ ...response, body: example.value, sample: example.name })),
    ]),
);

describe('documented error answers against the client', () => {
  it('covers every documented error status of the operations the client calls', () => {
    const statuses = new Set(errorCases.map((c) => c.status));
    expect([...statuses].sort()).toEqual(['400', '401', '403', '404', '429', '500']);
  });

  it.each(errorCases)(
    '$version $key $status ($sample) becomes a typed error the UI can explain',
    async ({ version, key, status, body }) => {
      const { client } = scriptedClient(version, jsonReply(Number(status), body));
      const outcome = await clientCallFor[key]!(client).then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error }),
      );
      if (key === 'GET /password-change-status/{id}' && status === '403') {
        expect(outcome).toEqual({ ok: true, value: { kind: 'not-readable' } });
        return;
      }
      expect(outcome.ok).toBe(false);
      const error = (outcome as { error: unknown }).error;
      expect(error).toBeInstanceOf(ApiError);
      expect(expectedKinds(version, key, Number(status))).toContain((error as ApiError).kind);
      expect((error as ApiError).messageKey).toMatch(/^errors\./);
    },
  );
});
