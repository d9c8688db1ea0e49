import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionSession, e2eExtensionDir, launchExtension } from '@/sandbox/browser/chromium';
import { configure, sandboxSettings, signIn } from '@/sandbox/browser/journeys';
import { type SandboxTenant, startTenant } from '@/sandbox/tenant';
import { describeFocus, findOverflow, lengthenMessages } from '../fixtures/popup/layout';
import { auditAccessibility } from './axe';

const compliant = 'Amber-Falcon-Quarry-58';
const darkBackground = 'rgb(22, 27, 34)';

/**
 * Accessibility of the popup in a real Chromium: axe in the dark theme for each main screen,
 * keyboard-only use, 200% zoom and 40% longer strings.
 */
describe('popup accessibility in Chromium', () => {
  let tenant: SandboxTenant;
  let session: ExtensionSession;
  let buildCopy: string;
  let popup: Page;

  const card = (page: Page, source: string) => page.locator(`[data-testid="target"][data-source="${source}"]`);
  const submitEnabled = (page: Page) => page.getByTestId('submit').and(page.locator(':not([disabled])'));
  const focus = (page: Page) => page.evaluate(describeFocus);

  beforeAll(async () => {
    // A private copy: other builds may rewrite .output while this file runs.
    buildCopy = mkdtempSync(join(tmpdir(), 'rekey-a11y-build-'));
    cpSync(e2eExtensionDir, buildCopy, { recursive: true });
    tenant = await startTenant({ port: 0, statusDelayMs: 300 });
    session = await launchExtension({ dir: buildCopy });
    await configure(session, sandboxSettings(tenant));
    popup = await session.openPopup({ colorScheme: 'dark' });
  });

  afterAll(async () => {
    await session?.close();
    await tenant?.stop();
    if (buildCopy) rmSync(buildCopy, { recursive: true, force: true });
  });

  it('signed out, in the dark theme, passes axe', async () => {
    await popup.getByTestId('signed-out').waitFor();
    expect(await popup.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(darkBackground);
    await auditAccessibility(popup, 'dark: signed out');
  });

  it('choosing a password, in the dark theme, passes axe', async () => {
    await signIn(session, popup, 'alice', 'Alice-Sandbox-1');
    await card(popup, 'Active Directory').getByTestId('accounts').waitFor();
    await card(popup, 'G Suite').getByTestId('accounts').waitFor();
    await auditAccessibility(popup, 'dark: choose');
  });

  it('moves focus to the heading of the password screen, then reaches every control with Tab in reading order', async () => {
    await card(popup, 'Active Directory').getByRole('button').focus();
    await popup.keyboard.press('Enter');
    await popup.getByTestId('new-password').waitFor();
    // Focus moves when the screen renders, which may be after the lazily loaded screen arrives.
    await expect.poll(() => focus(popup)).toBe('h2:New password for Windows sign-in');
    await auditAccessibility(popup, 'dark: new password (empty)');

    await popup.keyboard.press('Tab');
    expect(await focus(popup)).toBe('input:New password');
    await popup.keyboard.type(compliant);
    await popup.keyboard.press('Tab');
    expect(await focus(popup)).toBe('button:Show');
    await popup.keyboard.press('Tab');
    expect(await focus(popup)).toBe('input:Type it again');
    await popup.keyboard.type(compliant);
    // The breach check runs first; the submit button is skipped by Tab while it is disabled.
    await submitEnabled(popup).waitFor({ timeout: 10_000 });
    await popup.keyboard.press('Tab');
    expect(await focus(popup)).toBe('button:Generate a password');
    await popup.keyboard.press('Tab');
    expect(await focus(popup)).toBe('button:Change password');
    await auditAccessibility(popup, 'dark: new password (compliant)');

    // And backwards, through the form to the header.
    const backwards: string[] = [];
    for (let i = 0; i < 7; i += 1) {
      await popup.keyboard.press('Shift+Tab');
      backwards.push(await focus(popup));
    }
    expect(backwards).toEqual([
      'button:Generate a password',
      'input:Type it again',
      'button:Show',
      'input:New password',
      'button:← Back',
      'button:Sign out',
      'button:Changes',
    ]);
  });

  it('toggles Show with the keyboard and submits with Enter, moving focus to the status heading', async () => {
    await popup.getByLabel('New password', { exact: true }).focus();
    await popup.keyboard.press('Tab');
    await popup.keyboard.press('Space');
    expect(await popup.getByLabel('New password', { exact: true }).getAttribute('type')).toBe('text');
    expect(await focus(popup)).toBe('button:Hide');
    await popup.keyboard.press('Space');
    expect(await popup.getByLabel('New password', { exact: true }).getAttribute('type')).toBe('password');

    await popup.keyboard.press('Tab');
    expect(await focus(popup)).toBe('input:Type it again');
    await popup.keyboard.press('Enter');
    await popup.getByTestId('status').waitFor();
    // Focus moves when the screen renders, which may be after the lazily loaded screen arrives.
    await expect.poll(() => focus(popup)).toBe('h2:Your password changes');
    await expect
      .poll(() => popup.getByTestId('current-changes').locator('[data-state="finished"]').count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await popup.getByTestId('after-change').waitFor();
    await auditAccessibility(popup, 'dark: status (finished)');
    expect(tenant.requestLogText()).not.toContain(compliant);
  });

  it('keeps focus on a heading when going back to the list', async () => {
    await popup.getByRole('button', { name: '← Back' }).focus();
    await popup.keyboard.press('Enter');
    await popup.getByTestId('choose').waitFor();
    // Focus moves when the screen renders, which may be after the lazily loaded screen arrives.
    await expect.poll(() => focus(popup)).toBe('h2:Which password do you want to change?');
  });

  it('opens without a focus ring on its first screen', async () => {
    const fresh = await session.openPopup({ colorScheme: 'dark' });
    await card(fresh, 'Active Directory').getByTestId('accounts').waitFor();
    expect(await fresh.evaluate(() => document.querySelector(':focus-visible')?.tagName ?? null)).toBeNull();
    await fresh.close();
  });

  describe('at 200% zoom', () => {
    // Chrome sizes a popup to its content up to 800 × 600 device pixels: at 200% the 360-pixel
    // popup becomes a 720-pixel window showing 360 × 300 CSS pixels.
    let zoomed: Page;
    beforeAll(async () => {
      zoomed = await session.context.newPage();
      await zoomed.setViewportSize({ width: 720, height: 600 });
      await zoomed.goto(`${session.extensionOrigin}/popup.html`);
      // A tab would lay the page out as a page; the toolbar popup this stands for keeps the popup layout.
      await zoomed.evaluate(() => {
        document.documentElement.dataset.layout = 'popup';
        document.documentElement.style.zoom = '2';
      });
    });
    afterAll(async () => {
      await zoomed?.close();
    });

    it('has no horizontal scrolling on the list', async () => {
      await card(zoomed, 'Active Directory').getByTestId('accounts').waitFor();
      expect(await zoomed.evaluate(() => document.documentElement.getBoundingClientRect().width)).toBeGreaterThan(700);
      expect(await zoomed.evaluate(findOverflow)).toEqual([]);
    });

    it('has no horizontal scrolling on the password screen and the submit button is reachable by scrolling', async () => {
      await card(zoomed, 'G Suite').getByRole('button').click();
      await zoomed.getByTestId('new-password').waitFor();
      await zoomed.getByTestId('generate').click();
      await zoomed.getByTestId('copy').waitFor();
      await submitEnabled(zoomed).waitFor({ timeout: 10_000 });
      expect(await zoomed.evaluate(findOverflow)).toEqual([]);
      // Taller than the window: the button is below the fold until scrolled to.
      const fits = await zoomed.evaluate(() => document.documentElement.scrollHeight <= innerHeight);
      expect(fits).toBe(false);
      const visible = await zoomed.evaluate(() => {
        const button = document.querySelector<HTMLElement>('[data-testid="submit"]')!;
        button.scrollIntoView({ block: 'nearest' });
        const box = button.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= innerHeight && box.left >= 0 && box.right <= innerWidth;
      });
      expect(visible).toBe(true);
    });

    it('has no horizontal scrolling on the status screen', async () => {
      await zoomed.getByRole('button', { name: '← Back' }).click();
      await zoomed.getByTestId('open-status').click();
      await zoomed.getByTestId('history').waitFor();
      expect(await zoomed.evaluate(findOverflow)).toEqual([]);
    });
  });

  describe('with every message 40% longer', () => {
    let long: Page;
    beforeAll(async () => {
      long = await session.context.newPage();
      await long.setViewportSize({ width: 360, height: 600 });
      await long.addInitScript(lengthenMessages, 0.4);
      await long.goto(`${session.extensionOrigin}/popup.html`);
      // The kept frame (popup-frame.js) shows the messages as they were when it was kept, until the live screen,
      // rendered with the lengthened ones, replaces it once the frame is on screen.
      await long.locator('#app[data-live]').waitFor({ state: 'attached' });
    });
    afterAll(async () => {
      await long?.close();
    });

    it('really shows the longer messages', async () => {
      const title = await long.locator('h1').textContent();
      expect(title?.startsWith('Rekey')).toBe(true);
      expect(title!.length).toBeGreaterThanOrEqual(Math.ceil('Rekey'.length * 1.4));
    });

    it('fits the list without overflow', async () => {
      await card(long, 'Active Directory').getByTestId('accounts').waitFor();
      await card(long, 'G Suite').getByTestId('accounts').waitFor();
      expect(await long.evaluate(findOverflow)).toEqual([]);
    });

    it('fits the password screen, with the checklist, strength and Copy, without overflow', async () => {
      await card(long, 'Active Directory').getByRole('button').click();
      await long.getByTestId('new-password').waitFor();
      await long.locator('#new-password').fill('short');
      await long.getByTestId('checklist').locator('[data-status="unmet"]').first().waitFor();
      expect(await long.evaluate(findOverflow)).toEqual([]);
      await long.getByTestId('generate').click();
      await long.getByTestId('copy').waitFor();
      await submitEnabled(long).waitFor({ timeout: 10_000 });
      expect(await long.evaluate(findOverflow)).toEqual([]);
    });

    it('fits the status screen without overflow', async () => {
      await long.getByTestId('open-status').click();
      await long.getByTestId('history').waitFor();
      expect(await long.evaluate(findOverflow)).toEqual([]);
    });

    it('fits the signed-out screen without overflow', async () => {
      await long.locator('.header-actions button').last().click(); // Sign out (its label is lengthened)
      await long.getByTestId('signed-out').waitFor();
      expect(await long.evaluate(findOverflow)).toEqual([]);
    });
  });
});
