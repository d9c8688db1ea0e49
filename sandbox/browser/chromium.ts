import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { outputDir } from './build-dir';
import { removeProfileDir } from './profile-dir';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const extensionDir = resolve(outputDir, 'chrome-mv3');
/** The production build plus loopback host access, standing in for a policy that granted it. */
export const e2eExtensionDir = resolve(outputDir, 'chrome-mv3-e2e');

/** Flags that keep Chromium quiet on a machine without network or display. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-features=DialMediaRouteProvider',
];

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  extensionOrigin: string;
  worker: Worker;
  openPopup(options?: { colorScheme?: 'light' | 'dark' }): Promise<Page>;
  openOptions(): Promise<Page>;
  close(): Promise<void>;
}

export async function launchExtension(
  options: { headless?: boolean; extraArgs?: string[]; dir?: string; userDataDir?: string } = {},
): Promise<ExtensionSession> {
  const dir = options.dir ?? extensionDir;
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No built extension at ${dir}: run "npm run build" first.`);
  }
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}: install the Debian package "chromium" or set CHROMIUM_PATH.`);
  }
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'rekey-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: options.headless ?? true,
    args: [...chromiumArgs, `--disable-extensions-except=${dir}`, `--load-extension=${dir}`, ...(options.extraArgs ?? [])],
    viewport: { width: 360, height: 600 },
  });
  try {
    const worker = await findServiceWorker(context);
    const extensionId = new URL(worker.url()).host;
    const extensionOrigin = `chrome-extension://${extensionId}`;
    return {
      context,
      extensionId,
      extensionOrigin,
      worker,
      async openPopup({ colorScheme = 'light' } = {}) {
        const page = await context.newPage();
        await page.emulateMedia({ colorScheme });
        await page.setViewportSize({ width: 360, height: 600 });
        await page.goto(`${extensionOrigin}/popup.html`);
        return page;
      },
      async openOptions() {
        const page = await context.newPage();
        await page.setViewportSize({ width: 1000, height: 800 });
        await page.goto(`${extensionOrigin}/options.html`);
        return page;
      },
      async close() {
        await context.close();
        if (!options.userDataDir) removeProfileDir(userDataDir);
      },
    };
  } catch (error) {
    await context.close();
    removeProfileDir(userDataDir);
    throw error;
  }
}

/** The worker may have registered before Playwright attached: look first, then wait. */
async function findServiceWorker(context: BrowserContext, timeoutMs = 15_000): Promise<Worker> {
  const isOurs = (w: Worker) => w.url().startsWith('chrome-extension://') && w.url().endsWith('/background.js');
  const existing = context.serviceWorkers().find(isOurs);
  if (existing) return existing;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const worker = await context.waitForEvent('serviceworker', { timeout: Math.max(1, deadline - Date.now()) }).catch(() => undefined);
    if (worker && isOurs(worker)) return worker;
    const late = context.serviceWorkers().find(isOurs);
    if (late) return late;
  }
  throw new Error(`The extension's service worker did not start within ${timeoutMs} ms.`);
}

/** Stops the extension's service workers the way Chrome does when they idle, through the DevTools protocol. */
export async function stopServiceWorkers(session: ExtensionSession, page: Page, timeoutMs = 10_000): Promise<void> {
  const cdp = await session.context.newCDPSession(page);
  const workers = async () =>
    ((await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] }).targetInfos.filter(
      (target) => target.type === 'service_worker' && target.url.startsWith(session.extensionOrigin),
    );
  for (const worker of await workers()) await cdp.send('Target.closeTarget', { targetId: worker.targetId });
  const deadline = Date.now() + timeoutMs;
  while ((await workers()).length > 0) {
    if (Date.now() > deadline) throw new Error('The service worker did not stop.');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await cdp.detach();
}
