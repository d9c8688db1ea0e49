import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { outputDir } from './build-dir';

/**
 * Real Firefox for the E2E tests and the benchmark: Debian's `firefox-esr` (scripts/install-firefox.sh),
 * driven by puppeteer-core over WebDriver BiDi. Playwright's Firefox needs a patched build that does
 * not exist here; stock Firefox speaks BiDi.
 */
export const firefoxPath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const firefoxExtensionDir = resolve(outputDir, 'firefox-mv3');

/**
 * Firefox gives each install a random internal UUID (the host of moz-extension:// URLs). The tests
 * pin it with a pref so extension pages have a known address.
 */
export const pinnedExtensionUuid = '7d1f2c9e-5b3a-4e8d-a6c4-2f0e9b8d1a37';

/** The `extensions.webextensions.uuids` key, read from the build so it cannot drift from wxt.config.ts. */
export function geckoId(dir: string): string {
  return geckoIdOf(readFileSync(join(dir, 'manifest.json'), 'utf8'), `${dir}/manifest.json`);
}

/** The same, read from a packaged add-on (a .zip or .xpi) with Info-ZIP's `unzip`. */
export function archiveGeckoId(archive: string): string {
  return geckoIdOf(execFileSync('unzip', ['-p', archive, 'manifest.json'], { encoding: 'utf8' }), `${archive}!manifest.json`);
}

function geckoIdOf(manifestText: string, where: string): string {
  const manifest = JSON.parse(manifestText) as { browser_specific_settings?: { gecko?: { id?: string } } };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${where} has no browser_specific_settings.gecko.id: is this a Firefox build?`);
  return id;
}

/** Prefs for a quiet, testable profile on a machine without network or display. */
function testPrefs(id: string): Record<string, unknown> {
  return {
    'extensions.webextensions.uuids': JSON.stringify({ [id]: pinnedExtensionUuid }),
    // Optional permissions are granted without a doorhanger: headless Firefox cannot click "Allow".
    // The request itself still happens, from the options page's own code.
    'extensions.webextOptionalPermissionPrompts': false,
    // Extension console output on Firefox's stdout (read with `dumpio`).
    'devtools.console.stdout.content': true,
    'devtools.console.stdout.chrome': true,
    'browser.dom.window.dump.enabled': true,
  };
}

export interface FirefoxLaunchOptions {
  dir?: string;
  /**
   * A packaged add-on (the zip `npm run zip` makes for AMO) to install instead of `dir`, as the file
   * itself: Firefox reads the archive (BiDi webExtension.install), nothing is unpacked by the test.
   */
  archive?: string;
  /**
   * Enterprise policies (the `policies` object of Firefox's policies.json). They apply to this
   * browser only: it runs from a private shadow of the install whose `distribution/` holds them,
   * so nothing machine-wide (/etc/firefox-esr/policies) is written.
   */
  policies?: Record<string, unknown>;
  prefs?: Record<string, unknown>;
  /** Pipe Firefox's stdout/stderr (extension console output) to this process. */
  dumpio?: boolean;
  /** A profile kept across launches (the benchmark's "first open after a browser start"); a fresh one otherwise. */
  userDataDir?: string;
  /**
   * How long the event page may go without events before Firefox suspends it (pref
   * `extensions.background.idle.timeout`, in milliseconds: Firefox's default is 30 000 and it
   * clamps the value to 100 ms – 5 min). Unset keeps Firefox's default.
   */
  backgroundIdleTimeoutMs?: number;
}

export interface FirefoxSession {
  browser: Browser;
  extensionId: string;
  extensionOrigin: string;
  /** A new tab showing an extension page (`popup.html`, `options.html`) once it has loaded. */
  openExtensionPage(path: string, viewport?: { width: number; height: number }): Promise<Page>;
  openPopup(): Promise<Page>;
  openOptions(): Promise<Page>;
  /** A new tab showing a web page. */
  openPage(url: string): Promise<Page>;
  /** Resolves with the next window whose URL starts with `urlPrefix` (e.g. the sign-in window). */
  waitForWindow(urlPrefix: string, timeoutMs?: number): Promise<Page>;
  /**
   * Runs `(api, backgroundWindow) => …` (source text) in the event page. Firefox's event page is not
   * a driver target; an extension tab reaches it with runtime.getBackgroundPage(). Functions the code
   * leaves behind belong to that tab, which therefore stays open (showing an icon: no product code).
   */
  evaluateInBackground<R>(code: string): Promise<R>;
  /**
   * Whether the event page is running now, asked without waking it (extension.getBackgroundPage()
   * only looks; runtime.getBackgroundPage(), which evaluateInBackground uses, starts it).
   */
  isBackgroundRunning(): Promise<boolean>;
  close(): Promise<void>;
}

export async function launchFirefoxExtension(options: FirefoxLaunchOptions = {}): Promise<FirefoxSession> {
  const dir = options.dir ?? firefoxExtensionDir;
  const source = options.archive ?? dir;
  if (options.archive ? !existsSync(options.archive) : !existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No built Firefox extension at ${source}: run "npm run ${options.archive ? 'zip' : 'build'}" first.`);
  }
  if (!existsSync(firefoxPath)) {
    throw new Error(`Firefox not found at ${firefoxPath}: run scripts/install-firefox.sh or set FIREFOX_PATH.`);
  }
  const id = options.archive ? archiveGeckoId(options.archive) : geckoId(dir);
  const shadow = options.policies ? shadowInstallWithPolicies(options.policies) : undefined;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: shadow?.executable ?? firefoxPath,
    headless: true,
    // Without it Firefox refuses to show moz-extension:// pages to the driver.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      ...testPrefs(id),
      ...(options.backgroundIdleTimeoutMs !== undefined ? { 'extensions.background.idle.timeout': options.backgroundIdleTimeoutMs } : {}),
      ...options.prefs,
    },
    dumpio: options.dumpio ?? false,
    ...(options.userDataDir ? { userDataDir: options.userDataDir } : {}),
    // No default 800x600 emulation: each page sets its own viewport.
    defaultViewport: null,
  });
  const cleanUp = async () => {
    await browser.close().catch(() => undefined);
    if (shadow) rmSync(shadow.root, { recursive: true, force: true });
  };
  try {
    // Firefox installs a directory or an archive through the same call (a temporary add-on either way).
    const extensionId = await browser.installExtension(source);
    if (extensionId !== id) throw new Error(`Firefox installed ${extensionId}, expected ${id}.`);
    const extensionOrigin = `moz-extension://${pinnedExtensionUuid}`;
    let backgroundTab: Promise<Page> | undefined;
    const helperTab = () => {
      backgroundTab ??= openExtensionPage('icon/16.png', { width: 100, height: 100 });
      return backgroundTab;
    };
    const openExtensionPage = async (path: string, viewport = { width: 1000, height: 800 }) => {
      const page = await browser.newPage();
      await page.setViewport(viewport);
      await navigate(page, `${extensionOrigin}/${path}`);
      return page;
    };
    return {
      browser,
      extensionId,
      extensionOrigin,
      openExtensionPage,
      openPopup: () => openExtensionPage('popup.html', { width: 360, height: 600 }),
      openOptions: () => openExtensionPage('options.html'),
      async openPage(url) {
        const page = await browser.newPage();
        await page.goto(url);
        return page;
      },
      async waitForWindow(urlPrefix, timeoutMs = 15_000) {
        const target = await browser.waitForTarget((t) => t.url().startsWith(urlPrefix), { timeout: timeoutMs });
        const page = await target.page();
        if (!page) throw new Error(`The window at ${target.url()} is not a page.`);
        return page;
      },
      async evaluateInBackground<R>(code: string) {
        const tab = await helperTab();
        // A string, not a function: the driver's evaluate is exempt from the page's CSP, eval is not.
        return tab.evaluate(`(async () => {
          const background = await browser.runtime.getBackgroundPage();
          if (!background) throw new Error('The event page is not running.');
          return (${code})(background.browser, background);
        })()`) as Promise<R>;
      },
      async isBackgroundRunning() {
        const tab = await helperTab();
        return tab.evaluate('browser.extension.getBackgroundPage() !== null') as Promise<boolean>;
      },
      close: cleanUp,
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

/**
 * Loads `url` in the page's tab and waits for the load event. `page.goto()` on a moz-extension://
 * page may never resolve over BiDi; navigating the tab's browsing context directly does.
 */
export async function navigate(page: Page, url: string): Promise<void> {
  const context = (page.mainFrame() as unknown as { browsingContext?: BrowsingContextLike }).browsingContext;
  if (!context) throw new Error('This page has no WebDriver BiDi browsing context: is it a Firefox page?');
  await context.navigate(url, 'complete');
}

/** Reloads an extension page (the same detour as `navigate`). */
export async function reload(page: Page): Promise<void> {
  const context = (page.mainFrame() as unknown as { browsingContext?: BrowsingContextLike }).browsingContext;
  if (!context) throw new Error('This page has no WebDriver BiDi browsing context: is it a Firefox page?');
  await context.reload({ wait: 'complete' });
}

interface BrowsingContextLike {
  navigate(url: string, wait?: 'none' | 'interactive' | 'complete'): Promise<void>;
  reload(options?: { wait?: 'none' | 'interactive' | 'complete' }): Promise<void>;
}

/**
 * Firefox reads policies.json from `distribution/` next to its binary (or machine-wide from
 * /etc/firefox-esr/policies, which other runs would see). A private shadow of the install dir —
 * the small launcher binary copied, everything else symlinked — gets its own `distribution/`.
 * The launcher must be a copy: Firefox finds its install dir from its own resolved path.
 */
function shadowInstallWithPolicies(policies: Record<string, unknown>): { root: string; executable: string } {
  const installDir = dirname(realpathSync(firefoxPath));
  const root = mkdtempSync(join(tmpdir(), 'rekey-firefox-'));
  const executableName = realpathSync(firefoxPath).slice(installDir.length + 1);
  for (const entry of readdirSync(installDir)) {
    if (entry === 'distribution' || entry === executableName) continue;
    symlinkSync(join(installDir, entry), join(root, entry));
  }
  copyFileSync(join(installDir, executableName), join(root, executableName));
  const distribution = join(root, 'distribution');
  mkdirSync(distribution);
  const original = join(installDir, 'distribution');
  if (existsSync(original)) {
    for (const entry of readdirSync(original)) symlinkSync(join(original, entry), join(distribution, entry));
  }
  writeFileSync(join(distribution, 'policies.json'), JSON.stringify({ policies }, null, 2));
  return { root, executable: join(root, executableName) };
}
