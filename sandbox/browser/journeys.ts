import type { Page } from 'playwright-core';
import type { ExtensionSession } from '@/sandbox/browser/chromium';
import type { SandboxTenant } from '@/sandbox/tenant';
import type { Settings } from '@/utils/settings/schema';

export const demoSources: Settings['sources'] = [
  { sourceName: 'Active Directory', label: 'Windows sign-in', alsoChanges: ['Workday'] },
  { sourceName: 'G Suite', label: 'Google Workspace', alsoChanges: ['Gmail', 'Google Drive', 'Google Calendar'] },
];

/** Settings go through the worker's own validation, exactly as the options page saves them. */
export async function configure(session: ExtensionSession, edit: Partial<Settings>): Promise<void> {
  const page = await session.context.newPage();
  await page.goto(`${session.extensionOrigin}/options.html`);
  const result = await page.evaluate((e) => chrome.runtime.sendMessage({ type: 'settings/update', edit: e }), edit);
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
export async function signIn(session: ExtensionSession, popup: Page, userName: string, password: string): Promise<void> {
  const authWindow = session.context.waitForEvent('page', { timeout: 15_000 });
  await popup.getByRole('button', { name: 'Sign in', exact: true }).click();
  const page = await authWindow;
  await page.waitForLoadState('domcontentloaded');
  await page.getByLabel('Username').fill(userName);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await popup.getByTestId('identity').waitFor({ timeout: 15_000 });
}

/** Every storage area of the extension, serialised, for leak checks. */
export async function dumpExtensionStorage(session: ExtensionSession): Promise<string> {
  const page = await session.context.newPage();
  await page.goto(`${session.extensionOrigin}/options.html`);
  const dump = await page.evaluate(async () => {
    const [local, sessionArea, sync] = await Promise.all([
      chrome.storage.local.get(null),
      chrome.storage.session.get(null),
      chrome.storage.sync.get(null),
    ]);
    return JSON.stringify({ local, session: sessionArea, sync });
  });
  await page.close();
  return dump;
}

/** From the choose screen: pick a source, type the password twice and wait until it may be submitted. */
export async function enterNewPassword(popup: Page, sourceName: string, password: string): Promise<void> {
  await popup.locator(`[data-testid="target"][data-source="${sourceName}"]`).getByRole('button').click();
  await popup.getByLabel('New password', { exact: true }).fill(password);
  await popup.getByLabel('Type it again').fill(password);
  await popup.getByTestId('submit').and(popup.locator(':not([disabled])')).waitFor({ timeout: 10_000 });
}
