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

  it('a popup opened again paints the last first screen from its kept frame before its own script runs, then hands over to the live screen', async () => {
    // The first popup paints from the worker's mirror, the second from the state the first kept (and keeps its frame).
    for (let open = 0; open < 2; open++) {
      const popup = await session.openPopup();
      await popup.getByTestId('misconfigured').waitFor();
      await popup.waitForFunction(() => performance.getEntriesByName('rekey:settled').length > 0);
      await popup.close();
    }
    const popup = await session.openPopup();
    await popup.getByTestId('misconfigured').waitFor();
    const marks = await popup.evaluate(() => ({
      frame: performance.getEntriesByName('rekey:first-frame')[0]?.startTime ?? null,
      live: performance.getEntriesByName('rekey:first-screen')[0]?.startTime ?? null,
    }));
    expect(marks.frame).not.toBeNull();
    expect(marks.live).toBeGreaterThanOrEqual(marks.frame!);
    // The frame was inert; the live screen is not, and works.
    await expect
      .poll(() =>
        popup.evaluate(() => ({
          inert: document.getElementById('app')!.inert,
          frame: document.getElementById('app')!.dataset.frame ?? null,
        })),
      )
      .toEqual({ inert: false, frame: null });
    expect(await popup.getByTestId('misconfigured').locator('li').count()).toBe(3);
    await popup.getByRole('button', { name: 'Open settings' }).click();
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
