import * as v from 'valibot';
import { ApiError, type ErrorMessageKey, isApiError } from './errors';
import {
  errorDetails,
  type FetchLike,
  type HttpResult,
  hostOf,
  httpRequest,
  isSailPointHost,
  type JsonBody,
  parseJson,
  parseResponse,
  parseRetryAfter,
  reachedServerPossibly,
  TransportError,
} from './http';
import { DIGIT_TOKEN_VERSIONS, type Operation, type Route, routeFor, supportsOperation } from './routes';
import {
  API_VERSIONS,
  type ApiVersion,
  PasswordChangeRequest,
  PasswordChangeResponse,
  PasswordInfo,
  type PasswordInfoQueryDTO,
  PasswordStatus,
} from './types';

export interface RequestInfo {
  method: string;
  path: string;
  version: ApiVersion;
  /** Absent when no HTTP response arrived (network error, timeout). */
  status?: number;
  durationMs: number;
  /** 1 for the first try of a call, counting every retry (401 refresh, 429, 5xx). */
  attempt: number;
}

export interface IscClientOptions {
  apiBaseUrl: string;
  version: ApiVersion;
  getAccessToken(): Promise<string>;
  /** Called at most once per request, on a 401; receives the token ISC rejected. */
  refreshAccessToken(rejectedToken?: string): Promise<string>;
  fetch?: FetchLike;
  sleep?: (ms: number) => Promise<void>;
  /** Uniform in [0, 1); drives jitter. */
  random?: () => number;
  now?: () => number;
  timeoutMs?: number;
  /** A Retry-After longer than this is not waited for: the call fails with 'rate-limited' at once. */
  maxRetryAfterMs?: number;
  /** Retries of a read after 5xx/network/timeout, and of admin calls after 429. */
  maxReadRetries?: number;
  /**
   * Retries after 429 of what an employee is waiting for (query-password-info, set-password), within
   * maxRateLimitWaitMs in total. The fleet bench showed 3 retries let a Monday-morning wave surface
   * hundreds of "rate limited" errors; the bucket refills every 10 s, so waiting a little longer wins.
   */
  maxInteractiveRateLimitRetries?: number;
  maxRateLimitWaitMs?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  onRequest?(info: RequestInfo): void;
  /**
   * Whether the signed-in person lacks ORG_ADMIN, the user level every version but beta asks of a status read
   * (beta lets the identity owner read). True: the first status read goes to beta instead of spending a 403.
   */
  statusNeedsBeta?(): Promise<boolean>;
}

/**
 * 'status': ISC answered; `status.state` is null when the body did not say a documented state (the change
 * stays pending). 'not-readable': this token may not read statuses on any path tried.
 */
export type PasswordChangeStatusResult = { kind: 'status'; status: PasswordStatus } | { kind: 'not-readable' };

/** A 2xx of set-password whose body said nothing usable: ISC accepted the change, there is nothing to follow. */
const UNREADABLE_ACCEPTANCE: PasswordChangeResponse = { requestId: null, state: null };
const UNREADABLE_STATUS: PasswordStatus = { requestId: null, state: null, errors: [], sourceIds: [] };

export interface PageOptions {
  limit?: number;
  offset?: number;
}

/**
 * A call the worker makes on someone else's behalf (the options page's Administration tools, see
 * utils/admin/relay.ts): a fixed operation, its path parameter and body. The answer is ISC's JSON, unvalidated:
 * the page that asked validates it.
 */
export interface RawCall {
  method: 'GET' | 'POST' | 'PUT';
  operation: Operation;
  mode: RetryMode;
  id?: string;
  query?: PageOptions;
  body?: unknown;
  notFoundKey?: ErrorMessageKey;
}

export interface IscClient {
  readonly version: ApiVersion;
  queryPasswordInfo(query: PasswordInfoQueryDTO): Promise<PasswordInfo>;
  setPassword(request: PasswordChangeRequest): Promise<PasswordChangeResponse>;
  getPasswordChangeStatus(requestId: string): Promise<PasswordChangeStatusResult>;
  /** Any 2xx's JSON body; every other outcome is an ApiError, exactly as for the calls above. */
  raw(call: RawCall): Promise<unknown>;
}

/**
 * 'read': safe to repeat (GET, PUT of a whole config, the query POST).
 * 'once': has an effect each time (set-password, digit token, create); never repeated once it may have
 * reached ISC, because a duplicate password change is worse than an unknown outcome.
 */
export type RetryMode = 'read' | 'once';

interface Call<TSchema extends v.GenericSchema> {
  method: 'GET' | 'POST' | 'PUT';
  route: Route;
  mode: RetryMode;
  schema: TSchema;
  body?: unknown;
  query?: Record<string, number | undefined>;
  notFoundKey?: (serverMessage: string | undefined) => ErrorMessageKey;
  /**
   * What a 2xx reads as when its body is not JSON or does not fit the schema. Set where a 2xx already means
   * ISC acted (set-password) or where the caller must stay patient (status): such an answer is never
   * "invalid-response", which the UI explains as "try again".
   */
  unreadable2xx?: v.InferOutput<TSchema>;
  /**
   * How many 429s to wait out. Status polls use 0: the tracker schedules its own, longer back-off
   * for every pending change at once, which leaves the shared bucket to interactive calls.
   */
  rateLimitRetries?: number;
  /** A longer answer is refused as 'invalid-response' before it is parsed. */
  maxResponseChars?: number;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_RETRY_AFTER_MS = 60_000;
export const DEFAULT_MAX_READ_RETRIES = 3;
export const DEFAULT_INTERACTIVE_RATE_LIMIT_RETRIES = 10;
export const DEFAULT_MAX_RATE_LIMIT_WAIT_MS = 90_000;
/** A raw answer goes on to a page in a message: larger ones are refused (a page of 250 policies is far below it). */
export const MAX_RAW_RESPONSE_CHARS = 2_000_000;
/** Assumed wait for a 429 without Retry-After (doubled on each further 429). */
const DEFAULT_RATE_LIMIT_WAIT_MS = 1_000;

export function createIscClient(options: IscClientOptions): IscClient {
  const baseUrl = options.apiBaseUrl.replace(/\/+$/, '');
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS;
  const maxRetries = options.maxReadRetries ?? DEFAULT_MAX_READ_RETRIES;
  const interactiveRateLimitRetries = options.maxInteractiveRateLimitRetries ?? DEFAULT_INTERACTIVE_RATE_LIMIT_RETRIES;
  const maxRateLimitWaitMs = options.maxRateLimitWaitMs ?? DEFAULT_MAX_RATE_LIMIT_WAIT_MS;
  const backoffBaseMs = options.backoffBaseMs ?? 500;
  const backoffMaxMs = options.backoffMaxMs ?? 8_000;
  const version = options.version;
  // Set after the first 403 on the version's status path (or from the user level, before any); kept for the
  // client's lifetime so later polls cost one request.
  let statusViaBeta = version === 'beta';
  /** The configured version's status path refused this token (403): never asked again. */
  let versionStatusRefused = version === 'beta';
  let statusHintAsked = false;

  async function execute<TSchema extends v.GenericSchema>(call: Call<TSchema>): Promise<v.InferOutput<TSchema>> {
    const url = baseUrl + call.route.path + queryString(call.query);
    let token = await options.getAccessToken();
    let refreshed = false;
    let failureRetries = 0;
    let rateLimitRetries = 0;
    let rateLimitWaitedMs = 0;
    const allowedRateLimitRetries = call.rateLimitRetries ?? maxRetries;

    for (let attempt = 1; ; attempt++) {
      const started = now();
      let result: HttpResult;
      try {
        result = await httpRequest(fetchImpl, url, requestInit(call, token), timeoutMs);
      } catch (error) {
        report(call, attempt, started, undefined);
        if (!(error instanceof TransportError)) throw error;
        const failure = transportFailure(error, call.mode, url);
        if (call.mode === 'read' && failure.kind !== 'wrong-tenant' && failureRetries < maxRetries) {
          failureRetries++;
          await sleep(backoff(failureRetries));
          continue;
        }
        throw failure;
      }
      report(call, attempt, started, result.status);
      const { status } = result;

      if (status === 401) {
        if (refreshed) throw new ApiError('signed-out', { status });
        refreshed = true;
        token = await options.refreshAccessToken(token);
        continue;
      }

      if (status === 429) {
        // ISC did not process a rate-limited request, so even set-password may be sent again.
        const retryAfterMs = parseRetryAfter(result.headers.get('retry-after'), now());
        const waitMs = retryAfterMs ?? DEFAULT_RATE_LIMIT_WAIT_MS * 2 ** rateLimitRetries;
        if (rateLimitRetries >= allowedRateLimitRetries || waitMs > maxRetryAfterMs || rateLimitWaitedMs + waitMs > maxRateLimitWaitMs) {
          throw new ApiError('rate-limited', {
            status,
            retryAfterMs: waitMs,
            messageParams: [String(Math.max(1, Math.ceil(waitMs / 1000)))],
          });
        }
        rateLimitRetries++;
        // Everyone rate-limited at the same moment would otherwise come back at the same moment.
        const jittered = waitMs + random() * rateLimitJitterMs(waitMs);
        rateLimitWaitedMs += jittered;
        await sleep(jittered);
        continue;
      }

      if (call.maxResponseChars !== undefined && result.text.length > call.maxResponseChars) {
        throw new ApiError('invalid-response', { status });
      }
      const body = parseJson(result.text);

      if (status >= 500) {
        if (call.mode === 'read' && failureRetries < maxRetries) {
          failureRetries++;
          await sleep(backoff(failureRetries));
          continue;
        }
        // A gateway may fail after ISC accepted the change: report "check status", never "failed".
        if (call.mode === 'once') throw new ApiError('outcome-unknown', { status, ...errorDetails(body) });
        throw new ApiError('server', { status, ...errorDetails(body), messageParams: [String(status)] });
      }

      if (status >= 200 && status < 300) {
        if (call.unreadable2xx !== undefined) {
          const parsed = body.ok ? v.safeParse(call.schema, body.value) : undefined;
          return parsed?.success ? parsed.output : call.unreadable2xx;
        }
        if (!body.ok) throw nonJson(status, url);
        return parseResponse(call.schema, body.value, status);
      }

      throw httpError(call, status, body, url);
    }
  }

  function backoff(retry: number): number {
    // Full jitter: uniform in [0, min(cap, base·2^(retry-1))).
    return random() * Math.min(backoffMaxMs, backoffBaseMs * 2 ** (retry - 1));
  }

  function report(call: Call<v.GenericSchema>, attempt: number, started: number, status: number | undefined): void {
    if (!options.onRequest) return;
    const info: RequestInfo = {
      method: call.method,
      path: call.route.path,
      version: call.route.version,
      durationMs: Math.max(0, now() - started),
      attempt,
    };
    if (status !== undefined) info.status = status;
    options.onRequest(info);
  }

  function requestInit(call: Call<v.GenericSchema>, token: string): RequestInit {
    const headers: Record<string, string> = { Accept: 'application/json', Authorization: `Bearer ${token}` };
    if (call.body !== undefined) headers['Content-Type'] = 'application/json';
    if (call.route.experimental) headers['X-SailPoint-Experimental'] = 'true';
    const init: RequestInit = { method: call.method, headers, redirect: 'follow', credentials: 'omit' };
    if (call.body !== undefined) init.body = JSON.stringify(call.body);
    return init;
  }

  function route(operation: Operation, id?: string): Route {
    if (!supportsOperation(version, operation)) {
      throw new ApiError('unsupported-in-version', { messageParams: [version, DIGIT_TOKEN_VERSIONS.join(', ')] });
    }
    return routeFor(version, operation, id);
  }

  async function readStatus(statusVersion: ApiVersion, requestId: string): Promise<PasswordStatus> {
    return execute({
      method: 'GET',
      route: routeFor(statusVersion, 'password-change-status', requestId),
      mode: 'read',
      schema: PasswordStatus,
      unreadable2xx: UNREADABLE_STATUS,
      notFoundKey: () => 'errors.notFoundRequest',
      rateLimitRetries: 0,
    });
  }

  return {
    version,

    async queryPasswordInfo(query) {
      const body: PasswordInfoQueryDTO = {};
      if (query.userName !== undefined) body.userName = query.userName;
      if (query.sourceName !== undefined) body.sourceName = query.sourceName;
      try {
        return await execute({
          method: 'POST',
          route: route('query-password-info'),
          mode: 'read',
          schema: PasswordInfo,
          body,
          notFoundKey: notFoundUserOrSource,
          rateLimitRetries: interactiveRateLimitRetries,
        });
      } catch (error) {
        // beta documents API authority for this operation: user tokens get 403 there but work on the other versions.
        if (version === 'beta' && isApiError(error, 'forbidden')) {
          throw new ApiError('forbidden-api-authority', {
            status: error.status,
            trackingId: error.trackingId,
            detailCode: error.detailCode,
            serverMessage: error.serverMessage,
            messageParams: [API_VERSIONS.filter((other) => other !== 'beta').join(', ')],
          });
        }
        throw error;
      }
    },

    async setPassword(request) {
      // Any 2xx means ISC accepted the change. Whatever its body says (or fails to say), the answer is
      // "accepted": a body without a request id yields requestId null, which the tracker reports as
      // "accepted, cannot be tracked; do not submit again" — never an error that invites a second change.
      return execute({
        method: 'POST',
        route: route('set-password'),
        mode: 'once',
        schema: PasswordChangeResponse,
        unreadable2xx: UNREADABLE_ACCEPTANCE,
        body: v.parse(PasswordChangeRequest, request),
        notFoundKey: notFoundUserOrSource,
        rateLimitRetries: interactiveRateLimitRetries,
      });
    },

    async getPasswordChangeStatus(requestId) {
      if (!statusHintAsked && !statusViaBeta && options.statusNeedsBeta) {
        statusHintAsked = true;
        statusViaBeta = await options.statusNeedsBeta().catch(() => false);
      }
      // beta first when it is known (or expected) to be the readable path; the configured version unless it refused.
      const paths: ApiVersion[] = statusViaBeta ? ['beta', ...(versionStatusRefused ? [] : [version])] : [version, 'beta'];
      for (const path of paths) {
        try {
          const status = await readStatus(path, requestId);
          statusViaBeta = path === 'beta';
          return { kind: 'status', status };
        } catch (error) {
          if (!isApiError(error, 'forbidden')) throw error;
          if (path === version) {
            versionStatusRefused = true;
            statusViaBeta = true;
          }
        }
      }
      return { kind: 'not-readable' };
    },

    raw: (call) =>
      execute({
        method: call.method,
        route: route(call.operation, call.id),
        mode: call.mode,
        schema: v.unknown(),
        body: call.body,
        query: call.query && { limit: call.query.limit, offset: call.query.offset },
        notFoundKey: call.notFoundKey && (() => call.notFoundKey as ErrorMessageKey),
        maxResponseChars: MAX_RAW_RESPONSE_CHARS,
      }),
  };
}

function queryString(query: Record<string, number | undefined> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Up to 10% of the wait, at least 100 ms: small against the wait, enough to spread a crowd. */
export function rateLimitJitterMs(waitMs: number): number {
  return Math.max(100, waitMs * 0.1);
}

function transportFailure(error: TransportError, mode: RetryMode, url: string): ApiError {
  const host = hostOf(url);
  if (error.reason === 'dns' && isSailPointHost(url)) {
    return new ApiError('wrong-tenant', { messageParams: [host], cause: error });
  }
  if (mode === 'once' && reachedServerPossibly(error.reason)) {
    return new ApiError('outcome-unknown', { cause: error });
  }
  if (error.reason === 'timeout') return new ApiError('timeout', { messageParams: [host], cause: error });
  return new ApiError('unreachable', { messageParams: [host], cause: error });
}

function nonJson(status: number, url: string): ApiError {
  // An ISC API always answers JSON; an HTML page means the URL points at something else (a web UI, a proxy, a typo).
  return new ApiError('wrong-tenant', { status, messageParams: [hostOf(url)] });
}

function httpError(call: Call<v.GenericSchema>, status: number, body: JsonBody, url: string): ApiError {
  const details = errorDetails(body);
  if (status === 404) {
    if (!body.ok) return nonJson(status, url);
    const messageKey = call.notFoundKey?.(details.serverMessage) ?? 'errors.notFound';
    return new ApiError('not-found', { status, ...details, messageKey });
  }
  if (status === 403) return new ApiError('forbidden', { status, ...details });
  // The specs document 400 (not 404) for an unknown user or source on query-password-info, set-password and
  // the digit token; a 400 whose text says something was not found is explained like the 404 some tenants send.
  if (status === 400 && call.notFoundKey && /\bnot found\b/i.test(details.serverMessage ?? '')) {
    const messageKey = call.notFoundKey(details.serverMessage);
    if (messageKey !== 'errors.notFound') return new ApiError('not-found', { status, ...details, messageKey });
  }
  if (status >= 300 && status < 400) return nonJson(status, url);
  if (!body.ok && status !== 400) return nonJson(status, url);
  return new ApiError('bad-request', {
    status,
    ...details,
    messageKey: details.serverMessage ? 'errors.badRequest' : 'errors.badRequestNoDetail',
    messageParams: details.serverMessage ? [details.serverMessage] : [],
  });
}

/** ISC's 404 text names what was missing ("Source not found", "Identity … not found"); use it where it does. */
function notFoundUserOrSource(serverMessage: string | undefined): ErrorMessageKey {
  const text = serverMessage?.toLowerCase() ?? '';
  if (text.includes('source')) return 'errors.notFoundSource';
  if (text.includes('identity') || text.includes('user') || text.includes('account')) return 'errors.notFoundUser';
  return 'errors.notFound';
}
