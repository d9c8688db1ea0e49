import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionSession, e2eExtensionDir, launchExtension } from '@/sandbox/browser/chromium';
import { configure, sandboxSettings, signIn } from '@/sandbox/browser/journeys';
import { type SandboxTenant, startTenant } from '@/sandbox/tenant';
import { english } from '../fixtures/popup/english';
import { describeFocus } from '../fixtures/popup/layout';
import { auditAccessibility } from './axe';

/**
 * The options page's sources editor in a real Chromium: rows with named fields, add/remove/reorder with
 * the keyboard focus kept where it makes sense, problems under their field, the preview, and "Add from
 * Identity Security Cloud" for an administrator (the sandbox tenant serves list-sources as ISC does).
 */
describe('the sources editor in Chromium', () => {
  let tenant: SandboxTenant;
  let session: ExtensionSession;
  let buildCopy: string;
  let options: Page;

  const rowNames = () =>
    options.locator('[data-testid="source-row"]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-source')));
  const previewTitles = () => options.locator('[data-testid="preview-card"] .preview-title').allTextContents();
  const focus = () => options.evaluate(describeFocus);
  const savedSources = () =>
    options.evaluate(() =>
      chrome.runtime.sendMessage({ type: 'state/get' }).then((reply) => reply.value.settings.settings.sources as { sourceName: string }[]),
    );

  async function signInAs(user: string, password: string): Promise<void> {
    const popup = await session.openPopup();
    await popup.getByTestId('signed-out').waitFor();
    await signIn(session, popup, user, password);
    await popup.close();
  }

  beforeAll(async () => {
    buildCopy = mkdtempSync(join(tmpdir(), 'rekey-sources-build-'));
    cpSync(e2eExtensionDir, buildCopy, { recursive: true });
    tenant = await startTenant({ port: 0 });
    session = await launchExtension({ dir: buildCopy });
    await configure(session, sandboxSettings(tenant));
    await signInAs('admin', 'Admin-Sandbox-1');
    options = await session.openOptions();
    await options.getByTestId('sources-editor').waitFor();
  });

  afterAll(async () => {
    await session?.close();
    await tenant?.stop();
    if (buildCopy) rmSync(buildCopy, { recursive: true, force: true });
  });

  it('shows the configured passwords as rows with named fields, and a preview of the popup', async () => {
    expect(await rowNames()).toEqual(['Active Directory', 'G Suite']);
    expect(await options.getByLabel('Label').first().inputValue()).toBe('Windows sign-in');
    expect(await previewTitles()).toEqual(['Windows sign-in', 'Google Workspace']);
    await auditAccessibility(options, 'sources editor');
  });

  it('reorders with the keyboard and keeps focus on the row that moved', async () => {
    await options.getByRole('button', { name: 'Move Google Workspace up' }).focus();
    await options.keyboard.press('Enter');
    expect(await rowNames()).toEqual(['G Suite', 'Active Directory']);
    expect(await previewTitles()).toEqual(['Google Workspace', 'Windows sign-in']);
    expect(await focus()).toBe('button:Move Google Workspace down');
    expect(await options.getByTestId('sources-announcement').textContent()).toBe('Google Workspace is now number 1 of 2.');
  });

  it('adds a row, explains what is missing under the field, and refuses to save until it is fixed', async () => {
    await options.getByTestId('add-source').click();
    expect(await focus()).toBe('input:Source name *');
    await options.keyboard.press('Tab');
    await options.keyboard.type('Payroll');
    await options.getByTestId('save-settings').click();
    const error = options.getByTestId('source-error');
    await error.waitFor();
    expect(await error.textContent()).toBe(english('options.sourceNameRequired'));
    expect(await focus()).toBe('input:Source name *');
    expect(await options.getByTestId('settings-status').textContent()).toBe(english('options.fixErrors'));
    await auditAccessibility(options, 'sources editor: inline error');
    expect((await savedSources()).map((s) => s.sourceName)).toEqual(['Active Directory', 'G Suite']);

    await options.getByRole('button', { name: 'Remove Payroll' }).click();
    expect(await rowNames()).toEqual(['G Suite', 'Active Directory']);
  });

  it('adds sources from Identity Security Cloud, with their password group, and saves them', async () => {
    await options.getByTestId('pick-sources').click();
    await options.getByTestId('picker-add').waitFor();
    expect(await options.getByLabel('G Suite', { exact: true }).isDisabled()).toBe(true);
    expect(await options.getByLabel('Active Directory', { exact: true }).isDisabled()).toBe(true);
    await auditAccessibility(options, 'sources editor: picker');
    await options.emulateMedia({ colorScheme: 'dark' });
    await auditAccessibility(options, 'sources editor: picker (dark)');
    await options.emulateMedia({ colorScheme: 'light' });
    await options.getByLabel('Workday', { exact: true }).check();
    await options.getByTestId('picker-add').click();
    expect(await rowNames()).toEqual(['G Suite', 'Active Directory', 'Workday']);
    expect(await options.locator('[data-source="Workday"] input[id$="alsoChanges"]').inputValue()).toBe('Active Directory');
    expect(await previewTitles()).toEqual(['Google Workspace', 'Windows sign-in', 'Workday']);

    await options.getByTestId('save-settings').click();
    await expect.poll(() => options.getByTestId('settings-status').textContent()).toBe(english('options.saved'));
    expect(await savedSources()).toEqual([
      { sourceName: 'G Suite', label: 'Google Workspace', alsoChanges: ['Gmail', 'Google Drive', 'Google Calendar'] },
      { sourceName: 'Active Directory', label: 'Windows sign-in', alsoChanges: ['Workday'] },
      { sourceName: 'Workday', alsoChanges: ['Active Directory'] },
    ]);
  });

  it('does not offer the picker to an employee', async () => {
    await options.evaluate(() => chrome.runtime.sendMessage({ type: 'auth/signOut' }));
    await signInAs('alice', 'Alice-Sandbox-1');
    await options.reload();
    await options.getByTestId('options-identity').waitFor();
    await options.getByTestId('sources-editor').waitFor();
    expect(await options.getByTestId('pick-sources').count()).toBe(0);
  });
});
