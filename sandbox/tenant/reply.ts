import { randomBytes } from 'node:crypto';

/** What a handler answers; the server decides how (or whether, under a fault) to send it. */
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

const DETAIL_CODES: Record<number, string> = {
  400: '400.1 Bad Request Content',
  401: '401 Unauthorized',
  403: '403 Forbidden',
  404: '404 Not found',
  405: '405 Method Not Allowed',
  413: '413 Payload Too Large',
  429: '429 Too Many Requests',
  500: '500.0 Internal Fault',
  502: '502 Bad Gateway',
  503: '503 Service Unavailable',
};

export function json(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'Content-Type': 'application/json;charset=utf-8', ...headers }, body: JSON.stringify(value) };
}

/** ISC's ErrorResponseDto. */
export function iscErrorBody(status: number, text: string) {
  return {
    detailCode: DETAIL_CODES[status] ?? `${status} Error`,
    trackingId: randomBytes(16).toString('hex'),
    messages: [{ locale: 'en-US', localeOrigin: 'DEFAULT', text }],
    causes: [],
  };
}

export function iscError(status: number, text: string): Reply {
  return json(status, iscErrorBody(status, text));
}

/** The resource servers answer token problems with a bare `{ error }` body, as ISC does. */
export function unauthorized(text: string): Reply {
  return json(401, { error: text }, { 'WWW-Authenticate': 'Bearer' });
}

export function rateLimited(retryAfterSeconds: number): Reply {
  return json(429, { message: 'Rate Limit Exceeded' }, { 'Retry-After': String(retryAfterSeconds) });
}

/** RFC 6749 §5.2 token endpoint error. */
export function oauthError(status: number, error: string, description: string): Reply {
  return json(status, { error, error_description: description }, { 'Cache-Control': 'no-store' });
}

/** The body ISC-like servers answer with for a status, used by injected faults. */
export function faultReply(status: number): Reply {
  if (status === 429) return rateLimited(1);
  if (status === 401) return unauthorized('JWT validation failed: JWT is expired');
  return iscError(status, `Injected fault: the sandbox answered ${status}.`);
}

export function html(status: number, body: string): Reply {
  return {
    status,
    headers: {
      'Content-Type': 'text/html;charset=utf-8',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
      'Cache-Control': 'no-store',
      'X-Frame-Options': 'DENY',
    },
    body,
  };
}

export function redirect(location: string): Reply {
  return { status: 302, headers: { Location: location, 'Cache-Control': 'no-store' } };
}

export function text(status: number, body: string, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'Content-Type': 'text/plain;charset=utf-8', ...headers }, body };
}
