import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ExtensionSession } from '@/sandbox/browser/chromium';
import { configure, sandboxSettings, signIn } from '@/sandbox/browser/journeys';
import { tenantAndKeptProfile } from '../fixtures/tenant-and-browser';

/**
 * Chrome's "Continue where you left off" (and its restore after a crash) brings session cookies back at a browser
 * start, while storage.session — and with it the tokens — starts empty. The popup's kept first frame must not show the
 * employee as signed in then: every screen it paints, from the first, is the signed-out one.
 */

/** Every data-screen the popup shows, in order, from before its own scripts run. */
const recordScreens = `(() => {
  const seen = [];
  Object.defineProperty(window, '__screens', { value: seen });
  const note = () => {
    const screen = document.querySelector('#app [data-screen]')?.getAttribute('data-screen');
    if (screen && screen !== seen[seen.length - 1]) seen.push(screen);
  };
  new MutationObserver(note).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-screen'] });
})();`;

/** Waits until the popup has shown the worker's state and kept it for the next popup (its 'rekey:settled' mark). */
const settled = (popup: Page) =>
  popup.waitForFunction(() => performance.getEntriesByName('rekey:settled').length > 0, undefined, { timeout: 15_000 });

async function openSettled(session: ExtensionSession): Promise<Page> {
  const popup = await session.openPopup();
  await settled(popup);
  return popup;
}

const screensOf = (popup: Page) => popup.evaluate(() => (window as unknown as { __screens: string[] }).__screens.slice());
const frameOf = (popup: Page) => popup.evaluate(() => performance.getEntriesByName('rekey:first-frame').length > 0);

describe('the popup after a browser start that restored the last session', () => {
  const rig = tenantAndKeptProfile();

  it('paints the signed-in frame again within a browser session, and never after a restored one', async () => {
    const session = await rig.launch();
    await session.context.addInitScript({ content: recordScreens });
    await configure(session, sandboxSettings(rig.tenant));
    const first = await session.openPopup();
    await signIn(session, first, 'alice', 'Alice-Sandbox-1');
    await first.getByTestId('choose').waitFor();
    await settled(first);
    await first.close();
    // The next popup paints from the state the first kept and keeps its frame; the one after paints that frame.
    await (await openSettled(session)).close();
    const again = await openSettled(session);
    expect(await frameOf(again)).toBe(true);
    expect((await screensOf(again))[0]).toBe('choose');
    await again.close();

    await rig.quit();
    // "Continue where you left off" in the profile's preferences.
    const preferences = join(rig.userDataDir, 'Default', 'Preferences');
    expect(existsSync(preferences)).toBe(true);
    const prefs = JSON.parse(readFileSync(preferences, 'utf8')) as { session?: Record<string, unknown> };
    prefs.session = { ...prefs.session, restore_on_startup: 1 };
    writeFileSync(preferences, JSON.stringify(prefs));

    const restarted = await rig.launch();
    await restarted.context.addInitScript({ content: recordScreens });
    const restored = await openSettled(restarted);
    // The situation this is about: the session cookie came back with the restored session.
    expect(await restored.evaluate(() => document.cookie)).toContain('rekey-browser-session=1');
    await restored.getByTestId('signed-out').waitFor();
    const screens = await screensOf(restored);
    expect(screens).not.toContain('choose');
    expect(screens.at(-1)).toBe('signed-out');
    await restored.close();
  });
});
