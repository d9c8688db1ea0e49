import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionSession, launchExtension } from '@/sandbox/browser/chromium';

describe('extension in Chromium', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('the background worker answers a typed ping from an extension page', async () => {
    const popup = await session.openPopup();
    const reply = await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'ping' }));
    expect(reply).toMatchObject({ ok: true, value: { pong: true, version: '0.1.0' } });
    const refused = await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'steal-token' }));
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    await popup.close();
  });

  it('an unconfigured popup says exactly what to set up', async () => {
    const popup = await session.openPopup();
    await popup.getByTestId('misconfigured').waitFor();
    expect(await popup.getByRole('heading', { level: 1 }).textContent()).toBe('Rekey');
    const problems = await popup.getByTestId('misconfigured').locator('li').allTextContents();
    expect(problems).toEqual([
      'No Identity Security Cloud tenant is set.',
      'No OAuth client id is set.',
      'No passwords are configured to be offered.',
    ]);
    expect(await popup.getByRole('button', { name: 'Open settings' }).isVisible()).toBe(true);
    await popup.close();
  });

  it('offers to watch the built-in sign-in pages until access is granted', async () => {
    const options = await session.openOptions();
    const section = options.getByTestId('built-in-sites');
    await section.waitFor();
    expect(await section.textContent()).toContain('Your browser will ask you to allow it.');
    expect(await section.getByRole('button', { name: /Watch the sign-in pages of Microsoft, Okta, Google/ }).isVisible()).toBe(true);
    await options.close();
  });
});
