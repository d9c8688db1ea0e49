import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Background, loadBackground } from '@/test/fixtures/faults/background';
import type { SenderInfo } from '@/utils/messages/router';

/**
 * `expiry/classify`: the watcher's only way to get the classifier. Through the worker's own router it is taken only
 * from a content script, it carries nothing (the schema keeps only its type), and it injects our one file into the
 * sender's own tab and frame (never a tab, frame or file the message names), and only into a web page.
 */

const extensionId = 'test-extension-id';
const page = 'https://sso.corp.example/signin/password-expired';
const contentScript: SenderInfo = { id: extensionId, url: page, tab: { id: 7, url: page }, frameId: 3 };

interface Injection {
  target: { tabId: number; frameIds?: number[] };
  files?: string[];
}

describe('expiry/classify (the watcher asks for the classifier)', () => {
  let background: Background;
  let injections: Injection[];
  beforeEach(async () => {
    background = await loadBackground();
    injections = [];
    // WXT's fake browser has no scripting API: record what the worker asks Chromium to inject.
    (background.browser as unknown as { scripting: { executeScript: (i: Injection) => Promise<unknown[]> } }).scripting = {
      executeScript: async (injection) => {
        injections.push(injection);
        return [];
      },
    };
  });
  afterEach(() => background.browser.reset());

  const route = (message: unknown, sender: SenderInfo) => background.services.route(message, sender);

  it("injects the classifier file into the content script's own tab and frame", async () => {
    expect(await route({ type: 'expiry/classify' }, contentScript)).toEqual({ ok: true, value: null });
    expect(injections).toEqual([{ target: { tabId: 7, frameIds: [3] }, files: ['/content-scripts/expiry-classifier.js'] }]);
  });

  it('refuses it from an extension page and from another extension, before anything is injected', async () => {
    const popup: SenderInfo = { id: extensionId, url: `chrome-extension://${extensionId}/popup.html` };
    const other: SenderInfo = { id: 'zzzzzzzzzzzzzzzz', url: 'chrome-extension://zzzzzzzzzzzzzzzz/page.html', tab: { id: 9, url: page } };
    expect(await route({ type: 'expiry/classify' }, popup)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await route({ type: 'expiry/classify' }, other)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(injections).toEqual([]);
  });

  it('takes no target from the message: a tab, frame or file it names is dropped by the schema', async () => {
    const steering = { type: 'expiry/classify', tabId: 1, frameId: 0, files: ['/background.js'] };
    expect(await route(steering, contentScript)).toEqual({ ok: true, value: null });
    expect(injections).toEqual([{ target: { tabId: 7, frameIds: [3] }, files: ['/content-scripts/expiry-classifier.js'] }]);
    expect(await route({ type: 'expiry/classify ' }, contentScript)).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
  });

  it('injects nothing for a sender without a tab or outside a web page', async () => {
    await route({ type: 'expiry/classify' }, { id: extensionId, url: page });
    await route(
      { type: 'expiry/classify' },
      { id: extensionId, url: 'file:///home/me/expired.html', tab: { id: 7, url: 'file:///home/me/expired.html' } },
    );
    expect(injections).toEqual([]);
  });
});
