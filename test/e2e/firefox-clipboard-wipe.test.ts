import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clipboardWipeAlarm } from '@/entrypoints/background/clipboard';
import { type FirefoxSession, launchFirefoxExtension } from '@/sandbox/browser/firefox';
import { fingerprint } from '@/utils/clipboard/fingerprint';

/**
 * Firefox's half of the clipboard wipe (test/e2e/clipboard-wipe.test.ts is Chromium's): there is no offscreen
 * document, the background page reads and clears the clipboard itself. The popup's request goes through the real
 * router; the minute before the wipe is skipped by moving the pending wipe's time and its alarm to now (the
 * shipped build waits 60 s, and Firefox has no E2E build of its own).
 */
describe('clearing a copied password in Firefox, with the popup closed', () => {
  let session: FirefoxSession;

  beforeAll(async () => {
    session = await launchFirefoxExtension();
  });

  afterAll(async () => {
    await session?.close();
  });

  const clipboard = () => session.evaluateInBackground<string>('async (api, background) => background.navigator.clipboard.readText()');
  const copyElsewhere = (text: string) =>
    session.evaluateInBackground(`async (api, background) => background.navigator.clipboard.writeText(${JSON.stringify(text)})`);

  /** The popup copies `secret` and asks the worker for the wipe, then closes. */
  async function copyFromPopupAndClose(secret: string): Promise<void> {
    const print = await fingerprint(secret);
    const popup = await session.openPopup();
    const reply = await popup.evaluate(
      async (args) => {
        const ext = (globalThis as unknown as { browser: typeof chrome }).browser;
        await navigator.clipboard.writeText(args.secret);
        return ext.runtime.sendMessage({ type: 'clipboard/scheduleWipe', salt: args.salt, digest: args.digest });
      },
      { secret, ...print },
    );
    expect(reply).toEqual({ ok: true, value: null });
    await popup.close();
  }

  /** The minute passes: the pending wipe is due now and its alarm fires. */
  async function letTheMinutePass(): Promise<void> {
    await session.evaluateInBackground(`async (api) => {
      const { 'clipboard-wipe': pending } = await api.storage.session.get('clipboard-wipe');
      await api.storage.session.set({ 'clipboard-wipe': { ...pending, at: Date.now() } });
      await api.alarms.create(${JSON.stringify(clipboardWipeAlarm)}, { when: Date.now() + 100 });
    }`);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }

  it('clears the copied password', async () => {
    await copyFromPopupAndClose('Firefox-Generated-Secret-1');
    expect(await clipboard()).toBe('Firefox-Generated-Secret-1');
    await letTheMinutePass();
    expect(await clipboard()).toBe('');
  });

  it('leaves alone what was copied after the password', async () => {
    await copyFromPopupAndClose('Firefox-Generated-Secret-2');
    await copyElsewhere('meeting notes');
    await letTheMinutePass();
    expect(await clipboard()).toBe('meeting notes');
  });
});
