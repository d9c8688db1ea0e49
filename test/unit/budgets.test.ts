import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { outputDir } from '@/sandbox/browser/build-dir';
import { type BundleSizes, enforcedBudgets, measureBundles } from '../../bench/size';

const root = resolve(import.meta.dirname, '../..');

describe('bundle size budgets (deterministic: bytes, not time)', () => {
  let sizes: BundleSizes;
  beforeAll(() => {
    if (!existsSync(resolve(outputDir, 'chrome-mv3/manifest.json'))) execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'ignore' });
    sizes = measureBundles();
  }, 120_000);

  it("keeps the popup's initial JavaScript within 20 kB gzipped", () => {
    expect(sizes.popupInitial.gzip).toBeLessThanOrEqual(enforcedBudgets.popupInitialGzip);
  });

  it("loads the popup's first screen from one module file (no chunk shared with the options page, nothing preloaded), started by one small classic script that paints the kept frame first", () => {
    // Each further file was one more request and one more compilation before the popup's first paint.
    const [frame, ...modules] = [...sizes.popupInitial.files].sort((a) => (a === 'popup-frame.js' ? -1 : 1));
    expect(frame).toBe('popup-frame.js');
    expect(modules).toHaveLength(1);
    const html = readFileSync(resolve(outputDir, 'chrome-mv3/popup.html'), 'utf8');
    expect(html.match(/<script\b/g)).toHaveLength(1);
    expect(html).toContain(`<div id="app"></div>\n    <script src="/popup-frame.js" data-module="/${modules[0]}"></script>`);
    expect(html).not.toMatch(/modulepreload|rel="stylesheet"/);
    expect(sizes.optionsInitial.files).not.toContain(modules[0]);
    // What paints the kept frame must stay far smaller than the script it paints ahead of (2 150 B while Chrome's copy
    // still carried Firefox's background-page check; 1 998 B without it).
    expect(gzipSync(readFileSync(resolve(outputDir, 'chrome-mv3/popup-frame.js'))).length).toBeLessThanOrEqual(2048);
  });

  it('keeps the lazily loaded crypto chunk within 2 kB gzipped, out of the initial load', () => {
    const crypto = sizes.lazyChunks.filter((c) => c.kind === 'crypto');
    expect(crypto).toHaveLength(1);
    expect(crypto[0]!.gzip).toBeLessThanOrEqual(enforcedBudgets.cryptoChunkGzip);
    expect(sizes.popupInitial.files.some((f) => f.includes('crypto'))).toBe(false);
  });

  it('keeps the expiry watcher every watched page loads within 6 kB gzipped; the classifier is injected only on demand', () => {
    expect(sizes.contentScript).not.toBeNull();
    expect(sizes.contentScript!.gzip).toBeLessThanOrEqual(6 * 1024);
    expect(sizes.injectedScripts.map((script) => script.file)).toContain('content-scripts/expiry-classifier.js');
  });

  it('keeps the on-demand expiry classifier within its ceiling', () => {
    const classifier = sizes.injectedScripts.find((script) => script.file === 'content-scripts/expiry-classifier.js');
    expect(classifier!.gzip).toBeLessThanOrEqual(enforcedBudgets.expiryClassifierGzip);
  });

  it("starts the worker on background.js alone: the tenant's API, the page prompt and rare events' code are in the worker's one chunks file, loaded on first use", () => {
    const background = readFileSync(resolve(outputDir, 'chrome-mv3/background.js'), 'utf8');
    const chunks = readFileSync(resolve(outputDir, 'chrome-mv3/worker-chunks.js'), 'utf8');
    // One file: each script the worker installed costs every start of it, imported or not.
    expect(sizes.workerChunks.map((c) => c.file)).toEqual(['worker-chunks.js']);
    // What the chunks are for, by strings only their code has: the API paths and sign-in, the page prompt's
    // content-script registration, reminders' notifications, the clipboard wipe's offscreen document, the translator's
    // locale choice, the diagnostics record and a failure's explanation (the generic error's locale key), and the
    // schemas of requests whose handlers need a chunk (a password's info, the admin relay's operations).
    for (const chunkOnly of [
      'query-password-info',
      'password-change-status',
      'code_challenge',
      'registerContentScripts',
      'reminder-',
      'offscreen-clipboard.html',
      'getUILanguage',
      'durationMs',
      'errors.unexpected',
      'forceRefresh',
      'sync-groups/get',
    ]) {
      expect(background).not.toContain(chunkOnly);
      expect(chunks).toContain(chunkOnly);
    }
  });

  it("keeps every script Chrome's worker installs within its ceiling in all (each one's bytes cost every worker start)", () => {
    const installed = sizes.background.raw + sizes.workerChunks.reduce((sum, chunk) => sum + chunk.raw, 0);
    expect(installed).toBeLessThanOrEqual(enforcedBudgets.workerScriptsMinified);
  });

  it('keeps the content script and the background worker within their ceilings', () => {
    expect(sizes.contentScript?.gzip ?? 0).toBeLessThanOrEqual(enforcedBudgets.contentScriptGzip);
    expect(sizes.background.raw).toBeLessThanOrEqual(enforcedBudgets.backgroundMinified);
  });
});
