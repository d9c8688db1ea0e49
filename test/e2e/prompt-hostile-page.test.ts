import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionSession, e2eExtensionDir, launchExtension } from '@/sandbox/browser/chromium';
import { configure, sandboxSettings } from '@/sandbox/browser/journeys';
import { startPagesServer } from '@/sandbox/pages/server';
import { type SandboxTenant, startTenant } from '@/sandbox/tenant';
import { hostilePromptPage } from '../fixtures/pages/hostile-prompt-page';
import { clickPromptButton, promptDiagnostics, promptText } from './shadow';

/**
 * The page prompt on a page that attacks it (test/fixtures/pages/hostile-prompt-page.ts): predefined custom
 * element names with attachInternals, a hooked attachShadow, synthetic clicks and keys every 50 ms, hostile
 * styles. The prompt must still show, the page must learn nothing, its events must open and snooze nothing, and
 * only the user's real click (Playwright's trusted input through the DevTools protocol) may act.
 */
describe('the page prompt on a hostile page', () => {
  let tenant: SandboxTenant;
  let site: Awaited<ReturnType<typeof startPagesServer>>;
  let session: ExtensionSession;

  beforeAll(async () => {
    tenant = await startTenant({ port: 0 });
    site = await startPagesServer({ '/expired': hostilePromptPage(), '/expired-faded': hostilePromptPage({ fade: true }) });
    session = await launchExtension({ dir: e2eExtensionDir });
    await configure(session, sandboxSettings(tenant, { expiryPagePatterns: ['http://127.0.0.1/* | G Suite'] }));
  });

  afterAll(async () => {
    await session?.close();
    await site?.stop();
    await tenant?.stop();
  });

  async function visitWithPrompt(path: string): Promise<Page> {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1000, height: 700 });
    await page.goto(`${site.url}${path}`);
    // Generous: the page keeps the main thread busy with its attacks, and these machines are shared.
    try {
      await expect.poll(() => promptText(page), { timeout: 20_000 }).toContain('Your password has expired');
    } catch (error) {
      // Three fresh-clone runs saw no prompt here once each (never reproduced locally): say where the hand-off stopped.
      throw new Error(`No prompt: ${String(error)}; page worlds ${await promptDiagnostics(page)}; worker ${await workerView()}`);
    }
    return page;
  }

  /** The worker's side of the hand-off: where the watcher is registered, and the tabs it showed a prompt in. */
  async function workerView(): Promise<string> {
    const options = await session.openOptions();
    const view = await options.evaluate(async () => ({
      registered: await chrome.scripting.getRegisteredContentScripts(),
      shown: await chrome.storage.session.get('shown-prompts').catch((error: unknown) => String(error)),
    }));
    await options.close();
    return JSON.stringify(view);
  }

  /** Toolbar popups and popup tabs the worker opened (Playwright does not attach to the toolbar popup). */
  async function openPopups(page: Page): Promise<number> {
    const cdp = await session.context.newCDPSession(page);
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { url: string }[] };
    return targetInfos.filter((target) => target.url.startsWith(`${session.extensionOrigin}/popup.html`)).length;
  }

  async function snoozes(): Promise<Record<string, number>> {
    const options = await session.openOptions();
    const stored = await options.evaluate(() => chrome.storage.local.get('expiry-snoozes'));
    await options.close();
    return (stored['expiry-snoozes'] as Record<string, number> | undefined) ?? {};
  }

  it('shows the prompt, and the page reads nothing of it and its synthetic clicks and keys do nothing', async () => {
    const page = await visitWithPrompt('/expired');
    // Let the page attack the shown prompt for a while (every 50 ms).
    const attacksBefore = await page.evaluate(() => (window as unknown as { __rekeyAttacks: number }).__rekeyAttacks);
    await page.waitForTimeout(1_500);
    const seen = await page.evaluate(() => {
      const attacker = window as unknown as { __rekeyAttacks: number; __rekeyLeaks: string[] };
      return { attacks: attacker.__rekeyAttacks, leaks: attacker.__rekeyLeaks };
    });
    expect(seen.attacks).toBeGreaterThan(attacksBefore + 10);
    expect(seen.leaks).toEqual([]);
    expect(await promptText(page)).toContain('Your password has expired');
    expect(await openPopups(page)).toBe(0);
    expect(await snoozes()).toEqual({});
    await page.close();
  });

  it('ignores a real click on a prompt the page turned transparent (a click the user did not mean for Rekey)', async () => {
    const page = await visitWithPrompt('/expired-faded');
    await clickPromptButton(page, 'Change now');
    await clickPromptButton(page, 'Not now');
    await page.waitForTimeout(500);
    expect(await openPopups(page)).toBe(0);
    expect(await snoozes()).toEqual({});
    expect(await promptText(page)).not.toBeNull();
    await page.close();
  });

  it('acts on the user\'s real click despite the page: "Change now" opens the change flow', async () => {
    const page = await visitWithPrompt('/expired');
    await clickPromptButton(page, 'Change now');
    await expect.poll(() => openPopups(page), { timeout: 10_000 }).toBe(1);
    expect(await promptText(page)).toBeNull();
    expect(await page.evaluate(() => (window as unknown as { __rekeyLeaks: string[] }).__rekeyLeaks)).toEqual([]);
    await page.close();
  });
});
