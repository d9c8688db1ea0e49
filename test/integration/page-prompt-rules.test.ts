import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SenderInfo } from '@/utils/messages/router';
import { type Background, faultSources, loadBackground } from '../fixtures/faults/background';

/**
 * The worker side of the page prompt, driven through the worker's own router over the fake browser. A page is
 * untrusted: whatever its content script reports, it may only show a prompt in its own tab. It may date a
 * source's expiry only where the administrator mapped the site to that source, never push a known expiry back,
 * and "Change now" / "Not now" count only in a tab the worker itself showed a prompt in.
 */

const mappedSite = 'https://sso.acme.example';
const unmappedSite = 'https://othercorp.okta.com';
const extensionId = 'test-extension-id';

let background: Background;

beforeEach(async () => {
  background = await loadBackground();
  const result = await background.services.settings.edit({
    tenant: 'acme',
    clientId: 'rekey-extension',
    sources: faultSources,
    // One watched site mapped to a source, one watched without (only the built-in list covers okta.com).
    expiryPagePatterns: [`${mappedSite}/* | Active Directory`, 'https://intranet.acme.example/*'],
  });
  expect(result).toEqual({ refused: [], invalid: [] });
});

/** A content script's message as the browser delivers it: the extension's id, the page's URL and tab. */
function fromTab(tabId: number, url: string): SenderInfo {
  return { id: extensionId, url, tab: { id: tabId, url } };
}

function send(message: unknown, sender: SenderInfo) {
  return background.services.route(message, sender);
}

async function report(sender: SenderInfo, daysLeft?: number) {
  const message =
    daysLeft === undefined ? { type: 'expiry/report', kind: 'expired' } : { type: 'expiry/report', kind: 'expiring', daysLeft };
  const reply = await send(message, sender);
  expect(reply.ok).toBe(true);
  return reply.ok ? (reply.value as { show: boolean }) : { show: false };
}

async function storedExpiries(): Promise<{ key: string; expiresAt: number; origin: string }[]> {
  const { reminders } = (await background.browser.storage.local.get('reminders')) as { reminders?: { expiries: [] } };
  return reminders?.expiries ?? [];
}

async function storedSnoozes(): Promise<Record<string, number>> {
  const { 'expiry-snoozes': snoozes } = (await background.browser.storage.local.get('expiry-snoozes')) as {
    'expiry-snoozes'?: Record<string, number>;
  };
  return snoozes ?? {};
}

const days = (n: number) => n * 86_400_000;

describe('which pages may date a password expiry', () => {
  it('records the expiry a mapped site reports, under the source it is mapped to', async () => {
    await report(fromTab(1, `${mappedSite}/login`), 5);
    const expiries = await storedExpiries();
    expect(expiries.map((e) => ({ key: e.key, origin: e.origin }))).toEqual([{ key: 'Active Directory', origin: 'page' }]);
    expect(expiries[0]!.expiresAt - Date.now()).toBeGreaterThan(days(4));
    expect(expiries[0]!.expiresAt - Date.now()).toBeLessThanOrEqual(days(6));
  });

  it('records nothing from a site no administrator mapped to a source, though it still shows the prompt there', async () => {
    expect(await report(fromTab(1, `${unmappedSite}/signin`), 2)).toMatchObject({ show: true });
    expect(await report(fromTab(2, 'https://intranet.acme.example/password'), 2)).toMatchObject({ show: true });
    expect(await storedExpiries()).toEqual([]);
  });

  it('never pushes a known expiry back: a later, farther date from a page is ignored; a nearer one is kept', async () => {
    await report(fromTab(1, `${mappedSite}/login`), 3);
    const [first] = await storedExpiries();
    await report(fromTab(1, `${mappedSite}/login`), 60);
    expect((await storedExpiries()).map((e) => e.expiresAt)).toEqual([first!.expiresAt]);
    await report(fromTab(1, `${mappedSite}/login`), 1);
    const [nearer] = await storedExpiries();
    expect(nearer!.expiresAt).toBeLessThan(first!.expiresAt);
  });
});

describe('"Change now" and "Not now" count only in a tab the worker showed a prompt in', () => {
  it('opens nothing and snoozes nothing for a tab that was never shown a prompt', async () => {
    const open = vi.spyOn(background.services.popup, 'open');
    const page = fromTab(4, `${mappedSite}/login`);
    expect(await send({ type: 'expiry/openChange' }, page)).toEqual({ ok: true, value: null });
    expect(await send({ type: 'expiry/snooze' }, page)).toEqual({ ok: true, value: null });
    expect(open).not.toHaveBeenCalled();
    expect(await storedSnoozes()).toEqual({});
  });

  it('ignores another tab of the same site, and the shown tab once it shows another site', async () => {
    const open = vi.spyOn(background.services.popup, 'open');
    await report(fromTab(4, `${mappedSite}/login`));
    await send({ type: 'expiry/openChange' }, fromTab(5, `${mappedSite}/login`));
    await send({ type: 'expiry/snooze' }, fromTab(5, `${mappedSite}/login`));
    await send({ type: 'expiry/openChange' }, fromTab(4, `${unmappedSite}/login`));
    await send({ type: 'expiry/snooze' }, fromTab(4, `${unmappedSite}/login`));
    expect(open).not.toHaveBeenCalled();
    expect(await storedSnoozes()).toEqual({});
  });

  it('opens the change flow on the mapped source for the tab it showed a prompt in', async () => {
    const open = vi.spyOn(background.services.popup, 'open').mockResolvedValue(undefined);
    await report(fromTab(4, `${mappedSite}/login`));
    await send({ type: 'expiry/openChange' }, fromTab(4, `${mappedSite}/login`));
    expect(open).toHaveBeenCalledExactlyOnceWith('Active Directory');
  });

  it('snoozes the shown site, after which it reports without a prompt', async () => {
    await report(fromTab(4, `${mappedSite}/login`));
    await send({ type: 'expiry/snooze' }, fromTab(4, `${mappedSite}/login`));
    expect(Object.keys(await storedSnoozes())).toEqual([mappedSite]);
    expect(await report(fromTab(6, `${mappedSite}/login`))).toEqual({ show: false });
  });

  it('forgets the shown prompts when the employee signs out', async () => {
    const open = vi.spyOn(background.services.popup, 'open');
    await report(fromTab(4, `${mappedSite}/login`));
    await background.services.session.signOut();
    await send({ type: 'expiry/openChange' }, fromTab(4, `${mappedSite}/login`));
    expect(open).not.toHaveBeenCalled();
  });
});
