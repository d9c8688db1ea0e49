/**
 * The guided tour: drives the real extension against the sandbox tenant and writes numbered
 * screenshots plus an index page. Used by `npm start` without a display, and by an E2E test.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { promptHostSelector } from '@/components/prompt/prompt';
import { e2eExtensionDir, launchExtension } from '@/sandbox/browser/chromium';
import { configure, sandboxSettings, signIn } from '@/sandbox/browser/journeys';
import { expiredPage, startPagesServer } from '@/sandbox/pages/server';
import { type SandboxTenant, startTenant } from '@/sandbox/tenant';

export interface TourShot {
  file: string;
  caption: string;
}

const demoPassword = 'Velvet-Compass-Meadow-31';

export async function runTour(outDir: string, log: (line: string) => void = () => undefined): Promise<TourShot[]> {
  mkdirSync(outDir, { recursive: true });
  const shots: TourShot[] = [];
  const tenant: SandboxTenant = await startTenant({ port: 0, statusDelayMs: 1_200 });
  const site = await startPagesServer({ '/password-expired': expiredPage });
  const session = await launchExtension({ dir: e2eExtensionDir });
  const shoot = async (page: Page, name: string, caption: string) => {
    const file = `${String(shots.length + 1).padStart(2, '0')}-${name}.png`;
    await page.screenshot({ path: join(outDir, file), fullPage: true });
    shots.push({ file, caption });
    log(`  ${file}  ${caption}`);
  };
  const shootElement = async (element: Locator, name: string, caption: string) => {
    const file = `${String(shots.length + 1).padStart(2, '0')}-${name}.png`;
    await element.scrollIntoViewIfNeeded();
    await element.screenshot({ path: join(outDir, file) });
    shots.push({ file, caption });
    log(`  ${file}  ${caption}`);
  };
  try {
    await configure(session, sandboxSettings(tenant, { expiryPagePatterns: [`${'http://127.0.0.1/*'} | Active Directory`] }));
    const popup = await session.openPopup();
    await popup.getByTestId('signed-out').waitFor();
    await shoot(popup, 'signed-out', 'Signed out: the tenant and one button');

    await signIn(session, popup, 'alice', 'Alice-Sandbox-1');
    await popup.locator('[data-testid="accounts"]').first().waitFor();
    await shoot(popup, 'choose', 'Choose a password: each source or group with the accounts that will change');
    await popup.emulateMedia({ colorScheme: 'dark' });
    await shoot(popup, 'choose-dark', 'The same in the dark theme');
    await popup.emulateMedia({ colorScheme: 'light' });

    await popup.locator('[data-testid="target"][data-source="Active Directory"]').getByRole('button').click();
    await popup.getByLabel('New password', { exact: true }).fill('alice2026');
    await popup.getByLabel('Type it again').fill('alice2026');
    await popup.waitForTimeout(400);
    await shoot(popup, 'checklist-failing', 'The policy as a live checklist while typing');

    await popup.getByLabel('New password', { exact: true }).fill(demoPassword);
    await popup.getByLabel('Type it again').fill(demoPassword);
    await popup.getByTestId('submit').and(popup.locator(':not([disabled])')).waitFor({ timeout: 10_000 });
    await shoot(popup, 'checklist-passing', 'Every rule met, strength and breach check done: ready to change');
    await popup.emulateMedia({ colorScheme: 'dark' });
    await shoot(popup, 'checklist-passing-dark', 'The password form in the dark theme');
    await popup.emulateMedia({ colorScheme: 'light' });

    await popup.getByTestId('submit').click();
    await popup.getByTestId('current-changes').locator('[data-state="finished"]').first().waitFor({ timeout: 20_000 });
    await shoot(popup, 'finished', 'ISC applied the change: status and the after-change checklist');

    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1000, height: 700 });
    await page.goto(`${site.url}/password-expired`);
    await page.locator(promptHostSelector).waitFor({ state: 'attached', timeout: 10_000 });
    await shoot(page, 'expiry-prompt', 'A "password expired" page: Rekey offers the change without touching the form');
    await page.close();

    const options = await session.openOptions();
    await options.getByRole('heading', { level: 1 }).waitFor();
    await shoot(options, 'options', 'Settings, with what the organisation manages marked as such');
    await options.close();

    await popup.getByRole('button', { name: 'Sign out' }).click();
    await popup.getByTestId('signed-out').waitFor();
    await signIn(session, popup, 'admin', 'Admin-Sandbox-1');
    const admin = await session.openOptions();
    await admin.getByRole('heading', { name: 'Administration' }).waitFor({ timeout: 15_000 });
    await admin.getByRole('heading', { name: 'Administration' }).scrollIntoViewIfNeeded();
    await shoot(admin, 'administration', 'Signed in as an administrator: org password settings, digit tokens, policies, diagnostics');

    const editor = admin.getByTestId('sources-editor');
    await admin.getByRole('button', { name: 'Move Google Workspace up' }).click();
    await admin.getByTestId('add-source').click();
    // A label without the source name: the editor explains what is missing under the field.
    await admin.locator('[data-testid="source-row"]').last().getByLabel('Label').fill('Payroll');
    await admin.getByTestId('save-settings').click();
    await admin.getByTestId('source-error').waitFor();
    await shootElement(
      admin.locator('fieldset', { has: editor }),
      'sources-editor',
      'Passwords offered: named fields, reorder and remove, problems under their field, and a preview of the popup',
    );
    await admin
      .getByRole('button', { name: /^Remove/ })
      .last()
      .click();
    await admin.getByTestId('pick-sources').click();
    await admin.getByTestId('picker-add').waitFor();
    await admin.getByLabel('Workday', { exact: true }).check();
    await shootElement(
      admin.getByTestId('source-picker'),
      'sources-picker',
      'Administrators add sources from Identity Security Cloud; a password group comes along as "also changes"',
    );
    await admin.close();
    await popup.close();

    // "Change now", "Try again" or a browser that refuses the toolbar popup open it in a tab: a page, not a box.
    const tab = await session.context.newPage();
    await tab.setViewportSize({ width: 1280, height: 800 });
    await tab.goto(`${session.extensionOrigin}/popup.html`);
    await tab.getByRole('button', { name: 'Sign out' }).click();
    await tab.getByTestId('signed-out').waitFor();
    await signIn(session, tab, 'alice', 'Alice-Sandbox-1');
    await tab.locator('[data-testid="accounts"]').first().waitFor();
    await shoot(tab, 'popup-in-tab', 'The popup opened in a tab lays out as a centred page');
    // 400 % zoom of a 1280 px window leaves 320 CSS px (WCAG 1.4.10): everything reflows, nothing scrolls sideways.
    await tab.setViewportSize({ width: 320, height: 640 });
    await shoot(tab, 'popup-zoom-400', 'At 400 % zoom (320 CSS px) the popup reflows without sideways scrolling');
    await tab.goto(`${site.url}/password-expired`);
    await tab.locator(promptHostSelector).waitFor({ state: 'attached', timeout: 10_000 });
    await shoot(tab, 'expiry-prompt-zoom-400', 'The page prompt at 400 % zoom stays inside the window');
    await tab.close();
  } finally {
    await session.close();
    await site.stop();
    await tenant.stop();
  }
  writeFileSync(join(outDir, 'index.html'), indexPage(shots));
  return shots;
}

function indexPage(shots: TourShot[]): string {
  const items = shots
    .map((s) => `<figure><img src="${s.file}" alt="${s.caption}"><figcaption>${s.file}: ${s.caption}</figcaption></figure>`)
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Rekey tour</title>
<style>body{font:15px system-ui;margin:24px;background:#f6f8fa}figure{display:inline-block;vertical-align:top;margin:12px;background:#fff;padding:8px;border:1px solid #d0d7de}img{max-width:420px;display:block}</style>
</head><body><h1>Rekey tour</h1>${items}</body></html>`;
}
