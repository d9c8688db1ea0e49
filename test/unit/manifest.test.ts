import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { outputDir } from '@/sandbox/browser/build-dir';

/** Permissions Rekey may hold at install time. Anything else needs a security review. */
const allowedPermissions = new Set([
  'storage',
  'identity',
  'alarms',
  'notifications',
  'scripting',
  // The worker clears a copied password 60 s later, only if the clipboard still holds it: it reads to compare.
  'clipboardRead',
  'clipboardWrite',
  // Chrome: the worker's clipboard is a short-lived offscreen document (reason CLIPBOARD).
  'offscreen',
]);
const forbidden = ['<all_urls>', 'tabs', 'webRequest', 'webRequestBlocking', 'cookies', 'history', 'debugger', 'nativeMessaging'];

const root = resolve(import.meta.dirname, '../..');
const targets = [
  { browser: 'chrome', dir: resolve(outputDir, 'chrome-mv3') },
  { browser: 'firefox', dir: resolve(outputDir, 'firefox-mv3') },
] as const;

function readManifest(dir: string): Record<string, unknown> {
  return JSON.parse(readFileSync(resolve(root, dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
}

describe.each(targets)('built $browser manifest', ({ browser, dir }) => {
  let manifest: Record<string, unknown>;
  beforeAll(() => {
    if (!existsSync(resolve(root, dir, 'manifest.json'))) {
      execFileSync('npx', ['wxt', 'build', '-b', browser, '--mv3'], { cwd: root, stdio: 'ignore' });
    }
    manifest = readManifest(dir);
  });

  it('is Manifest V3', () => {
    expect(manifest.manifest_version).toBe(3);
  });

  it('asks only for allow-listed permissions at install', () => {
    const permissions = (manifest.permissions as string[] | undefined) ?? [];
    for (const permission of permissions) expect(allowedPermissions, `unexpected permission ${permission}`).toContain(permission);
    for (const bad of forbidden) expect(permissions).not.toContain(bad);
  });

  it('keeps every host permission optional', () => {
    expect(manifest.host_permissions ?? []).toEqual([]);
    const required = JSON.stringify(manifest.permissions ?? []);
    expect(required).not.toMatch(/:\/\/|<all_urls>/);
    expect(manifest.optional_host_permissions).toEqual(expect.arrayContaining(['https://*/*']));
  });

  it('has a strict content security policy and no external connections', () => {
    const csp = (manifest.content_security_policy as { extension_pages?: string } | undefined)?.extension_pages ?? '';
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:/);
    expect(manifest.externally_connectable).toBeUndefined();
  });

  it("starts the worker from background.js; Firefox's background page loads the worker chunks' file before it", () => {
    const background = manifest.background as { service_worker?: string; scripts?: string[] };
    if (browser === 'chrome') {
      // Chrome's worker imports its chunks itself (entrypoints/background/chunks.ts).
      expect(background.service_worker).toBe('background.js');
      return;
    }
    expect(background.scripts).toEqual(['worker-chunks.js', 'background.js']);
    for (const script of background.scripts ?? []) expect(existsSync(resolve(root, dir, script)), script).toBe(true);
  });

  if (browser === 'firefox') {
    it('names a gecko id', () => {
      const gecko = (manifest.browser_specific_settings as { gecko?: { id?: string } } | undefined)?.gecko;
      expect(gecko?.id).toMatch(/@/);
    });
  }
});
