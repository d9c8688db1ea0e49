import * as v from 'valibot';
import { ApiError, type ApiErrorInit } from './errors';
import { ErrorResponseDto } from './types';

/** The subset of `fetch` Rekey's HTTP calls use; injected so tests and the worker can supply their own. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/**
 * Why a request produced no HTTP response. `dns` and `refused` mean nothing reached the server;
 * for every other reason the server may have received (and acted on) the request.
 */
export type TransportFailure = 'timeout' | 'dns' | 'refused' | 'dropped' | 'unknown';

export class TransportError extends Error {
  override readonly name = 'TransportError';
  constructor(
    readonly reason: TransportFailure,
    cause?: unknown,
  ) {
    super(`request failed before a response: ${reason}`, cause === undefined ? undefined : { cause });
  }
}

export function reachedServerPossibly(reason: TransportFailure): boolean {
  return reason !== 'dns' && reason !== 'refused';
}

export interface HttpResult {
  status: number;
  headers: Headers;
  text: string;
}

/**
 * One HTTP exchange with a deadline that covers reading the body too. A caller's `init.signal` cancels it as
 * well; the caller then tells its own cancellation apart from a transport failure by looking at that signal.
 */
export async function httpRequest(fetchImpl: FetchLike, url: string, init: RequestInit, timeoutMs: number): Promise<HttpResult> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const cancel = () => controller.abort();
  init.signal?.addEventListener('abort', cancel);
  if (init.signal?.aborted) controller.abort();
  try {
    const response = await fetchImpl(url, { ...init, signal: controller.signal });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text };
  } catch (error) {
    throw new TransportError(timedOut ? 'timeout' : classifyNetworkError(error), error);
  } finally {
    clearTimeout(timer);
    init.signal?.removeEventListener('abort', cancel);
  }
}

const dnsCodes = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL']);
const refusedCodes = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);
const droppedCodes = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'ECONNABORTED']);

/**
 * Node's fetch exposes the socket error code in `cause`; browsers only say "Failed to fetch",
 * which stays `unknown` (and is therefore treated as "may have reached the server").
 */
export function classifyNetworkError(error: unknown): TransportFailure {
  for (const code of errorCodes(error)) {
    if (dnsCodes.has(code)) return 'dns';
    if (refusedCodes.has(code)) return 'refused';
    if (droppedCodes.has(code)) return 'dropped';
  }
  return 'unknown';
}

function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const record = current as { code?: unknown; errors?: unknown; cause?: unknown };
    if (typeof record.code === 'string') codes.push(record.code);
    if (Array.isArray(record.errors)) {
      for (const inner of record.errors) {
        const code = (inner as { code?: unknown } | null)?.code;
        if (typeof code === 'string') codes.push(code);
      }
    }
    current = record.cause;
  }
  return codes;
}

/** `*.identitynow.com` hosts resolve only for existing tenants, so a DNS failure there means a wrong tenant name. */
export function isSailPointHost(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host.endsWith('.identitynow.com') || host.endsWith('.sailpoint.com');
  } catch {
    return false;
  }
}

export { hostOf } from './host';

export type JsonBody = { ok: true; value: unknown } | { ok: false };

export function parseJson(text: string): JsonBody {
  if (text.trim() === '') return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** Retry-After is either delta-seconds or an HTTP date; returns milliseconds to wait, or undefined if absent/garbled. */
export function parseRetryAfter(header: string | null, nowMs: number): number | undefined {
  if (header === null) return undefined;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

/** Fields of an ISC ErrorResponseDto worth keeping on an ApiError (tracking id for support, the user-facing text). */
export function errorDetails(body: JsonBody): Pick<ApiErrorInit, 'trackingId' | 'detailCode' | 'serverMessage'> {
  if (!body.ok) return {};
  const parsed = v.safeParse(ErrorResponseDto, body.value);
  if (!parsed.success) return {};
  const { trackingId, detailCode } = parsed.output;
  const messages = parsed.output.messages ?? [];
  const english = messages.find((m) => m.locale?.toLowerCase().startsWith('en') && m.text);
  const text = (english ?? messages.find((m) => m.text))?.text;
  const details: Pick<ApiErrorInit, 'trackingId' | 'detailCode' | 'serverMessage'> = {};
  if (trackingId) details.trackingId = trackingId;
  if (detailCode) details.detailCode = detailCode;
  if (text) details.serverMessage = text;
  return details;
}

/** Validates a response at the boundary: anything not matching the schema becomes 'invalid-response'. */
export function parseResponse<TSchema extends v.GenericSchema>(schema: TSchema, value: unknown, status: number): v.InferOutput<TSchema> {
  const parsed = v.safeParse(schema, value);
  if (!parsed.success) throw new ApiError('invalid-response', { status });
  return parsed.output;
}
