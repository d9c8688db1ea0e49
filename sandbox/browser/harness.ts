import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import type { ExtensionSession } from './chromium';
import { type FirefoxSession, navigate, reload } from './firefox';

/**
 * One way to drive the extension in Chromium (Playwright over CDP) and Firefox (Puppeteer over
 * WebDriver BiDi), for the journeys both browsers share. Selectors are CSS; the Chromium-only tests
 * keep using Playwright's richer locators directly.
 */
export interface DrivenPage {
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  click(selector: string): Promise<void>;
  fill(selector: string, value: string): Promise<void>;
  /** The first match's text, or null when nothing matches. */
  text(selector: string): Promise<string | null>;
  count(selector: string): Promise<number>;
  waitFor(selector: string, timeoutMs?: number): Promise<void>;
  reload(): Promise<void>;
  close(): Promise<void>;
}

export interface ExtensionHarness {
  readonly browserName: 'chromium' | 'firefox';
  readonly extensionOrigin: string;
  openPopup(): Promise<DrivenPage>;
  openOptions(): Promise<DrivenPage>;
  /** A web page in a new tab. */
  openPage(url: string): Promise<DrivenPage>;
  /** Resolves with the next window whose URL starts with `urlPrefix`; call before the action that opens it. */
  waitForWindow(urlPrefix: string, timeoutMs?: number): Promise<DrivenPage>;
  /** Counters installed in the background context (service worker or event page) from the outside. */
  probeBackground(): Promise<BackgroundProbe>;
  close(): Promise<void>;
}

export const testId = (id: string) => `[data-testid="${id}"]`;

/** What reached the background context since the probe was installed or last reset. */
export interface BackgroundTraffic {
  /** runtime.sendMessage requests by `type`, plus `port:<name>` for messages over runtime.connect ports. */
  requests: Record<string, number>;
  /** storage.local / storage.session `set` and `remove` calls made in the background context. */
  storageWrites: number;
  /** storage.onChanged events seen (every write in Firefox; only changed values in Chromium). */
  storageChanges: number;
}

export interface BackgroundProbe {
  read(): Promise<BackgroundTraffic>;
  reset(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Chromium

export function chromiumHarness(session: ExtensionSession): ExtensionHarness {
  return {
    browserName: 'chromium',
    extensionOrigin: session.extensionOrigin,
    openPopup: async () => playwrightPage(await session.openPopup()),
    openOptions: async () => playwrightPage(await session.openOptions()),
    async openPage(url) {
      const page = await session.context.newPage();
      await page.goto(url);
      return playwrightPage(page);
    },
    async waitForWindow(urlPrefix, timeoutMs = 15_000) {
      // A new window may show about:blank first: judge it by the address it loads.
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const page = await session.context.waitForEvent('page', { timeout: Math.max(1, deadline - Date.now()) });
        await page.waitForLoadState('domcontentloaded');
        if (page.url().startsWith(urlPrefix)) return playwrightPage(page);
      }
    },
    async probeBackground() {
      // The service worker's own global holds the counters: they survive pages opening and closing.
      await session.worker.evaluate(`(${installProbe.toString()})(chrome, globalThis)`);
      return {
        read: () => session.worker.evaluate(`(${readProbe.toString()})(globalThis)`) as Promise<BackgroundTraffic>,
        reset: () => session.worker.evaluate(`(${resetProbe.toString()})(globalThis)`) as Promise<void>,
      };
    },
    close: () => session.close(),
  };
}

export function playwrightPage(page: PlaywrightPage): DrivenPage {
  return {
    evaluate: (fn, arg) => page.evaluate(fn as (arg: unknown) => never, arg),
    click: (selector) => page.locator(selector).first().click(),
    fill: (selector, value) => page.locator(selector).first().fill(value),
    text: async (selector) => ((await page.locator(selector).count()) > 0 ? page.locator(selector).first().textContent() : null),
    count: (selector) => page.locator(selector).count(),
    waitFor: (selector, timeoutMs = 10_000) => page.locator(selector).first().waitFor({ timeout: timeoutMs }),
    reload: async () => {
      await page.reload();
    },
    close: () => page.close(),
  };
}

// ---------------------------------------------------------------------------------------------
// Firefox

export function firefoxHarness(session: FirefoxSession): ExtensionHarness {
  return {
    browserName: 'firefox',
    extensionOrigin: session.extensionOrigin,
    openPopup: async () => puppeteerPage(await session.openPopup()),
    openOptions: async () => puppeteerPage(await session.openOptions()),
    openPage: async (url) => puppeteerPage(await session.openPage(url)),
    waitForWindow: async (urlPrefix, timeoutMs) => puppeteerPage(await session.waitForWindow(urlPrefix, timeoutMs)),
    async probeBackground() {
      const inBackground = <R>(code: string) => session.evaluateInBackground<R>(code);
      await inBackground(installProbe.toString());
      return {
        read: () => inBackground<BackgroundTraffic>(`(api, holder) => (${readProbe.toString()})(holder)`),
        reset: () => inBackground<void>(`(api, holder) => (${resetProbe.toString()})(holder)`),
      };
    },
    close: () => session.close(),
  };
}

export function puppeteerPage(page: PuppeteerPage): DrivenPage {
  return {
    evaluate: (fn, arg) => page.evaluate(fn as (arg: unknown) => never, arg),
    click: (selector) => clickWhereItIs(page, selector),
    fill: (selector, value) => page.locator(selector).fill(value),
    text: (selector) => page.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector),
    count: (selector) => page.evaluate((s) => document.querySelectorAll(s).length, selector),
    waitFor: async (selector, timeoutMs = 10_000) => {
      await page.waitForSelector(selector, { timeout: timeoutMs });
    },
    reload: async () => {
      if (page.url().startsWith('moz-extension:') || (await page.evaluate(() => location.protocol)) === 'moz-extension:')
        await reload(page);
      else await page.reload();
    },
    close: () => page.close(),
  };
}

/**
 * A trusted mouse click on the first match, aimed only once the element stands still and is what
 * the browser would hit at that point. Puppeteer aims at where the element was; when the popup
 * shifts between aiming and clicking (a notice appearing above, the live screen replacing the
 * kept frame), the click lands elsewhere and the step silently never happens. Playwright checks
 * the hit target itself, so only the Firefox driver needs this.
 */
async function clickWhereItIs(page: PuppeteerPage, selector: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    // No named inner functions here: tsx (the bench's runner) wraps them in a `__name` helper the page does not have.
    const point = await page
      .evaluate(async (s) => {
        const element = document.querySelector(s);
        if (!(element instanceof HTMLElement) || element.closest('[inert]') || (element as HTMLButtonElement).disabled) return null;
        element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
        const before = element.getBoundingClientRect();
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        const after = element.getBoundingClientRect();
        if (after.width === 0 || after.height === 0 || before.x !== after.x || before.y !== after.y) return null;
        const x = after.x + after.width / 2;
        const y = after.y + after.height / 2;
        const hit = document.elementFromPoint(x, y);
        return hit && element.contains(hit) ? { x, y } : null;
      }, selector)
      .catch((error: unknown) => {
        // A navigation or a re-rendered document between two tries; kept for the timeout's message.
        lastError = error;
        return null;
      });
    if (point) return page.mouse.click(point.x, point.y);
    if (Date.now() > deadline) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`Nothing to click at ${selector} within ${timeoutMs} ms${why}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export { navigate as navigateFirefoxPage };

// ---------------------------------------------------------------------------------------------
// The probe. These functions run inside the browser (serialised with toString), so they are
// self-contained and use no named inner functions.

interface ProbeHolder {
  __rekeyProbe?: { requests: Record<string, number>; storageWrites: number; storageChanges: number };
}

function installProbe(api: typeof chrome, holder: ProbeHolder): void {
  if (holder.__rekeyProbe) return;
  const probe = { requests: {} as Record<string, number>, storageWrites: 0, storageChanges: 0 };
  holder.__rekeyProbe = probe;
  api.runtime.onMessage.addListener((message: unknown) => {
    const type = typeof message === 'object' && message && 'type' in message ? String((message as { type: unknown }).type) : '?';
    probe.requests[type] = (probe.requests[type] ?? 0) + 1;
    return undefined;
  });
  api.runtime.onConnect.addListener((port) => {
    port.onMessage.addListener((message: unknown) => {
      const type = typeof message === 'object' && message && 'type' in message ? String((message as { type: unknown }).type) : '';
      const key = `port:${port.name}${type ? `:${type}` : ''}`;
      probe.requests[key] = (probe.requests[key] ?? 0) + 1;
    });
  });
  api.storage.onChanged.addListener(() => {
    probe.storageChanges += 1;
  });
  for (const area of [api.storage.local, api.storage.session]) {
    for (const method of ['set', 'remove'] as const) {
      const original = area[method] as (...args: unknown[]) => unknown;
      (area as unknown as Record<string, unknown>)[method] = function (this: unknown, ...args: unknown[]) {
        probe.storageWrites += 1;
        return original.apply(this, args);
      };
    }
  }
}

function readProbe(holder: ProbeHolder) {
  const probe = holder.__rekeyProbe;
  if (!probe) throw new Error('No probe installed.');
  return JSON.parse(JSON.stringify(probe));
}

function resetProbe(holder: ProbeHolder): void {
  const probe = holder.__rekeyProbe;
  if (!probe) throw new Error('No probe installed.');
  probe.requests = {};
  probe.storageWrites = 0;
  probe.storageChanges = 0;
}
