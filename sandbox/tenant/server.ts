import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { CLASSIC_API_VERSIONS } from '../../utils/api/versions';
import { BodyError, parseForm, parseJson, readBody } from './body';
import { settleDue } from './changes';
import { ControlError } from './controls';
import { authorizePage, authorizeSubmit, clientIdOf, oauthInfo, revoke, token } from './oauth';
import { handleApi } from './password-api';
import { rangeReply } from './range';
import { faultReply, iscError, json, type Reply, rateLimited } from './reply';
import { handleSources, SOURCES_RESOURCE } from './sources';
import type { ActiveFault, TenantState } from './state';
import { authenticate, isReply } from './tokens';
import type { ApiVersion, FaultSpec, RequestLogEntry, TenantConfigPatch, TenantControls } from './types';

const CLASSIC_VERSIONS: ReadonlySet<string> = new Set(CLASSIC_API_VERSIONS);
const SENSITIVE_QUERY = new Set(['code', 'code_verifier', 'access_token', 'refresh_token', 'client_secret', 'password', 'token']);
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

interface ApiPath {
  version: ApiVersion;
  resource: string;
  rest: string[];
}

/** `/v3/set-password` and the per-service `/set-password/v1` both name (version, resource, rest). */
export function parseApiPath(pathname: string): ApiPath | null {
  let parts: string[];
  try {
    parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return null;
  }
  const [first, second, ...rest] = parts;
  if (first && second && CLASSIC_VERSIONS.has(first)) return { version: first as ApiVersion, resource: second, rest };
  if (first && second === 'v1') return { version: 'v1', resource: first, rest };
  return null;
}

function redactedPath(url: URL): string {
  const query = new URLSearchParams(url.search);
  for (const key of [...query.keys()]) if (SENSITIVE_QUERY.has(key.toLowerCase())) query.set(key, '[redacted]');
  const search = query.toString();
  return search ? `${url.pathname}?${search}` : url.pathname;
}

function corsHeaders(origin: string | undefined, pathname: string): Record<string, string> {
  if (!origin) return {};
  const extension = origin.startsWith('chrome-extension://') || origin.startsWith('moz-extension://');
  const open = pathname === '/oauth/info' || pathname.startsWith('/range/');
  if (!extension && !open) return {};
  return {
    'Access-Control-Allow-Origin': origin,
    Vary: 'Origin',
    'Access-Control-Allow-Methods': 'GET, POST, PUT, OPTIONS',
    'Access-Control-Allow-Headers': 'Authorization, Content-Type, X-SailPoint-Experimental, Add-Padding',
    'Access-Control-Expose-Headers': 'Retry-After, X-Total-Count',
    'Access-Control-Max-Age': '600',
  };
}

function globMatches(pattern: string, value: string): boolean {
  const source = pattern
    .split('*')
    .map((piece) => piece.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`).test(value);
}

function takeFault(state: TenantState, method: string, pathname: string): ActiveFault | null {
  const fault = state.faults.find((candidate) => {
    const wanted = (candidate.method ?? '*').toUpperCase();
    const methodOk = wanted === '*' ? method !== 'OPTIONS' : wanted === method;
    return methodOk && globMatches(candidate.path, pathname);
  });
  if (!fault) return null;
  fault.remaining--;
  if (fault.remaining <= 0) state.faults.splice(state.faults.indexOf(fault), 1);
  return fault;
}

function describeFault(fault: ActiveFault): string {
  return [
    fault.status && `status ${fault.status}`,
    fault.latencyMs && `latency ${fault.latencyMs}ms`,
    fault.drop && `drop ${fault.drop}`,
    fault.body !== undefined && 'body replaced',
    fault.omitFields && `omit ${fault.omitFields.join(',')}`,
  ]
    .filter(Boolean)
    .join(', ');
}

/** ISC counts requests per OAuth client id and API version in a sliding window. */
function rateLimit(state: TenantState, clientId: string, version: ApiVersion): Reply | null {
  const { requests, windowMs } = state.config.rateLimit;
  const now = state.now();
  const key = `${clientId}\u0000${version}`;
  const bucket = (state.rateBuckets.get(key) ?? []).filter((at) => at > now - windowMs);
  state.rateBuckets.set(key, bucket);
  if (bucket.length >= requests) {
    const oldest = bucket[0] ?? now;
    return rateLimited(Math.max(1, Math.ceil((oldest + windowMs - now) / 1000)));
  }
  bucket.push(now);
  return null;
}

/** A fault's `body` replaces the answer's JSON; its `omitFields` leave fields out of it. */
function reshapedReply(reply: Reply, fault: ActiveFault): Reply {
  let value: unknown;
  if (fault.body !== undefined) value = fault.body;
  else if (fault.omitFields && reply.body) {
    const parsed: unknown = JSON.parse(reply.body);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return reply;
    value = Object.fromEntries(Object.entries(parsed).filter(([name]) => !fault.omitFields?.includes(name)));
  } else return reply;
  return { ...reply, headers: { ...reply.headers, 'Content-Type': 'application/json;charset=utf-8' }, body: JSON.stringify(value) };
}

/** A refused body is answered; past the drain limit the connection closes after the answer. */
function bodyErrorReply(error: BodyError): Reply {
  const reply = iscError(error.status, error.message);
  return error.status === 413 ? { ...reply, headers: { ...reply.headers, Connection: 'close' } } : reply;
}

function send(response: ServerResponse, reply: Reply, extraHeaders: Record<string, string>): void {
  response.writeHead(reply.status, { ...extraHeaders, ...reply.headers });
  response.end(reply.body);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `baseUrl` is read per request: the port is only known once the server listens. */
export function createTenantServer(state: TenantState, controls: TenantControls, baseUrl: () => string): Server {
  async function route(request: IncomingMessage, url: URL, body: Buffer, entry: RequestLogEntry): Promise<Reply> {
    const method = request.method ?? 'GET';
    const { pathname } = url;
    if (pathname === '/oauth/info' && method === 'GET') return oauthInfo(state, baseUrl());
    if (pathname === '/oauth/authorize') {
      if (method === 'GET') {
        entry.clientId = url.searchParams.get('client_id');
        return authorizePage(state, url.searchParams);
      }
      if (method === 'POST') {
        const form = parseForm(request.headers['content-type'], body);
        entry.clientId = form.client_id ?? null;
        return authorizeSubmit(state, form);
      }
    }
    if (pathname === '/oauth/token' && method === 'POST') {
      const form = parseForm(request.headers['content-type'], body);
      entry.clientId = clientIdOf(form, request.headers);
      return token(state, form, request.headers);
    }
    if (pathname === '/oauth/revoke' && method === 'POST') {
      const form = parseForm(request.headers['content-type'], body);
      entry.clientId = clientIdOf(form, request.headers);
      return revoke(state, form, request.headers);
    }
    const range = /^\/range\/([^/]*)$/.exec(pathname);
    if (range && method === 'GET') {
      return rangeReply(range[1] ?? '', state.seed.breachedPasswords, String(request.headers['add-padding']).toLowerCase() === 'true');
    }
    const api = parseApiPath(pathname);
    if (!api) return iscError(404, `No route for ${method} ${pathname}.`);
    entry.apiVersion = api.version;
    const principal = authenticate(state, request.headers);
    if (isReply(principal)) return principal;
    entry.clientId = principal.clientId;
    const limited = rateLimit(state, principal.clientId, api.version);
    if (limited) return limited;
    const json = ['POST', 'PUT', 'PATCH'].includes(method) ? parseJson(body) : undefined;
    const handler = api.resource === SOURCES_RESOURCE ? handleSources : handleApi;
    return handler({ state, ...api, method, query: url.searchParams, headers: request.headers, body: json, principal });
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const startedAt = performance.now();
    const url = new URL(request.url ?? '/', 'http://sandbox.invalid');
    const method = request.method ?? 'GET';
    if (url.pathname.startsWith('/__sandbox/')) {
      await handleControl(request, response, url);
      return;
    }
    settleDue(state);
    const entry: RequestLogEntry = {
      seq: ++state.logSeq,
      at: new Date(state.now()).toISOString(),
      method,
      path: redactedPath(url),
      status: 0,
      clientId: null,
      apiVersion: null,
      durationMs: 0,
      fault: null,
    };
    const finish = (status: number) => {
      entry.status = status;
      entry.durationMs = Math.round((performance.now() - startedAt) * 100) / 100;
      state.log.push(entry);
    };
    const cors = corsHeaders(request.headers.origin, url.pathname);
    if (method === 'OPTIONS') {
      send(response, { status: 204 }, cors);
      finish(204);
      return;
    }
    const fault = takeFault(state, method, url.pathname);
    if (fault) entry.fault = describeFault(fault);
    if (fault?.latencyMs) await sleep(fault.latencyMs);
    if (fault?.drop === 'before-body') {
      request.socket.destroy();
      finish(0);
      return;
    }
    let reply: Reply;
    if (fault?.status) {
      reply = faultReply(fault.status);
    } else {
      try {
        reply = await route(request, url, await readBody(request), entry);
      } catch (error) {
        reply = error instanceof BodyError ? bodyErrorReply(error) : iscError(500, 'The sandbox tenant hit an unexpected error.');
      }
    }
    if (fault) reply = reshapedReply(reply, fault);
    if (fault?.drop === 'after-processing') {
      request.socket.destroy();
      finish(0);
      return;
    }
    send(response, reply, cors);
    finish(reply.status);
  }

  async function controlReply(request: IncomingMessage, url: URL): Promise<Reply> {
    if (!LOOPBACK.has(request.socket.remoteAddress ?? '')) return iscError(403, 'The sandbox controls answer loopback clients only.');
    const method = request.method ?? 'GET';
    const path = url.pathname.slice('/__sandbox'.length);
    const body = (parseJson(await readBody(request)) ?? {}) as Record<string, unknown>;
    const key = `${method} ${path}`;
    if (key === 'GET /info') return json(200, { url: baseUrl(), config: state.config, ...controls.seedInfo() });
    if (key === 'GET /config') return json(200, state.config);
    if (key === 'POST /config') return json(200, controls.configure(body as TenantConfigPatch));
    if (key === 'POST /faults') return json(201, { id: controls.injectFault(body as unknown as FaultSpec) });
    if (key === 'POST /faults/clear') {
      controls.clearFaults();
      return { status: 204 };
    }
    const rotate = /^POST \/sources\/([^/]+)\/rotate-key$/.exec(key);
    if (rotate) return json(200, { publicKeyId: await controls.rotateKey(decodeURIComponent(rotate[1] ?? '')) });
    if (key === 'POST /refresh-tokens/revoke') {
      const identity = typeof body.identity === 'string' ? body.identity : undefined;
      return json(200, { revoked: controls.revokeRefreshTokens(identity) });
    }
    if (key === 'GET /clock') return json(200, { now: controls.now(), offsetMs: state.clockOffset });
    if (key === 'POST /clock') {
      if (typeof body.offsetMs === 'number') controls.setClockOffset(body.offsetMs);
      if (typeof body.advanceMs === 'number') controls.advanceClock(body.advanceMs);
      return json(200, { now: controls.now(), offsetMs: state.clockOffset });
    }
    if (key === 'GET /request-log') return json(200, state.log);
    if (key === 'POST /request-log/clear') {
      controls.clearRequestLog();
      return { status: 204 };
    }
    const account = /^GET \/accounts\/(.+)$/.exec(key);
    if (account) return json(200, controls.accountState(decodeURIComponent(account[1] ?? '')));
    if (key === 'POST /tokens') {
      const scopes = Array.isArray(body.scopes) ? body.scopes.map(String) : undefined;
      return json(200, controls.issueToken(String(body.identity ?? ''), scopes));
    }
    if (key === 'GET /stats') return json(200, { setPasswordCount: controls.setPasswordCount() });
    return iscError(404, `No sandbox control ${key}.`);
  }

  async function handleControl(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    let reply: Reply;
    try {
      reply = await controlReply(request, url);
    } catch (error) {
      if (error instanceof ControlError) reply = iscError(error.status, error.message);
      else if (error instanceof BodyError) reply = bodyErrorReply(error);
      else reply = iscError(500, error instanceof Error ? error.message : 'Unexpected control error.');
    }
    send(response, reply, {});
  }

  return createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) send(response, iscError(500, 'The sandbox tenant hit an unexpected error.'), {});
    });
  });
}
