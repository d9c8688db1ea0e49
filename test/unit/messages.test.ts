import { describe, expect, it } from 'vitest';
import { createMessenger, MessageError } from '@/utils/messages/client';
import { classifySender, createRouter, type Handlers, type SenderInfo } from '@/utils/messages/router';

const identity = { extensionId: 'abcdefghijklmnop', extensionOrigin: 'chrome-extension://abcdefghijklmnop' };
const popup: SenderInfo = { id: identity.extensionId, url: `${identity.extensionOrigin}/popup.html` };
const contentScript: SenderInfo = {
  id: identity.extensionId,
  url: 'https://idp.example.com/expired',
  tab: { id: 4, url: 'https://idp.example.com/expired' },
};
const otherExtension: SenderInfo = { id: 'zzzzzzzzzzzzzzzz', url: 'chrome-extension://zzzzzzzzzzzzzzzz/page.html' };

describe('message router', () => {
  const called: string[] = [];
  // Every other handler records that it was reached, so a test can prove the router stopped a request first.
  const handlers = new Proxy({ ping: () => ({ pong: true, version: '1.2.3', startedAt: 42 }) } as Partial<Handlers>, {
    get: (target, key: string) =>
      target[key as keyof Handlers] ??
      (() => {
        called.push(key);
        return null;
      }),
  }) as Handlers;
  const route = createRouter(handlers, identity);

  it('answers a valid ping from an extension page', async () => {
    expect(await route({ type: 'ping' }, popup)).toEqual({ ok: true, value: { pong: true, version: '1.2.3', startedAt: 42 } });
  });

  it('rejects messages that do not match the protocol', async () => {
    for (const bad of [null, 'ping', {}, { type: 'nope' }, { type: 42 }]) {
      expect(await route(bad, popup)).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    }
  });

  it('refuses other extensions', async () => {
    expect(await route({ type: 'ping' }, otherExtension)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
  });

  it('refuses token and API requests from content scripts without reaching a handler', async () => {
    const pageOnly = [
      { type: 'state/get' },
      { type: 'auth/signIn' },
      { type: 'auth/signOut' },
      { type: 'password/info', sourceName: 'Active Directory' },
      { type: 'tracker/summary' },
      { type: 'settings/update', edit: { tenant: 'evil' } },
    ];
    for (const message of pageOnly) {
      expect(await route(message, contentScript)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    }
    expect(called).toEqual([]);
  });

  it('lets content scripts report an expiry page but not extension pages', async () => {
    expect(await route({ type: 'expiry/report', kind: 'expired' }, contentScript)).toMatchObject({ ok: true });
    expect(await route({ type: 'expiry/report', kind: 'expired' }, popup)).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
  });

  it("never forwards a failing handler's own error text", async () => {
    const failing = createRouter(
      new Proxy({} as Handlers, {
        get: () => () => {
          throw new Error('secret-token-value');
        },
      }),
      identity,
    );
    const reply = await failing({ type: 'state/get' }, popup);
    expect(JSON.stringify(reply)).not.toContain('secret-token-value');
    expect(reply).toMatchObject({ ok: false, error: { code: 'handler-failed' } });
  });

  it('classifies tabs showing web pages as content scripts', () => {
    expect(classifySender(contentScript, identity.extensionId, identity.extensionOrigin)).toBe('content-script');
    expect(classifySender(popup, identity.extensionId, identity.extensionOrigin)).toBe('extension-page');
    expect(classifySender(otherExtension, identity.extensionId, identity.extensionOrigin)).toBeNull();
    const lookalike = { id: identity.extensionId, url: `${identity.extensionOrigin}.evil.example/popup.html` };
    expect(classifySender(lookalike, identity.extensionId, identity.extensionOrigin)).toBe('content-script');
  });
});

describe('messenger', () => {
  it('unwraps successful envelopes and throws typed errors', async () => {
    const ok = createMessenger(async () => ({ ok: true, value: { pong: true, version: '1', startedAt: 1 } }));
    await expect(ok({ type: 'ping' })).resolves.toEqual({ pong: true, version: '1', startedAt: 1 });
    const failing = createMessenger(async () => ({ ok: false, error: { code: 'forbidden-sender', message: 'no' } }));
    await expect(failing({ type: 'ping' })).rejects.toBeInstanceOf(MessageError);
    const silent = createMessenger(async () => undefined);
    await expect(silent({ type: 'ping' })).rejects.toMatchObject({ code: 'no-response' });
  });
});
