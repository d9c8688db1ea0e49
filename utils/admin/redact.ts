/**
 * Removes anything that looks like a credential from text meant for a support ticket. The diagnostics
 * never collect a token on purpose; this is the second line of defence for values that came from
 * elsewhere (a server message, a path, a misconfigured field), so it errs on the side of redacting.
 */

export const REDACTED = '[redacted]';

// A JWT: three base64url parts, the first a JSON header ("eyJ" is base64 of '{"').
const jwt = /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;
// Any other dotted three-part base64url blob long enough to be a signed token.
const dottedToken = /\b[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}\b/g;
const authScheme = /\b(Bearer|Basic)(\s+)[A-Za-z0-9\-._~+/]+=*/gi;
// `name=value`, `name: value`, `"name": "value"` for names that carry secrets. The look-behind keeps
// scope names such as `idn:password-org-config:read` and paths such as `/set-password` intact.
const secretField =
  /(?<![\w:/-])((?:client[_-]?)?secret|pass(?:word|wd|phrase)?|pwd|(?:access|refresh|id|digit|bearer|api|auth)?[_-]?token|api[_-]?key|authorization|code[_-]?verifier|private[_-]?key)(["']?\s*[:=]\s*["']?)([^\s"',;&]+)/gi;
const secretQuery =
  /([?&;#](?:access_token|refresh_token|id_token|token|code|code_verifier|client_secret|secret|password|state)=)[^&\s#]*/gi;
// 40+ characters without separators: longer than ISC's 32-hex ids, as long as secrets and keys are.
const longOpaque = /(?<![A-Za-z0-9_+-])(?=[A-Za-z0-9_+-]*\d)(?=[A-Za-z0-9_+-]*[A-Za-z])[A-Za-z0-9_+-]{40,}={0,2}/g;

export function redactSecrets(text: string): string {
  return text
    .replace(jwt, REDACTED)
    .replace(dottedToken, REDACTED)
    .replace(authScheme, (_whole, scheme: string, space: string) => `${scheme}${space}${REDACTED}`)
    .replace(secretQuery, (_whole, name: string) => `${name}${REDACTED}`)
    .replace(secretField, (_whole, name: string, separator: string) => `${name}${separator}${REDACTED}`)
    .replace(longOpaque, REDACTED);
}

const secretKey = /secret|passw|pwd|token$|^token|accesstoken|refreshtoken|authorization|apikey|credential|verifier|privatekey/i;

/**
 * A deep copy with every string passed through `redactSecrets`, and string values under secret-looking
 * keys replaced whole (numbers and booleans stay: `digitTokenLength: 6` is not a secret).
 */
export function redactDeep<T>(value: T): T {
  return walk(value, '') as T;
}

function walk(value: unknown, key: string): unknown {
  if (typeof value === 'string') return secretKey.test(key.replace(/[_-]/g, '')) ? REDACTED : redactSecrets(value);
  if (Array.isArray(value)) return value.map((item) => walk(item, key));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([name, item]) => [redactSecrets(name), walk(item, name)]));
  }
  return value;
}
