import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRealPage } from '@/bench/expiry-corpus/real/corpus';
import { EXPIRY_CORPUS_DIR } from '@/bench/expiry-corpus/written/corpus';
import { promptHostSelector } from '@/components/prompt/prompt';
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
    // Pages built from the products' own bundles (bench/expiry-corpus/real) and a help article from the written set.
    const real = (id: string) => readRealPage(id).html;
    site = await startPagesServer({
      '/expired': expiredPage,
      '/signin': ordinarySignInPage,
      '/okta/password-expiry-warning': real('okta-expiring-in-days-en'),
      '/realms/corp/login-actions/required-action': real('keycloak-update-password-to-activate-en'),
      '/okta-sv/password-expired': real('okta-expired-change-form-sv'),
      '/help/password-expired': readFileSync(`${EXPIRY_CORPUS_DIR}/help-article-password-expired-en.html`, 'utf8'),
      '/app/ticking': tickingSinglePageApp,
    });
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
    const seenByPage = await page.evaluate((selector) => {
      const host = document.querySelector(selector);
      return { shadowRoot: host?.shadowRoot ?? null, text: host?.textContent ?? '' };
    }, promptHostSelector);
    expect(seenByPage).toEqual({ shadowRoot: null, text: '' });
    // Nor can it test guesses at the prompt's words with window.find(), which searches closed shadow roots' text.
    const found = await page.evaluate(() => {
      const find = (window as unknown as { find(words: string): boolean }).find.bind(window);
      return ['Change it with Rekey', 'Change now', 'Not now'].map((words) => find(words));
    });
    expect(found).toEqual([false, false, false]);
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

  it('offers the change on an Okta Sign-In Widget expiry warning, with its day count', async () => {
    const page = await visit('/okta/password-expiry-warning');
    await expect.poll(() => promptText(page), { timeout: 10_000 }).toContain('expires in 2 days');
    await page.close();
  });

  it('offers the change on a Keycloak "update password" required action', async () => {
    const page = await visit('/realms/corp/login-actions/required-action');
    await expect.poll(() => promptText(page), { timeout: 10_000 }).toContain('Your password has expired');
    await page.close();
  });

  it('offers the change on a Swedish Okta page (a language outside the hand-written nine)', async () => {
    const page = await visit('/okta-sv/password-expired');
    await expect.poll(() => promptText(page), { timeout: 10_000 }).toContain('Your password has expired');
    await page.close();
  });

  it('offers the change on a single-page app that renders its message late while a clock ticks on the page', async () => {
    // The clock changes the page every 250 ms, so a page that is never quiet must still be looked at again.
    const page = await visit('/app/ticking');
    await expect.poll(() => promptText(page), { timeout: 15_000 }).toContain('Your password has expired');
    expect(await page.evaluate(() => (window as unknown as { ticks: number }).ticks)).toBeGreaterThan(4);
    await page.close();
  });

  it('stays silent on a help article about password expiry', async () => {
    const page = await visit('/help/password-expired');
    await page.waitForTimeout(2000);
    expect(await promptText(page)).toBeNull();
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

/**
 * A single-page app as many sign-in portals are built: a shell that says "Loading…" and a clock ticking every 250 ms
 * (no word about a password at first), then, 1.5 s after load, the expired-password screen rendered by script.
 */
const tickingSinglePageApp = `<!doctype html><html lang="en"><head><title>Corp portal</title></head><body>
<header>Corp portal <span id="clock"></span></header><main id="app">Loading…</main>
<script>
window.ticks = 0;
setInterval(() => { window.ticks += 1; document.getElementById('clock').textContent = new Date().toISOString(); }, 250);
setTimeout(() => {
  document.getElementById('app').innerHTML = '<div role="alert"><h2>Your password has expired</h2>' +
    '<p>You must change your password before you can continue.</p></div>' +
    '<form><label>New password <input type="password" autocomplete="new-password"></label>' +
    '<label>Confirm new password <input type="password" autocomplete="new-password"></label><button>Change password</button></form>';
}, 1500);
</script></body></html>`;
