import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionSession, launchExtension } from './harness';

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

  it('the popup renders and reaches the worker', async () => {
    const popup = await session.openPopup();
    await expect.poll(() => popup.getByTestId('worker-status').getAttribute('data-state')).toBe('ready');
    expect(await popup.getByRole('heading', { level: 1 }).textContent()).toBe('Rekey');
    await popup.close();
  });
});
