import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionSession, e2eExtensionDir, launchExtension } from '@/sandbox/browser/chromium';
import { configure, sandboxSettings, signIn } from '@/sandbox/browser/journeys';
import { type SandboxTenant, startTenant } from '@/sandbox/tenant';

/**
 * A generated password the employee copied leaves the clipboard even when the popup is gone: the worker's alarm
 * and its offscreen document clear it (after 3 s in the E2E build, 60 s in the shipped one), and only if the
 * clipboard still holds that password — what the employee copied since stays.
 */
describe('clearing a copied password from the clipboard', () => {
  let tenant: SandboxTenant;
  let session: ExtensionSession;
  /** Any of our pages, to read and write the clipboard as the employee's other copies would. */
  let reader: Page;
  /** The E2E build's wipe delay (entrypoints/background/clipboard.ts) plus slack for the alarm and the worker. */
  const afterTheWipe = 3_000 + 3_000;

  beforeAll(async () => {
    tenant = await startTenant({ port: 0 });
    session = await launchExtension({ dir: e2eExtensionDir });
    // Extension origins count as opaque for per-origin grants, so the clipboard is granted everywhere.
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await configure(session, sandboxSettings(tenant));
    const popup = await session.openPopup();
    await signIn(session, popup, 'alice', 'Alice-Sandbox-1');
    await popup.close();
    reader = await session.openOptions();
  });

  afterAll(async () => {
    await session?.close();
    await tenant?.stop();
  });

  const clipboard = async () => {
    await reader.bringToFront();
    return reader.evaluate(() => navigator.clipboard.readText());
  };

  /** Opens the popup, generates a password for G Suite, copies it and closes the popup; returns the password. */
  async function copyGeneratedPasswordAndClose(): Promise<string> {
    const popup = await session.openPopup();
    await popup.locator('[data-testid="target"][data-source="G Suite"] button').click();
    await popup.getByTestId('generate').click();
    await popup.getByTestId('copy').click();
    await popup.getByText('Copied').first().waitFor();
    const password = await popup.locator('#new-password').inputValue();
    await popup.close();
    return password;
  }

  it('clears the copied password after the popup closed', async () => {
    const password = await copyGeneratedPasswordAndClose();
    expect(password.length).toBeGreaterThan(11);
    expect(await clipboard()).toBe(password);
    await reader.waitForTimeout(afterTheWipe);
    expect(await clipboard()).toBe('');
  });

  it('leaves alone what the employee copied after the password', async () => {
    await copyGeneratedPasswordAndClose();
    await reader.bringToFront();
    await reader.evaluate(() => navigator.clipboard.writeText('meeting notes'));
    await reader.waitForTimeout(afterTheWipe);
    expect(await clipboard()).toBe('meeting notes');
  });

  it('keeps no trace of the password in the worker: only a salted fingerprint waits for the alarm', async () => {
    const password = await copyGeneratedPasswordAndClose();
    const stored = await reader.evaluate(async () => JSON.stringify(await chrome.storage.session.get(null)));
    expect(stored).not.toContain(password);
    expect(JSON.parse(stored)['clipboard-wipe']).toEqual({
      salt: expect.stringMatching(/^[0-9a-f]{32}$/),
      digest: expect.stringMatching(/^[0-9a-f]{64}$/),
      at: expect.any(Number),
    });
    await reader.waitForTimeout(afterTheWipe);
    expect(await clipboard()).toBe('');
  });
});
