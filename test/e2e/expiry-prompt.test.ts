import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionSession, e2eExtensionDir, launchExtension } from '@/sandbox/browser/chromium';
import { configure, sandboxSettings } from '@/sandbox/browser/journeys';
import { expiredPage, ordinarySignInPage, startPagesServer } from '@/sandbox/pages/server';
import { type SandboxTenant, startTenant } from '@/sandbox/tenant';
import { clickPromptButton, promptText } from './shadow';

describe('auto-prompt on password-expiry pages', () => {
  let tenant: SandboxTenant;
  let site: Awaited<ReturnType<typeof startPagesServer>>;
  let session: ExtensionSession;

  beforeAll(async () => {
    tenant = await startTenant({ port: 0 });
    site = await startPagesServer({ '/expired': expiredPage, '/signin': ordinarySignInPage });
    session = await launchExtension({ dir: e2eExtensionDir });
    await configure(session, sandboxSettings(tenant, { expiryPagePatterns: ['http://127.0.0.1/* | G Suite'] }));
  });

  afterAll(async () => {
    await session?.close();
    await site?.stop();
    await tenant?.stop();
  });

  async function visit(path: string): Promise<Page> {
    const page = await session.context.newPage();
    await page.goto(`${site.url}${path}`);
    return page;
  }

  it('offers the change on a page that says the password expired', async () => {
    const page = await visit('/expired');
    await expect.poll(() => promptText(page), { timeout: 10_000 }).toContain('Your password has expired');
    await page.close();
  });

  it('keeps its prompt unreadable to the page', async () => {
    const page = await visit('/expired');
    await expect.poll(() => promptText(page), { timeout: 10_000 }).not.toBeNull();
    const seenByPage = await page.evaluate(() => {
      const host = document.querySelector('rekey-expiry-prompt');
      return { shadowRoot: host?.shadowRoot ?? null, text: host?.textContent ?? '' };
    });
    expect(seenByPage).toEqual({ shadowRoot: null, text: '' });
    await page.close();
  });

  it('"Change now" opens the change flow with the page\'s source preselected', async () => {
    const page = await visit('/expired');
    await expect.poll(() => promptText(page), { timeout: 10_000 }).not.toBeNull();
    await clickPromptButton(page, 'Change now');
    // The toolbar popup opens as its own target (Playwright does not attach to it): find it through CDP.
    const cdp = await session.context.newCDPSession(page);
    const popupTargets = async () =>
      ((await cdp.send('Target.getTargets')) as { targetInfos: { url: string }[] }).targetInfos.filter((t) => t.url.endsWith('/popup.html'))
        .length;
    await expect.poll(popupTargets, { timeout: 10_000 }).toBe(1);
    expect(await promptText(page)).toBeNull();
    const options = await session.openOptions();
    const preselect = await options.evaluate(() => chrome.runtime.sendMessage({ type: 'state/get' }).then((r) => r.value.preselectSource));
    expect(preselect).toBe('G Suite');
    await options.close();
    await page.close();
  });

  it('"Not now" keeps the prompt away on reload', async () => {
    const page = await visit('/expired');
    await expect.poll(() => promptText(page), { timeout: 10_000 }).not.toBeNull();
    await clickPromptButton(page, 'Not now');
    expect(await promptText(page)).toBeNull();
    await page.reload();
    await page.waitForTimeout(1500);
    expect(await promptText(page)).toBeNull();
    await page.close();
  });

  it('shows nothing on an ordinary sign-in page', async () => {
    const page = await visit('/signin');
    await page.waitForTimeout(1500);
    expect(await promptText(page)).toBeNull();
    await page.close();
  });
});
