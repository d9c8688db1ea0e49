import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { moduleSizes } from './bench/module-sizes';
import { inlinePageCss } from './scripts/inline-page-css';
import { moduleAfterFramePlugin } from './scripts/module-after-frame';
import { pageOwnModules } from './scripts/page-own-modules';
import { preactWithoutInnerHtml } from './scripts/preact-without-inner-html';
import { workerSharedModules } from './scripts/worker-shared-modules';

// Extension pages may only run code shipped in the package: no remote scripts, no eval.
const extensionPagesCsp = "script-src 'self'; object-src 'self'; base-uri 'none'; frame-ancestors 'none'";

const outDir = process.env.REKEY_OUT_DIR ?? '.output';

/** The worker's chunks, all in one file (entrypoints/worker-chunks.ts; see entrypoints/background/chunks.ts). */
const workerChunkScripts = ['worker-chunks.js'];

// Which messages a build carries: the popup's kept copy of them (entrypoints/shared/paint-cache.ts) is only used by a
// build with the same messages, also when the version did not change (development builds). Deterministic: a hash.
const localesDir = resolve(import.meta.dirname, 'locales');
const messagesId = createHash('sha256')
  .update(
    readdirSync(localesDir)
      .sort()
      .map((file) => `${file}\0${readFileSync(resolve(localesDir, file), 'utf8')}`)
      .join('\0'),
  )
  .digest('hex')
  .slice(0, 16);

export default defineConfig({
  srcDir: '.',
  // REKEY_OUT_DIR: a second build on the same machine (sandbox/browser/build-dir.ts reads it too).
  outDir,
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  // Explicit imports keep utils/ honest about what touches extension APIs.
  imports: false,
  vite: ({ browser }) => ({
    define: { 'import.meta.env.REKEY_MESSAGES_ID': JSON.stringify(messagesId) },
    // module-sizes: what each module adds to the worker, written beside (not inside) the extension for the bench.
    // preact-without-inner-html: Preact's dangerouslySetInnerHTML sink, unused here, throws instead of writing HTML.
    // inline-page-css: the popup's styles in its HTML, one request fewer each before its first paint.
    // page-own-modules: the popup's first screen in one script file, none shared with the options page.
    // module-after-frame: popup-frame.js starts that script, after the kept frame is on screen when there is one.
    plugins: [
      preact(),
      pageOwnModules({ root: import.meta.dirname, page: 'entrypoints/popup/index.html', marker: 'rekey-popup' }),
      preactWithoutInnerHtml(),
      inlinePageCss(['popup/index.html']),
      moduleAfterFramePlugin('popup/index.html'),
      // Chrome: the worker's chunks read the modules background.js has from it instead of bundling a copy (every
      // installed worker script's bytes cost every start). Firefox loads the chunks first: they keep their copies.
      ...(browser === 'firefox'
        ? []
        : [
            workerSharedModules({
              root: import.meta.dirname,
              sharedFile: resolve(import.meta.dirname, 'entrypoints/background/worker-shared.ts'),
              globalKey: '__rekeyWorkerShared',
              entry: 'worker-chunks',
            }),
          ]),
      moduleSizes({
        file: (chunk) => resolve(outDir, `${chunk.replace(/\.js$/, '')}-modules.json`),
        chunks: ['background.js', 'popup', ...workerChunkScripts],
        root: import.meta.dirname,
      }),
    ],
    // Both browsers preload modules natively (Chrome 66, Firefox 115): no polyfill run before every page's first paint.
    build: { target: 'es2022', modulePreload: { polyfill: false } },
  }),
  hooks: {
    // Chrome's offscreen clipboard document (entrypoints/offscreen-clipboard.ts): a static page around the unlisted
    // script, so it shares no chunk with the popup. Firefox's background page has a clipboard of its own.
    'build:publicAssets': (wxt, files) => {
      if (wxt.config.browser === 'firefox') return;
      files.push({
        relativeDest: 'offscreen-clipboard.html',
        contents:
          '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Rekey clipboard</title></head><body><script src="/offscreen-clipboard.js"></script></body></html>',
      });
    },
    // WXT takes the toolbar tooltip from the popup's <title>; the tooltip is localised instead.
    'build:manifestGenerated': (_wxt, manifest) => {
      if (manifest.action) manifest.action.default_title = '__MSG_extActionTitle__';
      // Firefox's background page loads the worker's chunks before background.js (entrypoints/background/chunks.ts);
      // Chrome's service worker imports them itself.
      const background = manifest.background as { scripts?: string[] } | undefined;
      if (background?.scripts) background.scripts = [...workerChunkScripts, ...background.scripts];
    },
    // Every part of Rekey (the content script on every watched page, the worker at every event, the popup before its
    // first paint) uses the promise-based APIs both browsers ship natively in MV3 instead of the polyfill (21 kB
    // before minification wherever it was bundled). The module stays for the polyfill's types of `browser`.
    'vite:build:extendConfig': (_entrypoints, config) => {
      const alias = config.resolve?.alias;
      if (Array.isArray(alias)) {
        config.resolve!.alias = alias.filter((a: { find: unknown }) => a.find !== 'wxt/browser');
      } else if (alias && typeof alias === 'object') {
        delete (alias as Record<string, string>)['wxt/browser'];
      }
    },
  },
  manifest: ({ browser, mode }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: [
      'storage',
      'identity',
      'alarms',
      'notifications',
      'scripting',
      // The 60-second wipe of a copied password runs in the worker, after the popup closed: it reads the clipboard
      // to clear it only if it still holds that password (entrypoints/background/clipboard.ts), and clears it.
      'clipboardRead',
      'clipboardWrite',
      // Chrome's worker has no clipboard: a short-lived offscreen document (reason CLIPBOARD) does the wipe.
      ...(browser === 'firefox' ? [] : ['offscreen']),
    ],
    // Tenant and extra sites are granted at runtime (or by enterprise policy), never at install.
    optional_host_permissions: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'],
    // The E2E build (`--mode e2e`, never shipped) stands in for a policy that granted loopback
    // access: headless Chromium cannot click "Allow" on a permission prompt.
    ...(mode === 'e2e' ? { host_permissions: ['http://127.0.0.1/*'] } : {}),
    content_security_policy: { extension_pages: extensionPagesCsp },
    storage: { managed_schema: 'managed_schema.json' },
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'rekey@rekey.example',
              strict_min_version: '140.0',
              // The password (encrypted) goes to the employer's own ISC tenant, nowhere else.
              data_collection_permissions: { required: ['authenticationInfo'] },
            },
            // Firefox for Android knows data_collection_permissions from 142 on (web-ext lint warns otherwise).
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
