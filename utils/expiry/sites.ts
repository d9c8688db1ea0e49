/**
 * Which sites Rekey watches for "password expired" messages, and which password each one is
 * about. Pure: the background turns the result into runtime content-script registrations.
 */

/** Identity-provider sign-in hosts watched once the user (or policy) grants access to them. */
export const builtInExpiryPatterns = [
  'https://login.microsoftonline.com/*',
  'https://*.okta.com/*',
  'https://accounts.google.com/*',
  'https://*.login.sailpoint.com/*',
  'https://*.identitynow.com/*',
  'https://*.pingone.com/*',
  'https://*.onelogin.com/*',
] as const;

/** The host access the built-in list needs. */
export function builtInExpiryOrigins(): string[] {
  return builtInExpiryPatterns.map(permissionOrigin);
}

export interface WatchedSite {
  pattern: string;
  /** The configured source this page's password belongs to, when the admin said so. */
  sourceName: string | null;
}

/**
 * Admin entries are `match pattern` or `match pattern | Source name`, e.g.
 * `https://sso.corp.example/* | Active Directory`. Invalid patterns are dropped.
 */
export function parseExpirySites(entries: readonly string[]): WatchedSite[] {
  return entries.flatMap((entry) => {
    const [pattern = '', sourceName = ''] = entry.split('|').map((part) => part.trim());
    return isMatchPattern(pattern) ? [{ pattern, sourceName: sourceName || null }] : [];
  });
}

export function isMatchPattern(pattern: string): boolean {
  return /^(https?|\*):\/\/(\*|\*\.[^/*:]+|[^/*:]+)(:\d+|:\*)?\/.*$/.test(pattern);
}

/** Whether a URL matches a Chrome match pattern (scheme, host with optional `*.` prefix, path glob). */
export function matchesPattern(url: string, pattern: string): boolean {
  const parsed = /^(https?|\*):\/\/(\*|\*\.[^/*:]+|[^/*:]+)(?::(\d+|\*))?(\/.*)$/.exec(pattern);
  if (!parsed) return false;
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  const [, scheme, host = '', , path = '/*'] = parsed;
  const targetScheme = target.protocol.slice(0, -1);
  if (scheme === '*' ? !['http', 'https'].includes(targetScheme) : scheme !== targetScheme) return false;
  const hostname = target.hostname.toLowerCase();
  if (host !== '*') {
    const wanted = host.toLowerCase();
    if (wanted.startsWith('*.')) {
      const base = wanted.slice(2);
      if (hostname !== base && !hostname.endsWith(`.${base}`)) return false;
    } else if (hostname !== wanted) return false;
  }
  const glob = new RegExp(
    `^${path
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return glob.test(target.pathname + target.search);
}

/** The source a page is about: the admin's mapping, else the first configured source. */
export function sourceForPage(url: string, sites: readonly WatchedSite[], configuredSources: readonly string[]): string | null {
  const mapped = sites.find((site) => site.sourceName && matchesPattern(url, site.pattern));
  if (mapped?.sourceName && configuredSources.includes(mapped.sourceName)) return mapped.sourceName;
  return configuredSources[0] ?? null;
}

/** The host-permission origins a pattern needs (match patterns carry no port). */
export function permissionOrigin(pattern: string): string {
  return pattern.replace(/^([^:]+:\/\/[^/:]+)(:\d+|:\*)?\/.*$/, '$1/*');
}
