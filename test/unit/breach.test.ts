import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BreachMessageKey,
  type BreachResult,
  checkPasswordBreach,
  DEFAULT_BREACH_ENDPOINT,
  decideBreachVerdict,
  type FetchLike,
  findSuffixCount,
  hashForRange,
} from '@/utils/breach';

const password = 'correct horse battery staple';
const fullHash = createHash('sha1').update(password, 'utf8').digest('hex').toUpperCase();
const prefix = fullHash.slice(0, 5);
const suffix = fullHash.slice(5);

interface Call {
  url: string;
  init: RequestInit;
}

function fakeFetch(reply: (url: string) => Response | Promise<Response>): FetchLike & { calls: Call[] } {
  const calls: Call[] = [];
  const fetch = async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return reply(url);
  };
  return Object.assign(fetch, { calls });
}

const paddingLine = (i: number) => `${createHash('sha1').update(`pad${i}`).digest('hex').toUpperCase().slice(5)}:0`;

describe('hashForRange', () => {
  it('splits the upper-case SHA-1 of the UTF-8 password into a 5-character prefix and a 35-character suffix', () => {
    expect(hashForRange(password)).toEqual({ prefix, suffix });
    const accented = createHash('sha1').update('Pâsswörd ß 密码 😀', 'utf8').digest('hex').toUpperCase();
    expect(hashForRange('Pâsswörd ß 密码 😀')).toEqual({ prefix: accented.slice(0, 5), suffix: accented.slice(5) });
  });

  it('matches the published range example for "password"', () => {
    expect(hashForRange('password')).toEqual({ prefix: '5BAA6', suffix: '1E4C9B93F3F0682250B6CF8331B7EE68FD8' });
  });
});

describe('findSuffixCount', () => {
  it('returns the count of the matching line, ignoring case and CRLF line ends', () => {
    const body = `0018A45C4D1DEF81644B54AB7F969B88D65:1\r\n${suffix.toLowerCase()}:3861493\r\n00D4F6E8FA6EECAD2A3AA415EEC418D38EC:2`;
    expect(findSuffixCount(body, suffix)).toBe(3861493);
  });

  it('returns 0 when the suffix is absent or only present as a zero-count padding line', () => {
    expect(findSuffixCount(`${paddingLine(1)}\r\n${paddingLine(2)}`, suffix)).toBe(0);
    expect(findSuffixCount(`${suffix}:0\r\n${paddingLine(2)}`, suffix)).toBe(0);
    expect(findSuffixCount('', suffix)).toBe(0);
  });

  it('rejects bodies that are not range replies', () => {
    for (const body of ['<html>captive portal</html>', `${suffix}:many`, `${suffix.slice(1)}:4`, `${suffix}:4\r\nnonsense`]) {
      expect(findSuffixCount(body, suffix)).toBeNull();
    }
  });
});

describe('checkPasswordBreach', () => {
  it('sends only the 5-character prefix, with padding requested and no cookies', async () => {
    const fetch = fakeFetch(() => new Response(`${suffix}:42\r\n${paddingLine(1)}`));
    expect(await checkPasswordBreach(password, { fetch })).toEqual({ status: 'breached', count: 42 });
    expect(fetch.calls).toHaveLength(1);
    const [{ url, init }] = fetch.calls as [Call];
    expect(url).toBe(`${DEFAULT_BREACH_ENDPOINT}/range/${prefix}`);
    expect(new Headers(init.headers).get('Add-Padding')).toBe('true');
    expect(init.credentials).toBe('omit');
  });

  it('never puts the password, the full hash or the suffix in the URL or headers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' }), async (candidate) => {
        const fetch = fakeFetch(() => new Response(paddingLine(0)));
        await checkPasswordBreach(candidate, { fetch, endpoint: 'https://range.example' });
        const { prefix: sent, suffix: kept } = hashForRange(candidate);
        const [{ url, init }] = fetch.calls as [Call];
        expect(url).toBe(`https://range.example/range/${sent}`);
        const headerText = JSON.stringify([...new Headers(init.headers)]);
        for (const secret of [candidate, encodeURIComponent(candidate), kept, `${sent}${kept}`]) {
          if (secret.length >= 6) expect(`${url} ${headerText}`).not.toContain(secret);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('reports not-found when the suffix only appears as zero-count padding', async () => {
    const fetch = fakeFetch(() => new Response(`${paddingLine(1)}\r\n${suffix}:0\r\n${paddingLine(2)}`));
    expect(await checkPasswordBreach(password, { fetch })).toEqual({ status: 'not-found' });
  });

  it('uses a configured endpoint, with or without a trailing slash', async () => {
    const fetch = fakeFetch(() => new Response(''));
    await checkPasswordBreach(password, { fetch, endpoint: 'https://hibp.corp.example/api/' });
    expect(fetch.calls[0]?.url).toBe(`https://hibp.corp.example/api/range/${prefix}`);
  });

  it('reports an HTTP error status as unavailable, not as safe', async () => {
    for (const status of [404, 429, 500, 503]) {
      const fetch = fakeFetch(() => new Response('oops', { status }));
      expect(await checkPasswordBreach(password, { fetch })).toEqual({ status: 'unavailable', reason: 'http-error' });
    }
  });

  it('reports a body that is not a range reply as a bad response', async () => {
    const fetch = fakeFetch(() => new Response('<html>Sign in to the Wi-Fi</html>'));
    expect(await checkPasswordBreach(password, { fetch })).toEqual({ status: 'unavailable', reason: 'bad-response' });
  });

  it('reports a failed connection as a network problem', async () => {
    const fetch = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await checkPasswordBreach(password, { fetch })).toEqual({ status: 'unavailable', reason: 'network' });
  });

  it('gives up after the timeout, aborting the request', async () => {
    let signal: AbortSignal | undefined;
    const fetch: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => {
        signal = init.signal ?? undefined;
        signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    const started = performance.now();
    expect(await checkPasswordBreach(password, { fetch, timeoutMs: 50 })).toEqual({ status: 'unavailable', reason: 'timeout' });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(signal?.aborted).toBe(true);
  });

  it('stops when the caller cancels, reporting it as aborted rather than as a network failure', async () => {
    const controller = new AbortController();
    const fetch: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => {
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        controller.abort();
      });
    expect(await checkPasswordBreach(password, { fetch, signal: controller.signal })).toEqual({ status: 'unavailable', reason: 'aborted' });
  });

  it('does not call the range API at all with an already-cancelled signal', async () => {
    const fetch = fakeFetch(() => new Response(''));
    expect(await checkPasswordBreach(password, { fetch, signal: AbortSignal.abort() })).toEqual({
      status: 'unavailable',
      reason: 'aborted',
    });
    expect(fetch.calls).toHaveLength(0);
  });
});

describe('decideBreachVerdict', () => {
  const breached: BreachResult = { status: 'breached', count: 1234 };
  const notFound: BreachResult = { status: 'not-found' };
  const reasons = ['timeout', 'network', 'http-error', 'bad-response', 'aborted'] as const;

  it('allows submitting without a warning when the check is off', () => {
    for (const result of [breached, notFound, { status: 'unavailable', reason: 'timeout' } as const]) {
      expect(decideBreachVerdict(result, 'off')).toEqual({ allowSubmit: true, severity: 'none', messageKey: 'breach.off', params: [] });
    }
  });

  it('warns about a breached password but lets it through in warn mode', () => {
    expect(decideBreachVerdict(breached, 'warn')).toEqual({
      allowSubmit: true,
      severity: 'warning',
      messageKey: 'breach.foundWarning',
      params: ['1234'],
      count: 1234,
    });
  });

  it('blocks a breached password in block mode', () => {
    expect(decideBreachVerdict(breached, 'block')).toEqual({
      allowSubmit: false,
      severity: 'blocking',
      messageKey: 'breach.foundBlocking',
      params: ['1234'],
      count: 1234,
    });
  });

  it('confirms a password that was not found', () => {
    for (const mode of ['warn', 'block'] as const) {
      expect(decideBreachVerdict(notFound, mode)).toEqual({
        allowSubmit: true,
        severity: 'none',
        messageKey: 'breach.notFound',
        params: [],
      });
    }
  });

  it('never blocks on an outage, even in block mode, and says the password was not checked', () => {
    for (const mode of ['warn', 'block'] as const) {
      for (const reason of reasons) {
        expect(decideBreachVerdict({ status: 'unavailable', reason }, mode)).toEqual({
          allowSubmit: true,
          severity: 'info',
          messageKey: 'breach.unavailable',
          params: [],
        });
      }
    }
  });
});

describe('breach locale section', () => {
  it('has an English message for every verdict, with singular and plural forms for the counts', () => {
    const yaml = readFileSync(new URL('../../locales/en.yml', import.meta.url), 'utf8');
    const section = /^breach:\n((?: {2}.*\n?)*)/m.exec(yaml)?.[1] ?? '';
    const simple: BreachMessageKey[] = ['breach.off', 'breach.notFound', 'breach.unavailable'];
    const plural: BreachMessageKey[] = ['breach.foundWarning', 'breach.foundBlocking'];
    for (const key of simple) expect(section).toMatch(new RegExp(`^ {2}${key.split('.')[1]}: \\S`, 'm'));
    for (const key of plural) {
      expect(section).toMatch(new RegExp(`^ {2}${key.split('.')[1]}:\\n {4}1: \\S.*\\n {4}n: .*\\$1`, 'm'));
    }
  });
});
