import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionSession, e2eExtensionDir, launchExtension } from '@/sandbox/browser/chromium';
import { configure, enterNewPassword, sandboxSettings, signIn } from '@/sandbox/browser/journeys';
import { expiredPage, startPagesServer } from '@/sandbox/pages/server';
import { type SandboxTenant, startTenant } from '@/sandbox/tenant';
import { findOverflow } from '../fixtures/popup/layout';
import { findInnerScrollers, pageScrollsSideways, popupColumn } from '../fixtures/popup/reflow';
import { auditAccessibility } from './axe';
import { promptBox, promptText } from './shadow';

/** 400 % zoom of a 1280 px window leaves 320 CSS px: WCAG 1.4.10 asks for no sideways scrolling there. */
const zoomed = { width: 320, height: 640 };
const desktop = { width: 1280, height: 800 };

/**
 * The popup opened in a tab (as "Change now", "Try again" and browsers that refuse the toolbar popup do),
 * and the popup, options page and page prompt in a window as narrow as 400 % zoom makes it.
 */
describe('the popup as a page, and reflow at 400 % zoom, in Chromium', () => {
  let tenant: SandboxTenant;
  let site: Awaited<ReturnType<typeof startPagesServer>>;
  let session: ExtensionSession;
  let buildCopy: string;

  beforeAll(async () => {
    // A private copy: other builds may rewrite the output directory while this file runs.
    buildCopy = mkdtempSync(join(tmpdir(), 'rekey-reflow-build-'));
    cpSync(e2eExtensionDir, buildCopy, { recursive: true });
    tenant = await startTenant({ port: 0, statusDelayMs: 300 });
    site = await startPagesServer({ '/expired': expiredPage });
    session = await launchExtension({ dir: buildCopy });
    await configure(session, sandboxSettings(tenant, { expiryPagePatterns: ['http://127.0.0.1/* | G Suite'] }));
  });

  afterAll(async () => {
    await session?.close();
    await site?.stop();
    await tenant?.stop();
    if (buildCopy) rmSync(buildCopy, { recursive: true, force: true });
  });

  async function openPopupAt(size: { width: number; height: number }): Promise<Page> {
    const page = await session.context.newPage();
    await page.setViewportSize(size);
    await page.goto(`${session.extensionOrigin}/popup.html`);
    return page;
  }

  async function expectReflow(page: Page, state: string): Promise<void> {
    expect({ state, sideways: await page.evaluate(pageScrollsSideways) }).toEqual({ state, sideways: false });
    expect({ state, overflow: await page.evaluate(findOverflow) }).toEqual({ state, overflow: [] });
  }

  /** The toolbar popup at 400 % zoom gets 200 CSS px from the browser (800 device px at most): its own layout must reflow too. */
  async function expectPopupReflowInBothLayouts(page: Page, state: string): Promise<void> {
    await expectReflow(page, `${state} (as a page)`);
    await page.evaluate(() => {
      document.documentElement.dataset.layout = 'popup';
    });
    await page.setViewportSize({ width: 200, height: 600 });
    await expectReflow(page, `${state} (toolbar popup, 200 CSS px)`);
    await page.evaluate(() => {
      document.documentElement.dataset.layout = 'page';
    });
    await page.setViewportSize(zoomed);
  }

  it('lays the popup out as a page in a tab: centred, of readable width, without boxes that scroll on their own', async () => {
    const page = await openPopupAt(desktop);
    await page.getByTestId('signed-out').waitFor();
    const column = await page.evaluate(popupColumn);
    expect(column.layout).toBe('page');
    expect(Math.abs(column.left - column.right)).toBeLessThanOrEqual(1);
    // Readable: wider than the toolbar popup's 360 px, no wider than 40rem (plus its border).
    expect(column.width).toBeGreaterThan(500);
    expect(column.width).toBeLessThanOrEqual(642);
    expect(await page.evaluate(findInnerScrollers)).toEqual([]);
    await auditAccessibility(page, 'popup in a tab: signed out');

    await signIn(session, page, 'alice', 'Alice-Sandbox-1');
    await page.locator('[data-testid="target"][data-source="G Suite"] [data-testid="accounts"]').waitFor();
    expect(await page.evaluate(findInnerScrollers)).toEqual([]);
    expect(await page.evaluate(pageScrollsSideways)).toBe(false);
    // Same keyboard behaviour as the toolbar popup: opened afresh, the first Tab lands on the first control in reading order.
    await page.reload();
    await page.locator('[data-testid="target"][data-source="G Suite"] [data-testid="accounts"]').waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement === document.querySelector('button, a[href], input, select, textarea'))).toBe(
      true,
    );
    await auditAccessibility(page, 'popup in a tab: choose');
    await page.close();
  });

  it('needs no sideways scrolling in the popup at 320 CSS px, on every screen', async () => {
    const page = await openPopupAt(zoomed);
    const card = page.locator('[data-testid="target"][data-source="Active Directory"]');
    await card.getByTestId('accounts').waitFor();
    await expectPopupReflowInBothLayouts(page, 'choose');

    await card.getByRole('button').click();
    await page.getByTestId('new-password').waitFor();
    await page.locator('#new-password').fill('short');
    await expectPopupReflowInBothLayouts(page, 'password, checklist failing');
    await auditAccessibility(page, 'popup at 320 px: password');

    await page.getByRole('button', { name: /back/i }).first().click();
    await page.getByTestId('choose').waitFor();
    await enterNewPassword(page, 'Active Directory', 'Amber-Falcon-Quarry-58');
    await page.getByTestId('submit').click();
    await page.getByTestId('current-changes').locator('[data-state="finished"]').first().waitFor({ timeout: 20_000 });
    await expectPopupReflowInBothLayouts(page, 'status, finished');
    await auditAccessibility(page, 'popup at 320 px: status');
    await page.close();
  });

  it('needs no sideways scrolling on the options page at 320 CSS px, with the sources editor and administration', async () => {
    const popup = await openPopupAt(zoomed);
    await popup.getByTestId('identity').waitFor();
    await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'auth/signOut' }));
    await popup.reload();
    await popup.getByTestId('signed-out').waitFor();
    await signIn(session, popup, 'admin', 'Admin-Sandbox-1');
    await popup.close();

    const options = await session.context.newPage();
    await options.setViewportSize(zoomed);
    await options.goto(`${session.extensionOrigin}/options.html`);
    await options.getByTestId('sources-editor').waitFor();
    await options.getByTestId('options-identity').waitFor();
    await expectReflow(options, 'options signed in as admin');
    await options.getByTestId('pick-sources').click();
    await options.getByTestId('picker-add').waitFor();
    await options.getByTestId('add-source').click();
    await options.locator('[data-testid="source-row"]').last().getByLabel('Label').fill('Payroll');
    await options.getByTestId('save-settings').click();
    await options.locator('[data-testid="source-error"]').first().waitFor();
    await expectReflow(options, 'options with the picker open and an inline error');
    await auditAccessibility(options, 'options at 320 px: picker and error');
    await options.close();
  });

  it('keeps the page prompt inside a 320 CSS px window', async () => {
    const page = await session.context.newPage();
    await page.setViewportSize(zoomed);
    await page.goto(`${site.url}/expired`);
    await expect.poll(() => promptText(page), { timeout: 10_000 }).not.toBeNull();
    const box = await promptBox(page);
    expect(box).not.toBeNull();
    expect(box!.left).toBeGreaterThanOrEqual(0);
    expect(box!.right).toBeLessThanOrEqual(zoomed.width);
    expect(await page.evaluate(pageScrollsSideways)).toBe(false);
    await page.close();
  });
});
