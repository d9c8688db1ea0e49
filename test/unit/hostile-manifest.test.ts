import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { outputDir } from '@/sandbox/browser/build-dir';

/**
 * What the built packages let in, beyond test/unit/manifest.test.ts: the exact permission set, a CSP with
 * nothing to loosen, nothing exposed to web pages or other extensions, and no way to run code that was
 * not shipped (no eval, no Function constructor, no remote scripts or imports) in any built file.
 */

const root = resolve(import.meta.dirname, '../..');
// Where `npm run build` wrote them (`$REKEY_OUT_DIR`, else .output); a missing one is built there.
const targets = [
  { name: 'chrome', dir: resolve(outputDir, 'chrome-mv3'), build: ['wxt', 'build'] },
  { name: 'firefox', dir: resolve(outputDir, 'firefox-mv3'), build: ['wxt', 'build', '-b', 'firefox', '--mv3'] },
] as const;

/** Every remote origin the shipped code may name; anything new needs a look (and an entry in SECURITY.md). */
const knownRemoteUrls = [
  /^https:\/\/api\.pwnedpasswords\.com$/, // breach check default (k-anonymity range API)
  /^https:\/\/(login\.microsoftonline\.com|\*\.okta\.com|accounts\.google\.com|\*\.login\.sailpoint\.com|\*\.identitynow\.com|\*\.pingone\.com|\*\.onelogin\.com)\/\*$/, // watched sign-in pages
  /^https?:\/\/\*\/\*$/, // match-pattern examples in the options page
  /^http:\/\/www\.w3\.org\/(2000\/svg|1998\/Math\/MathML|1999\/xhtml|1999\/xlink|XML\/1998\/namespace|2000\/xmlns\/)$/, // DOM namespaces (Preact)
  /^https:\/\/(wxt\.dev|github\.com\/wxt-dev)\//, // WXT's error messages
  // Built at run time from the configured tenant (normalizeTenant, discovery fallback, host permissions).
  /^https?:\/\/\$\{\w+\}(\.api\.identitynow\.com|\.login\.sailpoint\.com)?(\/\*|\/oauth\/(authorize|token))?$/,
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

describe.each(targets)('the built $name package', ({ name, dir, build }) => {
  const packageDir = resolve(root, dir);
  let manifest: Record<string, unknown>;
  let scripts: Array<{ file: string; code: string }>;
  let pages: Array<{ file: string; html: string }>;

  beforeAll(() => {
    if (!existsSync(join(packageDir, 'manifest.json'))) execFileSync('npx', [...build], { cwd: root, stdio: 'ignore' });
    manifest = JSON.parse(readFileSync(join(packageDir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    const files = filesUnder(packageDir);
    scripts = files
      .filter((file) => /\.m?js$/.test(file))
      .map((file) => ({ file: relative(packageDir, file), code: readFileSync(file, 'utf8') }));
    pages = files
      .filter((file) => file.endsWith('.html'))
      .map((file) => ({ file: relative(packageDir, file), html: readFileSync(file, 'utf8') }));
  }, 120_000);

  it('asks for exactly storage, identity, alarms, notifications, scripting and the clipboard, and no host at install', () => {
    // clipboardRead/clipboardWrite (and Chrome's offscreen document): the worker's wipe of a copied password.
    const clipboard = name === 'chrome' ? ['clipboardRead', 'clipboardWrite', 'offscreen'] : ['clipboardRead', 'clipboardWrite'];
    expect([...((manifest.permissions as string[]) ?? [])].sort()).toEqual(
      [...clipboard, 'alarms', 'identity', 'notifications', 'scripting', 'storage'].sort(),
    );
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.optional_permissions ?? []).toEqual([]);
    expect([...((manifest.optional_host_permissions as string[]) ?? [])].sort()).toEqual([
      'http://127.0.0.1/*',
      'http://localhost/*',
      'https://*/*',
    ]);
  });

  it('has a content security policy with nothing to loosen it', () => {
    const policy = manifest.content_security_policy as Record<string, string>;
    expect(Object.keys(policy)).toEqual(['extension_pages']);
    const directives = Object.fromEntries(
      policy.extension_pages!.split(';').map((directive) => {
        const [name = '', ...values] = directive.trim().split(/\s+/);
        return [name, values];
      }),
    );
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'self'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(policy.extension_pages).not.toMatch(/unsafe-|wasm-unsafe-eval|data:|blob:|https?:|\*/);
  });

  it('exposes nothing to web pages or other extensions', () => {
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.web_accessible_resources).toBeUndefined();
    // The expiry watcher is registered at runtime, for granted sites only: no static content script on every page.
    expect(manifest.content_scripts).toBeUndefined();
    expect(manifest.sandbox).toBeUndefined();
    expect(manifest.oauth2).toBeUndefined();
    expect(manifest.key).toBeUndefined();
  });

  it('ships code only: no eval, no Function constructor, no remote scripts, imports or workers', () => {
    expect(scripts.length).toBeGreaterThan(2);
    const forbidden: Array<[string, RegExp]> = [
      ['eval', /(^|[^\w$.])eval\s*\(/],
      ['Function constructor', /\bnew\s+Function\s*\(|(^|[^\w$.])Function\s*\(\s*["'`]/],
      ['string timer', /\bset(Timeout|Interval)\s*\(\s*["'`]/],
      ['importScripts', /\bimportScripts\s*\(/],
      ['remote import', /\bimport\s*\(\s*["'`](https?:)?\/\//],
      ['remote script element', /<script[^>]+src\s*=\s*["']?(https?:)?\/\//i],
      ['document.write', /\bdocument\.write(ln)?\s*\(/],
      ['remote worker', /new\s+(Shared)?Worker\s*\(\s*["'`](https?:)?\/\//],
    ];
    for (const { file, code } of scripts) {
      for (const [what, pattern] of forbidden) expect(pattern.test(code), `${what} in ${file}`).toBe(false);
    }
  });

  it('names no remote origin that is not accounted for', () => {
    const unknown = new Set<string>();
    for (const { file, code } of scripts) {
      for (const [url] of code.matchAll(/https?:\/\/[^\s"'`)\\<>]+/g)) {
        if (!knownRemoteUrls.some((known) => known.test(url.replace(/[.,;]+$/, '')))) unknown.add(`${file}: ${url}`);
      }
    }
    expect([...unknown]).toEqual([]);
  });

  it('loads only packaged scripts from its pages, none inline', () => {
    // Chrome also ships the worker's offscreen clipboard document (never web-accessible).
    const expected = name === 'chrome' ? ['offscreen-clipboard.html', 'options.html', 'popup.html'] : ['options.html', 'popup.html'];
    expect(pages.map((page) => page.file).sort()).toEqual(expected);
    for (const { file, html } of pages) {
      for (const [tag, attributes = ''] of html.matchAll(/<script\b([^>]*)>/gi)) {
        const src = /\bsrc\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1];
        expect(src, `inline script in ${file}: ${tag}`).toBeDefined();
        expect(src, `remote script in ${file}`).toMatch(/^\/?(chunks|assets|[\w-]+)[\w./-]*\.js$/);
      }
      expect(html, `remote stylesheet or resource in ${file}`).not.toMatch(/(href|src)\s*=\s*["']?(https?:)?\/\//i);
      expect(html, `inline event handler in ${file}`).not.toMatch(/\son[a-z]+\s*=/i);
    }
  });
});

describe('the E2E build', () => {
  it('differs from the shipped Chrome build only by loopback host access', () => {
    const e2eDir = resolve(outputDir, 'chrome-mv3-e2e');
    if (!existsSync(join(e2eDir, 'manifest.json'))) execFileSync('npx', ['wxt', 'build', '--mode', 'e2e'], { cwd: root, stdio: 'ignore' });
    const shipped = JSON.parse(readFileSync(resolve(outputDir, 'chrome-mv3/manifest.json'), 'utf8')) as Record<string, unknown>;
    const { host_permissions: hosts, ...rest } = JSON.parse(readFileSync(join(e2eDir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(hosts).toEqual(['http://127.0.0.1/*']);
    expect(rest).toEqual(shipped);
  }, 120_000);
});
