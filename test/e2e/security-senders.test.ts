import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionSession, e2eExtensionDir, launchExtension } from '@/sandbox/browser/chromium';
import { configure, sandboxSettings, signIn } from '@/sandbox/browser/journeys';
import { expiredPage, startPagesServer } from '@/sandbox/pages/server';
import { type SandboxTenant, startTenant } from '@/sandbox/tenant';
import { allowedSenders, type RequestType, type SenderContext } from '@/utils/messages/protocol';
import { requestTypes, sampleRequests } from '../fixtures/hostile/messages';
import { copyBuild, until } from '../fixtures/hostile/observer';
import { promptText } from './shadow';

/**
 * Every request type, sent for real from every context Chromium offers: an extension page, the expiry
 * watcher's content script (its isolated world, reached through the DevTools protocol), and the web page
 * itself (window.postMessage, and runtime.sendMessage to our id, which needs externally_connectable). The
 * router must answer exactly as `allowedSenders` says, and a refused request must not reach the tenant.
 */

type Answer = { ok: true } | { ok: false; code: string } | { pending: true };

const apiCalls = (tenant: SandboxTenant) =>
  tenant
    .requestLog()
    .filter((entry) => entry.path.startsWith('/v') || entry.path.startsWith('/beta') || entry.path.startsWith('/oauth/token'));

/** A refusal comes back at once; a request the router lets through may run long (sign-in opens a window). */
function answerOf(reply: unknown): Answer {
  const envelope = reply as { ok?: boolean; error?: { code?: string } } | undefined;
  if (envelope?.ok === true) return { ok: true };
  return { ok: false, code: envelope?.error?.code ?? `no envelope: ${JSON.stringify(reply)}` };
}

const refusedFrom = (context: SenderContext) => requestTypes.filter((type) => !allowedSenders[type].includes(context));
const allowedFrom = (context: SenderContext) => requestTypes.filter((type) => allowedSenders[type].includes(context));

describe('who may ask the background for what, in Chromium', () => {
  let tenant: SandboxTenant;
  let site: Awaited<ReturnType<typeof startPagesServer>>;
  let build: ReturnType<typeof copyBuild>;
  let session: ExtensionSession;
  let page: Page;
  let cdp: CDPSession;
  let contentScriptContext: number | undefined;

  /** Messages the worker received, with the sender Chromium vouched for (a second onMessage listener). */
  const workerInbox = () =>
    session.worker.evaluate(() => (globalThis as unknown as { __inbox?: Array<{ type: unknown; url?: string }> }).__inbox ?? []);

  async function fromContentScript(type: RequestType): Promise<Answer> {
    const result = (await cdp.send('Runtime.evaluate', {
      expression: `chrome.runtime.sendMessage(${JSON.stringify(sampleRequests[type])})`,
      contextId: contentScriptContext,
      awaitPromise: true,
      returnByValue: true,
    })) as { result: { value?: unknown }; exceptionDetails?: { text: string } };
    if (result.exceptionDetails) return { ok: false, code: `exception: ${result.exceptionDetails.text}` };
    return answerOf(result.result.value);
  }

  beforeAll(async () => {
    tenant = await startTenant({ port: 0, statusDelayMs: 0 });
    site = await startPagesServer({ '/expired': expiredPage });
    build = copyBuild(e2eExtensionDir);
    session = await launchExtension({ dir: build.dir });
    await configure(session, sandboxSettings(tenant, { expiryPagePatterns: ['http://127.0.0.1/* | G Suite'] }));
    // Signed in, so that a request that slipped through would have a token to spend.
    const popup = await session.openPopup();
    await signIn(session, popup, 'alice', 'Alice-Sandbox-1');
    await popup.close();
    await session.worker.evaluate(() => {
      const inbox: Array<{ type: unknown; url?: string }> = [];
      (globalThis as unknown as { __inbox: typeof inbox }).__inbox = inbox;
      chrome.runtime.onMessage.addListener((message: { type?: unknown }, sender) => {
        inbox.push({ type: message?.type, url: sender.url });
      });
    });

    page = await session.context.newPage();
    cdp = await session.context.newCDPSession(page);
    cdp.on('Runtime.executionContextCreated', ({ context }) => {
      const aux = context.auxData as { type?: string } | undefined;
      if (aux?.type === 'isolated' && context.origin.includes(session.extensionId)) contentScriptContext = context.id;
    });
    await cdp.send('Runtime.enable');
    await page.goto(`${site.url}/expired`);
    await until('the watcher shows its prompt', async () => (await promptText(page)) !== null);
    await until('the content script world is known', async () => contentScriptContext !== undefined);
  }, 60_000);

  afterAll(async () => {
    await session?.close();
    build?.remove();
    await site?.stop();
    await tenant?.stop();
  });

  it('a content script is refused every request an extension page alone may send, and the tenant sees none of them', async () => {
    const before = apiCalls(tenant).length;
    const refused = refusedFrom('content-script');
    expect(refused.length).toBeGreaterThan(12);
    for (const type of refused) expect(await fromContentScript(type), type).toEqual({ ok: false, code: 'forbidden-sender' });
    expect(apiCalls(tenant).slice(before)).toEqual([]);
    const inbox = await workerInbox();
    expect(inbox.filter((entry) => refused.includes(entry.type as RequestType)).map((entry) => entry.url)).toEqual(
      refused.map(() => `${site.url}/expired`),
    );
  });

  it("a content script can neither read nor write the extension's storage, so it cannot rewrite where sign-ins go", async () => {
    const attempt = async (expression: string) => {
      const result = (await cdp.send('Runtime.evaluate', {
        expression: `(async () => { try { return { ok: true, value: JSON.stringify(await ${expression}) }; } catch (error) { return { ok: false }; } })()`,
        contextId: contentScriptContext,
        awaitPromise: true,
        returnByValue: true,
      })) as { result: { value?: { ok: boolean; value?: string } } };
      return result.result.value;
    };
    for (const area of ['local', 'session', 'sync']) {
      expect(await attempt(`chrome.storage.${area}.get(null)`), area).toEqual({ ok: false });
    }
    expect(await attempt(`chrome.storage.local.set({ settings: { tokenUrl: 'https://evil.example/oauth/token' } })`)).toEqual({
      ok: false,
    });
    const stored = await session.worker.evaluate(() => chrome.storage.local.get('settings'));
    expect(JSON.stringify(stored)).not.toContain('evil.example');
  });

  it('the worker ignores settings it did not save itself (sealed with a key in its own IndexedDB)', async () => {
    const read = () => session.worker.evaluate(() => chrome.storage.local.get(['settings', 'settings-seal']));
    const before = (await read()) as { settings: Record<string, unknown>; 'settings-seal'?: string };
    expect(typeof before['settings-seal']).toBe('string');
    // Written behind the worker's back, as a content script could in Firefox.
    await session.worker.evaluate(
      (settings) => chrome.storage.local.set({ settings: { ...settings, tokenUrl: 'https://evil.example/oauth/token' } }),
      before.settings,
    );
    const options = await session.openOptions();
    const state = (await options.evaluate(() => chrome.runtime.sendMessage({ type: 'state/get' }))) as {
      value: { settings: { settings: { tokenUrl: string; tenant: string } } };
    };
    expect(state.value.settings.settings.tokenUrl).toBe('');
    expect(state.value.settings.settings.tenant).toBe('');
    await options.close();
    // Saved again through the worker, as the options page does: sealed and in force.
    await configure(session, sandboxSettings(tenant, { expiryPagePatterns: ['http://127.0.0.1/* | G Suite'] }));
  });

  it('the web page itself cannot reach the background: no runtime to our id, and postMessage goes nowhere', async () => {
    const inboxBefore = (await workerInbox()).length;
    const before = apiCalls(tenant).length;
    const attempts = await page.evaluate(
      async ({ id, samples }) => {
        const outcomes: string[] = [];
        for (const message of samples) {
          window.postMessage(message, '*');
          window.postMessage({ source: 'rekey', ...message }, '*');
          const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: (...args: unknown[]) => Promise<unknown> } } }).chrome
            ?.runtime;
          if (!runtime?.sendMessage) {
            outcomes.push('no runtime');
            continue;
          }
          try {
            await runtime.sendMessage(id, message);
            outcomes.push('sent');
          } catch (error) {
            outcomes.push(`refused: ${(error as Error).message}`);
          }
        }
        await new Promise((resolve) => setTimeout(resolve, 500));
        return outcomes;
      },
      { id: session.extensionId, samples: requestTypes.map((type) => sampleRequests[type]) },
    );
    expect(attempts).toHaveLength(requestTypes.length);
    expect(attempts.filter((outcome) => outcome === 'sent')).toEqual([]);
    expect((await workerInbox()).slice(inboxBefore).filter((entry) => !entry.url?.startsWith(session.extensionOrigin))).toEqual([]);
    expect(apiCalls(tenant).slice(before)).toEqual([]);
  });

  // After the web-page test: "expiry/openChange" opens the toolbar popup, whose own requests would blur it.
  it('a content script may ping and report what it saw, as the table allows', async () => {
    const allowed = allowedFrom('content-script');
    expect([...allowed].sort()).toEqual(['expiry/classify', 'expiry/openChange', 'expiry/report', 'expiry/snooze', 'ping']);
    for (const type of allowed) expect(await fromContentScript(type), type).toEqual({ ok: true });
  });

  it('an extension page gets every request it is allowed, and only the content-script ones are refused', async () => {
    const options = await session.openOptions();
    const answers: Record<string, Answer> = {};
    // Run last: some of these act for real (sign out, sign in again, a bogus submit the tenant rejects).
    for (const type of requestTypes) {
      answers[type] = (await options.evaluate(
        (message) =>
          Promise.race([
            chrome.runtime
              .sendMessage(message)
              .then((reply: { ok?: boolean; error?: { code?: string } }) =>
                reply?.ok ? { ok: true } : { ok: false, code: reply?.error?.code ?? 'none' },
              ),
            new Promise((resolve) => setTimeout(() => resolve({ pending: true }), 3_000)),
          ]),
        sampleRequests[type],
      )) as Answer;
    }
    for (const type of requestTypes) {
      if (allowedSenders[type].includes('extension-page')) expect(answers[type], type).not.toEqual({ ok: false, code: 'forbidden-sender' });
      else expect(answers[type], type).toEqual({ ok: false, code: 'forbidden-sender' });
    }
    expect(answers.ping).toEqual({ ok: true });
    expect(answers['state/get']).toEqual({ ok: true });
    await options.close();
  }, 120_000);
});
