import { beforeEach, describe, expect, it } from 'vitest';
import { type ClipboardAccess, clipboardWipeAlarm, createClipboardWiper } from '@/entrypoints/background/clipboard';
import { fingerprint, matches } from '@/utils/clipboard/fingerprint';
import { type Background, loadBackground } from '../fixtures/faults/background';

/**
 * The worker's clipboard wipe over the fake browser: what the popup may ask (a salted fingerprint, from our own
 * pages only), what the worker keeps (never the text), and when it clears (at the alarm, only what it was asked
 * to clear). test/e2e/clipboard-wipe.test.ts runs it in Chromium with the popup closed.
 */

const extensionId = 'test-extension-id';
const popup = { id: extensionId, url: `chrome-extension://${extensionId}/popup.html` };
const contentScript = { id: extensionId, url: 'https://sso.acme.example/login', tab: { id: 3, url: 'https://sso.acme.example/login' } };
const password = 'Quiet-Harbor-Lantern-72';

let background: Background;
beforeEach(async () => {
  background = await loadBackground();
});

/** A clipboard holding one text, cleared the way the offscreen document clears it: only if it matches. */
function fakeClipboard(text: string): ClipboardAccess & { text: string } {
  const clipboard = {
    text,
    async clearIfHolds(print: Parameters<ClipboardAccess['clearIfHolds']>[0]) {
      if (!(await matches(clipboard.text, print))) return 'kept' as const;
      clipboard.text = '';
      return 'cleared' as const;
    },
  };
  return clipboard;
}

describe('the scheduleWipe message', () => {
  it('is taken from the popup, and refused from a content script', async () => {
    const message = { type: 'clipboard/scheduleWipe', ...(await fingerprint(password)) };
    expect(await background.services.route(message, popup)).toEqual({ ok: true, value: null });
    expect(await background.services.route(message, contentScript)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
  });

  it('carries a fingerprint, not text: anything else is not a valid message', async () => {
    for (const bad of [
      { salt: 'x'.repeat(32), digest: 'a'.repeat(64) },
      { salt: 'a'.repeat(32), digest: password },
      { salt: 'a'.repeat(32) },
    ]) {
      expect(await background.services.route({ type: 'clipboard/scheduleWipe', ...bad }, popup)).toMatchObject({
        ok: false,
        error: { code: 'invalid-message' },
      });
    }
  });

  it('leaves the worker a salted fingerprint and an alarm a minute out, never the password', async () => {
    const before = Date.now();
    await background.services.route({ type: 'clipboard/scheduleWipe', ...(await fingerprint(password)) }, popup);
    const stored = JSON.stringify(await background.browser.storage.session.get(null));
    expect(stored).not.toContain(password);
    const alarm = await background.browser.alarms.get(clipboardWipeAlarm);
    expect(alarm?.scheduledTime).toBeGreaterThanOrEqual(before + 60_000);
    expect(alarm?.scheduledTime).toBeLessThanOrEqual(Date.now() + 60_000);
  });
});

describe('the wipe', () => {
  let now = 1_000_000;
  const clock = () => now;

  it('clears the clipboard when the alarm fires and it still holds the copied password', async () => {
    const clipboard = fakeClipboard(password);
    const wiper = createClipboardWiper({ clipboard, delayMs: 60_000, now: clock });
    await wiper.schedule(await fingerprint(password));
    now += 60_000;
    expect(await wiper.run()).toBe('cleared');
    expect(clipboard.text).toBe('');
  });

  it('keeps what the employee copied since', async () => {
    const clipboard = fakeClipboard(password);
    const wiper = createClipboardWiper({ clipboard, delayMs: 60_000, now: clock });
    await wiper.schedule(await fingerprint(password));
    clipboard.text = 'meeting notes';
    now += 60_000;
    expect(await wiper.run()).toBe('kept');
    expect(clipboard.text).toBe('meeting notes');
  });

  it('does nothing before its time (a worker woken early sets the alarm again), and runs once', async () => {
    const clipboard = fakeClipboard(password);
    const wiper = createClipboardWiper({ clipboard, delayMs: 60_000, now: clock });
    await wiper.schedule(await fingerprint(password));
    now += 30_000;
    expect(await wiper.run()).toBe('not-yet');
    expect(clipboard.text).toBe(password);
    now += 30_000;
    expect(await wiper.run()).toBe('cleared');
    expect(await wiper.run()).toBe('nothing-pending');
  });

  it('follows the newest copy: a second password replaces the first one to clear', async () => {
    const clipboard = fakeClipboard('Second-Generated-Password-9');
    const wiper = createClipboardWiper({ clipboard, delayMs: 60_000, now: clock });
    await wiper.schedule(await fingerprint(password));
    await wiper.schedule(await fingerprint('Second-Generated-Password-9'));
    now += 60_000;
    expect(await wiper.run()).toBe('cleared');
  });
});
