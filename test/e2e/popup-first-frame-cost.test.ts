import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionSession, e2eExtensionDir, launchExtension } from '@/sandbox/browser/chromium';
import { configure, sandboxSettings, signIn } from '@/sandbox/browser/journeys';
import { type SandboxTenant, startTenant } from '@/sandbox/tenant';

/** What the page's own script painted as a kept frame, seen as soon as popup-frame.js painted it (before any frame). */
interface KeptFrameSeen {
  screen: string | null;
  placeholders: number;
  running: number;
  /**
   * The font families its text is drawn in, and the body's (Chromium gives an extension page's body its platform's
   * font, over the family the popup's `:root` names).
   */
  families: string[];
  pageFamily: string;
  /** The weights and styles its text is drawn in, as "weight style": each is a font lookup in a fresh renderer. */
  faces: string[];
}

/**
 * Runs before popup.html's scripts: records the kept frame's loading placeholders (`.skeleton`) and how many
 * animations run on them, in the microtask after popup-frame.js painted the frame (getAnimations() brings the
 * styles up to date, so the CSS animations a frame would start are there), and the faces its text is drawn in.
 */
const watchKeptFrame = `(() => {
  new MutationObserver((records, observer) => {
    const app = document.getElementById('app');
    if (!app || app.dataset.frame !== 'kept') return;
    observer.disconnect();
    const placeholders = [...app.querySelectorAll('.skeleton')];
    const texts = [...app.querySelectorAll('*')].filter((element) =>
      [...element.childNodes].some((node) => node.nodeType === 3 && node.textContent.trim()),
    );
    window.__keptFrameSeen = {
      screen: app.querySelector('[data-screen]')?.getAttribute('data-screen') ?? null,
      placeholders: placeholders.length,
      running: placeholders.reduce((sum, element) => sum + element.getAnimations().length, 0),
      families: [...new Set(texts.map((element) => getComputedStyle(element).fontFamily))],
      pageFamily: getComputedStyle(document.body).fontFamily,
      faces: [...new Set(texts.map((element) => getComputedStyle(element).fontWeight + ' ' + getComputedStyle(element).fontStyle))].sort(),
    };
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-frame'] });
})()`;

/** The animations a loading placeholder added to the live popup runs (the stylesheet's rules, in a real browser). */
function placeholderAnimations(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const placeholder = document.createElement('div');
    placeholder.className = 'skeleton skeleton-line';
    document.getElementById('app')!.append(placeholder);
    const names = placeholder.getAnimations().map((animation) => (animation as CSSAnimation).animationName);
    placeholder.remove();
    return names;
  });
}

/**
 * What the popup's first frame asks a freshly started renderer to do (issue #21: its first layout and raster were
 * most of the gap to an empty page). The signed-in list's loading placeholders shimmer on the live screen, but not in
 * a kept frame, which is only on screen until the live screen replaces it: there the animation only made the renderer
 * restyle and repaint before its first frame was presented. Reduced motion stops the shimmer everywhere. And the
 * frame's text comes in one family at two weights: each further face was one more font lookup in its first layout.
 */
describe('popup first frame in Chromium', () => {
  let tenant: SandboxTenant;
  let session: ExtensionSession;
  let buildCopy: string;

  beforeAll(async () => {
    // A private copy: other builds may rewrite .output while this file runs.
    buildCopy = mkdtempSync(join(tmpdir(), 'rekey-first-frame-build-'));
    cpSync(e2eExtensionDir, buildCopy, { recursive: true });
    tenant = await startTenant({ port: 0 });
    session = await launchExtension({ dir: buildCopy });
    await configure(session, sandboxSettings(tenant));
    const popup = await session.openPopup();
    await signIn(session, popup, 'alice', 'Alice-Sandbox-1');
    await popup.close();
    await session.context.addInitScript({ content: watchKeptFrame });
  });

  afterAll(async () => {
    await session?.close();
    await tenant?.stop();
    if (buildCopy) rmSync(buildCopy, { recursive: true, force: true });
  });

  it('paints a kept frame of the signed-in list with its placeholders standing still, in one family at two weights', async () => {
    // The first popups paint from the worker's state and keep their first screen (the list while its accounts load);
    // a later one paints that frame before its own script runs.
    let seen: KeptFrameSeen | undefined;
    for (let open = 0; open < 4 && !seen?.placeholders; open++) {
      const popup = await session.openPopup();
      await popup.getByTestId('choose').waitFor();
      await popup.waitForFunction(() => performance.getEntriesByName('rekey:settled').length > 0);
      seen = await popup.evaluate(() => (window as unknown as { __keptFrameSeen?: KeptFrameSeen }).__keptFrameSeen);
      await popup.close();
    }
    expect(seen).toMatchObject({ screen: 'choose', running: 0 });
    expect(seen!.placeholders).toBeGreaterThan(0);
    expect(seen!.families).toEqual([seen!.pageFamily]);
    expect(seen!.faces).toEqual(['400 normal', '600 normal']);
  });

  it('shimmers the live screen’s placeholders, and stops them for reduced motion', async () => {
    const popup = await session.openPopup();
    await popup.getByTestId('choose').waitFor();
    await popup.waitForFunction(() => document.getElementById('app')!.dataset.frame === undefined);
    expect(await placeholderAnimations(popup)).toEqual(['shimmer']);
    await popup.emulateMedia({ reducedMotion: 'reduce' });
    expect(await placeholderAnimations(popup)).toEqual([]);
    await popup.close();
  });
});
