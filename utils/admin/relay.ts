import * as v from 'valibot';
import type { IscClient } from '@/utils/api/client';
import { ApiError, type ApiErrorInit, type ErrorMessageKey } from '@/utils/api/errors';
import type { Operation } from '@/utils/api/routes';
import { API_VERSIONS } from '@/utils/api/versions';
import { once } from '@/utils/lazy/once';
import { withoutUndefined } from '@/utils/object/without-undefined';
import { recordOf } from '@/utils/schema/record-of';
import { MAX_PAGE_SIZE } from './paging';

/**
 * The worker's one primitive for the Administration tools: the options page names an operation from this fixed
 * list, the worker maps it to a fixed method and path, attaches the session's token and sends it through the
 * same HTTP layer as its own calls (401 renewal, 429 waits, tenant trust). Everything else — building bodies,
 * validating answers, explaining them — runs in the options page, so none of it is in the worker's bundle.
 * The token never leaves the worker; the page gets ISC's JSON answer.
 */
export const ADMIN_OPERATIONS = {
  'org-config/get': { method: 'GET', resource: 'org-config', mode: 'read' },
  'org-config/create': { method: 'POST', resource: 'org-config', mode: 'once' },
  // A PUT of the same values is idempotent, so it may be retried like a read.
  'org-config/update': { method: 'PUT', resource: 'org-config', mode: 'read' },
  'digit-token/create': { method: 'POST', resource: 'digit-token', mode: 'once', notFoundKey: 'errors.notFoundUser' },
  'password-policies/list': { method: 'GET', resource: 'password-policies', mode: 'read' },
  'password-policies/get': { method: 'GET', resource: 'password-policies', mode: 'read' },
  'sync-groups/list': { method: 'GET', resource: 'sync-groups', mode: 'read' },
  'sync-groups/get': { method: 'GET', resource: 'sync-groups', mode: 'read' },
  'sources/list': { method: 'GET', resource: 'sources', mode: 'read' },
} as const satisfies Record<string, RelayRoute>;

export type AdminOperation = keyof typeof ADMIN_OPERATIONS;

export interface RelayRoute {
  method: 'GET' | 'POST' | 'PUT';
  resource: Operation;
  /** 'read' may be repeated after a failure; 'once' has an effect each time and is never repeated. */
  mode: 'read' | 'once';
  notFoundKey?: ErrorMessageKey;
}

/** ISC's ids are 32 hex digits or UUIDs: anything else in a path is refused before a request is built. */
export const PATH_ID = /^[A-Za-z0-9-]{1,64}$/;

/** The options page reads at most a few thousand items, a page at a time. */
const MAX_OFFSET = 100_000;
/** Request bodies are small flat objects (org config, digit token): a few fields, short strings. */
const MAX_BODY_FIELDS = 8;

const integerIn = (min: number, max: number) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));

const relay = <const T extends readonly AdminOperation[], E extends v.ObjectEntries>(operations: T, entries: E) =>
  v.object({
    type: v.literal('admin/request'),
    operation: v.picklist(operations),
    /** The configured API version, or the one the page chose for this request (v3 has no digit tokens). */
    version: v.picklist(API_VERSIONS),
    ...entries,
  });

/**
 * The `admin/request` message: each option ties its operations to the parameters they take; any other key is dropped,
 * never passed on. A union, not a variant: the worker ships one fewer valibot schema type (see RequestSchema). Built
 * on first use: a worker start evaluates this module, and only an options page's admin request needs the schema.
 */
export const adminRelaySchema = once(() =>
  v.union([
    relay(['org-config/get'], {}),
    relay(['password-policies/list', 'sync-groups/list', 'sources/list'], {
      query: v.optional(v.object({ limit: v.optional(integerIn(1, MAX_PAGE_SIZE)), offset: v.optional(integerIn(0, MAX_OFFSET)) })),
    }),
    relay(['password-policies/get', 'sync-groups/get'], { id: v.pipe(v.string(), v.regex(PATH_ID)) }),
    relay(['org-config/create', 'org-config/update', 'digit-token/create'], {
      body: v.pipe(
        recordOf(v.union([v.pipe(v.string(), v.maxLength(200)), v.number(), v.boolean()])),
        v.check((body) => Object.keys(body).length <= MAX_BODY_FIELDS),
      ),
    }),
  ]),
);

export type AdminRelayRequest = v.InferOutput<ReturnType<typeof adminRelaySchema>>;

/**
 * ISC's answer to a relayed request: a 2xx's JSON body, or the ApiError the worker's HTTP layer made of any other
 * outcome, as plain fields (a class does not survive a message) for the page to explain like its own.
 */
export type AdminRelayReply = { ok: true; body: unknown } | { ok: false; error: RelayedApiError };

export type RelayedApiError = Pick<ApiError, 'kind' | 'messageKey' | 'messageParams'> & Omit<ApiErrorInit, 'cause'>;

/**
 * Sends a checked relay request on an ISC client: what the worker does with `admin/request`, and what tests use to
 * drive the admin tools against the sandbox tenant without a message in between.
 */
export function relayTo(client: IscClient, onError?: (error: ApiError) => void): (request: AdminRelayRequest) => Promise<AdminRelayReply> {
  return async (request) => {
    const route: RelayRoute = ADMIN_OPERATIONS[request.operation];
    try {
      const body = await client.raw({
        method: route.method,
        operation: route.resource,
        mode: route.mode,
        ...('id' in request ? { id: request.id } : {}),
        ...('query' in request && request.query ? { query: request.query } : {}),
        ...('body' in request ? { body: request.body } : {}),
        ...(route.notFoundKey ? { notFoundKey: route.notFoundKey } : {}),
      });
      return { ok: true, body };
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      onError?.(error);
      return { ok: false, error: relayed(error) };
    }
  };
}

function relayed(error: ApiError): RelayedApiError {
  const { kind, status, trackingId, retryAfterMs, detailCode, serverMessage, messageKey, messageParams } = error;
  const fields: RelayedApiError = { kind, messageKey, messageParams: [...messageParams] };
  return Object.assign(fields, withoutUndefined({ status, trackingId, retryAfterMs, detailCode, serverMessage }));
}

/** The page's copy of the worker's ApiError. */
export function apiErrorFrom({ kind, ...init }: RelayedApiError): ApiError {
  return new ApiError(kind, init);
}
