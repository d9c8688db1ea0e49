import type { Page } from 'playwright-core';
import type { ExtensionSession } from '@/sandbox/browser/chromium';
import { chromiumHarness, type DrivenPage, type ExtensionHarness, playwrightPage, testId } from '@/sandbox/browser/harness';
import type { SandboxTenant } from '@/sandbox/tenant';
import type { Settings } from '@/utils/settings/schema';

export const demoSources: Settings['sources'] = [
  { sourceName: 'Active Directory', label: 'Windows sign-in', alsoChanges: ['Workday'] },
  { sourceName: 'G Suite', label: 'Google Workspace', alsoChanges: ['Gmail', 'Google Drive', 'Google Calendar'] },
];

/** Chromium tests pass their Playwright session; tests shared with Firefox pass a harness. */
type AnySession = ExtensionSession | ExtensionHarness;
const asHarness = (session: AnySession): ExtensionHarness => ('context' in session ? chromiumHarness(session) : session);
const asDriven = (page: Page | DrivenPage): DrivenPage => ('getByRole' in page ? playwrightPage(page) : page);

/** Settings go through the worker's own validation, exactly as the options page saves them. */
export async function configure(session: AnySession, edit: Partial<Settings>): Promise<void> {
  const page = await asHarness(session).openOptions();
  // `browser` in Firefox, `chrome` in Chromium (the polyfill does not make a global there).
  const result = await page.evaluate(
    (e) =>
      ((globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome).runtime.sendMessage({ type: 'settings/update', edit: e }),
    edit,
  );
  await page.close();
  const value = (result as { ok?: boolean; value?: { refused: string[]; invalid: unknown[] } }).value;
  if (!value || value.refused.length > 0 || value.invalid.length > 0) {
    throw new Error(`The extension refused these settings: ${JSON.stringify(result)}`);
  }
}

export function sandboxSettings(tenant: SandboxTenant, extra: Partial<Settings> = {}): Partial<Settings> {
  return { tenant: tenant.url, clientId: 'rekey-extension', sources: demoSources, breachEndpoint: tenant.url, ...extra };
}

/** Clicks "Sign in" and completes the tenant's sign-in page in the browser's identity window. */
export async function signIn(session: AnySession, popup: Page | DrivenPage, userName: string, password: string): Promise<void> {
  const driven = asDriven(popup);
  // The popup first paints the screen it last showed; the worker's state (with the tenant) replaces it moments later.
  await driven.waitFor(testId('tenant'), 10_000);
  const tenantUrl = await driven.text(testId('tenant'));
  if (!tenantUrl) throw new Error('The popup shows no tenant to sign in to.');
  const authWindow = asHarness(session).waitForWindow(tenantUrl);
  await driven.click(`${testId('signed-out')} button`);
  const page = await authWindow;
  await page.fill('#username', userName);
  await page.fill('#password', password);
  await page.click('button[type="submit"]');
  await driven.waitFor(testId('identity'), 15_000);
}

/** Every storage area of the extension, serialised, for leak checks. */
export async function dumpExtensionStorage(session: AnySession): Promise<string> {
  const page = await asHarness(session).openOptions();
  const dump = await page.evaluate(async () => {
    const ext = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
    const [local, sessionArea, sync] = await Promise.all([
      ext.storage.local.get(null),
      ext.storage.session.get(null),
      ext.storage.sync.get(null),
    ]);
    return JSON.stringify({ local, session: sessionArea, sync });
  });
  await page.close();
  return dump;
}

/** From the choose screen: pick a source, type the password twice and wait until it may be submitted. */
export async function enterNewPassword(popup: Page | DrivenPage, sourceName: string, password: string): Promise<void> {
  const driven = asDriven(popup);
  await driven.click(`${testId('target')}[data-source="${sourceName}"] button`);
  await driven.fill('#new-password', password);
  await driven.fill('#confirm-password', password);
  await driven.waitFor(`${testId('submit')}:not([disabled])`);
}
