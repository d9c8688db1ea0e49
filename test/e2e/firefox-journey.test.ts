import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { promptHostSelector } from '@/components/prompt/prompt';
import { type FirefoxSession, launchFirefoxExtension } from '@/sandbox/browser/firefox';
import { type DrivenPage, type ExtensionHarness, firefoxHarness, testId } from '@/sandbox/browser/harness';
import { configure, dumpExtensionStorage, enterNewPassword, sandboxSettings, signIn } from '@/sandbox/browser/journeys';
import { expiredPage, ordinarySignInPage, startPagesServer } from '@/sandbox/pages/server';
import { IDS, type SandboxTenant, startTenant } from '@/sandbox/tenant';

const alice = 'CN=Alice Smith,OU=Staff,DC=corp,DC=example';
const firstPassword = 'Quiet-Harbor-Lantern-72';
const secondPassword = 'Copper-Willow-Signal-46';

/**
 * Firefox's own promise-based namespace in an extension page (code passed to `evaluate` runs
 * there). Spelled as a property: WXT's test plugin would turn a bare `browser` into its fake.
 */
type ExtensionGlobals = { browser: typeof chrome };

/** The journey a new employee takes, in Debian's Firefox ESR with the production Firefox build. */
describe('Rekey in Firefox', () => {
  let tenant: SandboxTenant;
  let site: Awaited<ReturnType<typeof startPagesServer>>;
  let session: FirefoxSession;
  let harness: ExtensionHarness;
  let popup: DrivenPage;
  /** Pages a step opened, closed after it even when it fails (a leftover page slows the next steps). */
  const opened: DrivenPage[] = [];
  const open = async (page: Promise<DrivenPage>) => {
    const ready = await page;
    opened.push(ready);
    return ready;
  };

  /**
   * Waits for a change's outcome on the popup; if it never shows, fails with what the popup showed and what the tenant
   * was asked (a bare timeout told nothing; this message showed the tracker losing its wake-up, fixed in tracker.ts).
   */
  const untilShown = (selector: string) =>
    popup.waitFor(selector, 20_000).catch(async () => {
      const shown = ((await popup.text('body').catch(() => null)) ?? '(popup unreadable)').replace(/\s+/g, ' ').slice(0, 600);
      const asked = tenant
        .requestLog()
        .slice(-12)
        .map((entry) => `${entry.at} ${entry.method} ${entry.path} → ${entry.status}`)
        .join('\n');
      throw new Error(`${selector} not shown in 20 s.\nThe popup showed: ${shown}\nThe tenant's last requests:\n${asked}`);
    });

  const state = (page: DrivenPage) =>
    page.evaluate(() =>
      (globalThis as unknown as ExtensionGlobals).browser.runtime
        .sendMessage({ type: 'state/get' })
        .then((reply: { value: { identity: unknown; tracker: { history: { state: string }[] } } }) => reply.value),
    );

  beforeAll(async () => {
    tenant = await startTenant({ port: 0, statusDelayMs: 400 });
    site = await startPagesServer({ '/expired': expiredPage, '/signin': ordinarySignInPage });
    session = await launchFirefoxExtension();
    harness = firefoxHarness(session);
    // Headless Firefox accepts notifications.create but closes each notification at once, so no
    // toast can be seen: the test records what the extension hands to Firefox's notifications API.
    await session.evaluateInBackground(`(api, background) => {
      background.__handedToFirefox = [];
      const create = api.notifications.create;
      api.notifications.create = function (...args) {
        background.__handedToFirefox.push(JSON.parse(JSON.stringify(args)));
        return create.apply(this, args);
      };
    }`);
  });

  afterEach(async () => {
    for (const page of opened.splice(0)) await page.close().catch(() => undefined);
  });

  afterAll(async () => {
    await harness?.close();
    await site?.stop();
    await tenant?.stop();
  });

  it('installs as an add-on whose worker answers a typed ping and refuses an unknown message', async () => {
    const page = await harness.openPopup();
    const reply = await page.evaluate(() => (globalThis as unknown as ExtensionGlobals).browser.runtime.sendMessage({ type: 'ping' }));
    expect(reply).toMatchObject({ ok: true, value: { pong: true, version: '0.1.0' } });
    const refused = await page.evaluate(() =>
      (globalThis as unknown as ExtensionGlobals).browser.runtime.sendMessage({ type: 'steal-token' }),
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    await page.close();
  });

  it('renders the unconfigured popup and the options page', async () => {
    const page = await harness.openPopup();
    await page.waitFor(testId('misconfigured'));
    expect(await page.text('h1')).toBe('Rekey');
    expect(
      await page.evaluate(() => [...document.querySelectorAll('[data-testid="misconfigured"] li')].map((li) => li.textContent)),
    ).toEqual(['No Identity Security Cloud tenant is set.', 'No OAuth client id is set.', 'No passwords are configured to be offered.']);
    await page.close();
    // From the third popup on a state, the kept frame (popup-frame.js) paints it before the popup's module has run.
    for (let open = 0; open < 2; open++) {
      const again = await harness.openPopup();
      await again.waitFor(testId('misconfigured'));
      await expect.poll(() => again.evaluate(() => performance.getEntriesByName('rekey:settled').length)).toBe(1);
      const marks = await again.evaluate(() => ({
        frame: performance.getEntriesByName('rekey:first-frame')[0]?.startTime ?? null,
        live: performance.getEntriesByName('rekey:first-screen')[0]?.startTime ?? null,
        inert: document.getElementById('app')?.inert,
      }));
      if (open === 1) {
        expect(marks.frame).not.toBeNull();
        expect(marks.live).toBeGreaterThanOrEqual(marks.frame ?? Number.POSITIVE_INFINITY);
        expect(marks.inert).toBe(false);
      }
      await again.close();
    }
    const options = await open(harness.openOptions());
    await options.waitFor(testId('built-in-sites'));
    expect(await options.text(testId('built-in-sites'))).toContain('Your browser will ask you to allow it.');
    await options.close();
  });

  it("saves watched pages from the options page through Firefox's permission request", async () => {
    await configure(harness, sandboxSettings(tenant));
    const options = await open(harness.openOptions());
    await options.waitFor('#setting-expiryPagePatterns');
    expect(
      await options.evaluate(() =>
        (globalThis as unknown as ExtensionGlobals).browser.permissions.contains({ origins: ['http://127.0.0.1/*'] }),
      ),
    ).toBe(false);
    await options.fill('#setting-expiryPagePatterns', 'http://127.0.0.1/* | G Suite');
    // The launch pref extensions.webextOptionalPermissionPrompts=false answers the prompt with
    // "Allow"; Firefox still refuses any request not made from the click's own handler.
    await options.click(testId('save-settings'));
    await expect.poll(() => options.text(testId('settings-status')), { timeout: 10_000 }).toBe('Settings saved.');
    expect(
      await options.evaluate(() =>
        (globalThis as unknown as ExtensionGlobals).browser.permissions.contains({ origins: ['http://127.0.0.1/*'] }),
      ),
    ).toBe(true);
    await options.close();
  });

  it('prompts on a page that says the password expired, unreadable to the page, and not on an ordinary sign-in page', async () => {
    const expired = await open(harness.openPage(`${site.url}/expired`));
    // The prompt lives in a closed shadow root the page (and the driver, which runs as the page)
    // cannot open: its host element is all there is to see.
    await expired.waitFor(promptHostSelector, 10_000);
    expect(
      await expired.evaluate((selector) => {
        const host = document.querySelector(selector);
        return { shadowRoot: host?.shadowRoot ?? null, text: host?.textContent ?? '' };
      }, promptHostSelector),
    ).toEqual({ shadowRoot: null, text: '' });
    await expired.close();
    const ordinary = await open(harness.openPage(`${site.url}/signin`));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await ordinary.count(promptHostSelector)).toBe(0);
    await ordinary.close();
  });

  it("signs in through identity.launchWebAuthFlow with Firefox's own redirect URL", async () => {
    popup = await harness.openPopup();
    await popup.waitFor(testId('signed-out'));
    expect(await popup.text(testId('tenant'))).toBe(tenant.url);
    await signIn(harness, popup, 'alice', 'Alice-Sandbox-1');
    expect(await popup.text(testId('identity'))).toContain('alice');
    const authorize = tenant.requestLog().find((entry) => entry.path.startsWith('/oauth/authorize?'));
    const redirect = new URL(authorize?.path ?? '/', tenant.url).searchParams.get('redirect_uri');
    expect(redirect).toMatch(/^https:\/\/[0-9a-f]{40}\.extensions\.allizom\.org\/$/);
  });

  it('changes a password to Done: the tracker records it and a notification is handed to Firefox', async () => {
    await enterNewPassword(popup, 'Active Directory', firstPassword);
    await popup.click(testId('submit'));
    await untilShown(`${testId('current-changes')} [data-state="finished"]`);
    expect(await popup.count(`${testId('current-changes')} [data-state="pending"]`)).toBe(0);
    expect(await popup.count(testId('after-change'))).toBe(1);
    expect(tenant.accountState(alice).passwordChangedAt).toBeTruthy();
    expect((await state(popup)).tracker.history.map((change) => change.state)).toEqual(['finished']);
    const handed = () => session.evaluateInBackground<unknown[][]>('(api, background) => background.__handedToFirefox');
    await expect.poll(async () => (await handed()).length, { timeout: 5_000 }).toBe(1);
    expect(JSON.stringify(await handed())).toMatch(/Windows sign-in|Active Directory/);
  });

  it('explains a source that rejects the change, in plain language', async () => {
    tenant.configure({ failSource: { sourceId: IDS.workday, error: 'Workday rejected the password: the connector is unavailable' } });
    await popup.reload();
    await popup.waitFor(`${testId('target')}[data-source="Active Directory"]`);
    await enterNewPassword(popup, 'Active Directory', secondPassword);
    await popup.click(testId('submit'));
    const failed = `${testId('current-changes')} [data-state="failed"]`;
    await untilShown(failed);
    expect(await popup.count(failed)).toBe(1);
    const text = await popup.text(failed);
    expect(text).toContain('Failed');
    expect(text).toMatch(/Workday/);
    expect(text).toMatch(/could not be reached|unavailable|try again/i);
    expect(await popup.count(testId('after-change'))).toBe(0);
  });

  it('keeps both passwords out of extension storage and the tenant log', async () => {
    const storage = await dumpExtensionStorage(harness);
    for (const password of [firstPassword, secondPassword]) {
      expect(storage).not.toContain(password);
      expect(tenant.requestLogText()).not.toContain(password);
    }
  });

  it("keeps storage.session's page flag in its background page, where the first popup after a browser start reads it without waiting", async () => {
    const mirrored = () => session.evaluateInBackground<unknown>('(api, background) => background.rekeyPageSession');
    // The signed-in popup kept its state, and set the flag with it. An event page Firefox started again reads the flag
    // once it runs: on a loaded machine that took longer than expect.poll's default second.
    await expect.poll(mirrored, { timeout: 10_000 }).toBe(true);
    // A browser start empties storage.session (and the tokens with it): the copy follows.
    await session.evaluateInBackground('(api) => api.storage.session.remove("rekey:page-session")');
    await expect.poll(mirrored, { timeout: 10_000 }).toBe(false);
  });

  it('signs out, and the token leaves the worker', async () => {
    await popup.click('.header-actions button:last-child');
    await popup.waitFor(testId('signed-out'));
    expect((await state(popup)).identity).toBeNull();
    expect(await popup.evaluate(() => (globalThis as unknown as ExtensionGlobals).browser.storage.session.get(null))).not.toHaveProperty(
      'session',
    );
  });
});
