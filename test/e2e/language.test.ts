import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionSession, launchExtension } from '@/sandbox/browser/chromium';
import { configure, sandboxSettings } from '@/sandbox/browser/journeys';
import { type SandboxTenant, startTenant } from '@/sandbox/tenant';
import { auditAccessibility } from './axe';

describe('a language forced by policy', () => {
  let tenant: SandboxTenant;
  let session: ExtensionSession;

  beforeAll(async () => {
    tenant = await startTenant({ port: 0 });
    session = await launchExtension();
  });

  afterAll(async () => {
    await session?.close();
    await tenant?.stop();
  });

  it('switches the popup to German, then to Japanese while it is open, whatever the browser language', async () => {
    await configure(session, sandboxSettings(tenant, { language: 'de' }));
    const popup = await session.openPopup();
    await popup.getByTestId('signed-out').waitFor();
    // The first screen may be the one kept from before the policy changed (the kept state, or its kept frame); the
    // worker's state, in the forced language, replaces it.
    // Generous timeouts: the worker's push and the forced language's messages come over IPC on a loaded CI machine.
    await expect.poll(() => popup.locator('html').getAttribute('lang'), { timeout: 10_000 }).toBe('de');
    await expect
      .poll(() => popup.getByRole('heading', { level: 2 }).textContent(), { timeout: 10_000 })
      .toBe('Melden Sie sich an, um Ihr Passwort zu ändern');
    expect(await popup.getByRole('button', { name: 'Anmelden' }).isVisible()).toBe(true);
    await auditAccessibility(popup, 'signed out (de)');

    // The policy changes while the popup is open: the worker's state, in the newly forced language, replaces it.
    await configure(session, { language: 'ja' });
    await expect.poll(() => popup.getByRole('button', { name: 'サインイン' }).isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await popup.locator('html').getAttribute('lang')).toBe('ja');
    await popup.close();

    const again = await session.openPopup();
    await again.getByTestId('signed-out').waitFor();
    await expect.poll(() => again.getByRole('button', { name: 'サインイン' }).isVisible(), { timeout: 10_000 }).toBe(true);
    await again.close();
  });
});
